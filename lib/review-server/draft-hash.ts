/**
 * The fingerprint of a submitted draft is exactly the extension's own (lib/review/draft-hash.ts: fields and
 * pictures), so the server verifies the hash the tab's gate will later compare the approval with. Pure.
 */
import { draftHash } from '../review/draft-hash';
import type { WireDraft } from './schemas';

export function submissionHash(draft: WireDraft): Promise<string> {
  return draftHash(draft);
}
