/**
 * The bundle admins publish (DESIGN.md "Wordlists"): every list plus {format, version, issuedAt, issuer}.
 * Pure: zod only. The same schema guards `npm run wordlist -- build`, `verify`, background updates and imports.
 */
import { z } from 'zod';
import { wordListSchema } from '../core/wordlist';

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

/** zh-CN summary of schema problems: the first few, each with its JSON path, so an admin can find them. */
export function describeSchemaIssues(error: z.ZodError, limit = 5): string {
  const lines = error.issues.slice(0, limit).map((issue) => {
    const path = issue.path.length ? issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('') : '(根)';
    return `${path.replace(/^\./, '')}: ${issue.message}`;
  });
  const more = error.issues.length > limit ? `；另有 ${error.issues.length - limit} 处问题` : '';
  return lines.join('；') + more;
}
