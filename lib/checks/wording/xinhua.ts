/**
 * 新华社禁用词和慎用词 (wording.xinhua): the Xinhua rules restated as our list (wordlists/wording.tsv), plus any
 * wording list an admin adds under a new id. A 严重表述错误 is a 单项否决 item in the national inspection, so
 * territory, ethnic and religious wording is block.
 *
 * Context: the `context` column either lists plain words of which one must occur in the field (中央银行 only
 * near 台湾; otherwise the finding is an info reminder), or uses the cue syntax of util/cues.ts for rows whose
 * meaning depends on the sense: 中澳 is China–Australia in 中澳自由贸易协定 (a counter-cue: not reported), 中台 is
 * a "middle platform" in 数据中台. Short rows and cue rows must also sit on word boundaries (集中|台 is not 中台).
 * Instructions such as (删除) never become a one-click fix: the editor decides the new wording.
 */
import type { CheckContext, FieldContext, ListHit, RawFinding } from '../../core/check';
import { defineCheck } from '../../core/check';
import type { Severity } from '../../core/types';
import type { WordEntry } from '../../core/wordlist';
import { hitSeverity, isInstruction, listHitFinding, reportableHits, splitAlternatives } from '../list-hits';
import { crossesWordBoundary } from '../util/words';
import { MAX_FINDINGS_PER_FIELD } from '../util/text';
import { WORDING_CLAUSE, withSource } from './util/clause';
import { cuesSayWrong, parseCues, surroundings } from './util/cues';
import { isQuotedMention } from './util/mention';

export const WORDING_LIST = 'wording';
/** Wording lists other sub-checks read themselves; every other list of category wording is screened here. */
export const OWN_WORDING_LISTS = new Set(['typos', 'variants', 'formulations', 'confusion', 'doubled']);

const CUE_SYNTAX = /[<>!@&#]/;

function message(hit: ListHit, severity: Severity): string {
  const { entry } = hit;
  const what = `「${entry.term}」`;
  const r = entry.replacement?.trim() ?? '';
  let text: string;
  if (!r) text = `${what}为不规范表述，请修改。`;
  else if (isInstruction(r)) text = `${what}为不规范表述：${r.replace(/^[(（]|[)）]$/g, '')}。`;
  else text = `${what}为不规范表述，应改为${splitAlternatives(r).map((a) => `「${a}」`).join('或')}。`;
  if (entry.note) text += `（${entry.note}）`;
  if (severity === 'info' && entry.context) {
    const words = entry.context.split('|').filter((w) => !/^!/.test(w)).map((w) => w.replace(/^[<>@]+/, ''));
    text += `本栏目未出现「${words.slice(0, 4).join('」「')}」等语境词，仅作提醒。`;
  }
  return text;
}

/** Severity of a hit, or undefined when a counter-cue says the term is used in its other, right sense. */
function severityOf(field: FieldContext, hit: ListHit): Severity | undefined {
  const ctx = hit.entry.context;
  if (!ctx || !CUE_SYNTAX.test(ctx)) return hitSeverity(field, hit);
  const cues = parseCues(ctx);
  const around = surroundings(field.folded, hit.start, hit.end);
  if (cues.negative.some((alt) => cuesSayWrong({ positive: [alt], negative: [] }, around))) return undefined;
  return cuesSayWrong(cues, around) ? (hit.entry.severity ?? hit.list.severity) : 'info';
}

const boundaryCache = new WeakMap<WordEntry, boolean>();
function needsBoundary(hit: ListHit): boolean {
  let v = boundaryCache.get(hit.entry);
  if (v === undefined) boundaryCache.set(hit.entry, (v = [...hit.entry.term].length <= 2 || CUE_SYNTAX.test(hit.entry.context ?? '')));
  return v;
}

function run(ctx: CheckContext): RawFinding[] {
  const ids = ctx.lists.filter((l) => l.category === 'wording' && !OWN_WORDING_LISTS.has(l.id)).map((l) => l.id);
  const out: RawFinding[] = [];
  for (const field of ctx.fields) {
    let reported = 0;
    for (const hit of reportableHits(field, ids, { quotes: true })) {
      // Per-field cap before the costlier tests (segmenter): a pasted megabyte of one term stays linear and bounded.
      if (reported >= MAX_FINDINGS_PER_FIELD) break;
      if (needsBoundary(hit) && crossesWordBoundary(field, hit)) continue;
      if (isQuotedMention(field.text, hit.start, hit.end)) continue;
      const severity = severityOf(field, hit);
      if (!severity) continue;
      const f = listHitFinding(field, hit, { severity, message: message(hit, severity), check: 'wording.xinhua', fix: true });
      if (hit.list.id === WORDING_LIST) f.clause = withSource(hit.list.clause, '新华社《新闻报道中的禁用词（第一批）》（2015）及2016年修订');
      out.push(f);
      reported++;
    }
  }
  return out;
}

export const xinhua = defineCheck({
  id: 'wording.xinhua',
  category: 'wording',
  severity: 'review',
  clause: WORDING_CLAUSE,
  description: '新华社禁用词和慎用词：涉港澳台、民族宗教、国际关系、法律用语、歧视性称谓和不文明用语',
  lists: [WORDING_LIST],
  examples: {
    positive: [
      { draft: '公司开业那年正赶上臺灣總統选举。', expect: [{ text: '臺灣總統', severity: 'block' }], note: 'traditional characters' },
      { draft: '她的茶叶曾在台湾政府主办的评鉴中获奖。', expect: [{ text: '台湾政府', severity: 'block' }] },
      { draft: '来自中国和香港的60名中学生走进云湖区。', expect: [{ text: '中国和香港' }] },
      { draft: '阿訇向群众介绍了回教的节日习俗和饮食禁忌。', expect: [{ text: '回教', severity: 'block' }], note: '国务院1956年通知：伊斯兰教不称回教' },
      { draft: '两队在决赛中ＰＫ，观众热情高涨。', expect: [{ text: 'ＰＫ', severity: 'review' }], note: 'full-width Latin' },
      { draft: '两岸企业家座谈会上，台湾嘉宾谈到中台合作前景。', expect: [{ text: '中台合作', severity: 'block' }] },
      { draft: '澳门特区代表团来访，双方回顾了中澳两地多年的交往。', expect: [{ text: '中澳两地', severity: 'block' }] },
      { draft: '来自台湾国立东华大学的教授介绍了台湾青年创业情况。', expect: [{ text: '国立', severity: 'block' }] },
    ],
    guard: [
      { draft: '我县获评国家级生态示范区，国家发展改革委予以通报表扬。' },
      { draft: '省人大常委会副主任一行到我县调研，全国人大常委会委员参加。' },
      { draft: '展会吸引了日本、韩国、台湾等国家和地区的客商。' },
      { draft: '坚决反对“台独”分裂行径，坚持“一国两制”方针。' },
      { draft: '大学生村官小王带领村民发展特色种植。' },
      { draft: '城关清真寺阿訇向群众介绍了伊斯兰教的节日习俗；回族群众热情参与，同学们下课后回教室继续学习。', note: '回族 is right; 回|教室' },
      { draft: '请下载APK安装包，NB-IoT水表已全面覆盖；妈妈的味道最难忘。' },
      { draft: '中澳自由贸易协定生效后，我县牛肉进口增长；澳大利亚客商表示中澳合作前景广阔。', note: '中澳 = China–Australia' },
      { draft: '县大数据中心建设数据中台，业务中台合作厂商已进场；市场集中台账已建立。', note: '中台 = middle platform' },
      { draft: '《广告法》规定，广告不得使用“国家级”“最佳”等用语，商家宣传产品时要注意。', note: 'mention in an explainer' },
    ],
  },
  run,
});
