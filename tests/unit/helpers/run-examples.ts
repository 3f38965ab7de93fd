/**
 * Runs a check's own examples through screen(), for the table-driven tests (moved out of lib/core: the core
 * has no test plumbing).
 */
import type { CheckDef, CheckExample } from '../../../lib/core/check';
import { compileRuleset, type Ruleset } from '../../../lib/core/ruleset';
import { screen } from '../../../lib/core/screen';
import type { Draft, FieldName, Finding } from '../../../lib/core/types';

/** The draft an example describes. */
export function exampleDraft(example: CheckExample): Draft {
  if (typeof example.draft === 'string') return { platform: 'generic', fields: { body: example.draft } };
  const { platform = 'generic', ...fields } = example.draft;
  return { platform, fields };
}

export interface ExampleResult {
  example: CheckExample;
  findings: Finding[];
  /** Positive examples: expected texts no finding of the check's category covered. */
  missing: { text: string; field: FieldName }[];
  /** Guard examples: findings of the check's category at review or block severity. */
  unexpected: Finding[];
}

/** Runs a check's own examples through screen(), for the table-driven tests. */
export function runExamples(check: CheckDef, ruleset: Ruleset): { positive: ExampleResult[]; guard: ExampleResult[] } {
  const run = (example: CheckExample, positive: boolean): ExampleResult => {
    const draft = exampleDraft(example);
    const rs = example.lists?.length ? compileRuleset([...ruleset.lists, ...example.lists]) : ruleset;
    const categories = new Set([check.category, ...(example.lists ?? []).map((l) => l.category)]);
    const findings = screen(draft, rs, [check]).filter((f) => categories.has(f.category));
    const missing = positive
      ? (example.expect ?? [])
          .map((e) => ({ text: e.text, field: e.field ?? 'body' }))
          .filter((e) => {
            const fieldText = draft.fields[e.field] ?? '';
            const at = fieldText.indexOf(e.text);
            return at < 0 || !findings.some((f) => f.field === e.field && (f.occurrences ?? [f]).some((o) => o.start < at + e.text.length && at < o.end));
          })
      : [];
    const unexpected = positive ? [] : findings.filter((f) => f.severity !== 'info');
    return { example, findings, missing, unexpected };
  };
  return {
    positive: check.examples.positive.map((e) => run(e, true)),
    guard: check.examples.guard.map((e) => run(e, false)),
  };
}
