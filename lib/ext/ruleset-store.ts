/**
 * The compiled ruleset snapshot every tab screens with (storage.local 'xs:ruleset').
 *
 * Only the background writes it (lib/ext/ruleset-service.ts), always with one storage.local.set of the whole
 * snapshot, so a reader sees either the old or the new ruleset, never a mix. Content scripts read it directly
 * and re-screen on change: "all open tabs re-screen" needs no tab messaging.
 */
import { browser } from 'wxt/browser';
import type { SerializedRuleset } from '../core/ruleset';

export const RULESET_SNAPSHOT_KEY = 'xs:ruleset';
/** Written by the background next to the snapshot; the popup and options page refresh when they change. */
export const RULESET_LISTS_KEY = 'xs:ruleset-lists';
export const RULESET_STATUS_KEY = 'xs:ruleset-status';
export const INSTALLED_BUNDLE_KEY = 'xs:bundle';

export type RulesetSource = 'bundled' | 'update' | 'import';

export interface RulesetSnapshot {
  serialized: SerializedRuleset;
  /** Version of the installed bundle; 0 while only the bundled lists are in force. */
  version: number;
  source: RulesetSource;
  /** ISO time the snapshot was written. */
  appliedAt: string;
  /** Entries per active list id. */
  counts: Record<string, number>;
}

export async function readRulesetSnapshot(): Promise<RulesetSnapshot | undefined> {
  const stored = await browser.storage.local.get(RULESET_SNAPSHOT_KEY);
  return (stored[RULESET_SNAPSHOT_KEY] as RulesetSnapshot | undefined) ?? undefined;
}

/** Calls back with each new snapshot the background writes. Returns the unsubscribe function. */
export function onRulesetSnapshotChanged(cb: (snapshot: RulesetSnapshot) => void): () => void {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area !== 'local' || !(RULESET_SNAPSHOT_KEY in changes)) return;
    const next = changes[RULESET_SNAPSHOT_KEY].newValue as RulesetSnapshot | undefined;
    if (next) cb(next);
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
