/**
 * screen(draft, ruleset) -> Finding[]: every registered check over every field, sorted and de-duplicated,
 * each finding with a stable id and exact original offsets. Pure: runs in the content script, the CLI,
 * the benchmark and the tests alike.
 */
import { CHECKS } from '../checks/index';
import type { CheckContext, CheckDef, CheckExample, FieldContext, ListHit, RawFinding } from './check';
import { fingerprint } from './fingerprint';
import { folded, skeleton, toOriginal, type NormText } from './normalize';
import { compileRuleset, rulesetEntry, type Ruleset } from './ruleset';
import { SEVERITY_RANK, type Draft, type FieldName, type Finding } from './types';
import type { WordList } from './wordlist';

/** Field order in results and in the sidebar. */
export const FIELD_ORDER: readonly string[] = ['title', 'author', 'digest', 'sourceUrl', 'body'];
/** Characters of context on each side that make a finding's id (see fingerprint.ts). */
const ID_CONTEXT = 8;

export class ScreenError extends Error {
  override name = 'ScreenError';
}

class Field implements FieldContext {
  private foldedView?: NormText;
  private skeletonView?: NormText;
  private hitsByList?: Map<string, ListHit[]>;
  constructor(readonly name: FieldName, readonly text: string, private readonly ruleset: Ruleset) {}

  get folded(): NormText {
    return (this.foldedView ??= folded(this.text));
  }
  get skeleton(): NormText {
    return (this.skeletonView ??= skeleton(this.text));
  }
  hits(listId: string): ListHit[] {
    this.hitsByList ??= this.scan();
    return this.hitsByList.get(listId) ?? [];
  }
  /** One automaton pass over the skeleton serves every list. */
  private scan(): Map<string, ListHit[]> {
    const byList = new Map<string, ListHit[]>();
    const { automaton, refStart, refList, refEntry, lists } = this.ruleset;
    const norm = this.skeleton;
    automaton.scan(norm.text, (id, end) => {
      const normStart = end - automaton.patternLength(id);
      const { start, end: origEnd } = toOriginal(norm, normStart, end);
      for (let r = refStart[id]; r < refStart[id + 1]; r++) {
        const list = lists[refList[r]];
        let arr = byList.get(list.id);
        if (!arr) byList.set(list.id, (arr = []));
        arr.push({ list, entry: rulesetEntry(this.ruleset, refList[r], refEntry[r]), start, end: origEnd, normStart, normEnd: end });
      }
    });
    for (const arr of byList.values()) arr.sort((x, y) => x.start - y.start || y.end - x.end);
    return byList;
  }
}

function fieldRank(name: string): number {
  const i = FIELD_ORDER.indexOf(name);
  return i < 0 ? FIELD_ORDER.length : i;
}

function complete(check: CheckDef, raw: RawFinding, field: Field): Finding {
  const { start, end } = raw;
  if (!(Number.isInteger(start) && Number.isInteger(end) && start >= 0 && start < end && end <= field.text.length))
    throw new ScreenError(`check ${check.id} reported an invalid span [${start}, ${end}) in field ${field.name} (length ${field.text.length})`);
  const finding: Finding = {
    id: '',
    check: raw.check ?? check.id,
    category: raw.category ?? check.category,
    severity: raw.severity ?? check.severity,
    field: raw.field,
    start,
    end,
    text: field.text.slice(start, end),
    message: raw.message,
    clause: raw.clause ?? check.clause,
  };
  if (raw.suggestion !== undefined) finding.suggestion = raw.suggestion;
  if (raw.source !== undefined) finding.source = raw.source;
  return finding;
}

function assignIds(findings: Finding[], fields: Map<string, Field>): void {
  const seen = new Map<string, number>();
  for (const f of findings) {
    const text = fields.get(f.field)!.text;
    const before = text.slice(Math.max(0, f.start - ID_CONTEXT), f.start);
    const after = text.slice(f.end, f.end + ID_CONTEXT);
    const key = fingerprint([f.check, f.field, f.text, before, after]);
    const n = seen.get(key) ?? 0; // identical text in identical context: number the occurrences
    seen.set(key, n + 1);
    f.id = n === 0 ? key : `${key}-${n}`;
  }
}

export function draftFields(draft: Draft): [FieldName, string][] {
  return Object.entries(draft.fields).filter((e): e is [FieldName, string] => typeof e[1] === 'string' && e[1].length > 0);
}

export function screen(draft: Draft, ruleset: Ruleset, checks: readonly CheckDef[] = CHECKS): Finding[] {
  const fields = new Map<string, Field>();
  for (const [name, text] of draftFields(draft)) fields.set(name, new Field(name, text, ruleset));
  const listsById = new Map<string, WordList>(ruleset.lists.map((l) => [l.id, l]));
  const ctx: CheckContext = {
    draft,
    fields: [...fields.values()],
    field: (name) => fields.get(name),
    list: (id) => listsById.get(id),
    lists: ruleset.lists,
    claimedListIds: new Set(checks.flatMap((c) => c.lists ?? [])),
  };

  const byKey = new Map<string, Finding>();
  for (const check of checks) {
    for (const raw of check.run(ctx)) {
      const field = fields.get(raw.field);
      if (!field) throw new ScreenError(`check ${check.id} reported field "${raw.field}" which the draft does not have`);
      const f = complete(check, raw, field);
      const key = `${f.check}\u0000${f.field}\u0000${f.start}\u0000${f.end}`;
      const prev = byKey.get(key);
      if (!prev || SEVERITY_RANK[f.severity] < SEVERITY_RANK[prev.severity]) byKey.set(key, f);
    }
  }
  const findings = [...byKey.values()].sort(
    (a, b) =>
      fieldRank(a.field) - fieldRank(b.field) ||
      a.field.localeCompare(b.field) ||
      a.start - b.start ||
      a.end - b.end ||
      SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
      a.check.localeCompare(b.check),
  );
  assignIds(findings, fields);
  return findings;
}

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
            return at < 0 || !findings.some((f) => f.field === e.field && f.start < at + e.text.length && at < f.end);
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
