/**
 * The bundle admins publish (DESIGN.md "Wordlists"): every list plus {format, version, issuedAt, issuer}.
 * Pure: zod only. The same schema guards `npm run wordlist -- build`, `verify`, background updates and imports.
 */
import { z } from 'zod';
import { wordListSchema } from '../core/wordlist';
import { quoteInput } from '../core/safe-text';
import { jsonLineFinder } from './json-lines';

export const BUNDLE_FORMAT = 'xianshen-bundle/1';

export const bundleSchema = z
  .object({
    format: z.literal(BUNDLE_FORMAT, { error: `format 必须是 "${BUNDLE_FORMAT}"` }),
    /** Monotonic: an extension only applies a bundle newer than the one it has. */
    version: z
      .number({ error: 'version 必须是整数' })
      .int('version 必须是整数')
      .positive('version 必须是正整数')
      .max(Number.MAX_SAFE_INTEGER),
    issuedAt: z.iso.datetime({ offset: true, error: 'issuedAt 必须是 ISO 8601 时间' }),
    issuer: z.string({ error: 'issuer 不能为空' }).trim().min(1, 'issuer 不能为空'),
    lists: z.array(wordListSchema).min(1, 'lists 不能为空'),
  })
  .superRefine((bundle, ctx) => {
    const seen = new Set<string>();
    bundle.lists.forEach((list, index) => {
      if (seen.has(list.id)) ctx.addIssue({ code: 'custom', path: ['lists', index, 'id'], message: `词库 id 重复：${list.id}` });
      seen.add(list.id);
    });
  });

export type Bundle = z.infer<typeof bundleSchema>;

export interface SchemaIssue {
  /** JSON path as written in messages, e.g. lists[0].entries[5].term. */
  path: string;
  /** 1-based line of the offending value in the file, when the file text is known. */
  line?: number;
  message: string;
}

function pathText(path: readonly PropertyKey[]): string {
  const text = path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('');
  return text ? text.replace(/^\./, '') : '(根)';
}

function valueAt(json: unknown, path: readonly PropertyKey[]): unknown {
  let value = json;
  for (const key of path) value = value !== null && typeof value === 'object' ? (value as Record<PropertyKey, unknown>)[key] : undefined;
  return value;
}

/**
 * The first few schema problems, each with its JSON path, the offending text (escaped, shortened) and, given
 * the file text, its line: enough for an admin to find and fix it.
 */
export function schemaIssues(error: z.ZodError, json?: unknown, text?: string, limit = 5): SchemaIssue[] {
  const lineOf = text !== undefined ? jsonLineFinder(text) : undefined;
  return error.issues.slice(0, limit).map((issue) => {
    const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
    const value = json === undefined ? undefined : valueAt(json, path);
    const shown = typeof value === 'string' ? `「${quoteInput(value)}」` : '';
    return { path: pathText(path), line: lineOf?.(path), message: `${shown}${issue.message}` };
  });
}

/** zh-CN summary of schema problems: the first few, each with its JSON path (and line), so an admin can find them. */
export function describeSchemaIssues(error: z.ZodError, json?: unknown, text?: string, limit = 5): string {
  const lines = schemaIssues(error, json, text, limit).map(
    (i) => `${i.path}${i.line !== undefined ? `（第 ${i.line} 行）` : ''}: ${i.message}`,
  );
  const more = error.issues.length > limit ? `；另有 ${error.issues.length - limit} 处问题` : '';
  return lines.join('；') + more;
}
