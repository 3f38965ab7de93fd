/**
 * Boxes drawn over the page in viewport coordinates: one host element appended to <html> (never inside an editor,
 * whose content would change), in its own shadow root so page CSS cannot reach the boxes, with pointer-events:
 * none so clicks go to the page. Redrawn on the next frame after scrolling (inner scrollers too: capture on window)
 * or resizing, and removed when the signal aborts. The text overlay (overlay-painter.ts) and the picture outlines
 * (picture-outline.ts) are its two layers; each draws its own boxes in render().
 */
export abstract class ViewportLayer<Item, Flash> {
  protected host: HTMLElement | undefined;
  protected layer: HTMLElement | undefined;
  protected items: Item[] = [];
  protected flashing: Flash | undefined;
  private flashTimer: ReturnType<typeof setTimeout> | undefined;
  private frame = 0;

  /** `placement`: the host's tag and style (its z-index decides what it covers); `redrawOn`: more window events to follow. */
  constructor(
    protected readonly doc: Document,
    signal: AbortSignal,
    private readonly placement: { tag: string; style: string; redrawOn?: readonly string[] },
  ) {
    const win = doc.defaultView!;
    const schedule = () => this.schedule();
    win.addEventListener('scroll', schedule, { capture: true, passive: true, signal });
    win.addEventListener('resize', schedule, { passive: true, signal });
    for (const type of placement.redrawOn ?? []) win.addEventListener(type, schedule, { capture: true, passive: true, signal });
    signal.addEventListener('abort', () => this.destroy(), { once: true });
  }

  paint(items: readonly Item[]): void {
    this.items = [...items];
    this.render();
  }

  /** Briefly emphasises one thing (the sidebar's "jump" action); it follows scrolling like the other boxes. */
  flash(what: Flash, durationMs = 1600): void {
    clearTimeout(this.flashTimer);
    this.flashing = what;
    this.render();
    this.flashTimer = setTimeout(() => {
      this.flashing = undefined;
      this.render();
    }, durationMs);
  }

  /** The boxes drawn now (tests and the jump action read them). */
  boxes(): HTMLElement[] {
    return this.layer ? (Array.from(this.layer.children) as HTMLElement[]) : [];
  }

  schedule(): void {
    if (this.frame || (!this.items.length && this.flashing === undefined)) return;
    this.frame = this.doc.defaultView!.requestAnimationFrame(() => {
      this.frame = 0;
      this.render();
    });
  }

  destroy(): void {
    this.host?.remove();
    this.host = this.layer = undefined;
  }

  /** The layer the boxes go in, creating the host when there is none (or the page removed it). */
  protected ensureLayer(): HTMLElement {
    if (this.layer && this.host?.isConnected) return this.layer;
    const host = this.doc.createElement(this.placement.tag);
    host.style.cssText = this.placement.style;
    const shadow = host.attachShadow({ mode: 'open' });
    const layer = this.doc.createElement('div');
    shadow.append(layer);
    this.hostCreated(shadow);
    this.doc.documentElement.append(host);
    this.host = host;
    return (this.layer = layer);
  }

  /** For a layer that needs more in its shadow root than the boxes (the overlay's mirror). */
  protected hostCreated(_shadow: ShadowRoot): void {}

  protected abstract render(): void;
}
