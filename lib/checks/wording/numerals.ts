/**
 * 数字用法 (wording.numerals, GB/T 15835—2011《出版物上数字用法》): within one date the numerals are all Arabic or
 * all Chinese (2024年十月1日 is mixed); a date that lost its year digits (根据年11月1日起); and approximate
 * quantities that contradict or repeat themselves (近十余万元: 近 = not quite, 余 = more than; 约3000人左右;
 * 超过500人以上), which the yearly common-error lists keep finding in official prose.
 * Regular expressions over the folded text with bounded repetition, so a megabyte of digits stays linear.
 */
import type { CheckContext, FieldContext, RawFinding } from '../../core/check';
import { defineCheck } from '../../core/check';
import { toOriginal, type NormText } from '../../core/normalize';
import type { Severity } from '../../core/types';
import { capFindings } from '../util/text';
import { WORDING_CLAUSE, withSource } from './util/clause';

const GBT15835 = 'GB/T 15835—2011《出版物上数字用法》';
const ERRORS = '常见语文差错（数量表述自相矛盾或重复）';

const AR = '[0-9]';
const CN = '[〇零一二三四五六七八九十]';
const NUM = '[0-9〇零一二三四五六七八九十百千万亿两.]';

interface Rule {
  id: string;
  /** Every match contains one of these: the regex only runs on windows around their occurrences. */
  anchors: string[];
  re: RegExp;
  severity: Severity;
  source: string;
  message: (m: string) => string;
  fix?: (m: string) => string | undefined;
}

const RULES: Rule[] = [
  {
    id: 'mixed-date',
    anchors: ['年', '月'],
    // 2024年十月1日, 二〇二四年10月, 10月二十日: Arabic and Chinese numerals in one date.
    re: new RegExp(`${AR}{2,4}年${CN}{1,3}月(?:${CN}{1,3}|${AR}{1,2})?日?|${CN}{2,4}年${AR}{1,2}月(?:${AR}{1,2}日)?|${AR}{1,2}月${CN}{1,3}日|${CN}{1,3}月${AR}{1,2}日`, 'g'),
    severity: 'review',
    source: `${GBT15835} 4.1、5.2.1（同一日期中的数字应统一）`,
    message: (m) => `日期「${m}」中阿拉伯数字和汉字数字混用，应统一（公文一般用阿拉伯数字）。`,
  },
  {
    id: 'missing-year',
    anchors: ['年'],
    // 根据年11月1日起: the year digits are gone. Only after a word that introduces a date, never 今年/去年/同年…
    re: /(?:^|(?<=[据于在自从至到是为的起和与及或、，,（(：:\s]))年[0-9]{1,2}月[0-9]{1,2}日/gm,
    severity: 'review',
    source: `${GBT15835} 4.1（年份不能省略或残缺）`,
    message: (m) => `「${m}」缺少年份数字，请补全年份。`,
  },
  {
    id: 'near-more',
    anchors: ['近'],
    // 近十余万元 / 近20多人: 近 (not quite) and 余/多 (more than) contradict each other.
    re: new RegExp(`近${NUM}{1,12}[余多](?:[万亿千百]?)`, 'g'),
    severity: 'review',
    source: ERRORS,
    message: (m) => `「${m}」中“近”（不到）和“余／多”（超过）自相矛盾，两者只留其一。`,
    fix: (m) => m.slice(1),
  },
  {
    id: 'about-around',
    anchors: ['左右'],
    // 约3000人左右: 约 and 左右 say the same thing twice.
    re: new RegExp(`(?:大约|约)${NUM}{1,12}[^，。；！？,;!?\\n0-9]{0,4}?左右`, 'g'),
    severity: 'review',
    source: ERRORS,
    message: (m) => `「${m}」中“约”和“左右”语义重复，删去其一。`,
    fix: (m) => m.replace(/左右$/, ''),
  },
  {
    id: 'over-above',
    anchors: ['以上'],
    // 超过500人以上: 超过 and 以上 repeat each other.
    re: new RegExp(`超过${NUM}{1,12}[^，。；！？,;!?\\n0-9]{0,4}?以上`, 'g'),
    severity: 'review',
    source: ERRORS,
    message: (m) => `「${m}」中“超过”和“以上”语义重复，删去其一。`,
    fix: (m) => m.replace(/以上$/, ''),
  },
];

/** Longest match of any rule on either side of its anchor (bounded quantifiers above). */
const REACH = 24;

/**
 * Matches of a rule: its regex run on small windows around each anchor occurrence (indexOf is native and fast; a
 * regex over the whole article at every keystroke is not), deduplicated where windows overlap.
 */
function ruleMatches(norm: NormText, rule: Rule): { start: number; end: number; text: string }[] {
  const t = norm.text;
  const seen = new Set<number>();
  const out: { start: number; end: number; text: string }[] = [];
  let windowEnd = -1;
  const positions: number[] = [];
  for (const a of rule.anchors) for (let i = t.indexOf(a); i >= 0; i = t.indexOf(a, i + 1)) positions.push(i);
  positions.sort((x, y) => x - y);
  for (const p of positions) {
    if (p < windowEnd - REACH) continue; // already inside the previous window with room on both sides
    const from = Math.max(0, p - REACH);
    const to = Math.min(t.length, p + REACH);
    windowEnd = to;
    const re = new RegExp(rule.re.source, rule.re.flags);
    const w = t.slice(from, to);
    for (let m = re.exec(w); m; m = re.exec(w)) {
      if (m[0].length === 0) { re.lastIndex++; continue; }
      const s = from + m.index;
      // A lookbehind or ^ at the window's cut would see a false start: only the text's own start counts.
      if (m.index === 0 && from > 0 && rule.id === 'missing-year') continue;
      if (seen.has(s)) continue;
      seen.add(s);
      out.push({ ...toOriginal(norm, s, s + m[0].length), text: m[0] });
    }
  }
  return out;
}

function scan(field: FieldContext, clause: string): RawFinding[] {
  const out: RawFinding[] = [];
  for (const rule of RULES) {
    for (const m of ruleMatches(field.folded, rule)) {
      const text = field.text.slice(m.start, m.end);
      const f: RawFinding = {
        field: field.name,
        start: m.start,
        end: m.end,
        severity: rule.severity,
        message: rule.message(text),
        clause: withSource(clause, rule.source),
        check: 'wording.numerals',
      };
      // A fix only where the original is the folded text (no inserted or full-width characters to lose).
      const fix = rule.fix?.(m.text);
      if (fix !== undefined && text === m.text) f.suggestion = fix;
      out.push(f);
    }
  }
  return out;
}

function run(ctx: CheckContext): RawFinding[] {
  return capFindings(ctx.fields.flatMap((f) => scan(f, WORDING_CLAUSE)));
}

export const numerals = defineCheck({
  id: 'wording.numerals',
  category: 'wording',
  severity: 'review',
  clause: WORDING_CLAUSE,
  description: '数字用法（GB/T 15835）：同一日期中阿拉伯数字与汉字数字混用、年份残缺，以及“近……余”“约……左右”“超过……以上”等自相矛盾或重复的数量表述',
  examples: {
    positive: [
      { draft: '活动定于2024年十月1日举行。', expect: [{ text: '2024年十月1日', severity: 'review' }] },
      { draft: '根据年11月1日起施行的新规定，违规者将被处罚。', expect: [{ text: '年11月1日' }] },
      { draft: '该团伙非法获利近十余万元。', expect: [{ text: '近十余万' }] },
      { draft: '现场约3000人左右参加了活动。', expect: [{ text: '约3000人左右' }] },
    ],
    guard: [
      { draft: '活动定于2024年10月1日举行，二〇二四年十月一日起施行；今年11月1日起实施。' },
      { draft: '该团伙非法获利十余万元，另有近十万元未追回；现场约3000人，参会者超过500人。' },
    ],
  },
  run,
});
