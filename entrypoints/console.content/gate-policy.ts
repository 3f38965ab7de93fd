/**
 * The one place that decides whether a publish may go through, given a fresh screen. Kept small and pure so
 * the review integration can be switched here alone.
 *
 * - Unresolved `block` findings always hold.
 * - When the review service answered for exactly this content, its `open` verdict decides (it already
 *   knows whether 先审后发 is required and which approvals are missing).
 * - When the service has answered before but not for this content, the publish is held until it does.
 * - When the service never answered (not installed), only block findings hold.
 */
import type { Finding } from '@/lib/core/types';
import type { ReviewStatus } from '@/lib/ext/messages/review';
import type { Resolution } from '@/components/sidebar/types';

export interface GateInputs {
  findings: readonly Finding[];
  resolutions: Readonly<Record<string, Resolution>>;
  /** The review service's answer for exactly the content just screened, if any. */
  statusForThisContent: ReviewStatus | undefined;
  /** Whether the review service has ever answered in this tab. */
  reviewServiceAvailable: boolean;
}

export type PolicyVerdict = { allow: true } | { allow: false; reasons: string[]; needsStatus: boolean };

export function describeFinding(f: Finding): string {
  return `「${f.text}」${f.message}`;
}

export function gateVerdict(input: GateInputs): PolicyVerdict {
  const unresolvedBlocks = input.findings.filter((f) => f.severity === 'block' && !input.resolutions[f.id]);
  if (unresolvedBlocks.length) {
    const reasons = unresolvedBlocks.slice(0, 5).map(describeFinding);
    if (unresolvedBlocks.length > 5) reasons.push(`另有 ${unresolvedBlocks.length - 5} 个阻断问题`);
    return { allow: false, reasons: [`有 ${unresolvedBlocks.length} 个阻断问题未处理：`, ...reasons], needsStatus: false };
  }
  if (!input.reviewServiceAvailable) return { allow: true };
  const status = input.statusForThisContent;
  if (!status) return { allow: false, reasons: ['正在确认审核状态，请稍候再点一次发布。'], needsStatus: true };
  if (status.open) return { allow: true };
  return { allow: false, reasons: status.missing.length ? status.missing : ['审核尚未完成。'], needsStatus: false };
}
