/**
 * Small text helpers shared by the content checks: where a hit sits in its line, whether it is written as a
 * marker (a line of its own or a short bracketed note) rather than in running prose.
 */

export interface Span {
  start: number;
  end: number;
}

const LINE_BREAK = /[\n\r\u2028\u2029]/;
const SENTENCE_END = /[\n\r\u2028\u2029。！？!?]/;
/**
 * How far the helpers below look for a line or sentence end. Markers, source lines and bylines sit on short lines;
 * the bound keeps every lookup O(1), so a megabyte without a line break cannot make the checks quadratic.
 */
export const MAX_SCAN = 400;

function around(text: string, pos: number, stop: RegExp, limit: number): Span {
  let s = pos;
  while (s > 0 && pos - s < limit && !stop.test(text[s - 1])) s--;
  let e = pos;
  while (e < text.length && e - pos < limit && !stop.test(text[e])) e++;
  return { start: s, end: e };
}

/** The line [start, end) of `text` containing position `pos` (line break excluded), at most MAX_SCAN each way. */
export function lineAround(text: string, pos: number, limit = MAX_SCAN): Span {
  return around(text, pos, LINE_BREAK, limit);
}

/** The sentence around `pos` (up to 。！？ or a line break), at most `limit` characters each way. */
export function sentenceAround(text: string, pos: number, limit = 200): Span {
  return around(text, pos, SENTENCE_END, limit);
}

/** Leading and trailing whitespace (including ideographic and zero-width spaces) trimmed off a span. */
export function trimSpan(text: string, span: Span): Span {
  let { start, end } = span;
  while (start < end && isBlank(text.charCodeAt(start))) start++;
  while (end > start && isBlank(text.charCodeAt(end - 1))) end--;
  return { start, end };
}

export function isBlank(cu: number): boolean {
  return (
    cu === 0x20 || cu === 0x09 || cu === 0xa0 || cu === 0x3000 || cu === 0xfeff || (cu >= 0x2000 && cu <= 0x200f) || cu === 0x2060
  );
}

const HAN_OR_ALNUM = /[\p{Script=Han}\p{L}\p{N}]/u;

/**
 * Number of letters/digits/Han characters in text[start, end): what a reader counts as "words". Stops counting
 * once past `cap` (callers only compare against a threshold).
 */
export function wordChars(text: string, start: number, end: number, cap = Infinity): number {
  let n = 0;
  for (const ch of text.slice(start, end)) {
    if (HAN_OR_ALNUM.test(ch) && ++n > cap) break;
  }
  return n;
}

const OPEN = '（(【[〔「『<《';
const CLOSE = '）)】]〕」』>》';

/**
 * The innermost bracket pair enclosing [start, end) on its line with at most `maxInner` word characters inside,
 * e.g. （通报内容不得外传） or 【内部资料】; undefined when the span is not in such a short note.
 */
export function shortBracket(text: string, span: Span, maxInner = 24): Span | undefined {
  const line = lineAround(text, span.start);
  let open = -1;
  for (let i = span.start - 1; i >= line.start && span.start - i <= 40; i--) {
    if (CLOSE.includes(text[i])) return undefined;
    if (OPEN.includes(text[i])) { open = i; break; }
  }
  if (open < 0) return undefined;
  for (let i = span.end; i < line.end && i - span.end <= 40; i++) {
    if (OPEN.includes(text[i])) return undefined;
    if (CLOSE.includes(text[i])) return wordChars(text, open + 1, i, maxInner) <= maxInner ? { start: open, end: i + 1 } : undefined;
  }
  return undefined;
}

/**
 * True when the span is written as a marker: alone on a short line (at most `maxLine` word characters), or in a
 * short bracketed note. Headers such as 内部资料、机 密、秘密★1年 and notes such as （不得外传） are markers; the same
 * words inside a long sentence are prose.
 */
export function isMarkerPosition(text: string, span: Span, maxLine = 24): boolean {
  const line = lineAround(text, span.start);
  // On a short line the marker must end its phrase: 注意保存 / 内部资料 2025年 are headers, while in
  // 请注意保存好购物小票 the words run on into a sentence (a Han character follows directly).
  if (wordChars(text, line.start, line.end, maxLine) <= maxLine && !HAN_AFTER.test(text.slice(span.end, span.end + 2))) return true;
  return shortBracket(text, span) !== undefined;
}

/** A Han character right after a span (spaces skipped). */
const HAN_AFTER = /^[ \u3000]?\p{Script=Han}/u;

/**
 * At most `max` findings per field and sub-check. A real draft never comes near it; a pasted table of a thousand
 * markers would otherwise bury the sidebar (and the review log) under identical rows.
 */
export const MAX_FINDINGS_PER_FIELD = 200;
export function capFindings<T extends { field: string; check?: string }>(findings: T[], max = MAX_FINDINGS_PER_FIELD): T[] {
  const counts = new Map<string, number>();
  return findings.filter((f) => {
    const key = `${f.field}\u0000${f.check ?? ''}`;
    const n = (counts.get(key) ?? 0) + 1;
    counts.set(key, n);
    return n <= max;
  });
}
