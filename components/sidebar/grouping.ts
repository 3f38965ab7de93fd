/**
 * Pure helpers behind the sidebar's list: grouping, counting, and deciding whether a suggestion can be
 * applied as-is. Kept out of the components so they can be memoised and tested without rendering.
 */
import { CATEGORIES, SEVERITIES, SEVERITY_RANK } from '@/lib/core/types';
import type { Category, Finding, Severity } from '@/lib/core/types';
import type { Resolution } from './types';

export interface CategoryGroup {
  category: Category;
  findings: Finding[];
}

export interface FieldGroup {
  field: string;
  label: string;
  count: number;
  categories: CategoryGroup[];
}

const CATEGORY_ORDER = new Map<string, number>(CATEGORIES.map((c, i) => [c, i]));

/** Most severe first, then document order, so a reviewer meets what blocks publishing before reminders. */
function compareWithinCategory(a: Finding, b: Finding): number {
  return SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || a.start - b.start || a.end - b.end;
}

/**
 * Fields in fieldLabels order, then categories in the contract's order. A field the caller forgot to label
 * is still listed (after the known ones, under its raw name): hiding a finding would be a silent pass.
 */
export function groupFindings(findings: readonly Finding[], fieldLabels: Readonly<Record<string, string>>): FieldGroup[] {
  const byField = new Map<string, Map<Category, Finding[]>>();
  for (const f of findings) {
    let byCategory = byField.get(f.field);
    if (!byCategory) byField.set(f.field, (byCategory = new Map()));
    const list = byCategory.get(f.category);
    if (list) list.push(f);
    else byCategory.set(f.category, [f]);
  }

  const labelled = Object.keys(fieldLabels).filter((field) => byField.has(field));
  const unlabelled = [...byField.keys()].filter((field) => !(field in fieldLabels));

  return [...labelled, ...unlabelled].map((field) => {
    const byCategory = byField.get(field)!;
    const categories = [...byCategory.entries()]
      .sort(([a], [b]) => (CATEGORY_ORDER.get(a) ?? 99) - (CATEGORY_ORDER.get(b) ?? 99))
      .map(([category, list]) => ({ category, findings: list.sort(compareWithinCategory) }));
    const count = categories.reduce((n, g) => n + g.findings.length, 0);
    return { field, label: fieldLabels[field] ?? field, count, categories };
  });
}

/** Counts of findings nobody has fixed or accepted yet: what is still in the reviewer's way. */
export function countUnresolvedBySeverity(
  findings: readonly Finding[],
  resolutions: Readonly<Record<string, Resolution>>,
): Record<Severity, number> {
  const counts = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
  for (const f of findings) if (!resolutions[f.id]) counts[f.severity]++;
  return counts;
}

export function countResolved(findings: readonly Finding[], resolutions: Readonly<Record<string, Resolution>>): number {
  return findings.reduce((n, f) => (resolutions[f.id] ? n + 1 : n), 0);
}

/** Instructions such as '(删除)' or '（加引号）' describe an edit; they are not text to paste. */
const INSTRUCTION = /^\s*[(（][^()（）]*[)）]\s*$/;

export function isInstructionSuggestion(suggestion: string): boolean {
  return INSTRUCTION.test(suggestion);
}

/** A one-click fix is only honest when the suggestion is the replacement text itself and changes something. */
export function isLiteralSuggestion(f: Finding): f is Finding & { suggestion: string } {
  const s = f.suggestion;
  return s !== undefined && s.trim() !== '' && !isInstructionSuggestion(s) && s !== f.text;
}

/** '(删除)' -> '删除': what the reviewer should do by hand. */
export function instructionText(suggestion: string): string {
  return suggestion.trim().slice(1, -1).trim();
}
