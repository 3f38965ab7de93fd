/**
 * 词语重复 (wording.doubled): a word of two to eight characters written twice in a row (局长局长, 引导引导) or a
 * function character doubled (的的, 就就) is almost always a slip of the keyboard or of copy and paste.
 *
 * Not reported: legitimate reduplication listed in wordlists/doubled.tsv (研究研究, 雪白雪白, 欢迎欢迎), and by rule
 * AABB forms (高高兴兴), single-character reduplication (看看, 常常), 一+measure word (一个一个), one character
 * repeated (哈哈哈哈) and numerals. The repeat must fall on word boundaries (Intl.Segmenter): 是不是不舒服 holds
 * 是不是不 but 是不|是不 is not how it segments.
 */
import type { CheckContext, FieldContext, RawFinding } from '../../core/check';
import { defineCheck } from '../../core/check';
import { toOriginal } from '../../core/normalize';
import { listSource } from '../../core/ruleset';
import type { WordList } from '../../core/wordlist';
import { capFindings, MAX_FINDINGS_PER_FIELD } from '../util/text';
import { WORDING_CLAUSE, withSource } from './util/clause';
import { isHanUnit } from './util/han';
import { boundariesAll } from './util/segments';

export const DOUBLED_LIST = 'doubled';
const SOURCE = '词语重复表（现代汉语重叠式规则）';

const isHan = (t: string, i: number) => i >= 0 && i < t.length && isHanUnit(t.charCodeAt(i));
const NUMERAL = /^[〇零一二三四五六七八九十百千万亿两]+$/;
/** Longest unit looked at: a name or title pasted twice (防汛抗旱指挥部防汛抗旱指挥部). */
const MAX_UNIT = 8;
/** Last position seen per UTF-16 unit, shared and reset after each scan (no 256 KB allocation per keystroke). */
const SEEN = new Int32Array(0x10000).fill(-1);

interface Sets {
  allow: Set<string>;
  functionChars: Set<string>;
}
const cache = new WeakMap<WordList, Sets>();
function sets(list: WordList): Sets {
  let s = cache.get(list);
  if (!s) {
    s = { allow: new Set(), functionChars: new Set() };
    for (const e of list.entries) {
      if (e.tag === 'allow') s.allow.add(e.term);
      else if (e.tag === 'function' && e.term.length === 2 && e.term[0] === e.term[1]) s.functionChars.add(e.term[0]);
    }
    cache.set(list, s);
  }
  return s;
}

function legitUnit(unit: string, allow: Set<string>): boolean {
  if (allow.has(unit + unit)) return true;
  if ([...unit].every((c) => c === unit[0])) return true; // 哈哈哈哈
  if (unit.length === 2 && unit[0] === '一') return true; // 一个一个, 一步一步
  return NUMERAL.test(unit);
}

interface Candidate {
  s: number;
  e: number;
  unit: string;
  what: string;
  at: number[];
}

/** Candidates resolved per batch: one segmenter call per batch (see boundariesAll). */
const BATCH = 256;

function scan(field: FieldContext, list: WordList): RawFinding[] {
  const { allow, functionChars } = sets(list);
  const norm = field.folded;
  const t = norm.text;
  const out: RawFinding[] = [];
  let pending: Candidate[] = [];
  /** End (folded) of the last reported repeat: overlapping candidates after it are the same place. */
  let lastEnd = -1;
  const resolve = () => {
    const ok = boundariesAll(t, pending.map((c) => c.at));
    pending.forEach((c, k) => {
      if (!ok[k] || out.length >= MAX_FINDINGS_PER_FIELD || c.s < lastEnd) return;
      lastEnd = c.e;
      const { start, end } = toOriginal(norm, c.s, c.e);
      // The fix keeps the first copy as the user wrote it (traditional characters, inserted marks and all).
      const firstEnd = toOriginal(norm, c.s, c.s + c.unit.length).end;
      out.push({
        field: field.name,
        start,
        end,
        severity: 'review',
        message: `「${field.text.slice(start, end)}」中${c.what}「${c.unit}」连写了两次，疑为多打，请删去一个。`,
        suggestion: field.text.slice(start, firstEnd),
        clause: withSource(list.clause, SOURCE),
        source: listSource(list),
        check: 'wording.doubled',
      });
    });
    pending = [];
  };
  // next[i]: the next position holding the same unit (one backward pass). A repeat of length len at i needs
  // t[i + len] === t[i], so only the few same-unit positions within MAX_UNIT are tried, not every length.
  const next = new Int32Array(t.length);
  for (let i = t.length - 1; i >= 0; i--) {
    const cu = t.charCodeAt(i);
    next[i] = SEEN[cu];
    SEEN[cu] = i;
  }
  for (let i = 0; i < t.length; i++) SEEN[t.charCodeAt(i)] = -1; // reset only what was touched
  for (let i = 0; i < t.length && out.length < MAX_FINDINGS_PER_FIELD; i++) {
    const cu = t.charCodeAt(i);
    const first = next[i];
    if (first < 0 || first - i > MAX_UNIT || !isHanUnit(cu)) continue;
    let advanced = false;
    for (let j = first; j >= 0 && j - i <= MAX_UNIT && !advanced; j = next[j]) {
      const len = j - i;
      if (len < 2 || i + 2 * len > t.length) continue;
      let same = true;
      for (let k = 1; k < len && same; k++) same = t.charCodeAt(i + k) === t.charCodeAt(i + len + k) && isHan(t, i + k);
      if (!same) continue;
      const unit = t.slice(i, i + len);
      // The same unit once more (加油加油加油) is a chant, and a unit continuing a longer repeat is handled there.
      if (t.startsWith(unit, i + 2 * len) || (i >= len && t.startsWith(unit, i - len))) { i += 3 * len - 1; advanced = true; break; }
      if (legitUnit(unit, allow)) continue;
      // Not skipped past: if the segmenter rejects it (切实|落实|落实 holds 实落实落), a later start may be the one.
      pending.push({ s: i, e: i + 2 * len, unit, what: '', at: [i, i + len, i + 2 * len] });
      advanced = true;
    }
    // Doubled function character: 的的, 就就 — not AAA, not AABB (的的确确), each one a word of its own.
    if (!advanced && t.charCodeAt(i + 1) === cu && t.charCodeAt(i - 1) !== cu && t.charCodeAt(i + 2) !== cu) {
      const c = t[i];
      if (functionChars.has(c) && !(isHan(t, i + 3) && t.charCodeAt(i + 2) === t.charCodeAt(i + 3))) {
        pending.push({ s: i, e: i + 2, unit: c, what: '虚词', at: [i, i + 1, i + 2] });
      }
    }
    if (pending.length >= BATCH) resolve();
  }
  if (pending.length) resolve();
  return out;
}

function run(ctx: CheckContext): RawFinding[] {
  const list = ctx.list(DOUBLED_LIST);
  if (!list) return [];
  return capFindings(ctx.fields.flatMap((f) => scan(f, list)));
}

export const doubled = defineCheck({
  id: 'wording.doubled',
  category: 'wording',
  severity: 'review',
  clause: WORDING_CLAUSE,
  description: '词语重复：同一个词紧挨着写了两次（局长局长、引导引导、的的），合乎语法的重叠（研究研究、高高兴兴、看看）除外',
  lists: [DOUBLED_LIST],
  examples: {
    positive: [
      { draft: '县教育局局长局长张明带队检查校园安全。', expect: [{ text: '局长局长', severity: 'review' }] },
      { draft: '要积极引导引导群众参与垃圾分类。', expect: [{ text: '引导引导' }] },
      { draft: '这是我们的的工作职责。', expect: [{ text: '的的' }] },
      { draft: '现就就有关事项通知如下。', expect: [{ text: '就就' }] },
      { draft: '全体干部要提高提高认识。', expect: [{ text: '提高提高' }] },
    ],
    guard: [
      { draft: '这个方案请大家再研究研究、讨论讨论，下周定稿。' },
      { draft: '大家高高兴兴过节，常常回家看看；同学们一个一个排队进场。' },
      { draft: '你是不是不舒服？现就就业创业有关事项通知如下。' },
      { draft: '活动的目的的确很明确，的的确确取得了实效，这件事不了了之。' },
      { draft: '欢迎欢迎！观众们齐声高喊加油加油，雪白雪白的浪花，哈哈哈哈。' },
      { draft: '要要求各单位认真落实，并将结果报送县委办。' },
    ],
  },
  run,
});
