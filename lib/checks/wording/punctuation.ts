/**
 * 标点符号 (wording.punctuation, GB/T 15834—2011《标点符号用法》), reminders only (info): a quotation mark,
 * bracket or book-title mark opened and not closed (or closed and never opened) within its paragraph, and Chinese
 * sentences ending or pausing in half-width punctuation (今天开会,明天放假.). Reminders because copied text and
 * excerpts legitimately break pairs across paragraphs and a reviewer, not a rule, decides.
 * The half-width reminder is one finding per field (on the first place) that counts the rest.
 */
import type { CheckContext, FieldContext, RawFinding } from '../../core/check';
import { defineCheck } from '../../core/check';
import { capFindings } from '../util/text';
import { WORDING_CLAUSE, withSource } from './util/clause';
import { isHanUnit } from './util/han';

const GBT15834 = 'GB/T 15834—2011《标点符号用法》';
const PAIRS: Record<string, string> = { '“': '”', '‘': '’', '（': '）', '《': '》', '【': '】', '〔': '〕', '「': '」', '『': '』' };
const CLOSERS = new Map(Object.entries(PAIRS).map(([o, c]) => [c, o]));
const NAMES: Record<string, string> = { '“': '双引号', '‘': '单引号', '（': '括号', '《': '书名号', '【': '方头括号', '〔': '六角括号', '「': '直角引号', '『': '双直角引号' };
const FULL: Record<string, string> = { ',': '，', '.': '。', ';': '；', ':': '：', '?': '？', '!': '！' };
/** Per paragraph at most this many open marks are tracked (a pasted megabyte of （ stays linear). */
const MAX_DEPTH = 64;
/** Reminders per field: past this many unpaired marks the text is a table or a paste, and one more row helps nobody. */
const MAX_UNPAIRED = 10;

/** Per UTF-16 unit: 1 opening mark, 2 closing mark, 3 half-width sentence punctuation (one typed-array lookup per character). */
const KIND = new Uint8Array(0x10000);
for (const c of Object.keys(PAIRS)) KIND[c.charCodeAt(0)] = 1;
for (const c of Object.values(PAIRS)) KIND[c.charCodeAt(0)] = 2;
for (const c of Object.keys(FULL)) KIND[c.charCodeAt(0)] = 3;
/** Per closing mark's code: its opening mark's code. */
const OPENER_OF = new Uint16Array(0x10000);
for (const [closer, opener] of CLOSERS) OPENER_OF[closer.charCodeAt(0)] = opener.charCodeAt(0);

/**
 * Marks left open or closed without an opener, per paragraph. Works on code units and counts of open marks per
 * kind, so a closer never searches the stack and no string is made per mark (a table of brackets allocates nothing).
 */
function unpaired(field: FieldContext): RawFinding[] {
  const t = field.text;
  const out: RawFinding[] = [];
  const stack = new Int32Array(MAX_DEPTH);
  let depth = 0;
  /** Open marks on the stack per opener code. */
  const openCount = new Map<number, number>();
  const push = (at: number) => {
    stack[depth++] = at;
    const cu = t.charCodeAt(at);
    openCount.set(cu, (openCount.get(cu) ?? 0) + 1);
  };
  const pop = () => {
    const at = stack[--depth];
    const cu = t.charCodeAt(at);
    openCount.set(cu, openCount.get(cu)! - 1);
    return at;
  };
  // Only the first MAX_UNPAIRED become findings; the rest are counted.
  let unpairedCount = 0;
  const reportOpen = (at: number) => {
    if (++unpairedCount <= MAX_UNPAIRED) out.push(finding(field, at, `${NAMES[t[at]]}「${t[at]}」没有配对的「${PAIRS[t[at]]}」，请检查是否漏写。`));
  };
  const reportStray = (at: number, opener: number) => {
    if (++unpairedCount <= MAX_UNPAIRED) out.push(finding(field, at, `「${t[at]}」前面没有配对的「${String.fromCharCode(opener)}」，请检查是否漏写。`));
  };
  const flush = () => {
    for (let k = 0; k < depth; k++) reportOpen(stack[k]);
    depth = 0;
    openCount.clear();
  };
  for (let i = 0; i < t.length; i++) {
    const cu = t.charCodeAt(i);
    if (cu === 0x0a) { flush(); continue; }
    const kind = KIND[cu];
    if (kind === 0 || kind === 3) continue;
    if (kind === 1) {
      if (depth < MAX_DEPTH) push(i);
      continue;
    }
    const opener = OPENER_OF[cu];
    if (opener === 0) continue;
    if (depth > 0 && t.charCodeAt(stack[depth - 1]) === opener) pop();
    else if ((openCount.get(opener) ?? 0) > 0) {
      // Closed out of order: 《…（…》 — report the marks left open inside.
      while (t.charCodeAt(stack[depth - 1]) !== opener) reportOpen(pop());
      pop();
    } else reportStray(i, opener);
  }
  flush();
  if (unpairedCount > MAX_UNPAIRED) out[MAX_UNPAIRED - 1].message += `（本栏目另有 ${unpairedCount - MAX_UNPAIRED} 处不成对的标号未逐一列出）`;
  return out;
}

function finding(field: FieldContext, at: number, message: string): RawFinding {
  return { field: field.name, start: at, end: at + 1, severity: 'info', message, clause: withSource(WORDING_CLAUSE, `${GBT15834} 4.1、4.8、4.9（标号成对使用）`), check: 'wording.punctuation' };
}

/** Half-width , . ; : ? ! between (or after) Chinese characters: 开会,明天 / 放假. */
function halfWidth(field: FieldContext): RawFinding[] {
  const t = field.text;
  let first = -1;
  let count = 0;
  for (let i = 1; i < t.length; i++) {
    if (KIND[t.charCodeAt(i)] !== 3 || !isHanUnit(t.charCodeAt(i - 1))) continue;
    // 3.5 or a.m. or 1:30 are not sentence punctuation; a Han character, a line end or the end of the text is.
    if (i + 1 < t.length) {
      const next = t.charCodeAt(i + 1);
      if (next !== 0x0a && next !== 0x20 && !isHanUnit(next) && next !== 0x201c && next !== 0x300a) continue;
    }
    if (first < 0) first = i;
    count++;
  }
  if (first < 0) return [];
  return [
    {
      field: field.name,
      start: first,
      end: first + 1,
      severity: 'info',
      message: `中文句子使用了半角标点「${t[first]}」${count > 1 ? `（本栏目共 ${count} 处）` : ''}，应使用全角标点「${FULL[t[first]]}」。`,
      suggestion: FULL[t[first]],
      clause: withSource(WORDING_CLAUSE, `${GBT15834} 3.1、附录A（中文文本使用全角标点）`),
      check: 'wording.punctuation',
    },
  ];
}

function run(ctx: CheckContext): RawFinding[] {
  return capFindings(ctx.fields.flatMap((f) => [...unpaired(f), ...halfWidth(f)]));
}

export const punctuation = defineCheck({
  id: 'wording.punctuation',
  category: 'wording',
  severity: 'info',
  clause: WORDING_CLAUSE,
  description: '标点符号（GB/T 15834）提醒：引号、括号、书名号不成对，中文句子使用半角标点',
  examples: {
    positive: [
      { draft: '他说：“今天的会议很重要。请大家准时参加。', expect: [{ text: '“', severity: 'info' }] },
      { draft: '学习《中华人民共和国宪法，增强法治意识。', expect: [{ text: '《', severity: 'info' }] },
      { draft: '今天上午开会,下午放假.', expect: [{ text: ',', severity: 'info' }] },
    ],
    guard: [
      { draft: '他说：“今天的会议很重要。”学习《宪法》（2018年修正）。' },
      { draft: '气温3.5℃，时间9:30，网址example.com。' },
    ],
  },
  run,
});
