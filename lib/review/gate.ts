/**
 * The publish gate: open only when nothing is missing for this exact content. Pure.
 */
import { LEVEL_LABELS, type Level, type Override } from './types';
import {
  hasAcceptedBlock,
  requiredLevels,
  unresolvedBlocks,
  validApprovals,
  type ReviewContext,
} from './rules';

export interface GateStatus {
  open: boolean;
  /** zh-CN lines saying exactly what is missing (still listed when an override opened the gate). */
  missing: string[];
  /** Set when an emergency override opened the gate for this content. */
  override?: Override;
}

export const EDITED_AFTER_APPROVAL = '审核通过后稿件又被修改，原有审核已失效，需重新审核';

function pendingLine(level: Level, required: Level[], raisedFrom: number): string {
  const earlier = required.slice(0, required.indexOf(level)).map((l) => `${LEVEL_LABELS[l]}人`);
  const notes: string[] = [];
  if (earlier.length) notes.push(`需不同于${earlier.join('、').replace(/人、/g, '、')}`);
  if (required.indexOf(level) >= raisedFrom) notes.push(`已接受'阻断'问题，须经${LEVEL_LABELS[level]}`);
  return `待${LEVEL_LABELS[level]}${notes.length ? `（${notes.join('；')}）` : ''}`;
}

export function gateStatus(ctx: ReviewContext): GateStatus {
  const missing: string[] = [];
  const { findings, state, settings, draftHash } = ctx;

  const blocks = unresolvedBlocks(findings, state.resolutions);
  if (blocks.length > 0) {
    const claimedFixed = blocks.filter((f) => state.resolutions[f.id]?.resolution === 'fixed').length;
    missing.push(
      `${blocks.length} 个'阻断'问题未处理` +
        (claimedFixed ? `（其中 ${claimedFixed} 个标记为已修改，但重新检查仍存在）` : ''),
    );
  }

  if (settings.reviewRequired) {
    const valid = validApprovals(state.approvals, draftHash);
    const hasValid = Object.keys(valid).length > 0;
    const latest = state.approvals.reduce<(typeof state.approvals)[number] | undefined>(
      (acc, a) => (!acc || a.at >= acc.at ? a : acc),
      undefined,
    );
    if (!hasValid && latest && latest.draftHash !== draftHash) missing.push(EDITED_AFTER_APPROVAL);
    const ret = state.lastReturn;
    if (ret && ret.draftHash === draftHash)
      missing.push(`${LEVEL_LABELS[ret.level]} ${ret.by.name} 已退回：${ret.note}（请修改后重新送审）`);
    const required = requiredLevels(settings, findings, state.resolutions);
    const raisedFrom = hasAcceptedBlock(findings, state.resolutions) ? settings.reviewLevels : required.length;
    for (const level of required) if (!valid[level]) missing.push(pendingLine(level, required, raisedFrom));
  }

  const override =
    settings.allowOverride && state.override && state.override.draftHash === draftHash ? state.override : undefined;
  return { open: missing.length === 0 || !!override, missing, ...(override ? { override } : {}) };
}
