/**
 * The review IndexedDB (one database, four stores). The IDBFactory is injected: the background passes
 * globalThis.indexedDB, tests pass fake-indexeddb. idb's wrappers recognise IDB objects through the global
 * IDB classes, so tests load 'fake-indexeddb/auto' before opening.
 *
 * Extension updates keep the database (it belongs to the extension origin); schema changes go through
 * `upgrade` with the old version, never by deleting stores that hold records.
 */
import { wrap, type DBSchema, type IDBPDatabase } from 'idb';
import type { ChainHead } from './hash-chain';
import type { DraftReviewState, LogRecord } from './types';

export interface OutboxEntry {
  seq: number;
  hash: string;
  record: LogRecord;
  attempts: number;
  /** Epoch ms before which this entry is not retried (exponential backoff). */
  nextAttemptAt: number;
  lastError?: string;
}

export interface ReviewDbSchema extends DBSchema {
  /** Out-of-line keys = seq, so a record moved to another key is detectable. */
  log: { key: number; value: LogRecord };
  /** 'head' → ChainHead. */
  meta: { key: string; value: ChainHead };
  drafts: { key: string; value: DraftReviewState };
  outbox: { key: number; value: OutboxEntry };
}

export type ReviewDb = IDBPDatabase<ReviewDbSchema>;

export const REVIEW_DB_NAME = 'xianshen-review';
const VERSION = 1;

export async function openReviewDb(factory: IDBFactory, name = REVIEW_DB_NAME): Promise<ReviewDb> {
  const request = factory.open(name, VERSION);
  request.addEventListener('upgradeneeded', (event) => {
    const db = request.result;
    if (event.oldVersion < 1) {
      db.createObjectStore('log');
      db.createObjectStore('meta');
      db.createObjectStore('drafts');
      db.createObjectStore('outbox');
    }
  });
  const db = (await wrap(request)) as unknown as ReviewDb;
  // A newer extension version opening the database must not be blocked by this (older) connection.
  db.addEventListener('versionchange', () => db.close());
  return db;
}
