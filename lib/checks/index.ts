/**
 * The check registry: every check the screen runs, one kebab-case module each (DESIGN.md convention 3).
 * A build-level test (tests/unit/check-registry.test.ts) fails when a check lacks an id, category, severity,
 * clause, description or examples.
 */
import type { CheckDef } from '../core/check';
import { ad } from './ad';
import { adMedical } from './ad/medical';
import { adminLists } from './admin-lists';
import { claimLists } from './claimed-lists';
import { clickbait } from './clickbait';
import { map } from './map';
import { pii } from './pii';
import { repost } from './repost';
import { secret } from './secret';
import { sensitiveContact } from './sensitive/contact';
import { sensitiveMedical } from './sensitive/medical';
import { sensitiveMention } from './sensitive/mention';
import { sensitiveOffer } from './sensitive/offer';
import { sensitivePlatform } from './sensitive/platform';
import { wordingCheck } from './wording';

export const CHECKS: readonly CheckDef[] = [
  pii,
  ad,
  adMedical,
  repost,
  map,
  secret,
  clickbait,
  sensitiveOffer,
  sensitiveContact,
  sensitivePlatform,
  sensitiveMedical,
  sensitiveMention,
  wordingCheck,
  adminLists,
];

claimLists([...CHECKS.flatMap((c) => c.lists ?? []), 'medical-ad']);

/**
 * The registered sub-checks minus those switched off by settings or policy `disabledChecks`: an entry is a sub-check
 * id (`pii.mobile`) or a family prefix (`pii` switches off every `pii.…`).
 */
export function enabledChecks(disabled: readonly string[] = []): CheckDef[] {
  if (disabled.length === 0) return [...CHECKS];
  const off = new Set(disabled);
  return CHECKS.filter((c) => !off.has(c.id) && !off.has(c.id.split('.')[0]));
}
