/**
 * A located draft field in the page, with its last reading and the findings anchored to that reading.
 */
import type { Finding } from '../core/types';
import type { FieldSpec } from '../adapters/types';
import { readField, type FieldText, type ReadOptions } from './read-field';
import { reanchor } from './re-anchor';
import { rangeFor } from './ranges';

/** The sources of a field's pictures, as one string (cheap to compare on every edit). */
function pictureKey(element: Element): string {
  const imgs = element.querySelectorAll('img');
  if (imgs.length === 0) return '';
  let key = '';
  for (const img of Array.from(imgs)) key += `${img.getAttribute('src') ?? ''}\n`;
  return key;
}

export class LiveField {
  snapshot: FieldText;
  /** Sources of the field's pictures at the last reading. */
  pictures: string;
  findings: Finding[] = [];
  /** Ranges of rich-field findings, rebuilt from offsets after every reading (editors replace text nodes). */
  ranges = new Map<string, Range>();

  constructor(
    readonly spec: FieldSpec,
    readonly element: Element,
  ) {
    this.snapshot = readField(element, this.readOptions);
    this.pictures = pictureKey(element);
  }

  get name(): string {
    return this.spec.name;
  }

  get readOptions(): ReadOptions {
    return { skip: this.spec.skip, atoms: this.spec.atoms };
  }

  /** Re-reads the DOM; returns true when the text or a picture changed. Findings follow the edit (re-anchor). */
  refresh(): boolean {
    const before = this.snapshot.text;
    const picturesBefore = this.pictures;
    this.snapshot = readField(this.element, this.readOptions);
    this.pictures = pictureKey(this.element);
    const changed = this.snapshot.text !== before;
    if (changed) this.findings = reanchor(before, this.snapshot.text, this.findings);
    this.rebuildRanges();
    return changed || this.pictures !== picturesBefore;
  }

  /** Findings of a fresh screen of exactly the current snapshot. */
  setFindings(findings: Finding[]): void {
    this.findings = findings;
    this.rebuildRanges();
  }

  private rebuildRanges(): void {
    this.ranges.clear();
    const snap = this.snapshot;
    if (snap.kind !== 'rich') return;
    for (const f of this.findings) {
      const range = rangeFor(snap, f.start, f.end);
      if (range) this.ranges.set(f.id, range);
    }
  }
}
