/**
 * Build-level contract (DESIGN.md convention 10): every registered check has an id, a category, a severity, a
 * clause citing a known regulation file, a zh-CN description and at least two positive and two guard examples;
 * every wordlist a check names exists among the shipped lists and cites a known clause too.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHECKS } from '../../lib/checks/index';
import { isKnownClause } from '../../lib/checks/util/clauses';
import { CATEGORIES, SEVERITIES } from '../../lib/core/types';
import { loadWordlistDir } from '../../lib/node/wordlist-dir';

const lists = loadWordlistDir(join(__dirname, '..', '..', 'wordlists'));

describe('check registry', () => {
  it('has checks, with unique kebab-case ids', () => {
    expect(CHECKS.length).toBeGreaterThan(0);
    const ids = CHECKS.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z][a-z0-9-]*(\.[a-z][a-z0-9-]*)?$/); // sub-checks: wording.formulation
  });

  for (const check of CHECKS) {
    describe(check.id || '(no id)', () => {
      it('declares category, severity, clause and description', () => {
        expect(CATEGORIES).toContain(check.category);
        expect(SEVERITIES).toContain(check.severity);
        expect(isKnownClause(check.clause), check.clause).toBe(true);
        expect(check.description).toMatch(/\p{Script=Han}/u);
        expect(typeof check.run).toBe('function');
      });
      it('ships at least two positive and two guard examples', () => {
        expect(check.examples.positive.length).toBeGreaterThanOrEqual(2);
        expect(check.examples.guard.length).toBeGreaterThanOrEqual(2);
        for (const p of check.examples.positive) expect(p.expect?.length ?? 0).toBeGreaterThan(0);
      });
      it('reads only lists that exist, of its own category, citing a known clause', () => {
        for (const id of check.lists ?? []) {
          const list = lists.find((l) => l.id === id);
          expect(list, `list ${id}`).toBeDefined();
          expect(list!.category).toBe(check.category);
          expect(isKnownClause(list!.clause), `${id}: ${list!.clause}`).toBe(true);
        }
      });
    });
  }
});
