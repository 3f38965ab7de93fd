/**
 * The extension's gate in server mode. The tab's gate (lib/review/gate.ts decideGate) opens on review facts;
 * with a review server configured, the only facts that count are those of a signed approval that verifies
 * with the configured key for exactly the hash on screen. Local approvals and local accepts do not count.
 * Pure (WebCrypto only), so the background and the tab can both run it.
 */
import type { GateSettings, ReviewFacts } from '../review/gate';
import type { Approval, Resolution } from '../review/types';
import { verifyApproval } from './approval';
import type { SignedApproval } from './schemas';

export interface ServerGateInput {
  /** Facts for decideGate: the verified approval's levels (and override), nothing else. */
  facts: ReviewFacts;
  /** Findings the server's reviewers accepted (signed in the approval), as resolutions for decideGate. */
  resolutions: Record<string, Resolution>;
  /** The server enforced the unit's policy; the gate needs exactly the levels it signed. */
  settings: GateSettings;
  /** Why the approval was refused (zh-CN), when one was given and did not verify. */
  refusal?: string;
  approval?: SignedApproval;
}

const NO_APPROVAL: ReviewFacts = { approvals: [] };

/**
 * `envelope` is what GET /api/drafts/:id/approval returned (or nothing yet). `localSettings` are used while
 * there is no verified approval, so the gate lists the levels still missing.
 */
export async function serverGateInput(
  envelope: { approval: unknown; signature: string } | undefined,
  publicKey: string | undefined,
  draftHash: string,
  localSettings: GateSettings,
): Promise<ServerGateInput> {
  const waiting = { facts: NO_APPROVAL, resolutions: {}, settings: localSettings };
  if (!envelope) return waiting;
  const verdict = await verifyApproval(envelope.approval, envelope.signature, publicKey ?? '', draftHash);
  if (!verdict.ok) return { ...waiting, refusal: verdict.reason };
  const approval = verdict.approval;
  const approvals: Approval[] = approval.levels.map((l) => ({
    level: l.level,
    by: { name: l.person, unit: approval.unit },
    at: l.at,
    draftHash: approval.draftHash,
    note: l.opinion,
  }));
  const resolutions: Record<string, Resolution> = {};
  for (const a of approval.accepted ?? [])
    resolutions[a.findingId] = { resolution: 'accepted', reason: a.reason, by: { name: a.person, unit: approval.unit }, at: approval.issuedAt };
  const levels = Math.max(1, approval.levels.length) as 1 | 2 | 3;
  const override = approval.override
    ? { by: { name: approval.override.person, unit: approval.unit }, at: approval.override.at, draftHash: approval.draftHash, reason: approval.override.reason }
    : undefined;
  return {
    facts: { approvals, ...(override ? { override } : {}) },
    resolutions,
    settings: { reviewRequired: true, reviewLevels: levels, acceptedBlockLevels: levels, allowOverride: Boolean(override) },
    approval,
  };
}
