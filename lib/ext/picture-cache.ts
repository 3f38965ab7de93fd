/**
 * Readings of pictures, cached by content hash in the extension origin's IndexedDB: a picture is read once,
 * whatever the number of tabs and re-screens (issue 13, 1). The reading format is part of the key, so a new
 * model or layout never serves an old reading. The oldest entries are dropped past MAX_ENTRIES.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import { READING_FORMAT, type PictureReading } from '../images/types';

interface Entry {
  key: string;
  reading: PictureReading;
  /** Last use, ms since epoch: the eviction order. */
  usedAt: number;
}

interface PictureDbSchema extends DBSchema {
  readings: { key: string; value: Entry; indexes: { usedAt: number } };
}

const DB_NAME = 'xianshen-pictures';
/** About 2 kB a reading: a few MB at most. */
export const MAX_ENTRIES = 2000;
let dbPromise: Promise<IDBPDatabase<PictureDbSchema>> | undefined;

function db(): Promise<IDBPDatabase<PictureDbSchema>> {
  dbPromise ??= openDB<PictureDbSchema>(DB_NAME, 1, {
    upgrade(database) {
      database.createObjectStore('readings', { keyPath: 'key' }).createIndex('usedAt', 'usedAt');
    },
  }).catch((error) => {
    dbPromise = undefined;
    throw error;
  });
  return dbPromise;
}

const keyOf = (hash: string) => `${READING_FORMAT}:${hash}`;

export async function getCachedReading(hash: string): Promise<PictureReading | undefined> {
  const d = await db();
  const entry = await d.get('readings', keyOf(hash));
  if (!entry) return undefined;
  // Touch without waiting: the reader of the cache should not pay for the bookkeeping.
  void d.put('readings', { ...entry, usedAt: Date.now() }).catch(() => undefined);
  return entry.reading;
}

export async function putCachedReading(reading: PictureReading): Promise<void> {
  const d = await db();
  await d.put('readings', { key: keyOf(reading.hash), reading, usedAt: Date.now() });
  const count = await d.count('readings');
  if (count <= MAX_ENTRIES) return;
  const tx = d.transaction('readings', 'readwrite');
  let cursor = await tx.store.index('usedAt').openCursor();
  for (let n = count - MAX_ENTRIES; cursor && n > 0; n--) {
    await cursor.delete();
    cursor = await cursor.continue();
  }
  await tx.done;
}

/** For tests: forget the open connection (fake-indexeddb is reset between tests). */
export function resetPictureCacheConnection(): void {
  dbPromise = undefined;
}
