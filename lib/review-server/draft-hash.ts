/**
 * The fingerprint of a submitted draft: the local review's canonical draft (lib/review/draft-hash.ts) plus the
 * picture content hashes in document order. Without pictures it is exactly the local draftHash, so the
 * extension's gate and the server agree on drafts that have none. Pure.
 */
import { canonicalJson, sha256Hex } from '../review/canonical';
import { canonicalDraft } from '../review/draft-hash';
import type { WireDraft } from './schemas';

export function canonicalSubmission(draft: WireDraft): { platform: string; fields: Record<string, string>; pictures?: string[] } {
  const base = canonicalDraft({ platform: draft.platform, fields: draft.fields });
  const pictures = (draft.pictures ?? []).map((p) => p.hash);
  return pictures.length ? { ...base, pictures } : base;
}

export function submissionHash(draft: WireDraft): Promise<string> {
  return sha256Hex(canonicalJson(canonicalSubmission(draft)));
}
