/**
 * Review workflow and log types. Pure.
 *
 * Levels follow 003_54205cdec66d062b.txt 第八条: 初审 (信息员) → 复审 (科室负责人) → 终审 (分管/主要负责人).
 */
import type { Category, Finding, Platform, Severity } from '../core/types';
import type { Role } from '../settings/schema';

export const LEVELS = ['first', 'second', 'final'] as const;
export type Level = (typeof LEVELS)[number];
export const LEVEL_LABELS: Record<Level, string> = { first: '初审', second: '复审', final: '终审' };

/** Who did something: the name and unit as set in the options page or picked from the policy roster. */
export interface Actor {
  name: string;
  unit: string;
}

export type ResolutionKind = 'fixed' | 'accepted';

/**
 * What a person said about one finding, keyed by Finding.id (stable across unrelated edits). The one
 * Resolution type: the review store keeps it with `by`, `at` and the finding; the sidebar shows it, and a
 * tab's local mark (an accept waiting for the store's answer) has only `resolution` and `reason`.
 */
export interface Resolution {
  resolution: ResolutionKind;
  /** Always given for an accept (the store refuses one without); a fix may have none. */
  reason?: string;
  /** Who resolved it (absent on a tab's local mark). */
  by?: Actor;
  at?: string;
  /** Snapshot, so the log can still list a finding after the fix made it disappear. */
  finding?: LoggedFindingBase;
}

/** What the review store and the gate need of a finding (a tab reports these, not whole findings). */
export type FindingSummary = Pick<Finding, 'id' | 'check' | 'category' | 'severity' | 'field' | 'text'>;

export interface Approval {
  level: Level;
  by: Actor;
  at: string;
  draftHash: string;
  note: string;
}

export interface ReturnNote {
  level: Level;
  by: Actor;
  at: string;
  draftHash: string;
  note: string;
}

export interface Override {
  by: Actor;
  at: string;
  draftHash: string;
  reason: string;
}

/** Everything the background keeps per draft key (platform + account/URL-derived id from the content script). */
export interface DraftReviewState {
  draftKey: string;
  platform: Platform;
  account?: string;
  title: string;
  summary: string;
  /** Hash of the latest content the content script reported. */
  lastHash?: string;
  /** Findings of the latest screening (the decision records list them). */
  lastFindings: FindingSummary[];
  /** People who typed in this draft: they may not review it (no 自编自审). */
  editors: Actor[];
  resolutions: Record<string, Resolution>;
  /** Every approval ever given; only those whose draftHash equals the current hash count. */
  approvals: Approval[];
  lastReturn?: ReturnNote;
  override?: Override;
  updatedAt: string;
}

export function emptyDraftState(draftKey: string, platform: Platform, now: string): DraftReviewState {
  return {
    draftKey,
    platform,
    title: '',
    summary: '',
    lastFindings: [],
    editors: [],
    resolutions: {},
    approvals: [],
    updatedAt: now,
  };
}

// ---------------------------------------------------------------------------------------------------------
// Log records (DESIGN.md "Review log record", with added fields)

export type LogKind = 'screening' | 'resolution' | 'decision' | 'override' | 'edit';
export const LOG_KIND_LABELS: Record<LogKind, string> = {
  screening: '提交检查',
  resolution: '问题处理',
  decision: '审核决定',
  override: '紧急放行',
  edit: '审后修改',
};

export interface LoggedFindingBase {
  id: string;
  category: Category;
  severity: Severity;
  text: string;
  check?: string;
  field?: string;
}

export interface LoggedFinding extends LoggedFindingBase {
  resolution: ResolutionKind | 'open';
  reason?: string;
}

export type Decision = 'approve' | 'return';
export const DECISION_LABELS: Record<Decision, string> = { approve: '通过', return: '退回' };

/** The record body before chaining; `decision` says whether the event moves the draft towards publication. */
export interface LogEntry {
  kind: LogKind;
  at: string;
  platform: Platform;
  account?: string;
  draftKey: string;
  draftHash: string;
  title: string;
  /** First characters of the content (信息内容 on the approval form). */
  summary?: string;
  findings: LoggedFinding[];
  reviewer: { name: string; unit?: string; role: Role };
  /** For kind 'decision': the level signed. */
  level?: Level;
  /** screening: approve = publish let through, return = blocked. resolution/override: approve. edit: return. */
  decision: Decision;
  note?: string;
}

export interface LogRecord extends LogEntry {
  seq: number;
  prevHash: string;
  hash: string;
}

export const GENESIS_HASH = '0'.repeat(64);
