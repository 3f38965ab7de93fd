/**
 * Normalisation with exact offsets.
 *
 * folded(source):   invisibles (zero-width, bidi controls, soft hyphen, variation selectors, tags) dropped;
 *                   NFKC width folding (ＶＸ -> vx, １３８ -> 138); lower case; traditional -> simplified
 *                   (per-character table from opencc-js); odd spaces (U+3000, NBSP) -> ' '.
 *                   Punctuation and spaces are KEPT: regex checks (ID numbers, URLs, 审图号) run on it.
 * skeleton(source): folded minus the characters inserted to dodge filters (spaces, punctuation, symbols,
 *                   emoji, combining marks, and look-alike letters or digits: characters that only NFKC turns
 *                   into a Latin letter or digit (① ⑵ ⒈ ² 𝐚) and Greek or Cyrillic letters, which Chinese text
 *                   uses as decoration, so 冰①毒 and 冰α毒 read as 冰毒), except barriers: line breaks,
 *                   sentence-ending punctuation and clause commas become '\n', and so does a run of more than
 *                   MAX_SKIP_RUN skipped characters (冰 - - 毒 still matches), so a term never matches across them
 *                   (小赌。博物馆 never reads as 赌博). ASCII and full-width letters and digits stay text (零售 is
 *                   not 0售, ｋ粉 is k粉). List matching runs on it.
 *
 * Both return a NormText: for every UTF-16 unit i of `text`, [start[i], end[i]) is the span of the ORIGINAL
 * code point it came from, so a normalised span maps back to whole original code points (a surrogate pair is
 * never split) and includes any inserted characters between its first and last unit.
 *
 * Each code point is classified once and cached in typed arrays: screening runs on every keystroke.
 */
import { T2S_CHARS } from './generated/t2s-chars';
import { unitsToString } from './utf16';

export interface NormText {
  /** The original text. */
  source: string;
  /** The normalised text. */
  text: string;
  start: Int32Array;
  end: Int32Array;
}

/** Longest run of skipped characters still read as "inserted between the characters of a term". */
export const MAX_SKIP_RUN = 8;
const BARRIER = 0x0a; // '\n'

const T2S: Map<number, string> = new Map(
  T2S_CHARS.split('|').map((pair) => {
    const cp = pair.codePointAt(0)!;
    return [cp, pair.slice(cp > 0xffff ? 2 : 1)] as const;
  }),
);

const INVISIBLE =
  /^[\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u202a-\u202e\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0\u{1bca0}-\u{1bca3}\u{e0000}-\u{e0fff}]$/u;
const ODD_SPACE = /^[\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]$/u;
/** Sentence ends, clause commas and line breaks: a term never spans them. */
const BARRIER_CHARS = /^[\n\r\u000b\u000c\u0085\u2028\u2029。．｡！？!?；;…⋯，、]$/u;
/** What is dropped from the skeleton: spacing, punctuation, symbols, marks, controls, emoji parts. */
const SKIPPABLE = /[\p{Z}\p{P}\p{S}\p{M}\p{C}\p{Extended_Pictographic}\p{Emoji_Component}]/gu;
const SKIP_KEEP_DIGITS = /[0-9#*]/; // Emoji_Component includes ASCII digits, '#' and '*': digits are text.

const GREEK_OR_CYRILLIC = /^[\p{Script=Greek}\p{Script=Cyrillic}]+$/u;
/**
 * A decoration that passes for a letter or digit: not ASCII and not a full-width form (U+FF01–FF5E are typed on
 * purpose, ｋ粉), yet NFKC folds it into Latin letters or digits (①, ⑴, ², 𝐚), or a Greek or Cyrillic letter.
 */
function lookAlike(cp: number, fold: string): boolean {
  if (cp < 0x80 || (cp >= 0xff01 && cp <= 0xff5e)) return false;
  const core = fold.replace(/[().,\s]/g, ''); // ⑵ -> (2), ⒈ -> 1.
  return /^[a-z0-9]+$/.test(core) || GREEK_OR_CYRILLIC.test(fold);
}

interface CodePointInfo {
  /** Folded form ('' for invisibles). */
  fold: string;
  /** Skeleton form: '' means skippable. */
  skel: string;
  barrier: boolean;
}

function classify(cp: number): CodePointInfo {
  const ch = String.fromCodePoint(cp);
  if (INVISIBLE.test(ch)) return { fold: '', skel: '', barrier: false };
  const barrier = BARRIER_CHARS.test(ch);
  let fold: string;
  if (ODD_SPACE.test(ch)) fold = ' ';
  else {
    const nfkc = ch.normalize('NFKC').toLowerCase();
    fold = '';
    for (const c of nfkc) fold += T2S.get(c.codePointAt(0)!) ?? c;
  }
  const skel = barrier ? '\n' : lookAlike(cp, fold) ? '' : fold.replace(SKIPPABLE, (c) => (SKIP_KEEP_DIGITS.test(c) && c !== '#' && c !== '*' ? c : ''));
  return { fold, skel, barrier };
}

// BMP cache: -2 unknown, -1 see the *_MULTI map (empty or several units), otherwise the single folded unit.
const UNKNOWN = -2;
const MULTI = -1;
const foldUnit = new Int32Array(0x10000).fill(UNKNOWN);
const skelUnit = new Int32Array(0x10000).fill(UNKNOWN);
const barrierUnit = new Uint8Array(0x10000);
const foldMulti = new Map<number, string>();
const skelMulti = new Map<number, string>();
const astral = new Map<number, CodePointInfo>();
/**
 * The common case in 64K half the size (one read per character that stays in cache): the single unit a BMP unit
 * becomes, or SLOW when it is not yet classified, becomes several units or none (then the tables above decide).
 * High surrogates are always SLOW, so a pair is never read as two units.
 */
const SLOW = 0xffff;
const foldFast = new Uint16Array(0x10000).fill(SLOW);
const skelFast = new Uint16Array(0x10000).fill(SLOW);

function fillBmp(cu: number): void {
  const info = classify(cu);
  barrierUnit[cu] = info.barrier ? 1 : 0;
  if (info.fold.length === 1) foldUnit[cu] = info.fold.charCodeAt(0);
  else { foldUnit[cu] = MULTI; foldMulti.set(cu, info.fold); }
  if (info.skel.length === 1) skelUnit[cu] = info.skel.charCodeAt(0);
  else { skelUnit[cu] = MULTI; skelMulti.set(cu, info.skel); }
  if (cu < 0xd800 || cu > 0xdbff) {
    if (foldUnit[cu] >= 0) foldFast[cu] = foldUnit[cu];
    if (skelUnit[cu] >= 0) skelFast[cu] = skelUnit[cu];
  }
}

function astralInfo(cp: number): CodePointInfo {
  let info = astral.get(cp);
  if (!info) astral.set(cp, (info = classify(cp)));
  return info;
}

/** Growable output buffer of code units with their original spans. */
class Builder {
  units: Uint16Array;
  start: Int32Array;
  end: Int32Array;
  length = 0;
  constructor(capacity: number) {
    this.units = new Uint16Array(capacity);
    this.start = new Int32Array(capacity);
    this.end = new Int32Array(capacity);
  }
  push(unit: number, s: number, e: number): void {
    if (this.length === this.units.length) this.grow();
    this.units[this.length] = unit;
    this.start[this.length] = s;
    this.end[this.length] = e;
    this.length++;
  }
  pushString(str: string, s: number, e: number): void {
    for (let k = 0; k < str.length; k++) this.push(str.charCodeAt(k), s, e);
  }
  private grow(): void {
    const size = this.units.length * 2 + 16;
    const u = new Uint16Array(size); u.set(this.units); this.units = u;
    const st = new Int32Array(size); st.set(this.start); this.start = st;
    const en = new Int32Array(size); en.set(this.end); this.end = en;
  }
  finish(source: string): NormText {
    const n = this.length;
    // Views, not copies: the spare capacity is small (see build) and copying two offset tables per keystroke
    // was a fifth of the normalisation's cost.
    return { source, text: unitsToString(this.units.subarray(0, n)), start: this.start.subarray(0, n), end: this.end.subarray(0, n) };
  }
}

function build(source: string, skeletonMode: boolean): NormText {
  // A little spare room: folding can lengthen a text (… becomes ..., ㎡ becomes m2), and growing copies three tables.
  const out = new Builder(source.length + (source.length >> 4) + 16);
  const units = skeletonMode ? skelUnit : foldUnit;
  const multi = skeletonMode ? skelMulti : foldMulti;
  const fast = skeletonMode ? skelFast : foldFast;
  let skipRun = 0;
  let skipStart = 0;
  for (let i = 0; i < source.length; ) {
    const cu = source.charCodeAt(i);
    const f = fast[cu];
    if (f !== SLOW) {
      // One unit in, one unit out (a barrier too: its skeleton form is '\n'); text ends a skip run.
      skipRun = 0;
      out.push(f, i, i + 1);
      i++;
      continue;
    }
    let width = 1;
    let single = UNKNOWN;
    let str = '';
    let barrier = false;
    if (cu >= 0xd800 && cu <= 0xdbff && i + 1 < source.length) {
      const lo = source.charCodeAt(i + 1);
      if (lo >= 0xdc00 && lo <= 0xdfff) {
        width = 2;
        const info = astralInfo(((cu - 0xd800) << 10) + (lo - 0xdc00) + 0x10000);
        str = skeletonMode ? info.skel : info.fold;
        barrier = info.barrier;
      }
    }
    if (width === 1) {
      if (units[cu] === UNKNOWN) fillBmp(cu);
      single = units[cu];
      barrier = barrierUnit[cu] === 1;
      if (single === MULTI) str = multi.get(cu)!;
    }
    const s = i;
    i += width;
    if (!skeletonMode) {
      if (single >= 0) out.push(single, s, i);
      else out.pushString(str, s, i);
      continue;
    }
    // Skeleton: invisibles vanish without a trace; skippable characters count towards the skip run.
    if (single < 0 && str === '' && !barrier) {
      const invisible = width === 1 ? foldUnit[cu] === MULTI && foldMulti.get(cu) === '' : astralInfo(source.codePointAt(s)!).fold === '';
      if (invisible) continue;
      if (skipRun++ === 0) skipStart = s;
      if (skipRun === MAX_SKIP_RUN + 1) out.push(BARRIER, skipStart, i);
      continue;
    }
    skipRun = 0;
    if (single >= 0) out.push(single, s, i);
    else out.pushString(str, s, i);
  }
  return out.finish(source);
}

export function folded(source: string): NormText {
  return build(source, false);
}

export function skeleton(source: string): NormText {
  return build(source, true);
}

/**
 * A term compiled through the same normalisation as the text it is matched against (barriers removed).
 * String-only twin of skeleton() without the offset map: compiling 100k terms must take well under a second.
 */
export function normalizeTerm(term: string): string {
  let out = '';
  for (let i = 0; i < term.length; ) {
    const cu = term.charCodeAt(i);
    let width = 1;
    let info: { skel: string; barrier: boolean; invisible: boolean };
    const lo = i + 1 < term.length ? term.charCodeAt(i + 1) : 0;
    if (cu >= 0xd800 && cu <= 0xdbff && lo >= 0xdc00 && lo <= 0xdfff) {
      width = 2;
      const a = astralInfo(((cu - 0xd800) << 10) + (lo - 0xdc00) + 0x10000);
      info = { skel: a.skel, barrier: a.barrier, invisible: a.fold === '' };
    } else {
      if (skelUnit[cu] === UNKNOWN) fillBmp(cu);
      const single = skelUnit[cu];
      info = {
        skel: single >= 0 ? String.fromCharCode(single) : skelMulti.get(cu)!,
        barrier: barrierUnit[cu] === 1,
        invisible: foldUnit[cu] === MULTI && foldMulti.get(cu) === '',
      };
    }
    i += width;
    // Inside a term, barriers and inserted characters are simply left out (a term is one unit of meaning).
    if (info.barrier || info.invisible || info.skel === '') continue;
    out += info.skel;
  }
  return out;
}

/** Maps the normalised span [ns, ne) back to original UTF-16 offsets (whole code points, inserted characters included). */
export function toOriginal(n: NormText, ns: number, ne: number): { start: number; end: number } {
  if (ne <= ns) {
    const at = ns < n.start.length ? n.start[ns] : n.source.length;
    return { start: at, end: at };
  }
  return { start: n.start[ns], end: n.end[ne - 1] };
}
