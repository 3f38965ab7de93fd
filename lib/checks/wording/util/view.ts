/**
 * A "reading view" of a field for phrase comparison: the folded text (width, case, traditional folded) minus the
 * characters that do not change a phrase — enumeration commas, quotation marks, spaces, middle dots — so
 * 增强“四个意识”、坚定“四个自信” reads 增强四个意识坚定四个自信 and a formulation is compared character by character.
 * Sentence ends and line breaks stay (a phrase never spans them). Offsets map back to the original text.
 */
import type { FieldContext } from '../../../core/check';
import { folded, type NormText } from '../../../core/normalize';

// Commas stay: they end a clause, and an edit at the end of a formulation is only read as a typo before one.
const DROPPED = new Set([...'、“”‘’"\'「」『』〝〞 \t·・•']);
/** Per UTF-16 unit, 1 when dropped: a byte read per character instead of a set lookup. */
const DROPPED_CODES = new Uint8Array(0x10000);
for (const c of DROPPED) DROPPED_CODES[c.charCodeAt(0)] = 1;
/** A phrase never spans these. */
export const BARRIERS = /[。！？；;!?…\n\r]/;
/** Where a phrase may end with its last character mistyped: before a clause break, a non-Han character or the end. */
export const PHRASE_END = /[^\p{Script=Han}]/u;

export interface ReadingView {
  text: string;
  /** For each unit of `text`, its index in the folded text. */
  foldedIndex: Int32Array;
  folded: NormText;
}

export function readingView(norm: NormText): ReadingView {
  const src = norm.text;
  const idx = new Int32Array(src.length);
  // Kept runs are sliced whole (no per-character string building: a pasted megabyte stays a few milliseconds).
  const parts: string[] = [];
  let n = 0;
  let runStart = 0;
  for (let i = 0; i < src.length; i++) {
    if (DROPPED_CODES[src.charCodeAt(i)] === 1) {
      if (i > runStart) parts.push(src.slice(runStart, i));
      runStart = i + 1;
      continue;
    }
    idx[n++] = i;
  }
  if (src.length > runStart) parts.push(src.slice(runStart));
  return { text: parts.join(''), foldedIndex: idx.subarray(0, n), folded: norm };
}

const cache = new WeakMap<FieldContext, ReadingView>();
export function fieldView(field: FieldContext): ReadingView {
  let v = cache.get(field);
  if (!v) cache.set(field, (v = readingView(field.folded)));
  return v;
}

/** The reading form of a list term (same folding and dropped characters as the text). */
const formCache = new Map<string, string>();
export function readingForm(term: string): string {
  let f = formCache.get(term);
  if (f === undefined) formCache.set(term, (f = readingView(folded(term)).text));
  return f;
}

/** Original UTF-16 span of view units [start, end). */
export function viewToOriginal(view: ReadingView, start: number, end: number): { start: number; end: number } {
  const a = view.foldedIndex[start];
  const b = view.foldedIndex[end - 1];
  return { start: view.folded.start[a], end: view.folded.end[b] };
}
