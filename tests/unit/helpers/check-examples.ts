/**
 * The table-driven suite every check runs over its own examples: each positive example is flagged on its text
 * and field (at the stated severity, with a clause naming a regulation file and a real message), each guard
 * example yields nothing of the check's category at review or block.
 */
import { describe, expect, it } from 'vitest';
import type { CheckDef } from '../../../lib/core/check';
import type { Ruleset } from '../../../lib/core/ruleset';
import { runExamples } from './run-examples';

export function describeCheckExamples(check: CheckDef, ruleset: Ruleset): void {
  describe(`${check.id}: examples`, () => {
    const results = runExamples(check, ruleset);
    results.positive.forEach((r, i) => {
      it(`positive #${i + 1} is flagged: ${JSON.stringify(r.example.draft).slice(0, 60)}`, () => {
        expect(r.missing).toEqual([]);
        for (const f of r.findings) {
          // A clause may name the standard or list after "；" (wording findings: 第九条；GB/T 15834—2011…).
          expect(f.clause).toMatch(/^\d{3}_[0-9a-f]{16}\.txt 第[^；]+条(；.+)?$/);
          expect(f.message.length).toBeGreaterThan(10);
        }
        for (const e of r.example.expect ?? []) {
          if (!e.severity) continue;
          const draft = typeof r.example.draft === 'string' ? { body: r.example.draft } : r.example.draft;
          const fieldText = (draft as Record<string, string>)[e.field ?? 'body'];
          const at = fieldText.indexOf(e.text);
          const covering = r.findings.filter((f) => f.field === (e.field ?? 'body') && f.start < at + e.text.length && at < f.end);
          expect(covering.map((f) => f.severity)).toContain(e.severity);
        }
      });
    });
    results.guard.forEach((r, i) => {
      it(`guard #${i + 1} is not flagged: ${JSON.stringify(r.example.draft).slice(0, 60)}`, () => {
        expect(r.unexpected.map((f) => `${f.check} ${f.severity} 「${f.text}」`)).toEqual([]);
      });
    });
  });

}
