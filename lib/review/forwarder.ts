/**
 * Forwards review-log records to the admin's HTTPS collector, only when settings.collectorUrl is set.
 *
 * The queue is the IndexedDB 'outbox' store, filled in the same transaction as the log append, so a record
 * cannot be logged and forgotten. Strict FIFO: the oldest entry must go through before the next is sent,
 * so the collector receives the chain in order. Each POST carries the record hash as Idempotency-Key (and in
 * the body): if a response is lost after the collector stored the record, the retry is recognisably the
 * same record. An entry leaves the queue only after a 2xx (or 409 "already have it").
 */
import type { ReviewDb, OutboxEntry } from './db';

export interface ForwarderDeps {
  db: ReviewDb;
  fetch: (url: string, init: { method: string; headers: Record<string, string>; body: string }) => Promise<{
    ok: boolean;
    status: number;
  }>;
  /** Current collector URL from settings; undefined = forwarding off. */
  collectorUrl: () => Promise<string | undefined>;
  now?: () => number;
}

export interface DrainResult {
  sent: number;
  pending: number;
  /** zh-CN reason the drain stopped early (offline, server error, waiting for backoff). */
  stoppedBy?: string;
}

const BASE_DELAY_MS = 30_000;
const MAX_DELAY_MS = 60 * 60_000;
const BATCH = 50;

export function backoffDelay(attempts: number): number {
  return Math.min(BASE_DELAY_MS * 2 ** Math.max(0, attempts - 1), MAX_DELAY_MS);
}

export class Forwarder {
  private running?: Promise<DrainResult>;
  private readonly now: () => number;

  constructor(private readonly deps: ForwarderDeps) {
    this.now = deps.now ?? Date.now;
  }

  pending(): Promise<number> {
    return this.deps.db.count('outbox');
  }

  /** One drain at a time: a second call while one runs gets the same result (no record is sent twice). */
  drain(): Promise<DrainResult> {
    this.running ??= this.drainNow().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  private async drainNow(): Promise<DrainResult> {
    const url = await this.deps.collectorUrl();
    if (!url) return { sent: 0, pending: await this.pending(), stoppedBy: '未配置汇集地址' };
    if (!url.startsWith('https://')) return { sent: 0, pending: await this.pending(), stoppedBy: '汇集地址不是 HTTPS' };
    let sent = 0;
    for (;;) {
      const batch = await this.deps.db.getAll('outbox', undefined, BATCH);
      if (batch.length === 0) return { sent, pending: 0 };
      for (const entry of batch) {
        if (entry.nextAttemptAt > this.now())
          return { sent, pending: await this.pending(), stoppedBy: '等待重试（指数退避）' };
        const failure = await this.send(url, entry);
        if (failure) {
          await this.deps.db.put(
            'outbox',
            {
              ...entry,
              attempts: entry.attempts + 1,
              nextAttemptAt: this.now() + backoffDelay(entry.attempts + 1),
              lastError: failure,
            },
            entry.seq,
          );
          return { sent, pending: await this.pending(), stoppedBy: failure };
        }
        await this.deps.db.delete('outbox', entry.seq);
        sent++;
      }
    }
  }

  /** Returns a zh-CN failure reason, or undefined when the collector has the record. */
  private async send(url: string, entry: OutboxEntry): Promise<string | undefined> {
    try {
      const response = await this.deps.fetch(url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Idempotency-Key': entry.hash },
        body: JSON.stringify({ idempotencyKey: entry.hash, record: entry.record }),
      });
      if (response.ok || response.status === 409) return undefined;
      return `汇集服务器返回 HTTP ${response.status}`;
    } catch (error) {
      return `网络不可用：${error instanceof Error ? error.message : String(error)}`;
    }
  }
}
