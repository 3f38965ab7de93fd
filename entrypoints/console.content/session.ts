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
import { defaultStatusText } from '@/components/sidebar/labels';
import { findPublishControl, locateSurface, surfaceFor, type FieldProblem } from '@/lib/adapters/locate';
import type { Adapter, Surface } from '@/lib/adapters/types';
import type { Ruleset } from '@/lib/core/ruleset';
import { screen } from '@/lib/core/screen';
import { CHECKS, enabledChecks } from '@/lib/checks/index';
import type { CheckDef } from '@/lib/core/check';
import type { Draft, Finding } from '@/lib/core/types';
import type { ReviewStatus } from '@/lib/ext/messages/review';
import { applyRichFix, applyValueFix } from '@/lib/editor-kit/apply-fix';
import { PublishGate, type GateHit, type GateVerdict } from '@/lib/editor-kit/gate';
import { HighlightPainter, type PaintItem } from '@/lib/editor-kit/highlight-painter';
import { OverlayPainter, type OverlayItem } from '@/lib/editor-kit/overlay-painter';
import { rangeFor } from '@/lib/editor-kit/ranges';
import { onSettingsChanged, getEffectiveSettings } from '@/lib/settings/store';
import { draftKeyFor } from './draft-key';
import { LiveField } from './fields';
import { gateVerdict, type PolicyVerdict } from './gate-policy';
import { reviewEdited, reviewResolve, reviewStatus, reviewSubmit, type DraftContext } from './review-client';
import { DraftHasher, EditedTracker, identityKey, mergeResolutions, statusMatchesDraft } from './review-sync';
import {
  isLongDraft,
  longScreenHoldReason,
  longScreenStatus,
  MAX_PAINTED,
  paintCapNote,
  paintSelection,
  runScreen,
  SCREEN_ERROR_STATUS,
  screenDebounceMs,
  screenErrorReasons,
  type ScreenOutcome,
} from './screening';
import { loadTabRuleset, watchRuleset } from './ruleset';
import { SidebarUi } from './sidebar-ui';

export const UNSUPPORTED_REASON = '未识别编辑器（适配可能已过期）';
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
  private readonly edited = new EditedTracker();
  /** Who is at the keyboard (settings identity), for review:edited; '' until known or when unset. */
  private identity = '';
  private readonly hasher = new DraftHasher();
  /** What the current `findings` are a completed screen of (content, ruleset and field binding). */
  private screenedContent: string | undefined;
  private screenedRuleset: Ruleset | undefined;
  private screenedFields: LiveField[] | undefined;
  /** Set while the last screen threw: publishing is held, never passed unscreened. */
  private screenError: string | undefined;
  /** Characters of a long draft whose screen is scheduled or running (status: 正在审查（稿件较长…）…). */
  private longScreenChars: number | undefined;
  private longScreenToken = 0;
  private screenWaiters: (() => void)[] = [];
  /** Findings that had a highlight to paint, when more than MAX_PAINTED. */
  private paintCapped: number | undefined;
  private contentCache: { texts: string[]; key: string } | undefined;
  private gate: PublishGate;
  /** The sub-checks this tab runs: every registered one minus settings/policy `disabledChecks`. */
  private checks: readonly CheckDef[] = CHECKS;

  constructor(
    private readonly ctx: ContentScriptContext,
    private readonly adapter: Adapter,
    /** The core's screen (injectable so tests can make it fail: a failure must hold, never pass). */
    private readonly screenFn: (draft: Draft, ruleset: Ruleset) => Finding[] = (draft, ruleset) => screen(draft, ruleset, this.checks),
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

  /** Switches sub-checks off (settings or policy `disabledChecks`) and re-screens when that changes anything. */
  private useChecks(disabled: readonly string[] | undefined): void {
    const next = enabledChecks(disabled ?? []);
    if (next.map((c) => c.id).join() === this.checks.map((c) => c.id).join()) return;
    this.checks = next;
    if (this.ruleset) this.screenNow();
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
    // Who is typing: review:edited is sent once per draft per person (review-sync.ts EditedTracker).
    void getEffectiveSettings().then(
      (effective) => {
        this.identity = identityKey(effective.settings.identity);
        this.useChecks(effective.settings.disabledChecks);
      },
      () => undefined,
    );
    ctx.onInvalidated(
      onSettingsChanged((settings) => {
        this.identity = identityKey(settings.identity);
        this.useChecks(settings.disabledChecks);
      }),
    );
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
    this.screenedContent = undefined;
    this.screenError = undefined;
    this.longScreenChars = undefined;
    this.longScreenToken++;
    this.paintCapped = undefined;
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

  /** Tells the review service the person at the keyboard edited this draft (once per draft per person). */
  private noteEdited(): void {
    const key = this.draftKey();
    const who = this.identity;
    if (!this.edited.mark(key, who)) return;
    void reviewEdited(key).then((reply) => {
      if (!reply) this.edited.forget(key, who); // service not answering: try again on the next edit
    });
  }

  /** The fast path on every edit: re-read one field, carry its findings over, repaint. */
  private onFieldChanged(field: LiveField): void {
    if (!field.element.isConnected) {
      this.scheduleRelocate();
      return;
    }
    if (isLongDraft(this.currentChars())) {
      // A long draft is not re-read on every keystroke (reading 5 MB of DOM twice per key made typing lag):
      // the painted Ranges are live and follow the edit, the gate forgets any clear verdict, and the debounced
      // screen (and any publish attempt) re-reads everything. Until then the status says it is screening.
      this.gate.disarm();
      this.note = undefined;
      this.scheduleScreen();
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

  /** The debounce grows with the draft's size: a long draft is not re-screened on every pause. */
  private scheduleScreen(delay?: number): void {
    clearTimeout(this.screenTimer);
    const chars = this.currentChars();
    if (isLongDraft(chars)) {
      const wasScreening = this.longScreenChars !== undefined;
      this.longScreenChars = chars;
      if (!wasScreening) this.render();
    }
    this.screenTimer = this.ctx.setTimeout(() => this.screenNow(), delay ?? screenDebounceMs(chars));
  }

  private currentChars(): number {
    let n = 0;
    for (const field of this.fields) n += field.snapshot.text.length;
    return n;
  }

  // ------------------------------------------------------------------ screening

  private readDraft(): Draft {
    const fields: Draft['fields'] = {};
    for (const field of this.fields) fields[field.name] = field.snapshot.text;
    return { platform: this.adapter.platform, fields };
  }

  /** Unsaved drafts get a per-tab key (draft-key.ts), so two new articles never share approvals or editors. */
  private draftKey(): string {
    return draftKeyFor(this.adapter.platform, this.adapter.draftId(new URL(location.href)));
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

  /**
   * Re-reads every field and screens the draft as it is in the DOM right now: at once for a short draft; for
   * a long one (screening.ts) after the status line has been painted, so the user sees why the page is busy.
   */
  private screenNow(): void {
    clearTimeout(this.screenTimer);
    if (!this.surface || !this.ruleset) return;
    const readError = this.refreshFields();
    if (readError) {
      this.finishScreen(this.readDraft(), readError);
      return;
    }
    if (this.isScreenedNow()) {
      // Same text, same ruleset, same fields: the screen is pure, its answer would be the same.
      this.longScreenChars = undefined;
      this.releaseScreenWaiters();
      return;
    }
    const chars = this.currentChars();
    if (isLongDraft(chars)) {
      this.startLongScreen(chars);
      return;
    }
    const draft = this.readDraft();
    this.finishScreen(draft, runScreen(this.screenFn, draft, this.ruleset));
  }

  /** Re-reads every connected field; a reading that throws is a failed screen (held), not a pass. */
  private refreshFields(): ScreenOutcome | undefined {
    try {
      for (const field of this.fields) if (field.element.isConnected) field.refresh();
      return undefined;
    } catch (err) {
      console.error('[先审] 读取稿件出错', err);
      return { ok: false, error: `读取稿件出错：${err instanceof Error ? err.message : String(err)}`, ms: 0 };
    }
  }

  private isScreenedNow(): boolean {
    return (
      this.screenError === undefined &&
      this.screenedContent === this.contentKey() &&
      this.screenedRuleset === this.ruleset &&
      this.screenedFields === this.fields
    );
  }

  private startLongScreen(chars: number): void {
    const token = ++this.longScreenToken;
    this.longScreenChars = chars;
    this.render();
    let started = false;
    const go = () => {
      if (started || token !== this.longScreenToken) return;
      started = true;
      this.runLongScreen();
    };
    // Let the browser paint 正在审查（稿件较长…）… before the screen keeps the main thread busy; the timer is
    // the fallback for a tab in the background, where animation frames do not run.
    requestAnimationFrame(() => this.ctx.setTimeout(go, 0));
    this.ctx.setTimeout(go, 120);
  }

  private runLongScreen(): void {
    if (!this.surface || !this.ruleset) return;
    const readError = this.refreshFields();
    const draft = this.readDraft();
    this.finishScreen(draft, readError ?? runScreen(this.screenFn, draft, this.ruleset));
  }

  private finishScreen(draft: Draft, outcome: ScreenOutcome): void {
    this.longScreenToken++;
    this.longScreenChars = undefined;
    if (outcome.ok) {
      this.findings = outcome.findings;
      this.screenError = undefined;
    } else {
      // Never a pass: nothing is listed as found, and the gate holds while screenError is set.
      this.findings = [];
      this.screenError = outcome.error;
    }
    for (const field of this.fields) field.setFindings(this.findings.filter((f) => f.field === field.name));
    this.screened = true;
    this.screenedContent = JSON.stringify(draft.fields);
    this.screenedRuleset = this.ruleset;
    this.screenedFields = this.fields;
    this.paint();
    if (this.held && this.verdictNow().allow) this.held = undefined;
    this.render();
    this.recordScreen(outcome.ms);
    this.releaseScreenWaiters();
    if (outcome.ok) void this.requestStatus();
  }

  private releaseScreenWaiters(): void {
    const waiters = this.screenWaiters;
    this.screenWaiters = [];
    for (const resolve of waiters) resolve();
  }

  /** Resolves when the next screen (or the check that the current one is up to date) has finished. */
  private whenScreened(): Promise<void> {
    return new Promise((resolve) => this.screenWaiters.push(resolve));
  }

  /** JSON of the fields as last read; memoised on the field texts (a 5 MB draft is not re-serialised per render). */
  private contentKey(): string {
    const texts = this.fields.map((f) => f.snapshot.text);
    const cached = this.contentCache;
    if (cached && cached.texts.length === texts.length && cached.texts.every((t, i) => t === texts[i])) return cached.key;
    const key = JSON.stringify(this.readDraft().fields);
    this.contentCache = { texts, key };
    return key;
  }

  private async requestStatus(): Promise<void> {
    const context = this.draftContext();
    const status = await reviewStatus(context);
    if (!status) return;
    this.reviewAvailable = true;
    await this.adoptStatus(status); // refused when the draft moved on; a newer request follows
  }

  /**
   * Takes a status (review:status reply, a resolve, or the panel's onStatus after a decision or after
   * review:refresh when the identity changed) only if it was computed for exactly the draft on screen:
   * same draft key and draftHash === draftHash(current draft). Returns whether it was taken.
   */
  private async adoptStatus(status: ReviewStatus): Promise<boolean> {
    const key = this.draftKey();
    const content = this.contentKey();
    const draft = this.readDraft();
    if (status.draftKey !== key) return false;
    const matches = await statusMatchesDraft(status, draft, this.hasher, content);
    if (!matches || this.draftKey() !== key || this.contentKey() !== content) return false;
    this.status = status;
    this.statusContent = content;
    if (this.held && this.verdictNow().allow) this.held = undefined;
    this.render();
    return true;
  }

  private resolutions(): Record<string, Resolution> {
    return mergeResolutions(this.status, this.localResolutions);
  }

  private gateInputs() {
    return {
      findings: this.findings,
      resolutions: this.resolutions(),
      statusForThisContent: this.statusContent === this.contentKey() ? this.status : undefined,
      reviewServiceAvailable: this.reviewAvailable,
    };
  }

  /** What the content script itself holds for, before the gate policy: an unreadable editor, a failed screen, or one not finished. */
  private localHold(): string[] | undefined {
    // An editor we cannot read holds too: otherwise a late status or screen would clear the held alert.
    if (this.unsupported) return [`${UNSUPPORTED_REASON}，发布已暂停，请人工审核或更新先审。`];
    if (this.screenError !== undefined) return screenErrorReasons(this.screenError);
    if (this.screenedContent !== this.contentKey() || this.longScreenChars !== undefined) {
      const chars = this.currentChars();
      return [isLongDraft(chars) ? longScreenHoldReason(chars) : '先审正在审查当前内容，请稍候再发布。'];
    }
    return undefined;
  }

  /** Held only because the screen of the current content has not finished yet (it will answer). */
  private screenPending(): boolean {
    return (
      !this.unsupported &&
      this.screenError === undefined &&
      (this.screenedContent !== this.contentKey() || this.longScreenChars !== undefined)
    );
  }

  private verdictNow(): PolicyVerdict {
    const hold = this.localHold();
    return hold ? { allow: false, reasons: hold, needsStatus: false } : gateVerdict(this.gateInputs());
  }

  // ------------------------------------------------------------------ painting

  private paint(): void {
    const ranges: PaintItem[] = [];
    const boxes: OverlayItem[] = [];
    const candidates: { field: LiveField; f: Finding; severity: Finding['severity'] }[] = [];
    for (const field of this.fields)
      for (const f of field.findings)
        if (field.snapshot.kind === 'value' || field.ranges.has(f.id)) candidates.push({ field, f, severity: f.severity });
    // A huge draft can have tens of thousands of findings: paint the first MAX_PAINTED (blocks first) and say so.
    const { painted, total } = paintSelection(candidates, MAX_PAINTED);
    this.paintCapped = total > painted.length ? total : undefined;
    for (const { field, f } of painted) {
      const snap = field.snapshot;
      if (snap.kind === 'value') {
        for (const o of f.occurrences ?? [f])
          boxes.push({ field: field.name, severity: f.severity, text: snap.text.slice(o.start, o.end), element: snap.element, start: o.start, end: o.end });
        continue;
      }
      const range = field.ranges.get(f.id);
      if (range) ranges.push({ range, severity: f.severity });
      for (const more of field.moreRanges.get(f.id) ?? []) ranges.push({ range: more, severity: f.severity });
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
    if (this.held || this.screenError !== undefined) return 'held';
    if (!this.screened || this.longScreenChars !== undefined) return 'screening';
    const resolutions = this.resolutions();
    return this.findings.some((f) => f.severity !== 'info' && !resolutions[f.id]) ? 'problems' : 'clean';
  }

  private render(): void {
    if (!this.surface) return;
    const fieldLabels: Record<string, string> = {};
    for (const spec of this.surface.fields) fieldLabels[spec.name] = spec.label;
    // Which fields were found: a debugging aid visible in the page's DOM inspector (our own host element).
    if (this.sidebar.host) this.sidebar.host.dataset.xsFields = this.fields.map((f) => f.name).join(',');
    if (this.sidebar.host) this.sidebar.host.dataset.xsDraftKey = this.draftKey();
    const problemText = this.problems.map((p) => `${p.problem === 'missing' ? '未找到' : '找到多个'}「${p.spec.label}」`);
    const state = this.state();
    const unsupportedReason = this.unsupported ? `${UNSUPPORTED_REASON}：${problemText.join('、')}` : undefined;
    let statusText = this.note;
    if (this.screenError !== undefined) statusText = SCREEN_ERROR_STATUS;
    else if (this.longScreenChars !== undefined && state !== 'unsupported') statusText = longScreenStatus(this.longScreenChars);
    else if (statusText === undefined && this.paintCapped !== undefined)
      statusText = `${defaultStatusText(state, this.findings.length, unsupportedReason)}；${paintCapNote(this.paintCapped)}`;
    this.sidebar.render({
      state,
      findings: this.findings,
      resolutions: this.resolutions(),
      fieldLabels,
      platformLabel: this.adapter.label,
      statusText,
      heldReasons: this.held ?? (this.screenError !== undefined ? screenErrorReasons(this.screenError) : undefined),
      unsupportedReason,
      // The review service's panel, once that service has answered in this tab.
      reviewSlot: this.reviewAvailable
        ? createElement(ReviewPanel, {
            draftKey: this.draftKey(),
            status: this.gateInputs().statusForThisContent,
            // After a decision, an override, or review:refresh when the identity changed: only if it is
            // still the status of the text on screen (adoptStatus compares draft hashes).
            onStatus: (status) => void this.adoptStatus(status),
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
    // A one-click fix changes the content, so whoever applies it becomes an editor of the draft, reviewer or
    // not: under 自编自审 rules the person who changed a text may not approve that text. (The approval is also
    // bound to the old draftHash, so it would not count for the new text anyway.) Recorded explicitly rather
    // than through the input event, whose isTrusted the fix does not control.
    this.noteEdited();
    this.screenNow();
  }

  private async accept(f: Finding, reason: string): Promise<void> {
    this.localResolutions[f.id] = { resolution: 'accepted', reason };
    this.note = undefined;
    if (this.held && this.verdictNow().allow) this.held = undefined;
    this.render();
    // Without the review service (not installed) the local mark is all there is; with it, the service decides.
    if (!this.reviewAvailable) return;
    if (!this.status || this.statusContent !== this.contentKey()) await this.requestStatus();
    const status = this.statusContent === this.contentKey() ? this.status : undefined;
    const result = status
      ? await reviewResolve(this.draftKey(), status.draftHash, f, 'accepted', reason)
      : { ok: false as const, error: '审核状态尚未确认，请稍候再试', unavailable: true };
    if (this.localResolutions[f.id]?.reason !== reason) return; // superseded by another accept of this row
    delete this.localResolutions[f.id];
    if (!result.ok) {
      // Refused (e.g. the person edited this draft, or is not a reviewer): the finding stays open, and the
      // sidebar says why in the service's own words.
      this.note = `未能接受「${f.text}」：${result.error}`;
      this.render();
      return;
    }
    if (!(await this.adoptStatus(result.status))) this.render();
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
  /** The gate's question. Whatever goes wrong in answering it holds the publish (审查出错), never lets it pass. */
  private decide(): GateVerdict {
    try {
      return this.decideFresh();
    } catch (err) {
      console.error('[先审] 审查出错', err);
      this.screenError = err instanceof Error ? err.message : String(err);
      return { allow: false, reasons: screenErrorReasons(this.screenError) };
    }
  }

  private decideFresh(): GateVerdict {
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
    // Short drafts are screened right here, synchronously; a long one only if no screen of exactly this
    // content has finished, and then asynchronously: held until it has (never passed unscreened).
    this.screenNow();
    if (this.screenPending()) {
      return { allow: false, reasons: this.localHold()!, pending: this.afterScreen(3) };
    }
    return this.policyVerdict();
  }

  private policyVerdict(): GateVerdict {
    const verdict = this.verdictNow();
    if (verdict.allow) return verdict;
    if (!verdict.needsStatus) return { allow: false, reasons: verdict.reasons };
    const pending = this.requestStatus().then((): GateVerdict => {
      const later = this.verdictNow();
      return later.allow ? later : { allow: false, reasons: later.reasons };
    });
    return { allow: false, reasons: verdict.reasons, pending };
  }

  /** The verdict once the running (long) screen has finished; follows edits made meanwhile a few times. */
  private async afterScreen(rounds: number): Promise<GateVerdict> {
    await this.whenScreened();
    if (this.screenPending() && rounds > 0) return this.afterScreen(rounds - 1);
    const verdict = this.policyVerdict();
    return verdict.allow || !verdict.pending ? verdict : verdict.pending;
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
