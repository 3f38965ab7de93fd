/**
 * 异形词 (wording.variant): the non-recommended forms of the 第一批异形词整理表 (GF 1001—2001) with their
 * recommended form (wordlists/variants.tsv), e.g. 笔划 → 笔画, 成份 → 成分, 图象 → 图像. The hit must sit on word
 * boundaries (指定|单位 does not hold 定单), and `allow` rows cancel what they overlap.
 */
import type { CheckContext, RawFinding } from '../../core/check';
import { defineCheck } from '../../core/check';
import { listHitFinding, reportableHits } from '../list-hits';
import { crossesWordBoundary } from '../util/words';
import { MAX_FINDINGS_PER_FIELD } from '../util/text';
import { WORDING_CLAUSE, withSource } from './util/clause';
import { isQuotedMention } from './util/mention';

export const VARIANTS_LIST = 'variants';

function run(ctx: CheckContext): RawFinding[] {
  const list = ctx.list(VARIANTS_LIST);
  if (!list) return [];
  const out: RawFinding[] = [];
  for (const field of ctx.fields) {
    let reported = 0;
    for (const hit of reportableHits(field, [VARIANTS_LIST])) {
      // Per-field cap before the costlier tests (segmenter): a pasted megabyte of one term stays linear and bounded.
      if (reported >= MAX_FINDINGS_PER_FIELD) break;
      if (crossesWordBoundary(field, hit) || isQuotedMention(field.text, hit.start, hit.end)) continue;
      const r = hit.entry.replacement ?? '';
      const severity = hit.entry.severity ?? list.severity;
      const message = `「${field.text.slice(hit.start, hit.end)}」是异形词的非推荐词形，按《第一批异形词整理表》应写作「${r}」。`;
      const f = listHitFinding(field, hit, { severity, message, check: 'wording.variant', fix: true });
      f.clause = withSource(list.clause, 'GF 1001—2001《第一批异形词整理表》');
      out.push(f);
      reported++;
    }
  }
  return out;
}

export const variant = defineCheck({
  id: 'wording.variant',
  category: 'wording',
  severity: 'review',
  clause: WORDING_CLAUSE,
  description: '异形词：《第一批异形词整理表》（GF 1001—2001）中的非推荐词形（笔划、成份、图象、过份……），改为推荐词形',
  lists: [VARIANTS_LIST],
  examples: {
    positive: [
      { draft: '这个字的笔划较多，孩子们写得很认真。', expect: [{ text: '笔划', severity: 'review' }] },
      { draft: '检测报告显示，该产品的主要成份符合标准。', expect: [{ text: '成份' }] },
      { draft: '监控图象清晰，民警很快锁定了嫌疑人。', expect: [{ text: '图象' }] },
    ],
    guard: [
      { draft: '请到指定单位办理，确定单价后签订合同。' },
      { draft: '这个字的笔画较多；产品成分符合标准；监控图像清晰。' },
    ],
  },
  run,
});
