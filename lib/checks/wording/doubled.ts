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
import { Boundaries } from './util/segments';

export const DOUBLED_LIST = 'doubled';
const SOURCE = '词语重复表（现代汉语重叠式规则）';

const isHan = (t: string, i: number) => i >= 0 && i < t.length && isHanUnit(t.charCodeAt(i));
const NUMERAL = /^[〇零一二三四五六七八九十百千万亿两]+$/;
/** Longest unit looked at: a name or title pasted twice (防汛抗旱指挥部防汛抗旱指挥部). */
const MAX_UNIT = 8;

interface Sets {
  allow: Set<string>;
  /** Function characters (的, 就) as UTF-16 code units: the scan compares numbers, never makes one-character strings. */
  functionCodes: Uint8Array;
}
const cache = new WeakMap<WordList, Sets>();
function sets(list: WordList): Sets {
  let s = cache.get(list);
  if (!s) {
    s = { allow: new Set(), functionCodes: new Uint8Array(0x10000) };
    for (const e of list.entries) {
      if (e.tag === 'allow') s.allow.add(e.term);
      else if (e.tag === 'function' && e.term.length === 2 && e.term[0] === e.term[1]) s.functionCodes[e.term.charCodeAt(0)] = 1;
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

function scan(field: FieldContext, list: WordList): RawFinding[] {
  const { allow, functionCodes } = sets(list);
  const norm = field.folded;
  const t = norm.text;
  const bounds = new Boundaries(t);
  const out: RawFinding[] = [];
  const report = (s: number, e: number, unit: string, what: string) => {
    const { start, end } = toOriginal(norm, s, e);
    // The fix keeps the first copy as the user wrote it (traditional characters, inserted marks and all).
    const firstEnd = toOriginal(norm, s, s + unit.length).end;
    out.push({
      field: field.name,
      start,
      end,
      severity: 'review',
      message: `「${field.text.slice(start, end)}」中${what}「${unit}」连写了两次，疑为多打，请删去一个。`,
      suggestion: field.text.slice(start, firstEnd),
      clause: withSource(list.clause, SOURCE),
      source: listSource(list),
      check: 'wording.doubled',
    });
  };
  for (let i = 0; i < t.length && out.length < MAX_FINDINGS_PER_FIELD; i++) {
    if (!isHan(t, i)) continue;
    let advanced = false;
    const c0 = t.charCodeAt(i);
    for (let len = 2; len <= MAX_UNIT && !advanced; len++) {
      if (i + 2 * len > t.length) break;
      if (t.charCodeAt(i + len) !== c0) continue; // the common case, before the unit-by-unit comparison
      let same = true;
      for (let k = 0; k < len && same; k++) same = t.charCodeAt(i + k) === t.charCodeAt(i + len + k) && isHan(t, i + k);
      if (!same) continue;
      const unit = t.slice(i, i + len);
      // The same unit once more (加油加油加油) is a chant, and a unit continuing a longer repeat is handled there.
      if (t.startsWith(unit, i + 2 * len) || (i >= len && t.startsWith(unit, i - len))) { i += 3 * len - 1; advanced = true; break; }
      if (legitUnit(unit, allow)) continue;
      if (!bounds.all(i, i + len, i + 2 * len)) continue;
      report(i, i + 2 * len, unit, '');
      i += 2 * len - 1;
      advanced = true;
    }
    if (advanced) continue;
    // Doubled function character: 的的, 就就 — not AAA, not AABB (的的确确), each one a word of its own.
    if (
      functionCodes[c0] === 1 &&
      t.charCodeAt(i + 1) === c0 &&
      t.charCodeAt(i - 1) !== c0 &&
      t.charCodeAt(i + 2) !== c0 &&
      !(isHan(t, i + 3) && t[i + 2] === t[i + 3])
    ) {
      const c = t[i];
      if (bounds.all(i, i + 1, i + 2)) {
        report(i, i + 2, c, '虚词');
        i += 1;
      }
    }
  }
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
