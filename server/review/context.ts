/**
 * Bridges a stored draft to the local review rules (lib/review/rules.ts), so the server enforces exactly the
 * rules the extension shows: no self-review, one person per level, level order, accepted block findings
 * raising the required levels. People are passed to the rules by account id ("#12"), never by display name,
 * so two people with the same name are still two people.
 */
import type { Finding } from '../../lib/core/types';
import type { ReviewContext, ReviewSettings } from '../../lib/review/rules';
import type { Approval, Level, Resolution } from '../../lib/review/types';
import type { Person as RulePerson } from '../../lib/settings/schema';
import type { Person } from '../auth/session';

export interface UnitPolicy {
  id: number;
  code: string;
  name: string;
  form_title: string;
  review_levels: number;
  accepted_block_levels: number;
  allow_override: boolean;
  policy_version: number;
}

export interface DraftState {
  id: number;
  unitId: number;
  draftHash: string;
  findings: Finding[];
  editorIds: number[];
  acceptances: { finding_id: string; person_id: number; reason: string; at: Date }[];
  decisions: { level: string; person_id: number; decision: string; opinion: string; at: Date }[];
}

export const ruleName = (personId: number) => `#${personId}`;

export function reviewSettings(unit: UnitPolicy): ReviewSettings {
  return {
    reviewRequired: true,
    reviewLevels: unit.review_levels as 1 | 2 | 3,
    acceptedBlockLevels: unit.accepted_block_levels as 1 | 2 | 3,
    allowOverride: unit.allow_override,
    identity: undefined,
    roster: [],
  };
}

export function rulePerson(person: Person, unit: UnitPolicy): RulePerson | undefined {
  const membership = person.units.get(unit.id);
  if (!membership) return undefined;
  const roles = [...membership.roles].filter((r): r is RulePerson['roles'][number] => r !== 'admin');
  return { name: ruleName(person.id), unit: unit.code, roles };
}

export function reviewContext(unit: UnitPolicy, draft: DraftState, person?: Person): ReviewContext {
  const resolutions: Record<string, Resolution> = {};
  for (const a of draft.acceptances) {
    const finding = draft.findings.find((f) => f.id === a.finding_id);
    resolutions[a.finding_id] = {
      resolution: 'accepted',
      reason: a.reason,
      by: { name: ruleName(a.person_id), unit: unit.code },
      at: a.at.toISOString(),
      finding: finding
        ? { id: finding.id, category: finding.category, severity: finding.severity, text: finding.text }
        : { id: a.finding_id, category: 'sensitive', severity: 'block', text: '' },
    };
  }
  const approvals: Approval[] = draft.decisions
    .filter((d) => d.decision === 'approve')
    .map((d) => ({ level: d.level as Level, by: { name: ruleName(d.person_id), unit: unit.code }, at: d.at.toISOString(), draftHash: draft.draftHash, note: d.opinion }));
  return {
    settings: reviewSettings(unit),
    person: person ? rulePerson(person, unit) : undefined,
    draftHash: draft.draftHash,
    findings: draft.findings,
    state: {
      resolutions,
      approvals,
      editors: draft.editorIds.map((id) => ({ name: ruleName(id), unit: unit.code })),
      override: undefined,
      lastReturn: undefined,
    },
  };
}
