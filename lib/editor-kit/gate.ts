/**
 * Holds the console's publish controls while the draft is not cleared. Capture-phase listeners on the window
 * run before the page's own element handlers (Vue, jQuery) and before React's root delegation, so
 * preventDefault + stopImmediatePropagation stop the publish entirely: no half-open dialog.
 *
 * Every attempt re-screens the current DOM first (`decide` is synchronous and fresh), so a stale view cannot
 * pass. When the verdict needs an asynchronous answer (the review service), the attempt is held, and once
 * the answer allows it the gate is "armed": the user's next real click goes through. The gate never
 * re-dispatches a click (scripted clicks are untrusted and some pages ignore them).
 */

export interface GateHit {
  /** The control's element on the event path. */
  element: Element;
  /** Name of the publish control (adapter data), e.g. '发表'. */
  label: string;
}

export type GateVerdict =
  | { allow: true }
  | { allow: false; reasons: string[]; pending?: Promise<GateVerdict> };

export interface GateOptions {
  win: Window;
  signal: AbortSignal;
  /** The publish control on a click/press path, if any. */
  findControl(path: EventTarget[]): GateHit | undefined;
  /** A keyboard submit (Ctrl/⌘+Enter in a composer) on this key event's path, if any. */
  findKeyboardSubmit(event: KeyboardEvent, path: EventTarget[]): GateHit | undefined;
  /** Re-reads and re-screens the draft now. */
  decide(hit: GateHit): GateVerdict;
  onHeld(hit: GateHit, reasons: string[]): void;
  /** A pending verdict came back clear: the next real click on a publish control goes through. */
  onArmed(hit: GateHit): void;
  /** A publish attempt (click or key) went through. */
  onPassed?(hit: GateHit): void;
}

/** How long an armed gate waits for the user's next click. */
const ARMED_FOR_MS = 30_000;
/** A press and the click that follows it are one attempt: decide once. */
const GESTURE_MS = 1_000;

export class PublishGate {
  private armedUntil = 0;
  private lastDecision: { element: Element; at: number; verdict: GateVerdict } | undefined;

  constructor(private readonly options: GateOptions) {
    const { win, signal } = options;
    const capture = { capture: true, signal };
    for (const type of ['pointerdown', 'mousedown', 'click', 'auxclick'] as const) {
      win.addEventListener(type, (e) => this.onPointer(e), capture);
    }
    win.addEventListener('keydown', (e) => this.onKey(e), capture);
    win.addEventListener('submit', (e) => this.onSubmit(e as SubmitEvent), capture);
  }

  /** Forget any armed state (e.g. the draft changed after the clear verdict). */
  disarm(): void {
    this.armedUntil = 0;
    this.lastDecision = undefined;
  }

  get armed(): boolean {
    return Date.now() < this.armedUntil;
  }

  private onPointer(e: Event): void {
    const hit = this.options.findControl(e.composedPath());
    if (hit) this.judge(e, hit, e.type === 'click');
  }

  private onKey(e: KeyboardEvent): void {
    const path = e.composedPath();
    const activates = (e.key === 'Enter' || e.key === ' ') && !e.ctrlKey && !e.metaKey && !e.altKey;
    const hit = (activates && this.options.findControl(path)) || this.options.findKeyboardSubmit(e, path);
    if (hit) this.judge(e, hit, true);
  }

  private onSubmit(e: SubmitEvent): void {
    const path = e.submitter ? [e.submitter, ...e.composedPath()] : e.composedPath();
    const hit = this.options.findControl(path);
    if (hit) this.judge(e, hit, true);
  }

  private judge(e: Event, hit: GateHit, endsGesture: boolean): void {
    if (this.armed && e.isTrusted) {
      if (endsGesture) {
        this.armedUntil = 0;
        this.options.onPassed?.(hit);
      }
      return;
    }
    const verdict = this.verdictFor(hit, endsGesture);
    if (verdict.allow) {
      if (endsGesture) this.options.onPassed?.(hit);
      return;
    }
    e.preventDefault();
    e.stopImmediatePropagation();
    if (!endsGesture) return; // the click of this gesture reports it
    this.options.onHeld(hit, verdict.reasons);
    verdict.pending?.then(
      (later) => {
        if (later.allow) {
          this.armedUntil = Date.now() + ARMED_FOR_MS;
          this.options.onArmed(hit);
        } else this.options.onHeld(hit, later.reasons);
      },
      () => undefined,
    );
  }

  /** Decides once per gesture: pointerdown, mousedown and click of one press share the fresh verdict. */
  private verdictFor(hit: GateHit, endsGesture: boolean): GateVerdict {
    const now = Date.now();
    const last = this.lastDecision;
    if (last && last.element === hit.element && now - last.at < GESTURE_MS) {
      if (endsGesture) this.lastDecision = undefined;
      return last.verdict;
    }
    const verdict = this.options.decide(hit);
    this.lastDecision = endsGesture ? undefined : { element: hit.element, at: now, verdict };
    return verdict;
  }
}
