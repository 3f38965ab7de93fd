/**
 * Wordlist data model (DESIGN.md "Wordlists"). Lists are data an admin edits in a spreadsheet;
 * this module is the one zod schema every loader (files, bundles, policy) validates against.
 */
import { z } from 'zod';
import { CATEGORIES, SEVERITIES } from './types';
import { normalizeTerm } from './normalize';

/** zh-CN reason a term is refused when nothing of it is left to match (shared by every gate). */
export const EMPTY_AFTER_NORMALISING = '词条归一化后为空（只有标点、符号、表情或不可见字符），永远不会匹配 (term normalises to nothing)';

export const wordEntrySchema = z.object({
  term: z
    .string()
    .trim()
    .min(1, '词条为空 (empty term)')
    .max(200, '词条过长 (term longer than 200)')
    // A zero-width character, an emoji, a lone ！ or - : matching drops them all, so such a term never matches
    // and would only inflate the term count.
    .refine((term) => normalizeTerm(term) !== '', EMPTY_AFTER_NORMALISING),
  replacement: z.string().optional(),
  /** Overrides the list severity for this entry. */
  severity: z.enum(SEVERITIES).optional(),
  /** Sub-category inside a list, e.g. 'drugs', 'gambling' for the sensitive list. */
  tag: z.string().optional(),
  note: z.string().optional(),
  /**
   * Context qualifier: '|'-separated words of which one must occur in the same field for the entry to apply
   * at full severity (e.g. 中央银行 only near 台湾). Without such context the finding is downgraded to info.
   */
  context: z.string().optional(),
});
export type WordEntry = z.infer<typeof wordEntrySchema>;

export const wordListMetaSchema = z.object({
  id: z.string().regex(/^[a-z][a-z0-9-]{1,40}$/, 'id 只能用小写字母、数字和连字符 (lowercase kebab-case id)'),
  name: z.string().min(1),
  category: z.enum(CATEGORIES),
  severity: z.enum(SEVERITIES),
  clause: z.string().min(1, '必须注明所依据的条款 (clause is required)'),
  version: z.string().optional(),
  description: z.string().optional(),
  /** Lists off by default (optional admin imports) ship with enabled: false. */
  enabled: z.boolean().optional(),
});
export type WordListMeta = z.infer<typeof wordListMetaSchema>;

export const wordListSchema = wordListMetaSchema.extend({
  entries: z.array(wordEntrySchema),
});
export type WordList = z.infer<typeof wordListSchema>;
