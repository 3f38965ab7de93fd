/**
 * Maps field offsets (as produced by read-field.ts and reported in findings) back to DOM Ranges.
 * Breaks have no text behind them, so a range edge on a break snaps to the neighbouring text; an edge inside
 * an atom (topic chip, image) widens to the whole atom.
 */
import type { RichFieldText, Segment } from './read-field';

/** Index of the first segment whose end is > offset (the segment holding the character at `offset`). */
function segmentAt(segments: readonly Segment[], offset: number): number {
  let lo = 0;
  let hi = segments.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (segments[mid].end <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function setStart(range: Range, segments: readonly Segment[], offset: number): boolean {
  for (let i = segmentAt(segments, offset); i < segments.length; i++) {
    const seg = segments[i];
    if (seg.kind === 'break') continue;
    if (seg.kind === 'atom') range.setStartBefore(seg.node!);
    else range.setStart(seg.node!, seg.nodeStart + Math.max(0, offset - seg.start));
    return true;
  }
  return false;
}

function setEnd(range: Range, segments: readonly Segment[], offset: number): boolean {
  // The segment holding the last character of the span, then walk back over breaks.
  for (let i = segmentAt(segments, offset - 1); i >= 0; i--) {
    const seg = segments[i];
    if (i >= segments.length || seg.kind === 'break') continue;
    if (seg.kind === 'atom') range.setEndAfter(seg.node!);
    else range.setEnd(seg.node!, seg.nodeStart + Math.min(seg.end, offset) - seg.start);
    return true;
  }
  return false;
}

/** A live Range over [start, end) of the field, or null when the span holds no content. */
export function rangeFor(field: RichFieldText, start: number, end: number): Range | null {
  if (!(end > start)) return null;
  const range = field.root.ownerDocument.createRange();
  if (!setStart(range, field.segments, start) || !setEnd(range, field.segments, end)) return null;
  if (range.collapsed) return null;
  return range;
}
