/**
 * The content script's pure bookkeeping around the review service: which resolutions the sidebar and the gate
 * see, who is at the keyboard, and when to tell the background that this person edited the draft.
 */
import type { Resolution } from '@/lib/review/types';

/** The store's resolutions overlaid with this tab's local marks (an accept waiting for the store's answer). */
export function mergeResolutions(
  stored: Readonly<Record<string, Resolution>> | undefined,
  local: Readonly<Record<string, Resolution>>,
): Record<string, Resolution> {
  return { ...stored, ...local };
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
