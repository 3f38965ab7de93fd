/**
 * The compiled ruleset snapshot every tab screens with, for content scripts and extension pages.
 *
 * storage.local 'xs:ruleset' (item rulesetPointer, lib/ext/storage.ts) holds only a small pointer (RulesetSnapshotMeta: version, source, counts and the
 * key of the data); the compiled data lives in the background's IndexedDB and is fetched with the
 * 'ruleset:snapshot' message. Why: Chrome sends every storage.local change (old and new value) to every
 * content script listening to storage.onChanged, and a 100k-term snapshot (~15 MB) sent that way froze
 * console tabs. Only the background writes the pointer, with one storage.local.set, so a tab sees either the
 * old or the new ruleset, never a mix. "All open tabs re-screen" needs no tab messaging: each tab's
 * onRulesetSnapshotChanged fires on the pointer change and fetches the new data once.
 *
 * Not for the background itself (a context cannot message itself): it reads its own IndexedDB.
 */
import { browser } from 'wxt/browser';
import { send } from './send';
import { STORAGE_KEYS } from './storage-keys';
import type { RulesetSnapshot, RulesetSnapshotMeta } from './messages/ruleset';

export type { RulesetSnapshot, RulesetSnapshotMeta, RulesetSource } from './messages/ruleset';

export const RULESET_SNAPSHOT_KEY = STORAGE_KEYS.rulesetPointer;
/** Written by the background next to the snapshot pointer; the popup and options page refresh when they change. */
export const RULESET_LISTS_KEY = STORAGE_KEYS.rulesetLists;
export const RULESET_STATUS_KEY = STORAGE_KEYS.rulesetStatus;

/** The pointer only: cheap, for status displays (read raw: tabs never define storage items, see lib/ext/storage.ts). */
export async function readRulesetSnapshotMeta(): Promise<RulesetSnapshotMeta | undefined> {
  return ((await browser.storage.local.get(RULESET_SNAPSHOT_KEY))[RULESET_SNAPSHOT_KEY] as RulesetSnapshotMeta | undefined) ?? undefined;
}

/** The snapshot in force, or undefined when there is none yet (or the background cannot be reached). */
export async function readRulesetSnapshot(): Promise<RulesetSnapshot | undefined> {
  if (!(await readRulesetSnapshotMeta())) return undefined;
  const reply = await send({ type: 'ruleset:snapshot' });
  return reply.ok && reply.value ? reply.value : undefined;
}

/** Calls back with each new snapshot the background puts in force. Returns the unsubscribe function. */
export function onRulesetSnapshotChanged(cb: (snapshot: RulesetSnapshot) => void): () => void {
  let latest = 0;
  let stopped = false;
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area !== 'local' || !(RULESET_SNAPSHOT_KEY in changes) || !changes[RULESET_SNAPSHOT_KEY].newValue) return;
    const mine = ++latest;
    void readRulesetSnapshot().then((snapshot) => {
      // A later change may have overtaken this fetch: only the newest is delivered.
      if (snapshot && mine === latest && !stopped) cb(snapshot);
    });
  };
  browser.storage.onChanged.addListener(listener);
  return () => {
    stopped = true;
    browser.storage.onChanged.removeListener(listener);
  };
}
