/**
 * One console tab: wires the editor framework (lib/editor-kit EditorSession) to settings, messaging and the
 * sidebar. It follows the console's in-page routes (one EditorSession per editor surface), keys the draft
 * (draft-key.ts), reports screened drafts to the review service (review-client.ts) and renders the
 * sidebar. What is held and why is decided in lib/editor-kit/hold-reasons.ts, never here.
 */
import { createElement } from 'react';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { ReviewPanel } from '@/components/review/ReviewPanel';
import { isLiteralSuggestion } from '@/components/sidebar/grouping';
import { surfaceFor } from '@/lib/adapters/locate';
import type { Adapter, Surface } from '@/lib/adapters/types';
import type { Ruleset } from '@/lib/core/ruleset';
import { screen as coreScreen } from '@/lib/core/screen';
import { CHECKS, enabledChecks } from '@/lib/checks/index';
import type { CheckDef } from '@/lib/core/check';
import type { Draft, Finding } from '@/lib/core/types';
import { EditorSession, type ScreenFn } from '@/lib/editor-kit/session';
import { screenPicture } from '@/lib/images/screen-picture';
import { readPictureInBackground } from '@/lib/ext/picture-client';
import { pictureFieldLabels, picturePreviews } from '@/components/sidebar/pictures';
import { getEffectiveSettings, onSettingsChanged } from '@/lib/settings/client';
import type { Settings } from '@/lib/settings/schema';
import { draftKeyFor, trackDraftKey } from './draft-key';
import { draftReport, ReviewLink } from './review-client';
import { EditedTracker, identityKey } from './review-sync';
import { loadTabRuleset, watchRuleset } from './ruleset';
import { submitToServer, watchServerChanges } from './server-link';
import { SidebarUi } from './sidebar-ui';

export type CoreScreen = (draft: Draft, ruleset: Ruleset) => Finding[];

export class ConsoleSession {
  private surface: Surface | undefined;
  private editor: EditorSession | undefined;
  private editorScope: AbortController | undefined;
  private ruleset: Ruleset | undefined;
  private settings: Settings | undefined;
  private identity = '';
  private draftKey = '';
  private lastHref = '';
  private collapsed = false;
  private readonly sidebar: SidebarUi;
  private readonly review = new ReviewLink(() => this.onReviewChanged());
  private readonly edited = new EditedTracker();
  /** The sub-checks this tab runs: every registered one minus settings/policy `disabledChecks`. */
  private checks: readonly CheckDef[] = CHECKS;

  constructor(
    private readonly ctx: ContentScriptContext,
    private readonly adapter: Adapter,
    /** The core's screen (injectable so tests can make it fail: a failure must hold, never pass). */
    private readonly screenFn: CoreScreen = (draft, ruleset) => coreScreen(draft, ruleset, this.checks),
  ) {
    this.sidebar = new SidebarUi(ctx);
  }

  /** Switches sub-checks off (settings or policy `disabledChecks`) and re-screens when that changes anything. */
  private useChecks(disabled: readonly string[] | undefined): void {
    const next = enabledChecks(disabled ?? []);
    if (next.map((c) => c.id).join() === this.checks.map((c) => c.id).join()) return;
    this.checks = next;
    const ruleset = this.ruleset;
    if (ruleset) this.editor?.setScreen((draft) => this.screenFn(draft, ruleset));
  }

  start(): void {
    const { ctx } = this;
    const useRuleset = (ruleset: Ruleset) => {
      this.ruleset = ruleset;
      this.editor?.setScreen((draft) => this.screenFn(draft, ruleset));
    };
    void loadTabRuleset().then(useRuleset);
    ctx.onInvalidated(watchRuleset(useRuleset));
    const useSettings = (settings: Settings) => {
      this.settings = settings;
      this.identity = identityKey(settings.identity);
      this.editor?.setSettings(settings);
      this.useChecks(settings.disabledChecks);
    };
    void getEffectiveSettings().then((e) => useSettings(e.settings), () => undefined);
    ctx.onInvalidated(onSettingsChanged(useSettings));
    // 服务器模式: the background heard from the review server about this draft (a decision, an approval).
    watchServerChanges(ctx, () => this.draftKey, () => this.review.retryNow());
    ctx.onInvalidated(() => {
      this.review.stop();
      this.sidebar.hide();
    });
    const onRoute = () => {
      this.onRoute();
      // The Navigation API announces a history.replaceState before location.href changes: look again after it.
      ctx.setTimeout(() => this.onRoute(), 0);
    };
    for (const type of ['popstate', 'hashchange', 'wxt:locationchange'] as const) ctx.addEventListener(window, type, onRoute);
    // Some consoles change the URL with history.replaceState only (WeChat after the first save).
    const urlWatch = new MutationObserver(() => this.onRoute());
    urlWatch.observe(document.documentElement, { childList: true, subtree: true });
    ctx.onInvalidated(() => urlWatch.disconnect());
    const place = () => this.surface && this.sidebar.avoidSoon(this.surface);
    ctx.addEventListener(window, 'resize', place, { passive: true });
    ctx.addEventListener(window, 'scroll', place, { capture: true, passive: true });
    this.onRoute();
  }

  private boundScreen(): ScreenFn | undefined {
    const ruleset = this.ruleset;
    return ruleset && ((draft) => this.screenFn(draft, ruleset));
  }

  // ------------------------------------------------------------------ routes and draft keys

  private onRoute(): void {
    if (location.href === this.lastHref) return;
    this.lastHref = location.href;
    const url = new URL(location.href);
    const surface = surfaceFor(this.adapter, url);
    const key = surface ? draftKeyFor(this.adapter.platform, this.adapter.draftId(url)) : undefined;
    const movedFrom = trackDraftKey(key);
    if (key && key !== this.draftKey) {
      const previous = this.draftKey;
      this.draftKey = key;
      // A new draft that got its saved id: its editors, resolutions and approvals move to the saved key.
      void (movedFrom ? this.review.rekey(movedFrom, key) : Promise.resolve()).then(() => {
        if (this.draftKey === key && previous && this.editor?.current) this.reportScreened();
      });
    }
    if (surface === this.surface) return this.render();
    this.surface = surface;
    this.editorScope?.abort();
    this.editor = undefined;
    if (!surface) return this.sidebar.hide();
    this.editorScope = new AbortController();
    this.ctx.onInvalidated(() => this.editorScope?.abort());
    this.editor = new EditorSession({
      surface,
      platform: this.adapter.platform,
      screen: this.boundScreen(),
      signal: this.editorScope.signal,
      isOwnNode: (node) => {
        const el = node.nodeType === 1 ? (node as Element) : node.parentElement;
        return !!el && (el === this.sidebar.host || el.tagName === 'XIANSHEN-OVERLAY');
      },
      counters: () => this.sidebar.host,
      pictureReader: {
        read: readPictureInBackground,
        // The ruleset in force when the draft is screened (a new ruleset screens again through setScreen).
        screen: (reading, context) => (this.ruleset ? screenPicture(reading, this.ruleset, { ...context, checks: this.checks }).findings : []),
      },
      actions: {
        changed: () => this.render(),
        edited: () => this.noteEdited(),
        screened: () => this.reportScreened(),
        needReview: () => this.needReview(),
        publishAttempt: (allowed, report) => report && this.review.submit(draftReport(this.draftKey, this.adapter.platform, report), allowed),
      },
    });
    if (this.settings) this.editor.setSettings(this.settings);
    this.editor.setReview(this.review.view());
    void this.sidebar.show().then(() => this.render());
  }

  // ------------------------------------------------------------------ review

  private reportScreened(): void {
    const report = this.editor?.current;
    if (report) void this.review.report(draftReport(this.draftKey, this.adapter.platform, report));
  }

  private needReview(): Promise<void> {
    const report = this.editor?.current;
    return report ? this.review.ensure(draftReport(this.draftKey, this.adapter.platform, report)) : Promise.resolve();
  }

  private onReviewChanged(): void {
    this.editor?.setReview(this.review.view());
  }

  /** Tells the review service the person at the keyboard edited this draft (once per draft per person). */
  private noteEdited(): void {
    const key = this.draftKey;
    const who = this.identity;
    if (!this.edited.mark(key, who)) return;
    void this.review.edited(key).then((recorded) => {
      if (!recorded) this.edited.forget(key, who); // not answering: try again on the next edit
    });
  }

  private async accept(f: Finding, reason: string): Promise<void> {
    this.editor?.setNote(undefined);
    const refusal = await this.review.accept(f, reason);
    // Refused (e.g. the person edited this draft): the finding stays open and the sidebar says why.
    if (refusal) this.editor?.setNote(`未能接受「${f.text}」：${refusal}`);
  }

  // ------------------------------------------------------------------ sidebar

  private render(): void {
    const surface = this.surface;
    const editor = this.editor;
    if (!surface || !editor) return;
    const view = editor.view();
    const host = this.sidebar.host;
    if (host) {
      // Which fields were found and the draft key: debugging aids visible in the DOM inspector (our own host).
      host.dataset.xsFields = view.fields.join(',');
      host.dataset.xsDraftKey = this.draftKey;
    }
    const fieldLabels: Record<string, string> = {};
    for (const spec of surface.fields) fieldLabels[spec.name] = spec.label;
    Object.assign(fieldLabels, pictureFieldLabels(view.pictures));
    const reviewView = this.review.view();
    const status = this.review.statusFor(this.draftKey, editor.current?.draftHash);
    this.sidebar.render({
      state: view.state,
      findings: view.findings,
      resolutions: reviewView.resolutions,
      fieldLabels,
      platformLabel: this.adapter.label,
      statusText: view.statusText,
      heldReasons: view.heldReasons,
      pictures: picturePreviews(view.pictures),
      unsupportedReason: view.unsupportedReason,
      onRetry: view.hold.retry ? () => this.review.retryNow() : undefined,
      // The review panel, once the review service has answered in this tab.
      reviewSlot: this.review.status
        ? createElement(ReviewPanel, {
            draftKey: this.draftKey,
            status,
            onStatus: (s) => void this.review.adopt(s),
            onSubmitToServer: () => submitToServer(this.draftKey, editor.current).then(() => this.review.retryNow()),
          })
        : undefined,
      collapsed: this.collapsed && view.state !== 'held',
      onToggleCollapsed: () => {
        this.collapsed = !this.collapsed;
        this.render();
      },
      onJump: (f) => editor.jump(f),
      onFix: (f) => isLiteralSuggestion(f) && editor.fix(f),
      onAccept: (f, reason) => void this.accept(f, reason),
    });
    this.sidebar.avoidSoon(surface);
  }
}
