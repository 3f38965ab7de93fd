/**
 * Paints the findings of the located fields: CSS Custom Highlights over live Ranges in rich fields (with
 * overlay boxes where highlights cannot reach), overlay boxes over value fields, and a flash on "jump".
 * A huge draft paints at most MAX_PAINTED highlights, blocks first, and reports how many it left out.
 */
import type { Finding } from '../core/types';
import { HighlightPainter, type PaintItem } from './highlight-painter';
import type { LiveField } from './live-field';
import { OverlayPainter, type OverlayItem } from './overlay-painter';
import { rangeFor } from './ranges';
import { MAX_PAINTED, paintSelection } from './screening';

export class FindingPainter {
  private readonly highlights: HighlightPainter;
  private readonly overlay: OverlayPainter;

  constructor(doc: Document, signal: AbortSignal) {
    this.highlights = new HighlightPainter(doc);
    this.overlay = new OverlayPainter(doc, signal);
  }

  /** Paints every field's findings; returns how many had a place to paint when more than MAX_PAINTED. */
  paint(fields: readonly LiveField[]): number | undefined {
    const ranges: PaintItem[] = [];
    const boxes: OverlayItem[] = [];
    const candidates: { field: LiveField; f: Finding; severity: Finding['severity'] }[] = [];
    for (const field of fields)
      for (const f of field.findings)
        if (field.snapshot.kind === 'value' || field.ranges.has(f.id)) candidates.push({ field, f, severity: f.severity });
    const { painted, total } = paintSelection(candidates, MAX_PAINTED);
    for (const { field, f } of painted) {
      const snap = field.snapshot;
      if (snap.kind === 'value') {
        boxes.push({ field: field.name, severity: f.severity, text: f.text, element: snap.element, start: f.start, end: f.end });
        continue;
      }
      const range = field.ranges.get(f.id);
      if (range) ranges.push({ range, severity: f.severity });
    }
    for (const item of this.highlights.paint(ranges)) boxes.push({ field: '', severity: item.severity, text: item.range.toString(), range: item.range });
    this.overlay.paint(boxes);
    return total > painted.length ? total : undefined;
  }

  /** Scrolls a finding into view and flashes it. */
  jump(field: LiveField, f: Finding): void {
    const snap = field.snapshot;
    if (snap.kind === 'value') {
      snap.element.scrollIntoView({ block: 'center', behavior: 'smooth' });
      this.overlay.flash({ field: field.name, severity: f.severity, text: f.text, element: snap.element, start: f.start, end: f.end });
      return;
    }
    const range = field.ranges.get(f.id) ?? rangeFor(snap, f.start, f.end);
    if (!range) return;
    field.element.ownerDocument.defaultView?.frameElement?.scrollIntoView({ block: 'nearest' });
    const anchor = range.startContainer.nodeType === 1 ? (range.startContainer as Element) : range.startContainer.parentElement;
    anchor?.scrollIntoView({ block: 'center', behavior: 'smooth' });
    if (!this.highlights.flash(range)) this.overlay.flash({ field: field.name, severity: f.severity, text: f.text, range });
  }

  clear(): void {
    this.highlights.clear();
    this.overlay.clear();
  }
}
