/**
 * Background-only store for the large ruleset assets: the compiled snapshot data and the installed bundle.
 *
 * Why not storage.local: Chrome delivers every storage.local change, old AND new value, to every context
 * listening to storage.onChanged, content scripts in every open console tab included. A 100k-term snapshot
 * (~15 MB) written there froze console tabs for seconds. In the extension origin's IndexedDB the data
 * reaches a tab only when that tab asks for it, once. (A ruleset frame embedded in a web page sees a
 * partitioned IndexedDB, not this one: it asks the background by message; see ruleset-channel.ts.)
 *
 * Assets are written under fresh keys and only then referenced from storage.local (one set), so the swap is
 * atomic: a reader follows either the old pointer or the new one, both of which exist.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';

interface RulesetDbSchema extends DBSchema {
  assets: { key: string; value: unknown };
}

const DB_NAME = 'xianshen-ruleset';
let dbPromise: Promise<IDBPDatabase<RulesetDbSchema>> | undefined;

function db(): Promise<IDBPDatabase<RulesetDbSchema>> {
  dbPromise ??= openDB<RulesetDbSchema>(DB_NAME, 1, {
    upgrade(database) {
      database.createObjectStore('assets');
    },
  }).catch((error) => {
    dbPromise = undefined; // let the next call retry
    throw error;
  });
  return dbPromise;
}

/** Writes all items in one transaction. */
export async function putAssets(items: Record<string, unknown>): Promise<void> {
  const tx = (await db()).transaction('assets', 'readwrite');
  await Promise.all([...Object.entries(items).map(([key, value]) => tx.store.put(value, key)), tx.done]);
}

export async function getAsset<T>(key: string): Promise<T | undefined> {
  return (await (await db()).get('assets', key)) as T | undefined;
}

/** Deletes every asset whose key is not in `keep` (assets of replaced rulesets). */
export async function pruneAssets(keep: readonly string[]): Promise<void> {
  const tx = (await db()).transaction('assets', 'readwrite');
  const keys = await tx.store.getAllKeys();
  await Promise.all([...keys.filter((k) => !keep.includes(k)).map((k) => tx.store.delete(k)), tx.done]);
}

/** For tests: forget the open connection (fake-indexeddb is reset between tests). */
export function resetRulesetDbConnection(): void {
  dbPromise = undefined;
}
