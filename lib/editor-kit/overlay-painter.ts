/**
 * Boxes over text that has no DOM text nodes (<input>, <textarea>), and the fallback for rich ranges where the
 * Custom Highlight API cannot paint. The boxes live in one host appended to <html> (never inside an editor),
 * in its own shadow root so page CSS cannot reach them, with pointer-events: none so clicks go to the page.
 * Positions come from an invisible mirror of the field (same font, padding, wrapping) placed over it.
 */
import type { Severity } from '../core/types';
import type { ValueElement } from './read-field';
import { SEVERITY_COLOR } from './highlight-styles';
import { ViewportLayer } from './viewport-layer';

export const OVERLAY_HOST_TAG = 'xianshen-overlay';

export type OverlayItem =
  | { field: string; severity: Severity; text: string; element: ValueElement; start: number; end: number }
  | { field: string; severity: Severity; text: string; range: Range };

const MIRRORED_STYLES = [
  'boxSizing', 'width', 'height', 'fontFamily', 'fontSize', 'fontWeight', 'fontStyle', 'fontVariant', 'fontStretch',
  'letterSpacing', 'wordSpacing', 'lineHeight', 'textTransform', 'textIndent', 'textAlign', 'tabSize', 'direction',
  'paddingTop', 'paddingRight', 'paddingBottom', 'paddingLeft',
  'borderTopWidth', 'borderRightWidth', 'borderBottomWidth', 'borderLeftWidth', 'borderTopStyle', 'borderRightStyle',
  'borderBottomStyle', 'borderLeftStyle',
] as const;

function clip(rect: DOMRect, box: DOMRect): DOMRect | null {
  const left = Math.max(rect.left, box.left);
  const top = Math.max(rect.top, box.top);
  const right = Math.min(rect.right, box.right);
  const bottom = Math.min(rect.bottom, box.bottom);
  return right > left && bottom > top ? new DOMRect(left, top, right - left, bottom - top) : null;
}

export class OverlayPainter extends ViewportLayer<OverlayItem, OverlayItem> {
  private mirror: HTMLElement | undefined;

  constructor(doc: Document, signal: AbortSignal) {
    // Typing moves text under the boxes: redraw on input as well.
    super(doc, signal, {
      tag: OVERLAY_HOST_TAG,
      style: 'all: initial; position: fixed; inset: 0; pointer-events: none; z-index: 2147483646;',
      redrawOn: ['input'],
    });
  }

  clear(): void {
    this.flashing = undefined;
    this.paint([]);
  }

  protected override hostCreated(shadow: ShadowRoot): void {
    const mirror = this.doc.createElement('div');
    mirror.setAttribute('aria-hidden', 'true');
    mirror.style.cssText = 'position: fixed; visibility: hidden; overflow: hidden; left: 0; top: 0;';
    shadow.append(mirror);
    this.mirror = mirror;
  }

  protected render(): void {
    if (!this.items.length && !this.flashing) {
      this.layer?.replaceChildren();
      return;
    }
    const layer = this.ensureLayer();
    const boxes: HTMLElement[] = [];
    const rectsOf = (item: OverlayItem) =>
      'range' in item ? this.rangeRects(item.range) : this.valueRects(item.element, item.start, item.end);
    for (const item of this.items) for (const rect of rectsOf(item)) boxes.push(this.box(item, rect, false));
    if (this.flashing) for (const rect of rectsOf(this.flashing)) boxes.push(this.box(this.flashing, rect, true));
    layer.replaceChildren(...boxes);
  }

  private box(item: OverlayItem, rect: DOMRect, flash: boolean): HTMLElement {
    const box = this.doc.createElement('div');
    box.dataset.xs = flash ? 'flash' : 'mark';
    box.dataset.field = item.field;
    box.dataset.severity = item.severity;
    box.dataset.text = item.text;
    const color = flash ? '255 214 0' : SEVERITY_COLOR[item.severity];
    box.style.cssText =
      `position: fixed; left: 0; top: 0; width: ${rect.width}px; height: ${rect.height}px; ` +
      `transform: translate(${rect.left}px, ${rect.top}px); background: rgb(${color} / ${flash ? 0.55 : 0.18}); ` +
      `border-bottom: 2px solid rgb(${color}); box-sizing: border-box; pointer-events: none;`;
    return box;
  }

  private rangeRects(range: Range): DOMRect[] {
    return Array.from(range.getClientRects()).filter((r) => r.width > 0 && r.height > 0);
  }

  private valueRects(el: ValueElement, start: number, end: number): DOMRect[] {
    if (!el.isConnected) return [];
    const box = el.getBoundingClientRect();
    if (!box.width || !box.height) return [];
    const mirror = this.mirror!;
    const style = el.ownerDocument.defaultView!.getComputedStyle(el);
    for (const prop of MIRRORED_STYLES) mirror.style[prop] = style[prop];
    const isInput = el.tagName === 'INPUT';
    mirror.style.whiteSpace = isInput ? 'pre' : 'pre-wrap';
    mirror.style.overflowWrap = isInput ? 'normal' : 'break-word';
    mirror.style.borderColor = 'transparent';
    mirror.style.left = `${box.left}px`;
    mirror.style.top = `${box.top}px`;
    mirror.style.width = `${box.width}px`;
    mirror.style.height = `${box.height}px`;
    mirror.style.boxSizing = 'border-box';
    if (isInput) {
      // An input centres its single line vertically: make the mirror's line fill the content box.
      const inner = el.clientHeight - parseFloat(style.paddingTop) - parseFloat(style.paddingBottom);
      mirror.style.lineHeight = `${Math.max(inner, 0)}px`;
    }
    const value = el.value;
    const text = this.doc.createTextNode(value.length ? value : ' ');
    mirror.replaceChildren(text);
    mirror.scrollTop = el.scrollTop;
    mirror.scrollLeft = el.scrollLeft;
    const range = this.doc.createRange();
    range.setStart(text, Math.min(start, value.length));
    range.setEnd(text, Math.min(end, value.length));
    // The field's content box clips what is scrolled out of view.
    const content = new DOMRect(box.left + el.clientLeft, box.top + el.clientTop, el.clientWidth, el.clientHeight);
    const rects = Array.from(range.getClientRects())
      .map((r) => clip(r, content))
      .filter((r): r is DOMRect => r !== null);
    mirror.replaceChildren();
    return rects;
  }
}
