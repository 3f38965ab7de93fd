/**
 * The content script's bookkeeping around the review service, kept pure so unit tests cover it:
 * which resolutions the sidebar shows, whether a status answers the content on screen, and when to tell the
 * background that the local person edited the draft.
 */
import type { Resolution as SidebarResolution } from '@/components/sidebar/types';
import { toSidebarResolutions } from '@/components/review/sidebar-resolutions';
import type { Draft } from '@/lib/core/types';
import type { ReviewStatus } from '@/lib/ext/messages/review';
import { draftHash } from '@/lib/review/draft-hash';

/**
 * The resolutions the sidebar and the gate see: the service's (mapped: its `by` is a person, the row shows
 * a name) overlaid with this tab's local marks (an accept waiting for the service's answer).
 */
export function mergeResolutions(
  status: Pick<ReviewStatus, 'resolutions'> | undefined,
  local: Readonly<Record<string, SidebarResolution>>,
): Record<string, SidebarResolution> {
  return { ...toSidebarResolutions(status?.resolutions ?? {}), ...local };
}

/** One-entry memo: hashing a 5 MB draft on every status would be wasted work. */
export class DraftHasher {
  private last: { content: string; hash: Promise<string> } | undefined;

  hash(draft: Draft, content = JSON.stringify(draft.fields)): Promise<string> {
    if (this.last?.content !== content) this.last = { content, hash: draftHash(draft) };
    return this.last.hash;
  }
}

/**
 * Whether `status` was computed for exactly `draft` (same fingerprint as the background's). A status for
 * older content (a slow reply, or review:refresh after the identity changed while the text moved on) must
 * not open or close the gate for the text on screen.
 */
export async function statusMatchesDraft(
  status: ReviewStatus,
  draft: Draft,
  hasher?: DraftHasher,
  content?: string,
): Promise<boolean> {
  const hash = hasher ? await hasher.hash(draft, content) : await draftHash(draft);
  return status.draftHash === hash;
}

/** A stable key for "who is at the keyboard" (the settings identity), or '' when none is set. */
export function identityKey(person: { name: string; unit?: string } | undefined): string {
  return person ? `${person.name.trim()}\u0000${(person.unit ?? '').trim()}` : '';
}

/**
 * review:edited goes once per draft key per identity: when a second person types in the same tab they are
 * recorded as an editor too (the background ignores repeats, so erring towards sending is harmless).
 */
export class EditedTracker {
  private sent = new Set<string>();

  /** True when review:edited should be sent now for this draft and identity (and remembers it). */
  mark(draftKey: string, identity: string): boolean {
    const key = `${draftKey}\u0001${identity}`;
    if (this.sent.has(key)) return false;
    this.sent.add(key);
    return true;
  }

  /** Forget one (the send failed: try again on the next edit). */
  forget(draftKey: string, identity: string): void {
    this.sent.delete(`${draftKey}\u0001${identity}`);
  }
}
