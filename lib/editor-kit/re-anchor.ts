/**
 * Keeps findings attached to their text between a keystroke and the next full screen. Editors re-render
 * (ProseMirror swaps text nodes), so ranges are never kept: offsets are, and after an edit they are shifted
 * past the edited region. A finding the edit touched is dropped (its verdict is unknown until the re-screen;
 * the gate re-screens anyway before any publish).
 */

export interface Span {
  start: number;
  end: number;
  text: string;
  /** Further places of a repeated finding (Finding.occurrences), moved with the span. */
  occurrences?: { start: number; end: number }[];
}

export interface TextEdit {
  /** First changed offset (same in old and new text). */
  from: number;
  /** End of the changed region in the old text. */
  oldTo: number;
  /** End of the changed region in the new text. */
  newTo: number;
}

/** The single changed region between two versions of a field (common prefix and suffix). */
export function diffText(oldText: string, newText: string): TextEdit | null {
  if (oldText === newText) return null;
  const max = Math.min(oldText.length, newText.length);
  let from = 0;
  while (from < max && oldText.charCodeAt(from) === newText.charCodeAt(from)) from++;
  let suffix = 0;
  while (
    suffix < max - from &&
    oldText.charCodeAt(oldText.length - 1 - suffix) === newText.charCodeAt(newText.length - 1 - suffix)
  )
    suffix++;
  return { from, oldTo: oldText.length - suffix, newTo: newText.length - suffix };
}

/**
 * Moves spans from `oldText` onto `newText`. Spans entirely before or after the edit keep their text; spans
 * the edit touched (or that no longer read the same) are left out.
 */
export function reanchor<T extends Span>(oldText: string, newText: string, spans: readonly T[]): T[] {
  const edit = diffText(oldText, newText);
  if (!edit) return [...spans];
  const delta = edit.newTo - edit.oldTo;
  const kept: T[] = [];
  const move = (s: { start: number; end: number }) =>
    s.end <= edit.from ? s : s.start >= edit.oldTo ? { start: s.start + delta, end: s.end + delta } : undefined;
  for (const span of spans) {
    const at = move(span);
    if (!at) continue;
    const moved: T = at === span ? span : { ...span, start: at.start, end: at.end };
    if (newText.slice(moved.start, moved.end) !== moved.text) continue;
    // Further places of a repeated finding move the same way; those the edit touched are dropped until the re-screen.
    if (span.occurrences) {
      const places = span.occurrences.flatMap((o) => move(o) ?? []);
      kept.push(places.length > 1 ? { ...moved, occurrences: places } : { ...moved, occurrences: undefined });
    } else kept.push(moved);
  }
  return kept;
}
