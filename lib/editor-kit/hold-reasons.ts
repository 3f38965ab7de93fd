/**
 * The one answer to "what does the sidebar say, and is publishing held?", pure. EditorSession calls it with
 * its state; the content script only renders the result. Table-tested in tests/unit/hold-reasons.test.ts.
 *
 * Order of precedence: an editor we cannot read > a screen that failed > a screen not finished > the draft
 * hash not known yet (pictures being read) > the gate (lib/review/gate.ts: block findings, review).
 *
 * Adding a hold reason:
 *  - one that comes from the page or the editor (e.g. 'pictures still being read by the picture reader'):
 *    add a field to `EditorState`, a branch below before the gate, with its `waitFor` when it will clear by
 *    itself (the publish gate then waits for it), and a table row in the test;
 *  - one that comes from review (e.g. 'server approval missing'): add it to lib/review/gate.ts, which this
 *    calls, so the background decides the same way.
 */
import type { Finding } from '../core/types';
import { decideGate, type GateSettings, type ReviewFacts, type ReviewReach } from '../review/gate';
import type { Resolution } from '../review/types';
import { isLongDraft, longScreenHoldReason, longScreenStatus, screenErrorReasons, SCREEN_ERROR_STATUS } from './screening';

export const UNSUPPORTED_REASON = '未识别编辑器（适配可能已过期）';
export const REVIEW_UNAVAILABLE_STATUS = '审核服务不可用，发布已暂停';

/** Screening state: one union. */
export type ScreenState =
  /** Nothing screened yet (the ruleset is loading, or no field was read). */
  | { kind: 'idle' }
  /** The content changed since the last screen; a screen is scheduled. Findings are the last ones, re-anchored. */
  | { kind: 'pending'; findings: Finding[]; chars: number; screened: boolean }
  /** A long draft's screen is running (asynchronously). */
  | { kind: 'running'; findings: Finding[]; chars: number }
  /** The screen of exactly the current content finished; `draftHash` is absent while it is computed (pictures read). */
  | { kind: 'done'; findings: Finding[]; draftHash?: string }
  /** The screen threw: held, never passed unscreened. */
  | { kind: 'failed'; error: string };

export interface EditorState {
  editor: 'locating' | 'found' | 'unsupported';
  /** e.g. 未找到「正文」 (when locating failed). */
  problems: string[];
  screen: ScreenState;
  /** The draft's pictures: how many are still being read, and why others could not be read (zh-CN). */
  pictures?: { reading: number; notRead: string[] };
}

/** What the review side knows, as the content script keeps it. */
export interface ReviewView {
  /** The last answer of the review store (for some content: matched against the draft hash here). */
  answer?: { draftHash: string; facts: ReviewFacts; settings: GateSettings };
  /** Set while the review store cannot be reached (detail for the message). */
  unavailable?: string;
  /** The store's resolutions overlaid with this tab's local marks. */
  resolutions: Readonly<Record<string, Resolution>>;
}

export type SidebarState = 'screening' | 'clean' | 'problems' | 'held' | 'unsupported';

export interface Hold {
  held: boolean;
  /** The status line's state (DESIGN.md UI test hooks). */
  sidebar: SidebarState;
  /** Overrides the default status text. */
  statusText?: string;
  /** zh-CN lines: why publishing is held now. */
  reasons: string[];
  /** The hold clears by itself once this is ready: the publish gate waits for it. */
  waitFor?: 'editor' | 'screen' | 'pictures' | 'hash' | 'review';
  /** Offer a retry (the review store could not be reached). */
  retry?: boolean;
}

/** Settings assumed while the real ones are not known: review required (fail closed). */
export const UNKNOWN_SETTINGS: GateSettings = { reviewRequired: true, reviewLevels: 3, acceptedBlockLevels: 3, allowOverride: false };

function findingsState(findings: readonly Finding[], resolutions: ReviewView['resolutions']): SidebarState {
  return findings.some((f) => f.severity !== 'info' && !resolutions[f.id]) ? 'problems' : 'clean';
}

export function holdReasons(state: EditorState, review: ReviewView, settings: GateSettings | undefined): Hold {
  if (state.editor === 'unsupported')
    return { held: true, sidebar: 'unsupported', reasons: [`${UNSUPPORTED_REASON}，发布已暂停，请人工审核或更新先审。`, ...state.problems] };
  if (state.editor === 'locating') return { held: true, sidebar: 'screening', reasons: ['先审正在识别编辑器，请稍候再发布。'], waitFor: 'editor' };

  const screen = state.screen;
  switch (screen.kind) {
    case 'idle':
      return { held: true, sidebar: 'screening', reasons: ['先审正在加载规则库，请稍候再发布。'], waitFor: 'screen' };
    case 'failed':
      return { held: true, sidebar: 'held', statusText: SCREEN_ERROR_STATUS, reasons: screenErrorReasons(screen.error) };
    case 'pending':
    case 'running': {
      const long = isLongDraft(screen.chars);
      const reasons = [long ? longScreenHoldReason(screen.chars) : '先审正在审查当前内容，请稍候再发布。'];
      const sidebar = long || (screen.kind === 'pending' && !screen.screened) ? 'screening' : findingsState(screen.findings, review.resolutions);
      return { held: true, sidebar, ...(long ? { statusText: longScreenStatus(screen.chars) } : {}), reasons, waitFor: 'screen' };
    }
    case 'done':
      break;
  }

  // Pictures are part of the draft: held while any is being read, and while any could not be read (never a
  // silent pass: a person must look at it, or an admin grant the extension access to its host).
  const pictures = state.pictures;
  if (pictures && pictures.reading > 0)
    return {
      held: true,
      sidebar: findingsState(screen.findings, review.resolutions),
      statusText: `正在识别稿件中的图片（还有 ${pictures.reading} 张）…`,
      reasons: [`先审正在本机识别稿件中的图片（还有 ${pictures.reading} 张），请稍候再发布。`],
      waitFor: 'pictures',
    };
  if (pictures && pictures.notRead.length)
    return {
      held: true,
      sidebar: 'held',
      reasons: [`${pictures.notRead.length} 张图片未能识别，先审无法审查其内容：请人工查看这些图片，或删除、重新上传后再发布。`, ...pictures.notRead],
    };

  const matching = screen.draftHash !== undefined && review.answer?.draftHash === screen.draftHash ? review.answer : undefined;
  const gateSettings = matching?.settings ?? settings ?? UNKNOWN_SETTINGS;
  const visible = findingsState(screen.findings, review.resolutions);
  if (screen.draftHash === undefined && gateSettings.reviewRequired)
    return { held: true, sidebar: visible, reasons: ['先审正在核对稿件内容（含图片），请稍候再发布。'], waitFor: 'hash' };

  const reach: ReviewReach =
    review.unavailable !== undefined
      ? { kind: 'unavailable', detail: review.unavailable || undefined }
      : matching
        ? { kind: 'ready', draftHash: matching.draftHash, facts: matching.facts }
        : { kind: 'pending' };
  const decision = decideGate({ findings: screen.findings, resolutions: review.resolutions, settings: gateSettings, review: reach });
  if (decision.open) return { held: false, sidebar: visible, reasons: [] };
  const [first, ...rest] = decision.missing;
  const reasons = decision.details.length ? [first, ...decision.details, ...rest] : decision.missing;
  if (decision.retry) return { held: true, sidebar: 'held', statusText: REVIEW_UNAVAILABLE_STATUS, reasons, retry: true };
  return { held: true, sidebar: visible, reasons, ...(decision.waitFor ? { waitFor: decision.waitFor } : {}) };
}
