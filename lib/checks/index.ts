/**
 * The check registry: every check the screen runs, one kebab-case module each (DESIGN.md convention 3).
 * A build-level test (tests/unit/check-registry.test.ts) fails when a check lacks an id, category, severity,
 * clause, description or examples.
 */
import type { CheckDef } from '../core/check';
import { ad } from './ad';
import { adminLists } from './admin-lists';
import { clickbait } from './clickbait';
import { map } from './map';
import { pii } from './pii';
import { repost } from './repost';
import { secret } from './secret';
import { sensitiveCheck } from './sensitive';
import { WORDING_CHECKS } from './wording';

export const CHECKS: readonly CheckDef[] = [
  pii,
  ad,
  repost,
  map,
  secret,
  clickbait,
  sensitiveCheck,
  ...WORDING_CHECKS,
  adminLists,
];
