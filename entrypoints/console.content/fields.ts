/**
 * A located draft field in the page, with its last reading and the findings anchored to that reading.
 */
import type { Finding } from '@/lib/core/types';
import type { FieldSpec } from '@/lib/adapters/types';
import { readField, type FieldText, type ReadOptions } from '@/lib/editor-kit/read-field';
import { reanchor } from '@/lib/editor-kit/re-anchor';
import { rangeFor } from '@/lib/editor-kit/ranges';

export class LiveField {
  snapshot: FieldText;
  findings: Finding[] = [];
  /** Ranges of rich-field findings, rebuilt from offsets after every reading (editors replace text nodes). */
  ranges = new Map<string, Range>();
  /** Further places of repeated findings (Finding.occurrences beyond the first), by finding id. */
  moreRanges = new Map<string, Range[]>();

  constructor(
    readonly spec: FieldSpec,
    readonly element: Element,
  ) {
    this.snapshot = readField(element, this.readOptions);
  }

  get name(): string {
    return this.spec.name;
  }

  get readOptions(): ReadOptions {
    return { skip: this.spec.skip, atoms: this.spec.atoms };
  }

  /** Re-reads the DOM; returns true when the text changed. Findings follow the edit (re-anchor). */
  refresh(): boolean {
    const before = this.snapshot.text;
    this.snapshot = readField(this.element, this.readOptions);
    const changed = this.snapshot.text !== before;
    if (changed) this.findings = reanchor(before, this.snapshot.text, this.findings);
    this.rebuildRanges();
    return changed;
  }

  /** Findings of a fresh screen of exactly the current snapshot. */
  setFindings(findings: Finding[]): void {
    this.findings = findings;
    this.rebuildRanges();
  }

  private rebuildRanges(): void {
    this.ranges.clear();
    this.moreRanges.clear();
    const snap = this.snapshot;
    if (snap.kind !== 'rich') return;
    for (const f of this.findings) {
      const range = rangeFor(snap, f.start, f.end);
      if (range) this.ranges.set(f.id, range);
      // A repeated thing is one finding: every further place is highlighted too.
      const more = (f.occurrences ?? []).slice(1).flatMap((o) => rangeFor(snap, o.start, o.end) ?? []);
      if (more.length) this.moreRanges.set(f.id, more);
    }
  }
}
