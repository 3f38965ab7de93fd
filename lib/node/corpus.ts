/** Node-only: the labeled corpus format (../shared/corpus/README.md) and its scoring (DESIGN.md "Evaluation"). */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { CATEGORIES, type Category, type Draft, type Finding } from '../core/types';

export const corpusCaseSchema = z.object({
  id: z.string(),
  platform: z.enum(['wechat', 'weibo', 'douyin']),
  title: z.string().optional(),
  author: z.string().optional(),
  digest: z.string().optional(),
  sourceUrl: z.string().optional(),
  body: z.string(),
  expect: z.array(z.object({ category: z.enum(CATEGORIES), field: z.string(), text: z.string() })),
  forbid: z.array(z.enum(CATEGORIES)).default([]),
  note: z.string().optional(),
});
export type CorpusCase = z.infer<typeof corpusCaseSchema>;

export function readCorpus(path: string): CorpusCase[] {
  const text = readFileSync(path, 'utf8');
  return text
    .split(/\r?\n/)
    .map((line, i) => ({ line, no: i + 1 }))
    .filter(({ line }) => line.trim())
    .map(({ line, no }) => {
      let json: unknown;
      try {
        json = JSON.parse(line);
      } catch (e) {
        throw new Error(`${path}:${no}: 不是有效的 JSON (invalid JSON): ${(e as Error).message}`);
      }
      const parsed = corpusCaseSchema.safeParse(json);
      if (!parsed.success) throw new Error(`${path}:${no}: 用例格式无效 (invalid case): ${parsed.error.issues[0]?.message}`);
      return parsed.data;
    });
}

export function caseDraft(c: CorpusCase): Draft {
  const fields: Draft['fields'] = { body: c.body };
  for (const k of ['title', 'author', 'digest', 'sourceUrl'] as const) if (c[k] !== undefined) fields[k] = c[k];
  return { platform: c.platform, fields };
}

/** Every occurrence of `text` in `field`: a label matches a finding any of whose places overlaps any of them. */
function occurrences(field: string, text: string): number[] {
  const out: number[] = [];
  for (let at = field.indexOf(text); at >= 0 && text; at = field.indexOf(text, at + 1)) out.push(at);
  return out;
}

export interface CategoryScore {
  expected: number;
  found: number;
  /** Findings of review/block severity in a category the case forbids. */
  falsePositives: number;
  /** Info findings in a forbidden category (reminders, not counted as false positives). */
  infoInForbidden: number;
}

export interface CaseResult {
  id: string;
  missed: { category: Category; field: string; text: string }[];
  falsePositives: Finding[];
}

export function scoreCase(c: CorpusCase, findings: Finding[], scores: Record<Category, CategoryScore>): CaseResult {
  const draft = caseDraft(c);
  const missed: CaseResult['missed'] = [];
  for (const e of c.expect) {
    const fieldText = draft.fields[e.field] ?? '';
    const hit = occurrences(fieldText, e.text).some((at) =>
      findings.some(
        (f) =>
          f.category === e.category &&
          f.field === e.field &&
          (f.occurrences ?? [f]).some((o) => o.start < at + e.text.length && at < o.end),
      ),
    );
    scores[e.category].expected++;
    if (hit) scores[e.category].found++;
    else missed.push({ category: e.category, field: e.field, text: e.text });
  }
  const falsePositives: Finding[] = [];
  for (const f of findings) {
    if (!c.forbid.includes(f.category)) continue;
    if (f.severity === 'info') scores[f.category].infoInForbidden++;
    else {
      scores[f.category].falsePositives++;
      falsePositives.push(f);
    }
  }
  return { id: c.id, missed, falsePositives };
}

export function emptyScores(): Record<Category, CategoryScore> {
  return Object.fromEntries(CATEGORIES.map((c) => [c, { expected: 0, found: 0, falsePositives: 0, infoInForbidden: 0 }])) as Record<
    Category,
    CategoryScore
  >;
}
