/**
 * The compiled ruleset snapshot every tab screens with, for content scripts and extension pages.
 *
 * storage.local 'xs:ruleset' holds only a small pointer (RulesetSnapshotMeta: version, source, counts and the
 * key of the data); the compiled data lives in the background's IndexedDB and is fetched with the
 * 'ruleset:snapshot' message. Why: Chrome sends every storage.local change (old and new value) to every
 * content script listening to storage.onChanged, and a 100k-term snapshot (~15 MB) sent that way froze
 * console tabs. Only the background writes the pointer, with one storage.local.set, so a tab sees either the
 * old or the new ruleset, never a mix. "All open tabs re-screen" needs no tab messaging: each tab's
 * onRulesetPointerChanged fires on the pointer change and the tab fetches the new data once (ruleset-tab.ts).
 *
 * Not for the background itself (a context cannot message itself): it reads its own IndexedDB.
 */
import { browser } from 'wxt/browser';
import type { Reply } from './messages';

export const RULESET_SNAPSHOT_KEY = 'xs:ruleset';
/** Written by the background next to the snapshot pointer; the popup and options page refresh when they change. */
export const RULESET_LISTS_KEY = 'xs:ruleset-lists';
export const RULESET_STATUS_KEY = 'xs:ruleset-status';

export type RulesetSource = 'bundled' | 'update' | 'import';

/**
 * What a tab receives: the binary snapshot (lib/core/ruleset-snapshot.ts) as base64, plus what the UI shows.
 * Opaque to the tab's wiring: hand it to loadRulesetPayload (lib/ext/ruleset-payload.ts).
 */
export interface RulesetSnapshot {
  /** RULESET_FORMAT of the data; a tab built for another format screens with its bundled lists meanwhile. */
  format: string;
  /** Base64 of the binary snapshot. */
  data: string;
  /** Version of the installed bundle; 0 while only the bundled lists are in force. */
  version: number;
  source: RulesetSource;
  /** ISO time the snapshot was written. */
  appliedAt: string;
  /** Entries per active list id. */
  counts: Record<string, number>;
}

/** What storage.local 'xs:ruleset' holds. */
export interface RulesetSnapshotMeta extends Omit<RulesetSnapshot, 'data' | 'format'> {
  /** IndexedDB key of the binary snapshot (background). */
  dataKey: string;
}

/** The pointer only: cheap, for status displays. */
export async function readRulesetSnapshotMeta(): Promise<RulesetSnapshotMeta | undefined> {
  return ((await browser.storage.local.get(RULESET_SNAPSHOT_KEY))[RULESET_SNAPSHOT_KEY] as RulesetSnapshotMeta | undefined) ?? undefined;
}

/** The snapshot in force, or undefined when there is none yet (or the background cannot be reached). */
export async function readRulesetSnapshot(): Promise<RulesetSnapshot | undefined> {
  if (!(await readRulesetSnapshotMeta())) return undefined;
  try {
    const reply = (await browser.runtime.sendMessage({ type: 'ruleset:snapshot' })) as Reply<RulesetSnapshot | null> | undefined;
    return reply?.ok && reply.value ? reply.value : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Calls back when the background puts a new snapshot in force (the pointer changed); the data is fetched by the
 * caller, once. Returns the unsubscribe function.
 */
export function onRulesetPointerChanged(cb: () => void): () => void {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'local' && RULESET_SNAPSHOT_KEY in changes && changes[RULESET_SNAPSHOT_KEY].newValue) cb();
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
