/**
 * One console tab: finds the editor (adapter data + locate engine), screens the draft on load and on every
 * edit, paints highlights, drives the sidebar and holds publishing. Browser glue only; the DOM work is in
 * lib/editor-kit and the screening in lib/core.
 */
import { createElement } from 'react';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { ReviewPanel } from '@/components/review/ReviewPanel';
import type { Resolution, SidebarState } from '@/components/sidebar/types';
import { isLiteralSuggestion } from '@/components/sidebar/grouping';
import { findPublishControl, locateSurface, surfaceFor, type FieldProblem } from '@/lib/adapters/locate';
import type { Adapter, Surface } from '@/lib/adapters/types';
import type { Ruleset } from '@/lib/core/ruleset';
import { screen } from '@/lib/core/screen';
import type { Draft, Finding } from '@/lib/core/types';
import type { ReviewStatus } from '@/lib/ext/messages/review';
import { applyRichFix, applyValueFix } from '@/lib/editor-kit/apply-fix';
import { PublishGate, type GateHit, type GateVerdict } from '@/lib/editor-kit/gate';
import { HighlightPainter, type PaintItem } from '@/lib/editor-kit/highlight-painter';
import { OverlayPainter, type OverlayItem } from '@/lib/editor-kit/overlay-painter';
import { rangeFor } from '@/lib/editor-kit/ranges';
import { LiveField } from './fields';
import { gateVerdict } from './gate-policy';
import { reviewEdited, reviewResolve, reviewStatus, reviewSubmit, type DraftContext } from './review-client';
import { loadTabRuleset, watchRuleset } from './ruleset';
import { SidebarUi } from './sidebar-ui';

export const UNSUPPORTED_REASON = '未识别编辑器（适配可能已过期）';
/** Quiet time after the last edit before a full screen (the highlights follow each edit at once). */
const SCREEN_DEBOUNCE_MS = 150;
/** Structural page changes are batched before the fields are located again. */
const RELOCATE_DEBOUNCE_MS = 60;
/** How long a known editor page may take to build its editor before it is reported unrecognised. */
const LOCATE_GRACE_MS = 2_500;

const nowMs = () => performance.now();

export class ConsoleSession {
  private surface: Surface | undefined;
  private fields: LiveField[] = [];
  private problems: FieldProblem[] = [];
  private locateFailingSince: number | undefined;
  private unsupported = false;
  private ruleset: Ruleset | undefined;
  private findings: Finding[] = [];
  private screened = false;
  private localResolutions: Record<string, Resolution> = {};
  private status: ReviewStatus | undefined;
  private statusContent: string | undefined;
  private reviewAvailable = false;
  private held: string[] | undefined;
  private note: string | undefined;
  private collapsed = false;
  private lastHref = '';
  private readonly highlights = new HighlightPainter(document);
  private readonly overlay: OverlayPainter;
  private readonly sidebar: SidebarUi;
  private fieldObservers: MutationObserver[] = [];
  private frameListeners = new AbortController();
  private screenTimer: number | undefined;
  private relocateTimer: number | undefined;
  /** performance.now() of the input that the next paint/screen answers (typing latency counters). */
  private inputAt: number | undefined;
  private firstInputSinceScreen: number | undefined;
  private paintSeq = 0;
  private screenSeq = 0;
  private editedKeys = new Set<string>();
  private gate: PublishGate;

  constructor(
    private readonly ctx: ContentScriptContext,
    private readonly adapter: Adapter,
  ) {
    this.overlay = new OverlayPainter(document, ctx.signal);
    this.sidebar = new SidebarUi(ctx);
    this.gate = new PublishGate({
      win: window,
      signal: ctx.signal,
      findControl: (path) => this.findControl(path),
      findKeyboardSubmit: (e, path) => this.findKeyboardSubmit(e, path),
      decide: () => this.decide(),
      onHeld: (hit, reasons) => this.onHeld(hit, reasons),
      onArmed: (hit) => this.onArmed(hit),
      onPassed: () => this.onPassed(),
    });
  }

  start(): void {
    const { ctx } = this;
    void loadTabRuleset().then((ruleset) => {
      this.ruleset = ruleset;
      this.screenNow();
    });
    ctx.onInvalidated(watchRuleset((ruleset) => {
      this.ruleset = ruleset;
      this.screenNow();
    }));
    const pageObserver = new MutationObserver((records) => this.onPageMutations(records));
    pageObserver.observe(document.documentElement, { childList: true, subtree: true });
    ctx.onInvalidated(() => {
      pageObserver.disconnect();
      this.unbindFields();
      this.highlights.clear();
      this.sidebar.hide();
    });
    const onRoute = () => this.onRoute();
    ctx.addEventListener(window, 'popstate', onRoute);
    ctx.addEventListener(window, 'hashchange', onRoute);
    ctx.addEventListener(window, 'wxt:locationchange', onRoute);
    // event.timeStamp is on the performance.now() clock: when the browser created the input, not when we saw it.
    ctx.addEventListener(window, 'input', (e: Event) => this.onInput(e, e.timeStamp), { capture: true });
    const place = () => this.schedulePlacement();
    ctx.addEventListener(window, 'resize', place, { passive: true });
    ctx.addEventListener(window, 'scroll', place, { capture: true, passive: true });
    this.onRoute();
  }

  private placementFrame = 0;

  /** After layout changes, keep the sidebar off the publish controls (sidebar-ui.ts avoid()). */
  private schedulePlacement(): void {
    if (this.placementFrame || !this.surface) return;
    this.placementFrame = requestAnimationFrame(() => {
      this.placementFrame = 0;
      const surface = this.surface;
      if (!surface) return;
      const rects: DOMRect[] = [];
      for (const control of surface.publish)
        for (const selector of control.selectors)
          for (const el of Array.from(document.querySelectorAll(selector))) {
            const r = el.getBoundingClientRect();
            if (r.width && r.height) rects.push(r);
          }
      this.sidebar.avoid(rects);
    });
  }

  // ------------------------------------------------------------------ page structure and routes

  private onRoute(): void {
    if (location.href === this.lastHref) return;
    this.lastHref = location.href;
    const surface = surfaceFor(this.adapter, new URL(location.href));
    if (surface !== this.surface) {
      this.surface = surface;
      this.unbindFields();
      this.resetDraftState();
      if (!surface) {
        this.highlights.clear();
        this.overlay.clear();
        this.sidebar.hide();
        return;
      }
      void this.sidebar.show().then(() => this.render());
    }
    this.relocate();
  }

  private resetDraftState(): void {
    this.findings = [];
    this.screened = false;
    this.problems = [];
    this.locateFailingSince = undefined;
    this.unsupported = false;
    this.held = undefined;
    this.note = undefined;
    this.status = undefined;
    this.statusContent = undefined;
    this.localResolutions = {};
    this.gate.disarm();
  }

  private isOwnNode(node: Node): boolean {
    const el = node.nodeType === 1 ? (node as Element) : node.parentElement;
    return !!el && (el === this.sidebar.host || el.tagName === 'XIANSHEN-OVERLAY');
  }

  private onPageMutations(records: MutationRecord[]): void {
    if (location.href !== this.lastHref) {
      this.onRoute();
      return;
    }
    if (!this.surface) return;
    const structural = records.some(
      (r) => !this.isOwnNode(r.target) && !this.fields.some((f) => f.element.contains(r.target)),
    );
    if (structural) this.scheduleRelocate();
  }

  private scheduleRelocate(delay = RELOCATE_DEBOUNCE_MS): void {
    clearTimeout(this.relocateTimer);
    this.relocateTimer = this.ctx.setTimeout(() => this.relocate(), delay);
  }

  /** Finds the fields again; rebinds when the page replaced an editor; tracks "adapter out of date". */
  private relocate(): boolean {
    const surface = this.surface;
    if (!surface) return false;
    const found = locateSurface(document, surface);
    const same =
      found.fields.length === this.fields.length &&
      found.fields.every((lf, i) => this.fields[i]?.element === lf.element);
    if (!same) {
      this.bindFields(found.fields.map((lf) => new LiveField(lf.spec, lf.element)));
      this.scheduleScreen(0);
    }
    this.problems = found.problems;
    const wasUnsupported = this.unsupported;
    if (found.ok) {
      this.locateFailingSince = undefined;
      this.unsupported = false;
    } else {
      this.locateFailingSince ??= nowMs();
      const waited = nowMs() - this.locateFailingSince;
      this.unsupported = waited >= LOCATE_GRACE_MS;
      // Editors build late (iframes load, SPAs render): look again until the grace period is over.
      if (!this.unsupported) this.scheduleRelocate(Math.min(500, LOCATE_GRACE_MS - waited + 10));
    }
    if (wasUnsupported !== this.unsupported || !same) this.render();
    return found.ok;
  }

  private bindFields(fields: LiveField[]): void {
    this.unbindFields();
    this.fields = fields;
    this.frameListeners = new AbortController();
    for (const field of fields) {
      if (field.snapshot.kind !== 'rich') continue;
      const observer = new MutationObserver(() => this.onFieldChanged(field));
      observer.observe(field.element, { childList: true, characterData: true, subtree: true });
      this.fieldObservers.push(observer);
      const doc = field.element.ownerDocument;
      if (doc !== document && doc.defaultView) {
        // Input inside a same-origin iframe editor never reaches the top window.
        const frameWin = doc.defaultView;
        const offset = frameWin.performance.timeOrigin - performance.timeOrigin;
        frameWin.addEventListener('input', (e) => this.onInput(e, e.timeStamp + offset), {
          capture: true,
          signal: this.frameListeners.signal,
        });
      }
    }
  }

  private unbindFields(): void {
    for (const o of this.fieldObservers) o.disconnect();
    this.fieldObservers = [];
    this.frameListeners.abort();
    this.fields = [];
  }

  // ------------------------------------------------------------------ edits

  private onInput(e: Event, at: number): void {
    const path = e.composedPath();
    const field = this.fields.find((f) => path.includes(f.element));
    if (!field) return;
    this.inputAt = at;
    this.firstInputSinceScreen ??= at;
    if (e.isTrusted) this.noteEdited();
    // Value fields produce no mutations, so their input event is the change. For rich fields Chromium may
    // deliver the mutation records before the input event: handling it here too makes the latency counter
    // honest (an upper bound when the observer already repainted).
    this.onFieldChanged(field);
  }

  private noteEdited(): void {
    const key = this.draftKey();
    if (this.editedKeys.has(key)) return;
    this.editedKeys.add(key);
    void reviewEdited(key);
  }

  /** The fast path on every edit: re-read one field, carry its findings over, repaint. */
  private onFieldChanged(field: LiveField): void {
    if (!field.element.isConnected) {
      this.scheduleRelocate();
      return;
    }
    const changed = field.refresh();
    this.paint();
    if (changed) {
      this.gate.disarm();
      this.note = undefined;
      this.scheduleScreen();
    }
  }

  private scheduleScreen(delay = SCREEN_DEBOUNCE_MS): void {
    clearTimeout(this.screenTimer);
    this.screenTimer = this.ctx.setTimeout(() => this.screenNow(), delay);
  }

  // ------------------------------------------------------------------ screening

  private readDraft(): Draft {
    const fields: Draft['fields'] = {};
    for (const field of this.fields) fields[field.name] = field.snapshot.text;
    return { platform: this.adapter.platform, fields };
  }

  private draftKey(): string {
    return `${this.adapter.platform}:${this.adapter.draftId(new URL(location.href))}`;
  }

  private draftContext(): DraftContext {
    const draft = this.readDraft();
    return {
      draftKey: this.draftKey(),
      platform: this.adapter.platform,
      title: draft.fields.title ?? '',
      draft,
      findings: this.findings,
    };
  }

  /** Re-reads every field and screens the draft as it is in the DOM right now. */
  private screenNow(): void {
    clearTimeout(this.screenTimer);
    if (!this.surface || !this.ruleset) return;
    for (const field of this.fields) if (field.element.isConnected) field.refresh();
    const draft = this.readDraft();
    const started = nowMs();
    let findings: Finding[];
    try {
      findings = screen(draft, this.ruleset);
    } catch (err) {
      console.error('[先审] 审查出错', err);
      findings = [];
    }
    const cost = nowMs() - started;
    this.findings = findings;
    for (const field of this.fields) field.setFindings(findings.filter((f) => f.field === field.name));
    this.screened = true;
    this.paint();
    if (this.held && gateVerdict(this.gateInputs()).allow) this.held = undefined;
    this.render();
    this.recordScreen(cost);
    void this.requestStatus();
  }

  private contentKey(): string {
    return JSON.stringify(this.readDraft().fields);
  }

  private async requestStatus(): Promise<void> {
    const context = this.draftContext();
    const content = JSON.stringify(context.draft.fields);
    const status = await reviewStatus(context);
    if (!status) return;
    this.reviewAvailable = true;
    if (content !== this.contentKey()) return; // the draft moved on; a newer request follows
    this.status = status;
    this.statusContent = content;
    if (this.held && gateVerdict(this.gateInputs()).allow) this.held = undefined;
    this.render();
  }

  private resolutions(): Record<string, Resolution> {
    return { ...(this.status?.resolutions ?? {}), ...this.localResolutions } as Record<string, Resolution>;
  }

  private gateInputs() {
    return {
      findings: this.findings,
      resolutions: this.resolutions(),
      statusForThisContent: this.statusContent === this.contentKey() ? this.status : undefined,
      reviewServiceAvailable: this.reviewAvailable,
    };
  }

  // ------------------------------------------------------------------ painting

  private paint(): void {
    const ranges: PaintItem[] = [];
    const boxes: OverlayItem[] = [];
    for (const field of this.fields) {
      const snap = field.snapshot;
      for (const f of field.findings) {
        if (snap.kind === 'value') {
          boxes.push({ field: field.name, severity: f.severity, text: f.text, element: snap.element, start: f.start, end: f.end });
          continue;
        }
        const range = field.ranges.get(f.id);
        if (range) ranges.push({ range, severity: f.severity });
      }
    }
    for (const item of this.highlights.paint(ranges)) {
      boxes.push({ field: '', severity: item.severity, text: item.range.toString(), range: item.range });
    }
    this.overlay.paint(boxes);
    this.recordPaint();
  }

  /** Latency counters on our own host element, read by the typing bench (scripts/bench-typing.ts). */
  private recordPaint(): void {
    const host = this.sidebar.host;
    if (!host || this.inputAt === undefined) return;
    host.dataset.xsPaintMs = (nowMs() - this.inputAt).toFixed(3);
    host.dataset.xsPaintSeq = String(++this.paintSeq);
    this.inputAt = undefined;
  }

  private recordScreen(cost: number): void {
    const host = this.sidebar.host;
    if (!host) return;
    host.dataset.xsScreenCostMs = cost.toFixed(3);
    if (this.firstInputSinceScreen !== undefined) host.dataset.xsScreenMs = (nowMs() - this.firstInputSinceScreen).toFixed(3);
    host.dataset.xsScreenSeq = String(++this.screenSeq);
    this.firstInputSinceScreen = undefined;
  }

  // ------------------------------------------------------------------ sidebar

  private state(): SidebarState {
    if (this.unsupported && !this.held) return 'unsupported';
    if (this.held) return 'held';
    if (!this.screened) return 'screening';
    const resolutions = this.resolutions();
    return this.findings.some((f) => f.severity !== 'info' && !resolutions[f.id]) ? 'problems' : 'clean';
  }

  private render(): void {
    if (!this.surface) return;
    const fieldLabels: Record<string, string> = {};
    for (const spec of this.surface.fields) fieldLabels[spec.name] = spec.label;
    // Which fields were found: a debugging aid visible in the page's DOM inspector (our own host element).
    if (this.sidebar.host) this.sidebar.host.dataset.xsFields = this.fields.map((f) => f.name).join(',');
    const problemText = this.problems.map((p) => `${p.problem === 'missing' ? '未找到' : '找到多个'}「${p.spec.label}」`);
    this.sidebar.render({
      state: this.state(),
      findings: this.findings,
      resolutions: this.resolutions(),
      fieldLabels,
      platformLabel: this.adapter.label,
      statusText: this.note,
      heldReasons: this.held,
      unsupportedReason: this.unsupported ? `${UNSUPPORTED_REASON}：${problemText.join('、')}` : undefined,
      // The review service's panel, once that service has answered in this tab.
      reviewSlot: this.reviewAvailable
        ? createElement(ReviewPanel, {
            draftKey: this.draftKey(),
            status: this.gateInputs().statusForThisContent,
            onStatus: (status) => {
              this.status = status;
              this.statusContent = this.contentKey();
              if (this.held && gateVerdict(this.gateInputs()).allow) this.held = undefined;
              this.render();
            },
          })
        : undefined,
      collapsed: this.collapsed,
      onToggleCollapsed: () => {
        this.collapsed = !this.collapsed;
        this.render();
      },
      onJump: (f) => this.jump(f),
      onFix: (f) => this.fix(f),
      onAccept: (f, reason) => void this.accept(f, reason),
    });
    this.schedulePlacement();
  }

  // ------------------------------------------------------------------ finding actions

  private fieldOf(f: Finding): LiveField | undefined {
    return this.fields.find((field) => field.name === f.field && field.element.isConnected);
  }

  private jump(f: Finding): void {
    const field = this.fieldOf(f);
    if (!field) return;
    const snap = field.snapshot;
    if (snap.kind === 'value') {
      snap.element.scrollIntoView({ block: 'center', behavior: 'smooth' });
      this.overlay.flash({ field: field.name, severity: f.severity, text: f.text, element: snap.element, start: f.start, end: f.end });
      return;
    }
    const range = field.ranges.get(f.id) ?? rangeFor(snap, f.start, f.end);
    if (!range) return;
    const frame = field.element.ownerDocument.defaultView?.frameElement;
    frame?.scrollIntoView({ block: 'nearest' });
    const anchor = range.startContainer.nodeType === 1 ? (range.startContainer as Element) : range.startContainer.parentElement;
    anchor?.scrollIntoView({ block: 'center', behavior: 'smooth' });
    if (!this.highlights.flash(range)) this.overlay.flash({ field: field.name, severity: f.severity, text: f.text, range });
  }

  private fix(f: Finding): void {
    const field = this.fieldOf(f);
    if (!field || !isLiteralSuggestion(f)) return;
    const target = { start: f.start, end: f.end, expected: f.text, replacement: f.suggestion };
    const snap = field.snapshot;
    const ok = snap.kind === 'value' ? applyValueFix(snap.element, target) : applyRichFix(field.element, target, field.readOptions);
    if (!ok) {
      this.note = `未能自动修改「${f.text}」，请在编辑器中手动修改。`;
      this.render();
      return;
    }
    this.note = undefined;
    this.screenNow();
  }

  private async accept(f: Finding, reason: string): Promise<void> {
    this.localResolutions[f.id] = { resolution: 'accepted', reason };
    if (this.held && gateVerdict(this.gateInputs()).allow) this.held = undefined;
    this.render();
    const status = this.status;
    if (!status) return;
    const next = await reviewResolve(this.draftKey(), status.draftHash, f, 'accepted', reason);
    if (!next) return;
    this.status = next;
    this.statusContent = this.contentKey();
    this.render();
  }

  // ------------------------------------------------------------------ publish gate

  private findControl(path: EventTarget[]): GateHit | undefined {
    if (!this.surface) return undefined;
    const hit = findPublishControl(this.surface, path);
    return hit && { element: hit.element, label: hit.control.label };
  }

  private findKeyboardSubmit(e: KeyboardEvent, path: EventTarget[]): GateHit | undefined {
    if (!this.surface || e.key !== 'Enter' || !(e.ctrlKey || e.metaKey)) return undefined;
    const field = this.fields.find((f) => f.spec.keyboardSubmit && path.includes(f.element));
    return field && { element: field.element, label: `${e.metaKey ? '⌘' : 'Ctrl'}+Enter 发送` };
  }

  /** Fresh and synchronous: locate, read and screen the DOM as it is now, then apply the gate policy. */
  private decide(): GateVerdict {
    if (!this.relocate()) {
      const detail = this.problems.map((p) => `${p.problem === 'missing' ? '未找到' : '找到多个'}「${p.spec.label}」`);
      return {
        allow: false,
        reasons: this.unsupported
          ? [`${UNSUPPORTED_REASON}，发布已暂停，请人工审核或更新先审。`, ...detail]
          : ['先审正在识别编辑器，请稍候再发布。'],
      };
    }
    if (!this.ruleset) return { allow: false, reasons: ['先审正在加载规则库，请稍候再发布。'] };
    this.screenNow();
    const verdict = gateVerdict(this.gateInputs());
    if (verdict.allow) return verdict;
    if (!verdict.needsStatus) return { allow: false, reasons: verdict.reasons };
    const pending = this.requestStatus().then((): GateVerdict => {
      const later = gateVerdict(this.gateInputs());
      return later.allow ? later : { allow: false, reasons: later.reasons };
    });
    return { allow: false, reasons: verdict.reasons, pending };
  }

  private onHeld(hit: GateHit, reasons: string[]): void {
    this.held = [`已拦截「${hit.label}」。`, ...reasons];
    this.note = undefined;
    if (this.collapsed) this.collapsed = false;
    this.render();
    void reviewSubmit(this.draftContext(), false);
  }

  private onArmed(hit: GateHit): void {
    this.held = undefined;
    this.note = `已复核，可以发布：请再次点击「${hit.label}」。`;
    this.render();
  }

  private onPassed(): void {
    if (this.held) this.held = undefined;
    void reviewSubmit(this.draftContext(), true);
  }
}
