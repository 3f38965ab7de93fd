/**
 * 错别字 (wording.typo): typos of political and official terms (wordlists/typos.tsv), wrong whatever the context
 * (扫黑险恶, 再接再励, 布署). Meaning-inverting typos of political terms are block, the rest review; `allow` entries
 * (按装修 for 按装) cancel the hits they overlap.
 */
import type { CheckContext, RawFinding } from '../../core/check';
import { defineCheck } from '../../core/check';
import { hitSeverity, listHitFinding, reportableHits } from '../list-hits';
import { MAX_FINDINGS_PER_FIELD } from '../util/text';
import { WORDING_CLAUSE, withSource } from './util/clause';
import { isQuotedMention } from './util/mention';

export const TYPOS_LIST = 'typos';

function run(ctx: CheckContext): RawFinding[] {
  const list = ctx.list(TYPOS_LIST);
  if (!list) return [];
  const out: RawFinding[] = [];
  for (const field of ctx.fields) {
    let reported = 0;
    for (const hit of reportableHits(field, [TYPOS_LIST])) {
      // Per-field cap before the costlier tests (segmenter): a pasted megabyte of one term stays linear and bounded.
      if (reported >= MAX_FINDINGS_PER_FIELD) break;
      if (isQuotedMention(field.text, hit.start, hit.end)) continue;
      const severity = hitSeverity(field, hit);
      const r = hit.entry.replacement ?? '';
      const message =
        severity === 'block' ? `「${hit.entry.term}」是错别字且改变原意，必须改为「${r}」。` : `「${hit.entry.term}」疑为错别字，应为「${r}」。`;
      const f = listHitFinding(field, hit, { severity, message, check: 'wording.typo', fix: true });
      f.clause = withSource(list.clause, hit.entry.note ?? '常见错别字表');
      out.push(f);
      reported++;
    }
  }
  return out;
}

export const typo = defineCheck({
  id: 'wording.typo',
  category: 'wording',
  severity: 'review',
  clause: WORDING_CLAUSE,
  description: '错别字：政治术语和公文常用词的错别字（扫黑险恶、再接再励、布署、一愁莫展……）',
  lists: [TYPOS_LIST],
  examples: {
    positive: [
      { draft: '县委召开民营企业家坐谈会。', expect: [{ text: '坐谈会', severity: 'review' }] },
      { draft: '希望同学们再接再励，取得好成绩。', expect: [{ text: '再接再励', severity: 'review' }] },
      { draft: '养殖户老周对着满塘死鱼一愁\u200b莫展。', expect: [{ text: '一愁\u200b莫展' }], note: 'zero-width space inside' },
      { draft: '全区开展扫黑 险恶专项斗争。', expect: [{ text: '扫黑 险恶', severity: 'block' }], note: 'inserted space' },
      { draft: '旅客请在侯车室等候，考生在侯考区侯考。', expect: [{ text: '侯车' }, { text: '侯考' }] },
    ],
    guard: [
      { draft: '按装修标准验收，按装机容量补贴，请安装好电池。' },
      { draft: '我市始终把根治欠薪作为重点，农村长期发展基础不断夯实。' },
      { draft: '候车室里，旅客们耐心等候；侯先生是本次活动的志愿者。' },
    ],
  },
  run,
});
