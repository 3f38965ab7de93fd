/**
 * The fingerprint a review decision binds to. The content script and the background call this same
 * function, so an approval given for one text never applies to another.
 */
import type { Draft } from '../core/types';
import { canonicalJson, sha256Hex } from './canonical';

/**
 * Canonical draft fields: every string field, line endings unified to \n and trailing whitespace of the
 * field removed (editors add and drop a final newline on their own; that is not a content change).
 * Empty fields are left out so "missing" and "empty" hash the same.
 */
export function canonicalDraft(draft: Draft): { platform: string; fields: Record<string, string> } {
  const fields: Record<string, string> = {};
  for (const [name, value] of Object.entries(draft.fields)) {
    if (typeof value !== 'string') continue;
    const text = value.replace(/\r\n?/g, '\n').replace(/\s+$/u, '');
    if (text) fields[name] = text;
  }
  return { platform: draft.platform, fields };
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
