/**
 * A set of disjoint spans per field with O(log n) overlap queries. A check that reports each place once
 * (the first rule to flag a span wins) asks "is this already flagged?" for every hit; with a plain array
 * that is quadratic on a long draft full of bylines.
 */
interface Span {
  start: number;
  end: number;
}

/** Index of the last of `spans` (ascending by start) starting before `end`, or -1. */
export function lastStartingBefore(spans: readonly Span[], end: number): number {
  let lo = 0;
  let hi = spans.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid].start < end) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

export class DisjointSpans {
  private readonly byField = new Map<string, Span[]>();

  overlaps(field: string, s: Span): boolean {
    const spans = this.byField.get(field);
    if (!spans) return false;
    // Spans are disjoint and sorted, so only the last one starting before s.end can reach into s.
    const i = lastStartingBefore(spans, s.end);
    return i >= 0 && spans[i].end > s.start;
  }

  /** Adds a span that overlaps none already in the set (callers check overlaps() first). */
  add(field: string, s: Span): void {
    let spans = this.byField.get(field);
    if (!spans) this.byField.set(field, (spans = []));
    spans.splice(lastStartingBefore(spans, s.end) + 1, 0, { start: s.start, end: s.end });
  }
}
