/**
 * Review service messages (three-level sign-off, publish gate, review log), as entries of the protocol's
 * request → response map (lib/ext/messages.ts). Answered by lib/ext/review-service.ts in the background.
 *
 * draftKey: `<platform>:<id>` chosen by the content script (entrypoints/console.content/draft-key.ts);
 * approvals, resolutions and editors are kept per draft key. draftHash: lib/review/draft-hash.ts of the draft
 * on screen, computed by the tab (the whole draft never travels); every status echoes the hash it answers, and
 * a decision sent with another hash is refused because the content changed meanwhile.
 */
import type { Platform } from '../../core/types';
import type { Person } from '../../settings/schema';
import type { VerifyResult } from '../../review/hash-chain';
import type { LogFilter } from '../../review/query';
import type { GateSettings, ReviewFacts } from '../../review/gate';
import type {
  Approval,
  Decision,
  FindingSummary,
  Level,
  LogRecord,
  Override,
  Resolution,
  ResolutionKind,
  ReturnNote,
} from '../../review/types';

/** What a tab reports of the draft on screen: its key, hash and a summary, never the whole text. */
export interface DraftReport {
  draftKey: string;
  draftHash: string;
  platform: Platform;
  account?: string;
  title: string;
  /** First characters of the content (信息内容 on the approval form and in the log). */
  summary: string;
  /** What the gate and the log need of each finding of the completed screen. */
  findings: FindingSummary[];
}

export interface ReviewStatus {
  draftKey: string;
  /** The hash this status answers (echoed from the report): the tab uses it only if it is still on screen. */
  draftHash: string;
  open: boolean;
  /** zh-CN lines: exactly what is missing before publication. */
  missing: string[];
  override?: Override;
  reviewRequired: boolean;
  /** Levels this draft needs now (may have risen because a block finding was accepted). */
  required: Level[];
  /** Approvals valid for this exact content, in level order. */
  approvals: Approval[];
  resolutions: Record<string, Resolution>;
  lastReturn?: ReturnNote;
  /** The review facts and settings the background decided with, so the tab runs the same gate (lib/review/gate.ts). */
  facts: ReviewFacts;
  gateSettings: GateSettings;
  /** The level this person may sign now (approve or return); absent when they may not sign. */
  canApproveAs?: Level;
  /** Why this person cannot approve (or sign at all) right now. */
  approveRefusal?: string;
  identity?: Person;
  identityProblem?: string;
  allowOverride: boolean;
  /** Whether this person has edited the draft (and so may not review it). */
  isEditor: boolean;
}

export interface ReviewRequests {
  /** Every completed screen: stores the report, answers the gate for exactly this hash. */
  'review:status': { request: DraftReport; response: ReviewStatus };
  /** A finding row's "接受（理由）" (or "已修改"). */
  'review:resolve': {
    request: { draftKey: string; draftHash: string; finding: FindingSummary; resolution: ResolutionKind; reason: string };
    response: ReviewStatus;
  };
  'review:decide': {
    request: { draftKey: string; draftHash: string; level: Level; decision: Decision; note: string };
    response: ReviewStatus;
  };
  'review:override': { request: { draftKey: string; draftHash: string; reason: string }; response: ReviewStatus };
  /** The local person typed in the draft: they become one of its editors (and may not review it). */
  'review:edited': { request: { draftKey: string }; response: { recorded: boolean } };
  /**
   * A new draft got its saved id (the console's URL gained it): its review state (editors, resolutions,
   * approvals) moves from the tab's key to the saved key, merged with whatever the saved key already has.
   */
  'review:rekey': { request: { from: string; to: string }; response: { moved: boolean } };
  /**
   * The status of the content last reported for this draft, recomputed for the current person (after the
   * identity or policy changed). Use it only if its draftHash is still the hash of the content on screen.
   */
  'review:refresh': { request: { draftKey: string }; response: ReviewStatus };
  /** The user pressed publish/submit: logs the screening result and whether it was let through. */
  'review:submit': {
    request: DraftReport & { allowed: boolean };
    response: { seq: number; open: boolean; missing: string[] };
  };
  'review:log-query': { request: { filter?: LogFilter }; response: { records: LogRecord[]; total: number } };
  /** One record plus every record of the same draft (for the detail view and the approval form). */
  'review:log-record': { request: { seq: number }; response: { record?: LogRecord; related: LogRecord[] } };
  'review:verify': { request: object; response: VerifyResult };
  /** Forwarding queue state for the log page (and a manual "retry now"). */
  'review:forward': {
    request: { drain?: boolean };
    response: { pending: number; collectorUrl?: string; stoppedBy?: string; sent?: number };
  };
}
