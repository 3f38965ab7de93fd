/**
 * The check registry: every check the screen runs, one kebab-case module each (DESIGN.md convention 3).
 * A build-level test (tests/unit/check-registry.test.ts) fails when a check lacks an id, category, severity,
 * clause, description or examples.
 */
import type { CheckDef } from '../core/check';
import { adMedical } from './ad/medical';
import { piiMobile } from './pii/mobile';
import { piiIdCard } from './pii/id-card';
import { piiBankCard } from './pii/bank-card';
import { piiEmail } from './pii/email';
import { piiAddress } from './pii/address';
import { piiPassport } from './pii/passport';
import { piiTravelPermit } from './pii/travel-permit';
import { piiProtectedName } from './pii/protected-name';
import { adSoftAd } from './ad/soft-ad';
import { adEcommerceLink } from './ad/ecommerce-link';
import { adAbsoluteTerm } from './ad/absolute-term';
import { adContactBait } from './ad/contact-bait';
import { adShortLink } from './ad/short-link';
import { repostUnacceptableSource } from './repost/unacceptable-source';
import { repostMissingAttribution } from './repost/missing-attribution';
import { repostUnapprovedSource } from './repost/unapproved-source';
import { repostOriginalTitle } from './repost/original-title';
import { mapNoApprovalNumber } from './map/no-approval-number';
import { secretClassificationMark } from './secret/classification-mark';
import { secretInternalMarker } from './secret/internal-marker';
import { secretDraftStatus } from './secret/draft-status';
import { clickbaitTitle } from './clickbait/title';
import { clickbaitBody } from './clickbait/body';
import { adminLists } from './admin-lists';
import { claimLists } from './claimed-lists';
import { sensitiveContact } from './sensitive/contact';
import { sensitiveMedical } from './sensitive/medical';
import { sensitiveMention } from './sensitive/mention';
import { sensitiveOffer } from './sensitive/offer';
import { sensitivePlatform } from './sensitive/platform';
import { WORDING_CHECKS } from './wording';

export const CHECKS: readonly CheckDef[] = [
  piiMobile, piiIdCard, piiBankCard, piiEmail, piiAddress, piiPassport, piiTravelPermit, piiProtectedName,
  adSoftAd, adEcommerceLink, adAbsoluteTerm, adContactBait, adShortLink,
  adMedical,
  repostUnacceptableSource, repostMissingAttribution, repostUnapprovedSource, repostOriginalTitle,
  mapNoApprovalNumber,
  secretClassificationMark, secretInternalMarker, secretDraftStatus,
  clickbaitTitle, clickbaitBody,
  sensitiveOffer,
  sensitiveContact,
  sensitivePlatform,
  sensitiveMedical,
  sensitiveMention,
  ...WORDING_CHECKS,
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
