import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { openReviewDb } from '../../lib/review/db';
import { backoffDelay, Forwarder, type ForwarderDeps } from '../../lib/review/forwarder';
import { ReviewLogStore } from '../../lib/review/log-store';
import type { LogEntry, LogRecord } from '../../lib/review/types';

const URL = 'https://collector.example.gov.cn/review-log';

function entry(i: number): LogEntry {
  return {
    kind: 'decision',
    at: new Date(Date.UTC(2026, 10, 24, 1, i)).toISOString(),
    platform: 'weibo',
    draftKey: 'weibo:composer',
    draftHash: 'c'.repeat(64),
    title: `微博 ${i}`,
    findings: [],
    reviewer: { name: '张复审', role: 'second' },
    level: 'second',
    decision: 'approve',
  };
}

/**
 * An in-memory collector that dedupes by Idempotency-Key, as the server contract requires. `mode` simulates
 * the network: offline (nothing arrives), lost-reply (stored, but the reply never comes back), online.
 */
function collector() {
  const stored = new Map<string, LogRecord>();
  const posts: string[] = [];
  const state = { mode: 'offline' as 'offline' | 'lost-reply' | 'online' | 'http-500' };
  const fetch: ForwarderDeps['fetch'] = async (url, init) => {
    if (state.mode === 'offline') throw new TypeError('Failed to fetch');
    expect(url).toBe(URL);
    const key = init.headers['Idempotency-Key'];
    const body = JSON.parse(init.body) as { idempotencyKey: string; record: LogRecord };
    expect(body.idempotencyKey).toBe(key);
    expect(body.record.hash).toBe(key);
    posts.push(key);
    if (state.mode === 'http-500') return { ok: false, status: 500 };
    if (!stored.has(key)) stored.set(key, body.record);
    if (state.mode === 'lost-reply') throw new TypeError('network changed');
    return { ok: true, status: 201 };
  };
  return { stored, posts, state, fetch };
}

async function setup(collectorUrl: string | null = URL) {
  const factory = new IDBFactory();
  const db = await openReviewDb(factory);
  const log = new ReviewLogStore(db);
  const server = collector();
  let clock = Date.UTC(2026, 10, 24, 8);
  const forwarder = new Forwarder({ db, fetch: server.fetch, collectorUrl: async () => collectorUrl ?? undefined, now: () => clock });
  return { factory, db, log, server, forwarder, advance: (ms: number) => (clock += ms) };
}

describe('collector forwarding', () => {
  it('loses nothing while offline and sends every record exactly once when back online', async () => {
    const { log, server, forwarder, advance } = await setup();
    for (let i = 1; i <= 5; i++) await log.append(entry(i), { forward: true });

    const offline = await forwarder.drain();
    expect(offline.sent).toBe(0);
    expect(offline.pending).toBe(5);
    expect(offline.stoppedBy).toContain('网络不可用');

    // Backoff: an immediate retry does not hammer the network.
    server.state.mode = 'online';
    expect((await forwarder.drain()).sent).toBe(0);

    advance(backoffDelay(1));
    const online = await forwarder.drain();
    expect(online).toEqual({ sent: 5, pending: 0 });
    expect([...server.stored.values()].map((r) => r.seq)).toEqual([1, 2, 3, 4, 5]);

    await forwarder.drain();
    expect(server.posts).toHaveLength(5);
  });

  it('retries a record whose reply was lost with the same key, so the collector keeps one copy', async () => {
    const { log, server, forwarder, advance } = await setup();
    await log.append(entry(1), { forward: true });
    await log.append(entry(2), { forward: true });
    server.state.mode = 'lost-reply';
    expect((await forwarder.drain()).pending).toBe(2);
    server.state.mode = 'online';
    advance(backoffDelay(1));
    expect(await forwarder.drain()).toEqual({ sent: 2, pending: 0 });
    expect(server.posts.length).toBe(3);
    expect(new Set(server.posts).size).toBe(2);
    expect(server.stored.size).toBe(2);
  });

  it('keeps the queue across a restart', async () => {
    const { factory, log, server } = await setup();
    await log.append(entry(1), { forward: true });
    log.close();
    const db = await openReviewDb(factory);
    server.state.mode = 'online';
    const restarted = new Forwarder({ db, fetch: server.fetch, collectorUrl: async () => URL });
    expect(await restarted.pending()).toBe(1);
    expect(await restarted.drain()).toEqual({ sent: 1, pending: 0 });
  });

  it('backs off exponentially on server errors, up to an hour', async () => {
    expect([1, 2, 3, 4].map(backoffDelay)).toEqual([30_000, 60_000, 120_000, 240_000]);
    expect(backoffDelay(30)).toBe(3_600_000);
    const { log, server, forwarder, advance, db } = await setup();
    await log.append(entry(1), { forward: true });
    server.state.mode = 'http-500';
    expect((await forwarder.drain()).stoppedBy).toContain('HTTP 500');
    advance(backoffDelay(1));
    await forwarder.drain();
    expect((await db.get('outbox', 1))!.attempts).toBe(2);
  });

  it('sends nothing when no collector is configured', async () => {
    const { log, server, forwarder } = await setup(null);
    await log.append(entry(1), { forward: true });
    server.state.mode = 'online';
    expect(await forwarder.drain()).toMatchObject({ sent: 0, pending: 1 });
    expect(server.posts).toHaveLength(0);
  });

  it('does not queue records appended without forwarding', async () => {
    const { log, forwarder } = await setup();
    await log.append(entry(1));
    expect(await forwarder.pending()).toBe(0);
  });

  it('never sends a record twice when drains overlap', async () => {
    const { log, server, forwarder } = await setup();
    for (let i = 1; i <= 3; i++) await log.append(entry(i), { forward: true });
    server.state.mode = 'online';
    await Promise.all([forwarder.drain(), forwarder.drain(), forwarder.drain()]);
    expect(server.posts).toHaveLength(3);
  });
});
