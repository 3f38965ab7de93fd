/**
 * Outlines the pictures that have findings, in the editor (issue 13, 4), on a ViewportLayer beside the text
 * overlay's; the outlines follow scrolling, and pictures inside same-origin iframes.
 */
import type { Severity } from '../core/types';
import { SEVERITY_COLOR } from './highlight-styles';
import { ViewportLayer } from './viewport-layer';

export const PICTURE_OUTLINE_TAG = 'xianshen-picture-outlines';

export interface OutlinedPicture {
  element: HTMLImageElement;
  severity: Severity;
  /** e.g. 图片：2 个问题 */
  label: string;
}

export class PictureOutline extends ViewportLayer<OutlinedPicture, HTMLImageElement> {
  constructor(doc: Document, signal: AbortSignal) {
    // Below the sidebar (2147483000): an outlined picture never covers the findings list.
    super(doc, signal, { tag: PICTURE_OUTLINE_TAG, style: 'position:fixed;inset:0;pointer-events:none;z-index:2147482999;' });
  }

  protected render(): void {
    if (!this.items.length && !this.host) return;
    const layer = this.ensureLayer();
    layer.replaceChildren();
    for (const item of this.items) {
      const el = item.element;
      if (!el.isConnected) continue;
      const r = el.getBoundingClientRect();
      // A picture in a same-origin iframe editor: offset by the frame's place in the top page.
      const frame = el.ownerDocument.defaultView?.frameElement?.getBoundingClientRect();
      const left = r.left + (frame?.left ?? 0);
      const top = r.top + (frame?.top ?? 0);
      if (r.width === 0 || r.height === 0) continue;
      const box = this.doc.createElement('div');
      box.dataset.xs = 'picture-outline';
      box.dataset.severity = item.severity;
      const color = `rgb(${SEVERITY_COLOR[item.severity]})`;
      const width = this.flashing === el ? 5 : 3;
      box.style.cssText = `position:fixed;left:${left - width}px;top:${top - width}px;width:${r.width}px;height:${r.height}px;border:${width}px solid ${color};border-radius:4px;box-sizing:content-box;`;
      const tag = this.doc.createElement('span');
      tag.textContent = item.label;
      tag.style.cssText = `position:absolute;left:0;top:0;background:${color};color:#fff;font:12px/1.6 sans-serif;padding:0 6px;border-radius:0 0 4px 0;`;
      box.append(tag);
      layer.append(box);
    }
  }
}
