/**
 * Paints finding ranges with the CSS Custom Highlight API: one highlight per severity per document, never a
 * DOM change inside the editor, never a selection change. Ranges in a same-origin iframe are painted in the
 * iframe's own registry with the iframe's own Highlight constructor, plus a rule inserted into that document.
 */
import type { Severity } from '../core/types';
import { FLASH_HIGHLIGHT, HIGHLIGHT_CSS, HIGHLIGHT_NAME } from './highlight-styles';

export interface PaintItem {
  range: Range;
  severity: Severity;
}

type HighlightWindow = Window & typeof globalThis & { Highlight?: typeof Highlight };

function registryOf(doc: Document): { win: HighlightWindow; registry: HighlightRegistry } | undefined {
  const win = doc.defaultView as HighlightWindow | null;
  const registry = win?.CSS?.highlights;
  if (!win || !registry || typeof win.Highlight !== 'function') return undefined;
  return { win, registry };
}

/** True when this document can paint highlights (Chromium 105+, Safari 17.2+, Firefox 140+). */
export function supportsHighlights(doc: Document): boolean {
  return registryOf(doc) !== undefined;
}

const styledFrames = new WeakSet<Document>();

/** The top document gets the rules from the manifest; a frame document needs its own copy. */
function ensureFrameStyles(doc: Document, topDocument: Document): void {
  if (doc === topDocument || styledFrames.has(doc)) return;
  const win = doc.defaultView as (Window & typeof globalThis) | null;
  if (!win) return;
  const sheet = new win.CSSStyleSheet();
  sheet.replaceSync(HIGHLIGHT_CSS);
  doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
  styledFrames.add(doc);
}

export class HighlightPainter {
  private painted = new Set<Document>();
  private flashTimer: ReturnType<typeof setTimeout> | undefined;
  private flashDoc: Document | undefined;

  constructor(private readonly topDocument: Document) {}

  /** Replaces every painted range with `items`; returns the items that could not be painted (no API). */
  paint(items: readonly PaintItem[]): PaintItem[] {
    const byDoc = new Map<Document, Map<Severity, Range[]>>();
    const unpainted: PaintItem[] = [];
    for (const item of items) {
      const doc = item.range.startContainer.ownerDocument ?? this.topDocument;
      if (!registryOf(doc)) {
        unpainted.push(item);
        continue;
      }
      let bySeverity = byDoc.get(doc);
      if (!bySeverity) byDoc.set(doc, (bySeverity = new Map()));
      const list = bySeverity.get(item.severity);
      if (list) list.push(item.range);
      else bySeverity.set(item.severity, [item.range]);
    }
    for (const doc of this.painted) if (!byDoc.has(doc)) this.clearDocument(doc);
    this.painted.clear();
    for (const [doc, bySeverity] of byDoc) {
      const { win, registry } = registryOf(doc)!;
      ensureFrameStyles(doc, this.topDocument);
      for (const severity of Object.keys(HIGHLIGHT_NAME) as Severity[]) {
        const ranges = bySeverity.get(severity);
        const name = HIGHLIGHT_NAME[severity];
        if (!ranges?.length) {
          registry.delete(name);
          continue;
        }
        const highlight = new win.Highlight!(...ranges);
        // Above any highlight the page itself registers; block above review above info.
        highlight.priority = 10 + (2 - ['block', 'review', 'info'].indexOf(severity));
        registry.set(name, highlight);
      }
      this.painted.add(doc);
    }
    return unpainted;
  }

  /** Briefly emphasises one range (the sidebar's "jump" action). */
  flash(range: Range, durationMs = 1600): boolean {
    const doc = range.startContainer.ownerDocument ?? this.topDocument;
    const found = registryOf(doc);
    if (!found) return false;
    this.clearFlash();
    ensureFrameStyles(doc, this.topDocument);
    const highlight = new found.win.Highlight!(range);
    highlight.priority = 100;
    found.registry.set(FLASH_HIGHLIGHT, highlight);
    this.flashDoc = doc;
    this.flashTimer = setTimeout(() => this.clearFlash(), durationMs);
    return true;
  }

  clear(): void {
    for (const doc of this.painted) this.clearDocument(doc);
    this.painted.clear();
    this.clearFlash();
  }

  private clearFlash(): void {
    clearTimeout(this.flashTimer);
    if (this.flashDoc) registryOf(this.flashDoc)?.registry.delete(FLASH_HIGHLIGHT);
    this.flashDoc = undefined;
  }

  private clearDocument(doc: Document): void {
    const found = registryOf(doc);
    if (!found) return;
    for (const name of Object.values(HIGHLIGHT_NAME)) found.registry.delete(name);
  }
}
