/**
 * The editor framework: one EditorSession per editor surface on a page, made with
 * `{surface, platform, screen, actions}` (Harper's LintFramework(provider, actions) is the model). It owns the
 * fields (locating them, re-reading, offset maps), re-anchoring findings as the text moves, painting, the
 * pictures and the draft hash, and the publish gate; it knows nothing of extension storage or messaging.
 *
 * - `screen(draft)` is the core's screening function with the ruleset bound (undefined while loading).
 * - `actions` are the host's callbacks: re-render, report a screened draft, ask for the review answer, note
 *   an edit, log a publish attempt. The host gives the review side back with `setReview()`.
 * - What the sidebar says and whether publishing is held is ONE pure function, `holdReasons()`
 *   (hold-reasons.ts), over the session's state (one union for screening), the review view and the settings.
 */
import { findPublishControl, locateSurface, type FieldProblem } from '../adapters/locate';
import type { Surface } from '../adapters/types';
import type { Draft, Finding, Picture, Platform } from '../core/types';
import { isPictureField, type PictureReading } from '../images/types';
import type { PictureContext } from '../images/screen-picture';
import { PictureOutline, type OutlinedPicture } from './picture-outline';
import { PictureReads, type ReadPicture } from './picture-reads';
import type { GateSettings } from '../review/gate';
import { draftHash } from '../review/draft-hash';
import { applyRichFix, applyValueFix } from './apply-fix';
import { PublishGate, type GateVerdict } from './gate';
import { FindingPainter } from './finding-painter';
import { holdReasons, UNSUPPORTED_REASON, type EditorState, type Hold, type ReviewView, type ScreenState, type SidebarState } from './hold-reasons';
import { LiveField } from './live-field';
import { collectPictures, PictureHashes } from './pictures';
import { isLongDraft, paintCapNote, runScreen, screenDebounceMs, type ScreenOutcome } from './screening';

export type ScreenFn = (draft: Draft) => Finding[];

/** A completed screen of exactly the draft on screen, with its hash. */
export interface ScreenReport {
  draft: Draft;
  draftHash: string;
  findings: Finding[];
}

export interface EditorActions {
  /** Something the sidebar shows changed: render `session.view()`. */
  changed(): void;
  /** The person at the keyboard changed the draft (trusted input, or a one-click fix). */
  edited(): void;
  /** A screen finished and its draft hash is known: report it (the answer comes back through setReview). */
  screened(report: ScreenReport): void;
  /** The gate needs the review answer for the current hash: resolve once it came (or failed). */
  needReview(): Promise<void>;
  /** A publish attempt was held or let through (for the log). */
  publishAttempt(allowed: boolean, report: ScreenReport | undefined): void;
}

export interface EditorSessionOptions {
  surface: Surface;
  platform: Platform;
  screen?: ScreenFn;
  actions: EditorActions;
  signal: AbortSignal;
  doc?: Document;
  /** Nodes of the host's own UI (sidebar), ignored when watching the page. */
  isOwnNode?(node: Node): boolean;
  /** Where the typing bench reads latency counters (the sidebar host). */
  counters?(): HTMLElement | undefined;
  pictures?: PictureHashes;
  /**
   * The picture reader (issue 13): `read` asks the host to read one picture (the content script sends it to
   * the background's queue); `screen` screens a reading with the ruleset in force. Without it, pictures are
   * only hashed.
   */
  pictureReader?: { read: ReadPicture; screen(reading: PictureReading, context: PictureContext): Finding[] };
}

/** A picture of the draft as the sidebar shows it (thumbnail, read text, state). */
export interface PictureView {
  /** The findings' field, `image:<hash>`, once read. */
  field?: string;
  src: string;
  alt?: string;
  index: number;
  status: 'reading' | 'read' | 'not-read';
  text?: string;
  reason?: string;
}

/** What the host renders. */
export interface SessionView {
  state: SidebarState;
  hold: Hold;
  findings: Finding[];
  statusText?: string;
  heldReasons?: string[];
  unsupportedReason?: string;
  fields: string[];
  pictures: PictureView[];
}

const RELOCATE_DEBOUNCE_MS = 60;
/** How long a known editor page may take to build its editor before it is reported unrecognised. */
const LOCATE_GRACE_MS = 2_500;
const nowMs = () => performance.now();
const describe = (p: FieldProblem) => `${p.problem === 'missing' ? '未找到' : '找到多个'}「${p.spec.label}」`;

export class EditorSession {
  private fields: LiveField[] = [];
  private problems: FieldProblem[] = [];
  private editor: EditorState['editor'] = 'locating';
  private locateFailingSince: number | undefined;
  private screenState: ScreenState = { kind: 'idle' };
  private review: ReviewView = { resolutions: {} };
  private settings: GateSettings | undefined;
  private report: ScreenReport | undefined;
  /** Content key (field texts + pictures), screen function and fields of the last completed screen. */
  private screened: { key: string; fn: ScreenFn; fields: LiveField[]; report?: ScreenReport } | undefined;
  private screenToken = 0;
  private screenWaiters: (() => void)[] = [];
  private hashing: Promise<void> | undefined;
  private attempt: string | undefined;
  private note: string | undefined;
  private paintCapped: number | undefined;
  private inputAt: number | undefined;
  private firstInputSinceScreen: number | undefined;
  private seq = { paint: 0, screen: 0 };
  private timers = { screen: 0, relocate: 0 };
  private fieldWatch = new AbortController();
  private observers: MutationObserver[] = [];
  private readonly doc: Document;
  private readonly painter: FindingPainter;
  private readonly gate: PublishGate;
  private readonly pictures: PictureHashes;
  private readonly pictureReads: PictureReads | undefined;
  private readonly outline: PictureOutline;
  /** The pictures of the last screened draft. */
  private draftPictures: Picture[] = [];

  constructor(private readonly o: EditorSessionOptions) {
    this.doc = o.doc ?? document;
    this.painter = new FindingPainter(this.doc, o.signal);
    this.outline = new PictureOutline(this.doc, o.signal);
    this.pictures = o.pictures ?? new PictureHashes();
    if (o.pictureReader)
      this.pictureReads = new PictureReads(o.pictureReader.read, () => {
        if (o.signal.aborted) return;
        // A reading arrived: the same text screens again, with the picture's findings this time.
        this.screened = undefined;
        this.screenNow();
      });
    const win = this.doc.defaultView!;
    this.gate = new PublishGate({
      win,
      signal: o.signal,
      findControl: (path) => {
        const hit = findPublishControl(o.surface, path);
        return hit && { element: hit.element, label: hit.control.label };
      },
      findKeyboardSubmit: (e, path) => {
        if (e.key !== 'Enter' || !(e.ctrlKey || e.metaKey)) return undefined;
        const field = this.fields.find((f) => f.spec.keyboardSubmit && path.includes(f.element));
        return field && { element: field.element, label: `${e.metaKey ? '⌘' : 'Ctrl'}+Enter 发送` };
      },
      decide: () => this.decide(),
      onHeld: (hit) => {
        this.attempt = hit.label;
        this.note = undefined;
        this.o.actions.publishAttempt(false, this.report);
        this.o.actions.changed();
      },
      onArmed: (hit) => {
        this.attempt = undefined;
        this.note = `已复核，可以发布：请再次点击「${hit.label}」。`;
        this.o.actions.changed();
      },
      onPassed: () => {
        this.attempt = undefined;
        this.note = undefined; // the armed "click again" is used up
        this.o.actions.publishAttempt(true, this.report);
        this.o.actions.changed();
      },
    });
    const pageObserver = new MutationObserver((records) => this.onPageMutations(records));
    pageObserver.observe(this.doc.documentElement, { childList: true, subtree: true });
    // event.timeStamp is on the performance.now() clock: when the browser created the input, not when we saw it.
    win.addEventListener('input', (e) => this.onInput(e, e.timeStamp), { capture: true, signal: o.signal });
    o.signal.addEventListener('abort', () => this.dispose(pageObserver), { once: true });
    this.relocate();
  }

  // ------------------------------------------------------------------ inputs from the host

  /** A new ruleset (or the first): screen again. */
  setScreen(screen: ScreenFn): void {
    this.o.screen = screen;
    this.screenNow();
  }

  /** The review side changed (an answer, unavailable, local marks): recompute what is held. */
  setReview(review: ReviewView): void {
    this.review = review;
    this.afterStateChange();
  }

  setSettings(settings: GateSettings): void {
    this.settings = settings;
    this.afterStateChange();
  }

  /** A one-off message in the status line (cleared by the next edit). */
  setNote(note: string | undefined): void {
    this.note = note;
    this.o.actions.changed();
  }

  /** The report of the completed screen of the content on screen, if its hash is known. */
  get current(): ScreenReport | undefined {
    return this.report;
  }

  hold(): Hold {
    const reads = this.pictureReads;
    const pictures = reads && { reading: reads.reading(this.draftPictures), notRead: reads.notRead(this.draftPictures) };
    return holdReasons({ editor: this.editor, problems: this.problems.map(describe), screen: this.screenState, ...(pictures ? { pictures } : {}) }, this.review, this.settings);
  }

  view(): SessionView {
    const hold = this.hold();
    const findings = this.screenState.kind === 'failed' || this.screenState.kind === 'idle' ? [] : this.screenState.findings;
    const state: SidebarState = this.attempt ? 'held' : hold.sidebar;
    const heldReasons = this.attempt ? [`已拦截「${this.attempt}」。`, ...hold.reasons] : state === 'held' ? hold.reasons : undefined;
    let statusText = hold.statusText ?? this.note;
    if (statusText === undefined && this.paintCapped !== undefined && state !== 'held' && state !== 'unsupported')
      statusText = `${state === 'clean' ? '未发现问题' : state === 'screening' ? '正在审查…' : `发现 ${findings.length} 个问题`}；${paintCapNote(this.paintCapped)}`;
    return {
      state,
      hold,
      findings,
      ...(statusText !== undefined ? { statusText } : {}),
      ...(heldReasons ? { heldReasons } : {}),
      ...(this.editor === 'unsupported' ? { unsupportedReason: `${UNSUPPORTED_REASON}：${this.problems.map(describe).join('、')}` } : {}),
      fields: this.fields.map((f) => f.name),
      pictures: this.pictureViews(),
    };
  }

  private pictureViews(): PictureView[] {
    const reads = this.pictureReads;
    if (!reads) return [];
    const seen = new Set<string>();
    const out: PictureView[] = [];
    for (const p of this.draftPictures) {
      if (seen.has(p.src)) continue;
      seen.add(p.src);
      const o = reads.outcome(p.src);
      if (!o) continue;
      const base = { src: p.src, index: p.index, ...(p.alt ? { alt: p.alt } : {}) };
      if (o.status === 'read') out.push({ ...base, status: 'read', field: `image:${o.reading.hash}`, text: o.reading.text });
      else if (o.status === 'not-read') out.push({ ...base, status: 'not-read', reason: o.reason });
      else out.push({ ...base, status: 'reading' });
    }
    return out;
  }

  private afterStateChange(): void {
    if (this.attempt && !this.hold().held) this.attempt = undefined;
    this.o.actions.changed();
  }

  // ------------------------------------------------------------------ fields

  private onPageMutations(records: MutationRecord[]): void {
    const own = this.o.isOwnNode ?? (() => false);
    const structural = records.some((r) => !own(r.target) && !this.fields.some((f) => f.element.contains(r.target)));
    if (structural) this.scheduleRelocate();
  }

  private scheduleRelocate(delay = RELOCATE_DEBOUNCE_MS): void {
    clearTimeout(this.timers.relocate);
    this.timers.relocate = window.setTimeout(() => this.relocate(), delay);
  }

  /** Finds the fields again; rebinds when the page replaced an editor; tracks "adapter out of date". */
  private relocate(): boolean {
    if (this.o.signal.aborted) return false;
    const found = locateSurface(this.doc, this.o.surface);
    const same = found.fields.length === this.fields.length && found.fields.every((lf, i) => this.fields[i]?.element === lf.element);
    if (!same) {
      this.bindFields(found.fields.map((lf) => new LiveField(lf.spec, lf.element)));
      this.scheduleScreen(0);
    }
    this.problems = found.problems;
    const before = this.editor;
    if (found.ok) {
      this.locateFailingSince = undefined;
      this.editor = 'found';
    } else {
      this.locateFailingSince ??= nowMs();
      const waited = nowMs() - this.locateFailingSince;
      this.editor = waited >= LOCATE_GRACE_MS ? 'unsupported' : 'locating';
      // Editors build late (iframes load, SPAs render): look again until the grace period is over.
      if (this.editor === 'locating') this.scheduleRelocate(Math.min(500, LOCATE_GRACE_MS - waited + 10));
    }
    if (before !== this.editor || !same) this.o.actions.changed();
    return found.ok;
  }

  private bindFields(fields: LiveField[]): void {
    this.unbindFields();
    this.fields = fields;
    this.fieldWatch = new AbortController();
    for (const field of fields) {
      if (field.snapshot.kind !== 'rich') continue;
      const observer = new MutationObserver(() => this.onFieldChanged(field));
      // `src`: a picture swapped in place is a change of the draft.
      observer.observe(field.element, { childList: true, characterData: true, subtree: true, attributeFilter: ['src'] });
      this.observers.push(observer);
      const doc = field.element.ownerDocument;
      if (doc !== this.doc && doc.defaultView) {
        // Input inside a same-origin iframe editor never reaches the top window.
        const offset = doc.defaultView.performance.timeOrigin - performance.timeOrigin;
        doc.defaultView.addEventListener('input', (e) => this.onInput(e, e.timeStamp + offset), { capture: true, signal: this.fieldWatch.signal });
      }
    }
  }

  private unbindFields(): void {
    for (const o of this.observers) o.disconnect();
    this.observers = [];
    this.fieldWatch.abort();
    this.fields = [];
  }

  private dispose(pageObserver: MutationObserver): void {
    pageObserver.disconnect();
    this.unbindFields();
    clearTimeout(this.timers.screen);
    clearTimeout(this.timers.relocate);
    this.painter.clear();
  }

  // ------------------------------------------------------------------ edits

  private onInput(e: Event, at: number): void {
    const path = e.composedPath();
    const field = this.fields.find((f) => path.includes(f.element));
    if (!field) return;
    this.inputAt = at;
    this.firstInputSinceScreen ??= at;
    if (e.isTrusted) this.o.actions.edited();
    // Value fields produce no mutations, so their input event is the change (for rich fields the observer
    // may have repainted already: then this is an honest upper bound for the latency counter).
    this.onFieldChanged(field);
  }

  /** The fast path on every edit: re-read one field, carry its findings over, repaint. */
  private onFieldChanged(field: LiveField): void {
    if (!field.element.isConnected) return this.scheduleRelocate();
    // A long draft is not re-read per keystroke (the painted Ranges are live and follow the edit): the
    // debounced screen, or any publish attempt, re-reads everything.
    if (isLongDraft(this.chars()) || field.refresh()) {
      if (!isLongDraft(this.chars())) this.paint();
      this.contentChanged();
      this.scheduleScreen();
      return;
    }
    this.paint();
  }

  /** The content moved on: no clear verdict, no report, and the screen state is pending. */
  private contentChanged(): void {
    this.gate.disarm();
    this.note = undefined;
    this.report = undefined;
    const s = this.screenState;
    if (s.kind === 'pending' || s.kind === 'failed') return;
    const findings = s.kind === 'idle' ? [] : s.findings;
    this.screenState = { kind: 'pending', findings, chars: this.chars(), screened: s.kind !== 'idle' };
    // A short draft looks the same while its next screen is pending: no re-render on the typing path.
    if (isLongDraft(this.chars())) this.o.actions.changed();
  }

  private scheduleScreen(delay?: number): void {
    clearTimeout(this.timers.screen);
    this.timers.screen = window.setTimeout(() => this.screenNow(), delay ?? screenDebounceMs(this.chars()));
  }

  private chars(): number {
    let n = 0;
    for (const field of this.fields) n += field.snapshot.text.length;
    return n;
  }

  // ------------------------------------------------------------------ screening

  private readDraft(): Draft {
    const fields: Draft['fields'] = {};
    for (const field of this.fields) fields[field.name] = field.snapshot.text;
    const pictures = collectPictures(
      this.fields.map((f) => ({ field: f.name, element: f.element })),
      this.pictures.hashes,
    );
    return { platform: this.o.platform, fields, ...(pictures.length ? { pictures } : {}) };
  }

  private contentKey(): string {
    return JSON.stringify(this.fields.map((f) => [f.snapshot.text, f.pictures]));
  }

  /** Re-reads every field and screens the draft as it is in the DOM now: at once, or (long) after a paint. */
  private screenNow(): void {
    clearTimeout(this.timers.screen);
    const screen = this.o.screen;
    if (!screen || this.o.signal.aborted || this.fields.length === 0) return;
    const readError = this.refreshFields();
    if (readError) return this.finishScreen(this.readDraft(), readError);
    const s = this.screened;
    if (this.screenState.kind !== 'failed' && s && s.fn === screen && s.fields === this.fields && s.key === this.contentKey()) {
      // Same text, same ruleset, same fields: the screen is pure, its answer would be the same.
      if (this.screenState.kind !== 'done' && s.report) {
        this.report = s.report;
        this.screenState = { kind: 'done', findings: s.report.findings, draftHash: s.report.draftHash };
        this.afterStateChange();
      }
      if (this.screenState.kind === 'done') return this.releaseScreenWaiters();
    }
    const chars = this.chars();
    if (!isLongDraft(chars)) {
      const draft = this.readDraft();
      return this.finishScreen(draft, runScreen(screen, draft));
    }
    const token = ++this.screenToken;
    const prior = this.screenState;
    this.screenState = { kind: 'running', findings: prior.kind === 'idle' || prior.kind === 'failed' ? [] : prior.findings, chars };
    this.o.actions.changed();
    let started = false;
    const go = () => {
      if (started || token !== this.screenToken || this.o.signal.aborted) return;
      started = true;
      const error = this.refreshFields();
      const draft = this.readDraft();
      this.finishScreen(draft, error ?? runScreen(screen, draft));
    };
    // Let the browser paint 正在审查（稿件较长…）… first; the timer covers a background tab (no frames there).
    requestAnimationFrame(() => window.setTimeout(go, 0));
    window.setTimeout(go, 120);
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

  /** Adds the findings of the draft's pictures already read, and asks for the others to be read. */
  private withPictures(draft: Draft, outcome: ScreenOutcome): { draft: Draft; outcome: ScreenOutcome } {
    this.draftPictures = draft.pictures ?? [];
    const reads = this.pictureReads;
    if (!reads || !outcome.ok || !this.draftPictures.length) return { draft, outcome };
    let learnt = false;
    reads.ensure(this.draftPictures);
    const draftTexts = Object.values(draft.fields).filter((t): t is string => typeof t === 'string');
    const extra: Finding[] = [];
    const done = new Set<string>();
    try {
      for (const p of this.draftPictures) {
        const reading = reads.readingOf(p.src);
        if (!reading) continue;
        if (this.pictures.hashes.get(p.src) !== reading.hash) {
          this.pictures.learn(p.src, reading.hash);
          learnt = true;
        }
        if (done.has(reading.hash)) continue; // the same picture twice is screened once
        done.add(reading.hash);
        extra.push(...this.o.pictureReader!.screen(reading, { caption: p.alt, draftTexts }));
      }
    } catch (err) {
      return { draft, outcome: { ok: false, error: `审查图片出错：${err instanceof Error ? err.message : String(err)}`, ms: outcome.ms } };
    }
    // The draft hash binds to the content hashes the reader learnt.
    if (learnt) draft = { ...draft, pictures: collectPictures(this.fields.map((f) => ({ field: f.name, element: f.element })), this.pictures.hashes) };
    return { draft, outcome: extra.length ? { ...outcome, findings: [...outcome.findings, ...extra] } : outcome };
  }

  private finishScreen(rawDraft: Draft, rawOutcome: ScreenOutcome): void {
    const { draft, outcome } = this.withPictures(rawDraft, rawOutcome);
    const token = ++this.screenToken;
    this.report = undefined;
    if (!outcome.ok) {
      // Never a pass: nothing is listed as found, and the gate holds while the screen is failed.
      this.screenState = { kind: 'failed', error: outcome.error };
      this.screened = undefined;
    } else {
      this.screenState = { kind: 'done', findings: outcome.findings };
      this.screened = { key: this.contentKey(), fn: this.o.screen!, fields: this.fields };
      this.hashing = this.hashDraft(draft, outcome.findings, token);
    }
    const findings = outcome.ok ? outcome.findings : [];
    for (const field of this.fields) field.setFindings(findings.filter((f) => f.field === field.name));
    this.paint();
    this.recordScreen(outcome.ms);
    this.afterStateChange();
    this.releaseScreenWaiters();
  }

  /** Reads the pictures' bytes where allowed, then hashes the draft; reports it if still current. */
  private async hashDraft(draft: Draft, findings: Finding[], token: number): Promise<void> {
    const unread = this.pictures.unread(draft.pictures ?? []);
    if (unread.length) {
      await this.pictures.read(unread);
      if (token !== this.screenToken) return;
      draft = { ...draft, ...(draft.pictures ? { pictures: collectPictures(this.fields.map((f) => ({ field: f.name, element: f.element })), this.pictures.hashes) } : {}) };
    }
    const hash = await draftHash(draft);
    if (token !== this.screenToken || this.screenState.kind !== 'done') return;
    this.screenState = { ...this.screenState, draftHash: hash };
    this.report = { draft, draftHash: hash, findings };
    if (this.screened) this.screened.report = this.report;
    this.o.actions.screened(this.report);
    this.afterStateChange();
  }

  private releaseScreenWaiters(): void {
    const waiters = this.screenWaiters;
    this.screenWaiters = [];
    for (const resolve of waiters) resolve();
  }

  // ------------------------------------------------------------------ painting

  private paint(): void {
    // A huge draft can have tens of thousands of findings: the painter paints the first MAX_PAINTED and says so.
    this.paintCapped = this.painter.paint(this.fields);
    this.paintPictures();
    const host = this.o.counters?.();
    if (!host || this.inputAt === undefined) return;
    // Latency counters on the host element, read by the typing bench (scripts/bench-typing.ts).
    host.dataset.xsPaintMs = (nowMs() - this.inputAt).toFixed(3);
    host.dataset.xsPaintSeq = String(++this.seq.paint);
    this.inputAt = undefined;
  }

  /** The <img> elements of the fields showing `src` (the same picture may appear twice). */
  private pictureElements(src: string): HTMLImageElement[] {
    const out: HTMLImageElement[] = [];
    for (const field of this.fields)
      for (const img of Array.from(field.element.querySelectorAll('img')))
        if ((img.currentSrc || img.getAttribute('src')) === src) out.push(img);
    return out;
  }

  /** Sources of the draft's pictures whose reading has this field (`image:<hash>`). */
  private sourcesOf(field: string): string[] {
    return this.draftPictures.filter((p) => this.pictureReads?.readingOf(p.src) && `image:${this.pictureReads.readingOf(p.src)!.hash}` === field).map((p) => p.src);
  }

  private paintPictures(): void {
    if (!this.pictureReads) return;
    const s = this.screenState;
    const findings = s.kind === 'idle' || s.kind === 'failed' ? [] : s.findings.filter((f) => isPictureField(f.field) && f.severity !== 'info');
    const byField = new Map<string, Finding[]>();
    for (const f of findings) byField.set(f.field, [...(byField.get(f.field) ?? []), f]);
    const items: OutlinedPicture[] = [];
    for (const [field, list] of byField) {
      const severity = list.some((f) => f.severity === 'block') ? 'block' : 'review';
      for (const src of new Set(this.sourcesOf(field)))
        for (const element of this.pictureElements(src)) items.push({ element, severity, label: `图片：${list.length} 个问题` });
    }
    this.outline.paint(items);
  }

  private recordScreen(cost: number): void {
    const host = this.o.counters?.();
    if (!host) return;
    host.dataset.xsScreenCostMs = cost.toFixed(3);
    if (this.firstInputSinceScreen !== undefined) host.dataset.xsScreenMs = (nowMs() - this.firstInputSinceScreen).toFixed(3);
    host.dataset.xsScreenSeq = String(++this.seq.screen);
    this.firstInputSinceScreen = undefined;
  }

  // ------------------------------------------------------------------ finding actions

  private fieldOf(f: Finding): LiveField | undefined {
    return this.fields.find((field) => field.name === f.field && field.element.isConnected);
  }

  jump(f: Finding): void {
    if (isPictureField(f.field)) {
      const img = this.sourcesOf(f.field).flatMap((src) => this.pictureElements(src))[0];
      if (!img) return;
      img.ownerDocument.defaultView?.frameElement?.scrollIntoView({ block: 'nearest' });
      img.scrollIntoView({ block: 'center', behavior: 'smooth' });
      this.outline.flash(img);
      return;
    }
    const field = this.fieldOf(f);
    if (field) this.painter.jump(field, f);
  }

  /** Applies a literal suggestion through the editor's own input path; false when it could not. */
  fix(f: Finding & { suggestion: string }): boolean {
    const field = this.fieldOf(f);
    if (!field) return false;
    const target = { start: f.start, end: f.end, expected: f.text, replacement: f.suggestion };
    const snap = field.snapshot;
    const ok = snap.kind === 'value' ? applyValueFix(snap.element, target) : applyRichFix(field.element, target, field.readOptions);
    if (!ok) {
      this.setNote(`未能自动修改「${f.text}」，请在编辑器中手动修改。`);
      return false;
    }
    this.note = undefined;
    // Whoever applies a fix changed the text: under 自编自审 rules they become an editor of the draft.
    this.o.actions.edited();
    this.screenNow();
    return true;
  }

  // ------------------------------------------------------------------ publish gate

  /** The gate's question, fresh and synchronous. Whatever goes wrong in answering it holds (审查出错). */
  private decide(): GateVerdict {
    try {
      this.relocate();
      this.screenNow();
      return this.verdict(3);
    } catch (err) {
      console.error('[先审] 审查出错', err);
      this.screenState = { kind: 'failed', error: err instanceof Error ? err.message : String(err) };
      return { allow: false, reasons: this.hold().reasons };
    }
  }

  /** Held with the reasons now; when the hold clears by itself, `pending` follows it (a few rounds). */
  private verdict(rounds: number): GateVerdict {
    const hold = this.hold();
    if (!hold.held) return { allow: true };
    const wait = rounds > 0 ? this.waitFor(hold.waitFor) : undefined;
    const pending = wait?.then(async (): Promise<GateVerdict> => {
      const next = this.verdict(rounds - 1);
      return next.allow || !next.pending ? next : next.pending;
    });
    return { allow: false, reasons: hold.reasons, ...(pending ? { pending } : {}) };
  }

  private waitFor(what: Hold['waitFor']): Promise<void> | undefined {
    switch (what) {
      case 'screen':
        return new Promise((resolve) => this.screenWaiters.push(resolve));
      case 'pictures':
        return this.pictureReads?.settled();
      case 'hash':
        return this.hashing;
      case 'review':
        return this.o.actions.needReview();
      default:
        return undefined;
    }
  }
}
