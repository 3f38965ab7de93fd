/**
 * The check registry: every check the screen runs, one kebab-case module each (DESIGN.md convention 3).
 * A build-level test (tests/unit/check-registry.test.ts) fails when a check lacks an id, category, severity,
 * clause, description or examples.
 */
import type { CheckDef } from '../core/check';

export const CHECKS: readonly CheckDef[] = [
];
