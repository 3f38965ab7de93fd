/**
 * The fingerprint a review decision binds to, computed by the tab for the draft on screen (the background
 * only stores and echoes it). An approval given for one text, or one set of pictures, never applies to another.
 */
import type { Draft } from '../core/types';
import { canonicalJson, sha256Hex } from './canonical';

/**
 * Canonical draft: every string field, line endings unified to \n and trailing whitespace of the field
 * removed (editors add and drop a final newline on their own; that is not a content change). Empty fields
 * are left out so "missing" and "empty" hash the same. Pictures count by field, position, source and, when
 * the page let us read the bytes, their SHA-256: a swapped picture is a different draft.
 */
export function canonicalDraft(draft: Draft): {
  platform: string;
  fields: Record<string, string>;
  pictures?: { field: string; index: number; src: string; hash?: string }[];
} {
  const fields: Record<string, string> = {};
  for (const [name, value] of Object.entries(draft.fields)) {
    if (typeof value !== 'string') continue;
    const text = value.replace(/\r\n?/g, '\n').replace(/\s+$/u, '');
    if (text) fields[name] = text;
  }
  const pictures = (draft.pictures ?? []).map((p) => ({ field: p.field, index: p.index, src: p.src, ...(p.hash ? { hash: p.hash } : {}) }));
  // A draft without pictures hashes as it always did, so approvals given before pictures counted stay valid.
  return pictures.length ? { platform: draft.platform, fields, pictures } : { platform: draft.platform, fields };
}

export function draftHash(draft: Draft): Promise<string> {
  return sha256Hex(canonicalJson(canonicalDraft(draft)));
}

/** First characters of the content, for the approval form's 信息内容 and the log (no full copy is kept). */
export function draftSummary(draft: Draft, max = 200): string {
  const source = draft.fields.digest?.trim() || draft.fields.body || '';
  const flat = source.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max)}…` : flat;
}
