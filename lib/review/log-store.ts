/**
 * The append-only review log in IndexedDB. One writer: appends are queued in this instance, and `add` on the
 * seq key refuses a second record at the same position, so the chain never forks even if another instance
 * were writing (the append then re-reads the head and retries).
 */
import { openReviewDb, type ReviewDb } from './db';
import { chainRecord, ChainVerifier, EMPTY_HEAD, type ChainHead, type VerifyResult } from './hash-chain';
import { filterRecords, type LogFilter } from './query';
import type { LogEntry, LogRecord } from './types';

const BATCH = 1000;

export interface AppendOptions {
  /** Also queue the record for the collector (same transaction: nothing is lost between the two). */
  forward?: boolean;
}

export class ReviewLogStore {
  private tail: Promise<unknown> = Promise.resolve();
  private head?: ChainHead;

  constructor(readonly db: ReviewDb) {}

  static async open(factory: IDBFactory, name?: string): Promise<ReviewLogStore> {
    return new ReviewLogStore(await openReviewDb(factory, name));
  }

  close(): void {
    this.db.close();
  }

  append(entry: LogEntry, options: AppendOptions = {}): Promise<LogRecord> {
    const run = this.tail.then(() => this.appendNow(entry, options));
    this.tail = run.catch(() => undefined);
    return run;
  }

  private async appendNow(entry: LogEntry, options: AppendOptions): Promise<LogRecord> {
    for (let attempt = 0; ; attempt++) {
      const head = this.head ?? (await this.readHead());
      // Hashing awaits crypto.subtle, which would auto-commit an open transaction: hash first, then write.
      const record = await chainRecord(head, entry);
      const stores = options.forward ? (['log', 'meta', 'outbox'] as const) : (['log', 'meta'] as const);
      const tx = this.db.transaction([...stores], 'readwrite');
      try {
        await Promise.all([
          tx.objectStore('log').add(record, record.seq),
          tx.objectStore('meta').put({ seq: record.seq, hash: record.hash }, 'head'),
          options.forward
            ? tx.objectStore('outbox').add(
                { seq: record.seq, hash: record.hash, record, attempts: 0, nextAttemptAt: 0 },
                record.seq,
              )
            : undefined,
          tx.done,
        ]);
        this.head = { seq: record.seq, hash: record.hash };
        return record;
      } catch (error) {
        this.head = undefined;
        if (attempt >= 2 || (error as DOMException)?.name !== 'ConstraintError') throw error;
      }
    }
  }

  async readHead(): Promise<ChainHead> {
    const stored = await this.db.get('meta', 'head');
    if (stored) return stored;
    // No head yet (empty log): fall back to the last record, should one exist.
    const cursor = await this.db.transaction('log').store.openCursor(null, 'prev');
    return cursor ? { seq: cursor.value.seq, hash: cursor.value.hash } : EMPTY_HEAD;
  }

  async count(): Promise<number> {
    return this.db.count('log');
  }

  async get(seq: number): Promise<LogRecord | undefined> {
    return this.db.get('log', seq);
  }

  /** Streams every stored (key, record) pair in key order, in batches (no transaction spans an await on crypto). */
  async *entries(): AsyncGenerator<[number, LogRecord]> {
    let after: number | undefined;
    for (;;) {
      const range = after === undefined ? undefined : IDBKeyRange.lowerBound(after, true);
      const tx = this.db.transaction('log');
      const [keys, values] = await Promise.all([tx.store.getAllKeys(range, BATCH), tx.store.getAll(range, BATCH)]);
      for (let i = 0; i < keys.length; i++) yield [keys[i], values[i]];
      if (keys.length < BATCH) return;
      after = keys[keys.length - 1];
    }
  }

  async all(): Promise<LogRecord[]> {
    const out: LogRecord[] = [];
    for await (const [, record] of this.entries()) out.push(record);
    return out;
  }

  /** Newest first, paged; `total` counts every match. */
  async query(filter: LogFilter = {}): Promise<{ records: LogRecord[]; total: number }> {
    const matches = filterRecords(await this.all(), filter).reverse();
    const offset = filter.offset ?? 0;
    const limit = filter.limit ?? matches.length;
    return { records: matches.slice(offset, offset + limit), total: matches.length };
  }

  /** Checks every link; reports the first broken seq and why. */
  async verify(): Promise<VerifyResult> {
    const verifier = new ChainVerifier();
    for await (const [key, record] of this.entries()) if (!(await verifier.push(record, key))) break;
    const stored = await this.db.get('meta', 'head');
    return verifier.finish(stored);
  }
}
