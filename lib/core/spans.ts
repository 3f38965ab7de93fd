/**
 * Helpers for checks that run regular expressions over a normalised view and report original offsets.
 */
import { toOriginal, type NormText } from './normalize';

export interface OriginalMatch {
  /** The RegExp match on the normalised text (groups, indices into norm.text). */
  match: RegExpExecArray;
  /** Original UTF-16 span of the whole match. */
  start: number;
  end: number;
}

/** Every match of a global regex over norm.text, mapped back to original offsets. */
export function matchAllOriginal(norm: NormText, re: RegExp): OriginalMatch[] {
  if (!re.global) throw new Error(`matchAllOriginal needs a global regex: ${re}`);
  const out: OriginalMatch[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(norm.text); m; m = re.exec(norm.text)) {
    if (m[0].length === 0) { re.lastIndex++; continue; }
    const { start, end } = toOriginal(norm, m.index, m.index + m[0].length);
    out.push({ match: m, start, end });
  }
  return out;
}
