/**
 * Contracts shared by every layer (DESIGN.md "Contracts"). Pure types: no DOM, no browser API.
 */

export const CATEGORIES = ['sensitive', 'wording', 'pii', 'ad', 'repost', 'map', 'secret', 'clickbait'] as const;
export type Category = (typeof CATEGORIES)[number];

export const SEVERITIES = ['block', 'review', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const PLATFORMS = ['wechat', 'weibo', 'douyin', 'generic'] as const;
export type Platform = (typeof PLATFORMS)[number];

/** Field names are the same everywhere: adapters produce them, the CLI reads them, the corpus uses them. */
export type FieldName = 'title' | 'author' | 'digest' | 'sourceUrl' | 'body' | (string & {});

export interface Draft {
  platform: Platform;
  fields: Partial<Record<FieldName, string>> & { body?: string };
  /** Pictures in the draft, in field and document order (collected by lib/editor-kit/pictures.ts). */
  pictures?: Picture[];
}

/**
 * One picture of a draft. `src` and, where the page let us read the bytes, `hash` (SHA-256 hex of the bytes)
 * are what the draft hash binds to, so a swapped picture voids approvals. A finding on a picture uses
 * `field: 'picture:<id>'` and offsets into the text read from that picture (a later picture reader).
 */
export interface Picture {
  /** Stable within one reading: `<field>#<index>`. */
  id: string;
  src: string;
  /** SHA-256 hex of the picture bytes; absent when the page does not allow reading them. */
  hash?: string;
  alt?: string;
  /** The draft field the picture sits in. */
  field: FieldName;
  /** Position among that field's pictures. */
  index: number;
}

export interface Finding {
  /** Stable across re-screens of unchanged text: hash of check, field, matched text and nearby context. */
  id: string;
  check: string;
  category: Category;
  severity: Severity;
  field: FieldName;
  /** UTF-16 offsets into the ORIGINAL field text: field.slice(start, end) === text, always. */
  start: number;
  end: number;
  text: string;
  /** zh-CN: what is wrong and what to do. */
  message: string;
  /** Replacement text for a one-click fix. */
  suggestion?: string;
  /** Regulation clause, e.g. '003_54205cdec66d062b.txt 第九条'. */
  clause: string;
  /** Wordlist id and version for list-driven findings, e.g. 'sensitive@2026.11.24'. */
  source?: string;
}

/** Rank for sorting and comparisons: lower is more severe. */
export const SEVERITY_RANK: Record<Severity, number> = { block: 0, review: 1, info: 2 };
