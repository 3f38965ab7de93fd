/**
 * Review service messages (three-level sign-off, publish gate, review log). Handled by
 * lib/ext/review-service.ts in the background; every reply is Reply<ReviewResponses[type]>.
 *
 * draftKey: platform + account/URL-derived id chosen by the content script; approvals, resolutions and
 * editors are kept per draft key. draftHash: what review:status returned (the background hashes the draft
 * itself; a decision sent with another hash is refused because the content changed meanwhile).
 */
import type { Draft, Finding, Platform } from '../../core/types';
import type { Person } from '../../settings/schema';
import type { VerifyResult } from '../../review/hash-chain';
import type { LogFilter } from '../../review/query';
import type { Approval, Decision, Level, LogRecord, Override, Resolution, ResolutionKind, ReturnNote } from '../../review/types';

export type ReviewMessage =
  /** Every re-screen: stores the latest content and findings, answers the gate for exactly this content. */
  | {
      type: 'review:status';
      draftKey: string;
      platform: Platform;
      account?: string;
      title: string;
      draft: Draft;
      findings: Finding[];
    }
  /** A finding row's "已修改" / "接受（理由）". */
  | {
      type: 'review:resolve';
      draftKey: string;
      draftHash: string;
      finding: Finding;
      resolution: ResolutionKind;
      reason: string;
    }
  | { type: 'review:decide'; draftKey: string; draftHash: string; level: Level; decision: Decision; note: string }
  | { type: 'review:override'; draftKey: string; draftHash: string; reason: string }
  /** The local person typed in the draft: they become one of its editors (and may not review it). */
  | { type: 'review:edited'; draftKey: string }
  /**
   * The status of the content last reported for this draft, recomputed for the current person (after the
   * identity or policy changed). Use it only if its draftHash is still the hash of the content on screen.
   */
  | { type: 'review:refresh'; draftKey: string }
  /** The user pressed publish/submit: logs the screening result and whether it was let through. */
  | {
      type: 'review:submit';
      draftKey: string;
      account?: string;
      draft: Draft;
      findings: Finding[];
      allowed: boolean;
    }
  | { type: 'review:log-query'; filter?: LogFilter }
  /** One record plus every record of the same draft (for the detail view and the approval form). */
  | { type: 'review:log-record'; seq: number }
  | { type: 'review:verify' }
  /** Forwarding queue state for the log page (and a manual "retry now"). */
  | { type: 'review:forward'; drain?: boolean };

export type ReviewMessageType = ReviewMessage['type'];

export interface ReviewStatus {
  draftKey: string;
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

export interface ReviewResponses {
  'review:status': ReviewStatus;
  'review:resolve': ReviewStatus;
  'review:decide': ReviewStatus;
  'review:override': ReviewStatus;
  'review:edited': { recorded: boolean };
  'review:refresh': ReviewStatus;
  'review:submit': { seq: number; open: boolean; missing: string[] };
  'review:log-query': { records: LogRecord[]; total: number };
  'review:log-record': { record?: LogRecord; related: LogRecord[] };
  'review:verify': VerifyResult;
  'review:forward': { pending: number; collectorUrl?: string; stoppedBy?: string; sent?: number };
}

export type ReviewMessageOf<T extends ReviewMessageType> = Extract<ReviewMessage, { type: T }>;

const TYPES: ReadonlySet<string> = new Set<ReviewMessageType>([
  'review:status',
  'review:resolve',
  'review:decide',
  'review:override',
  'review:edited',
  'review:refresh',
  'review:submit',
  'review:log-query',
  'review:log-record',
  'review:verify',
  'review:forward',
]);

export function isReviewMessage(message: unknown): message is ReviewMessage {
  return (
    typeof message === 'object' &&
    message !== null &&
    typeof (message as { type?: unknown }).type === 'string' &&
    TYPES.has((message as { type: string }).type)
  );
}
