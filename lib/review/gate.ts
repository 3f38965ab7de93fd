/**
 * The one publish-gate decision, pure. The background answers every review:status with it (and logs
 * submits with it); the tab runs the same function on its own findings, its resolutions and the review facts
 * the background sent, so both always agree. It fails closed: when review is required and the review store
 * cannot be reached, publishing is held with 「审核服务不可用」 and the caller retries.
 *
 * Adding a reason to hold here (e.g. 'server approval missing'): add the fact to `ReviewFacts` or a new
 * `ReviewReach` kind, push a zh-CN line to `missing` below, and add a row to tests/unit/review-gate.test.ts.
 * Reasons that come from the editor (screening, pictures still being read) belong in
 * lib/editor-kit/hold-reasons.ts, which calls this once the screen is done.
 */
import type { Finding } from '../core/types';
import { hasAcceptedBlock, requiredLevels, unresolvedBlocks, validApprovals, type ReviewContext } from './rules';
import { LEVEL_LABELS, type Approval, type Level, type Override, type Resolution, type ReturnNote } from './types';

export interface GateSettings {
  reviewRequired: boolean;
  reviewLevels: 1 | 2 | 3;
  acceptedBlockLevels: 1 | 2 | 3;
  allowOverride: boolean;
}

/** What the review store knows about the draft that the gate needs. */
export interface ReviewFacts {
  /** Every approval given under this draft key (only those for the current hash count). */
  approvals: Approval[];
  lastReturn?: ReturnNote;
  override?: Override;
}

/** Whether, and what, the review store answered for exactly the content on screen. */
export type ReviewReach =
  | { kind: 'ready'; draftHash: string; facts: ReviewFacts }
  /** Asked (or about to ask) for this content; no answer yet. */
  | { kind: 'pending' }
  /** The review store cannot be reached (database failed to open, worker not answering). */
  | { kind: 'unavailable'; detail?: string };

/** A finding as the gate sees it; the tab's findings also carry `message`, used for the detail lines. */
export type GateFinding = Pick<Finding, 'id' | 'severity' | 'text'> & { message?: string };

export interface GateInput {
  findings: readonly GateFinding[];
  resolutions: Readonly<Record<string, Pick<Resolution, 'resolution' | 'reason'>>>;
  settings: GateSettings;
  review: ReviewReach;
}

export type GateDecision =
  /** `missing` is still listed when an emergency override opened the gate. */
  | { open: true; missing: string[]; override?: Override }
  | {
      open: false;
      /** zh-CN lines saying exactly what is missing. */
      missing: string[];
      /** Lines naming the unresolved block findings (only when the findings carry their message). */
      details: string[];
      /** The answer will come by itself (the review store is being asked). */
      waitFor?: 'review';
      /** The review store could not be reached: offer a retry. */
      retry?: boolean;
    };

export const EDITED_AFTER_APPROVAL = '审核通过后稿件又被修改，原有审核已失效，需重新审核';
export const REVIEW_UNAVAILABLE = '审核服务不可用';
export const REVIEW_PENDING = '正在确认审核状态，请稍候再点一次发布。';
const MAX_DETAILS = 5;

function pendingLine(level: Level, required: Level[], raisedFrom: number): string {
  const earlier = required.slice(0, required.indexOf(level)).map((l) => `${LEVEL_LABELS[l]}人`);
  const notes: string[] = [];
  if (earlier.length) notes.push(`需不同于${earlier.join('、').replace(/人、/g, '、')}`);
  if (required.indexOf(level) >= raisedFrom) notes.push(`已接受'阻断'问题，须经${LEVEL_LABELS[level]}`);
  return `待${LEVEL_LABELS[level]}${notes.length ? `（${notes.join('；')}）` : ''}`;
}

export function describeFinding(f: GateFinding): string {
  return `「${f.text}」${f.message ?? ''}`;
}

function reviewLines(input: GateInput, draftHash: string, facts: ReviewFacts): string[] {
  const { settings, resolutions } = input;
  const findings = input.findings;
  const lines: string[] = [];
  const valid = validApprovals(facts.approvals, draftHash);
  const latest = facts.approvals.reduce<Approval | undefined>((acc, a) => (!acc || a.at >= acc.at ? a : acc), undefined);
  if (Object.keys(valid).length === 0 && latest && latest.draftHash !== draftHash) lines.push(EDITED_AFTER_APPROVAL);
  const ret = facts.lastReturn;
  if (ret && ret.draftHash === draftHash) lines.push(`${LEVEL_LABELS[ret.level]} ${ret.by.name} 已退回：${ret.note}（请修改后重新送审）`);
  const required = requiredLevels(settings, findings, resolutions);
  const raisedFrom = hasAcceptedBlock(findings, resolutions) ? settings.reviewLevels : required.length;
  for (const level of required) if (!valid[level]) lines.push(pendingLine(level, required, raisedFrom));
  return lines;
}

export function decideGate(input: GateInput): GateDecision {
  const { settings, review, resolutions } = input;
  const missing: string[] = [];
  const details: string[] = [];

  const blocks = unresolvedBlocks(input.findings, resolutions);
  if (blocks.length > 0) {
    const claimedFixed = blocks.filter((f) => resolutions[f.id]?.resolution === 'fixed').length;
    missing.push(
      `${blocks.length} 个'阻断'问题未处理` + (claimedFixed ? `（其中 ${claimedFixed} 个标记为已修改，但重新检查仍存在）` : ''),
    );
    if (blocks.some((f) => f.message)) {
      details.push(...blocks.slice(0, MAX_DETAILS).map(describeFinding));
      if (blocks.length > MAX_DETAILS) details.push(`另有 ${blocks.length - MAX_DETAILS} 个阻断问题`);
    }
  }

  let waitFor: 'review' | undefined;
  let retry = false;
  if (settings.reviewRequired) {
    if (review.kind === 'unavailable') {
      missing.push(`${REVIEW_UNAVAILABLE}${review.detail ? `（${review.detail}）` : ''}：审核状态无法确认，发布已暂停，请稍后重试。`);
      retry = true;
    } else if (review.kind === 'pending') {
      missing.push(REVIEW_PENDING);
      waitFor = 'review';
    } else {
      missing.push(...reviewLines(input, review.draftHash, review.facts));
    }
  }

  const override =
    review.kind === 'ready' && settings.allowOverride && review.facts.override?.draftHash === review.draftHash
      ? review.facts.override
      : undefined;
  if (missing.length === 0 || override) return { open: true, missing, ...(override ? { override } : {}) };
  return { open: false, missing, details, ...(waitFor ? { waitFor } : {}), ...(retry ? { retry } : {}) };
}

/** The background's view: the gate for the stored review state of a draft (the store is reachable by definition). */
export function gateStatus(ctx: ReviewContext): { open: boolean; missing: string[]; override?: Override } {
  const decision = decideGate({
    findings: ctx.findings,
    resolutions: ctx.state.resolutions,
    settings: ctx.settings,
    review: { kind: 'ready', draftHash: ctx.draftHash, facts: ctx.state },
  });
  return decision.open
    ? { open: true, missing: decision.missing, ...(decision.override ? { override: decision.override } : {}) }
    : { open: false, missing: decision.missing };
}
