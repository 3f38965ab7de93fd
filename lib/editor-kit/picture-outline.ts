/**
 * Outlines the pictures that have findings, in the editor (issue 13, 4). Like the overlay painter, the
 * outlines live in one host appended to <html> (never inside an editor, whose content would change), in a
 * shadow root, with pointer-events: none; they follow scrolling and pictures inside same-origin iframes.
 */
import type { Severity } from '../core/types';
import { SEVERITY_COLOR } from './highlight-styles';

export const PICTURE_OUTLINE_TAG = 'xianshen-picture-outlines';

export interface OutlinedPicture {
  element: HTMLImageElement;
  severity: Severity;
  /** e.g. 图片：2 个问题 */
  label: string;
}

export class PictureOutline {
  private host: HTMLElement | undefined;
  private layer: HTMLElement | undefined;
  private items: OutlinedPicture[] = [];
  private flashing: HTMLImageElement | undefined;
  private flashTimer: ReturnType<typeof setTimeout> | undefined;
  private frame = 0;

  constructor(private readonly doc: Document, signal: AbortSignal) {
    const win = doc.defaultView!;
    const schedule = () => this.schedule();
    win.addEventListener('scroll', schedule, { capture: true, passive: true, signal });
    win.addEventListener('resize', schedule, { passive: true, signal });
    signal.addEventListener('abort', () => this.host?.remove(), { once: true });
  }

  paint(items: readonly OutlinedPicture[]): void {
    this.items = [...items];
    this.render();
  }

  flash(element: HTMLImageElement, ms = 1600): void {
    clearTimeout(this.flashTimer);
    this.flashing = element;
    this.render();
    this.flashTimer = setTimeout(() => {
      this.flashing = undefined;
      this.render();
    }, ms);
  }

  /** The outline boxes drawn now (tests read them). */
  boxes(): HTMLElement[] {
    return this.layer ? (Array.from(this.layer.children) as HTMLElement[]) : [];
  }

  private schedule(): void {
    if (this.frame || !this.items.length) return;
    this.frame = this.doc.defaultView!.requestAnimationFrame(() => {
      this.frame = 0;
      this.render();
    });
  }

  private ensureLayer(): HTMLElement {
    if (this.layer && this.host?.isConnected) return this.layer;
    this.host = this.doc.createElement(PICTURE_OUTLINE_TAG);
    // Below the sidebar (2147483000): an outlined picture never covers the findings list.
    this.host.style.cssText = 'position:fixed;inset:0;pointer-events:none;z-index:2147482999;';
    const root = this.host.attachShadow({ mode: 'open' });
    this.layer = this.doc.createElement('div');
    root.append(this.layer);
    this.doc.documentElement.append(this.host);
    return this.layer;
  }

  private render(): void {
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
