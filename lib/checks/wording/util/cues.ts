/**
 * Context cues as data (the `context` column of the confusion and xinhua lists). A cue string is a list of
 * alternatives separated by '|'; an alternative is a conjunction of atoms separated by '&':
 *
 *   word     the word occurs around the term in its sentence (within WINDOW characters either side)
 *   <<word   … before the term in the clause          >>word   … after the term in the clause
 *   <word    the text right before the term ends with it     >word   the text right after starts with it
 *   @word    the word occurs anywhere in the field
 *   #        (as the word) any numeral: 0-9 or 〇零一二三四五六七八九十两
 *   $        (after > only) the clause ends right after the term
 *
 * An alternative starting with '!' is a counter-cue: when it holds, the term is in its other, right sense and
 * nothing is reported. The term is wrong when no counter-cue holds and either some positive alternative holds or
 * there are no positive alternatives at all ("wrong unless…").
 *
 * Cues are read on the folded text (full width, traditional and case folded), so 登陸網站 reads as 登陆网站.
 * The window is bounded by sentence ends, semicolons and line breaks, and by WINDOW characters: cheap and local.
 */
import { folded, type NormText } from '../../../core/normalize';

export const WINDOW = 14;
const SENTENCE_END = /[。！？!?；;\n\r]/;
const CLAUSE_END = /[。！？!?；;，,、\n\r]/;
const NUMERAL = /[0-9〇零一二三四五六七八九十两]/;

type Where = 'any' | 'before' | 'after' | 'adjBefore' | 'adjAfter' | 'field';
interface Atom {
  where: Where;
  word: string;
}
export interface Cues {
  positive: Atom[][];
  negative: Atom[][];
}

const cueCache = new Map<string, Cues>();

function parseAtom(raw: string): Atom | undefined {
  const s = raw.trim();
  const m = /^(<<|>>|<|>|@)?(.+)$/.exec(s);
  if (!m) return undefined;
  const where: Where = m[1] === '<<' ? 'before' : m[1] === '>>' ? 'after' : m[1] === '<' ? 'adjBefore' : m[1] === '>' ? 'adjAfter' : m[1] === '@' ? 'field' : 'any';
  const word = m[2] === '#' || m[2] === '$' ? m[2] : folded(m[2]).text;
  return word ? { where, word } : undefined;
}

export function parseCues(context: string | undefined): Cues {
  const key = context ?? '';
  let c = cueCache.get(key);
  if (c) return c;
  c = { positive: [], negative: [] };
  for (const alt of key.split('|')) {
    const t = alt.trim();
    if (!t) continue;
    const negative = t.startsWith('!');
    const atoms = (negative ? t.slice(1) : t).split('&').map(parseAtom).filter((a): a is Atom => !!a);
    if (atoms.length) (negative ? c.negative : c.positive).push(atoms);
  }
  cueCache.set(key, c);
  return c;
}

export interface Surroundings {
  /** Folded clause text before the term (nearest last), at most WINDOW characters. */
  before: string;
  /** Folded clause text after the term, at most WINDOW characters. */
  after: string;
  /** Whether the clause ends right after the term. */
  endsAfter: boolean;
  /** Folded whole field, for '@' cues. */
  field: () => string;
}

/**
 * The sentence around original span [start, end) of the field, read from the field's folded view (no new
 * normalisation per hit: the original offsets are located in the folded text by binary search).
 */
export function surroundings(norm: NormText, start: number, end: number): Surroundings {
  const text = norm.source;
  const fs = foldedIndexAt(norm, start);
  const fe = foldedIndexAt(norm, end);
  const t = norm.text;
  let s = fs;
  while (s > 0 && fs - s < WINDOW && !SENTENCE_END.test(t[s - 1])) s--;
  let e = fe;
  while (e < t.length && e - fe < WINDOW && !SENTENCE_END.test(t[e])) e++;
  const before = t.slice(s, fs).replace(/\s+/g, '');
  const after = t.slice(fe, e).replace(/\s+/g, '');
  let n = end;
  while (n < text.length && /\s/.test(text[n])) n++;
  const endsAfter = n >= text.length || CLAUSE_END.test(text[n]);
  return { before, after, endsAfter, field: () => t };
}

/** First folded unit whose original span starts at or after `pos` (norm.start is non-decreasing). */
function foldedIndexAt(norm: NormText, pos: number): number {
  let lo = 0;
  let hi = norm.text.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (norm.start[mid] < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function has(hay: string, word: string): boolean {
  return word === '#' ? NUMERAL.test(hay) : hay.includes(word);
}

function atomHolds(a: Atom, s: Surroundings): boolean {
  switch (a.where) {
    case 'any':
      return has(s.before, a.word) || has(s.after, a.word);
    case 'before':
      return has(s.before, a.word);
    case 'after':
      return has(s.after, a.word);
    case 'adjBefore':
      return a.word === '#' ? NUMERAL.test(s.before.slice(-1)) : s.before.endsWith(a.word);
    case 'adjAfter':
      if (a.word === '$') return s.endsAfter;
      return a.word === '#' ? NUMERAL.test(s.after.slice(0, 1)) : s.after.startsWith(a.word);
    case 'field':
      return has(s.field(), a.word);
  }
}

/** True when the term is used in its wrong sense here (see the module comment). */
export function cuesSayWrong(cues: Cues, s: Surroundings): boolean {
  if (cues.negative.some((alt) => alt.every((a) => atomHolds(a, s)))) return false;
  return cues.positive.length === 0 || cues.positive.some((alt) => alt.every((a) => atomHolds(a, s)));
}
