/**
 * 规范提法 (wording.formulation): a span one or two edits away from a canonical formulation of
 * wordlists/formulations.tsv (社会主意核心价值观, 以习近平为核心的党中央) is a 严重表述错误, block, with the canonical
 * form as the one-click fix; known wrong forms (tag wrong) are reported as they are.
 *
 * The search is the indexed near-miss matcher of lib/core/near-miss.ts over the field's reading view (enumeration
 * commas, quotation marks and spaces ignored). On top of its guards (edges as they are, legit forms explain a
 * candidate away) this check drops candidates that:
 * - span a sentence end;
 * - differ from the formulation in a numeral (党的十九大 is not a misspelt 党的二十大, 第一个百年 not 第二个);
 * - are the formulation plus two inserted characters (中国特色社会主义先进文化: a modifier, not a typo).
 */
import type { CheckContext, FieldContext, RawFinding } from '../../core/check';
import { defineCheck } from '../../core/check';
import { Automaton } from '../../core/matcher';
import { fingerprint } from '../../core/fingerprint';
import { NearMissIndex } from '../../core/near-miss';
import type { WordEntry, WordList } from '../../core/wordlist';
import { listSource } from '../../core/ruleset';
import { capFindings, MAX_FINDINGS_PER_FIELD } from '../util/text';
import { WORDING_CLAUSE, withSource } from './util/clause';
import { isQuotedMention } from './util/mention';
import { BARRIERS, fieldView, PHRASE_END, readingForm, viewToOriginal } from './util/view';

export const FORMULATIONS_LIST = 'formulations';

interface Compiled {
  index: NearMissIndex;
  targets: WordEntry[];
  /** Known wrong forms, matched on the reading view too (痴、呆、傻 reads 痴呆傻). */
  wrong: Automaton;
  wrongEntries: WordEntry[];
}
const compiled = new WeakMap<WordList, Compiled>();
/**
 * Also by content: every wordlist update brings new list objects, and rebuilding the near-miss index of an
 * unchanged formulations list made the first screen after an update a long task on the console tab.
 */
const compiledByContent = new Map<string, Compiled>();
const CONTENT_CACHE_SIZE = 4;

function compile(list: WordList): Compiled {
  let c = compiled.get(list);
  if (c) return c;
  const key = fingerprint([JSON.stringify(list.entries)]);
  c = compiledByContent.get(key);
  if (!c) {
    if (compiledByContent.size >= CONTENT_CACHE_SIZE) compiledByContent.delete(compiledByContent.keys().next().value!);
    compiledByContent.set(key, (c = build(list)));
  }
  compiled.set(list, c);
  return c;
}

function build(list: WordList): Compiled {
  const targets = list.entries.filter((e) => e.tag === 'canonical');
  const legit = list.entries.filter((e) => e.tag === 'canonical' || e.tag === 'legit').map((e) => readingForm(e.term));
  // A mistyped last character (富强、民主、文明、和协，) is read as a typo only for slogans and theory names: an
  // institution's last character varies legitimately (人力资源和社会保障局／厅／类).
  const openEnd = (text: string, end: number, t: number) =>
    !INSTITUTION.test(targets[t].note ?? '') && (end >= text.length || PHRASE_END.test(text[end]));
  // One pattern per reading form (痴、呆、傻 and 痴呆傻 read alike; an admin may add both): the first entry wins.
  const byForm = new Map<string, WordEntry>();
  for (const e of list.entries) if (e.tag === 'wrong' && e.replacement && !byForm.has(readingForm(e.term))) byForm.set(readingForm(e.term), e);
  const wrongEntries = [...byForm.values()];
  return {
    index: NearMissIndex.build(targets.map((e) => readingForm(e.term)), legit, { openEnd }),
    targets,
    wrong: Automaton.build(wrongEntries.map((e) => readingForm(e.term))),
    wrongEntries,
  };
}

/** Quotation marks a formulation may open or close with. */
const DROPPED_EDGE = new Set(['“', '”', '‘', '’', '「', '」']);
/** Notes of institution names (see the list header). */
const INSTITUTION = /^\[(GWY23|ZYJG)\]/;
const NUMERAL = /[0-9〇零一二三四五六七八九十百千万两]/;

/** Characters in one string and not the other (multiset difference, both ways). */
function differing(a: string, b: string): string[] {
  const count = new Map<string, number>();
  for (const ch of a) count.set(ch, (count.get(ch) ?? 0) + 1);
  for (const ch of b) count.set(ch, (count.get(ch) ?? 0) - 1);
  return [...count].filter(([, n]) => n !== 0).map(([ch]) => ch);
}

function nearMisses(field: FieldContext, list: WordList): RawFinding[] {
  const { index, targets } = compile(list);
  const view = fieldView(field);
  const out: RawFinding[] = [];
  // Four times the per-field cap: candidates the filters below drop must not end the search early on real text.
  for (const hit of index.search(view.text, 4 * MAX_FINDINGS_PER_FIELD)) {
    const entry = targets[hit.target];
    const target = readingForm(entry.term);
    const span = view.text.slice(hit.start, hit.end);
    if (BARRIERS.test(span)) continue;
    if (hit.distance === 2 && span.length === target.length + 2) continue;
    if (differing(span, target).some((ch) => NUMERAL.test(ch))) continue;
    let { start, end } = viewToOriginal(view, hit.start, hit.end);
    // The view ignores quotation marks; where the formulation opens or closes with one that the text has just
    // outside the span, the span takes it in, so the one-click fix does not double it (做到“两个维户” -> 做到“两个维护”).
    const term = entry.term;
    if (DROPPED_EDGE.has(term[0]) && field.text[start - 1] === term[0]) start--;
    if (DROPPED_EDGE.has(term[term.length - 1]) && field.text[end] === term[term.length - 1]) end++;
    out.push({
      field: field.name,
      start,
      end,
      severity: 'block',
      message: `「${field.text.slice(start, end)}」与规范提法「${entry.term}」不一致（相差${hit.distance}处），属表述错误，应改为「${entry.term}」。`,
      suggestion: entry.term,
      clause: withSource(list.clause, entry.note),
      source: listSource(list),
      check: 'wording.formulation',
    });
  }
  return out;
}

function wrongForms(field: FieldContext, list: WordList): RawFinding[] {
  const { wrong, wrongEntries } = compile(list);
  const view = fieldView(field);
  const out: RawFinding[] = [];
  wrong.scan(view.text, (id, endInView) => {
    if (out.length >= MAX_FINDINGS_PER_FIELD) return;
    const entry = wrongEntries[id];
    const { start, end } = viewToOriginal(view, endInView - wrong.patternLength(id), endInView);
    if (isQuotedMention(field.text, start, end)) return;
    out.push({
      field: field.name,
      start,
      end,
      severity: entry.severity ?? 'block',
      message: `「${field.text.slice(start, end)}」不是规范提法，应为「${entry.replacement}」。`,
      suggestion: entry.replacement,
      clause: withSource(list.clause, entry.note),
      source: listSource(list),
      check: 'wording.formulation',
    });
  });
  // Overlapping wrong forms (痴、呆、傻 and 呆傻人员) are one problem: earliest first, then the longest.
  out.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: RawFinding[] = [];
  for (const f of out) if (!kept.length || kept[kept.length - 1].end <= f.start) kept.push(f);
  return kept;
}

function run(ctx: CheckContext): RawFinding[] {
  const list = ctx.list(FORMULATIONS_LIST);
  if (!list) return [];
  const out: RawFinding[] = [];
  for (const field of ctx.fields) {
    const wrong = wrongForms(field, list);
    // Near misses overlapping a known wrong form are the same problem (both lists sorted by start: one sweep).
    const near: RawFinding[] = [];
    let w = 0;
    for (const n of nearMisses(field, list)) {
      while (w < wrong.length && wrong[w].end <= n.start) w++;
      if (w < wrong.length && wrong[w].start < n.end) continue;
      near.push(n);
    }
    out.push(...wrong, ...near);
  }
  return capFindings(out);
}

export const formulation = defineCheck({
  id: 'wording.formulation',
  category: 'wording',
  severity: 'block',
  clause: WORDING_CLAUSE,
  description: '规范提法：党的创新理论全称、党中央领导核心表述、社会主义核心价值观、重大战略、机构全称等写错一两个字（少字、多字、错字、颠倒）',
  lists: [FORMULATIONS_LIST],
  examples: {
    positive: [
      { draft: '各村利用农家书屋开展活动，大力培育和践行社会主意核心价值观。', expect: [{ text: '社会主意核心价值观', severity: 'block' }] },
      { draft: '全县干部群众紧密团结在以习近平为核心的党中央周围，奋力谱写新篇章。', expect: [{ text: '以习近平为核心的党中央', severity: 'block' }], note: '少了“同志”' },
      { draft: '全镇深入学习习近平新时代特色社会主义思想。', expect: [{ text: '习近平新时代特色社会主义思想' }] },
      { draft: '倡导富强、民主、文明、和协，倡导爱国、敬业、诚信、友善。', expect: [{ text: '富强、民主、文明、和协' }] },
      { draft: '增强“四个意识”，统筹推进“五位一体”总体不局。', expect: [{ text: '五位一体”总体不局' }] },
      { draft: '我县全面实施乡村振兴战略，推动中国特色社会主义事业发展。以习近平总书记为核心的党中央高度重视“三农”工作。', expect: [{ text: '以习近平总书记为核心的党中央' }] },
    ],
    guard: [
      { draft: '紧密团结在以习近平同志为核心的党中央周围，深入学习贯彻习近平新时代中国特色社会主义思想。' },
      { draft: '坚持和完善中国特色社会主义制度，发展社会主义先进文化，推进中国特色社会主义先进文化建设。' },
      { draft: '党的十九大以来，全县上下为实现第一个百年奋斗目标团结奋斗；党的十六大提出全面建设小康社会。' },
      { draft: '县住房城乡建设局、人力资源社会保障局、国家市场监管总局有关同志参加会议。' },
      { draft: '倡导富强、民主、文明、和谐，倡导自由、平等、公正、法治，倡导爱国、敬业、诚信、友善。' },
      { draft: '县市场监督管理局联合县市场监督管理分局开展检查，县政务服务中心窗口延时服务。' },
    ],
  },
  run,
});
