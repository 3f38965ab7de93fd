import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { openReviewDb } from '../../lib/review/db';
import { chainRecord, EMPTY_HEAD, verifyChain } from '../../lib/review/hash-chain';
import { ReviewLogStore } from '../../lib/review/log-store';
import type { LogEntry, LogRecord } from '../../lib/review/types';

function entry(i: number): LogEntry {
  return {
    kind: i % 3 === 0 ? 'decision' : 'screening',
    at: new Date(Date.UTC(2026, 10, 24, 1, 0, i % 60)).toISOString(),
    platform: 'wechat',
    account: '六安民政',
    draftKey: `wechat:draft-${i % 7}`,
    draftHash: i.toString(16).padStart(64, '0'),
    title: `第 ${i} 篇`,
    findings: [{ id: `f${i}`, category: 'pii', severity: 'block', text: '13800138000', resolution: 'accepted', reason: '依法公示' }],
    reviewer: { name: '李初审', unit: '办公室', role: 'first' },
    level: 'first',
    decision: 'approve',
  };
}

async function chainOf(n: number): Promise<LogRecord[]> {
  const out: LogRecord[] = [];
  let head = EMPTY_HEAD;
  for (let i = 1; i <= n; i++) {
    const r = await chainRecord(head, entry(i));
    out.push(r);
    head = { seq: r.seq, hash: r.hash };
  }
  return out;
}

describe('hash chain (pure)', () => {
  it('verifies an intact chain and locates an edited, deleted or reordered record', async () => {
    const records = await chainOf(50);
    expect(await verifyChain(records)).toMatchObject({ ok: true, count: 50 });

    const edited = records.map((r) => (r.seq === 17 ? { ...r, title: '被改过的标题' } : r));
    expect(await verifyChain(edited)).toMatchObject({ ok: false, break: { seq: 17, reason: 'edited' } });

    const deleted = records.filter((r) => r.seq !== 23);
    expect(await verifyChain(deleted)).toMatchObject({ ok: false, break: { seq: 23, reason: 'missing' } });

    const reordered = [...records];
    [reordered[30], reordered[40]] = [reordered[40], reordered[30]];
    expect(await verifyChain(reordered)).toMatchObject({ ok: false, break: { seq: 31, reason: 'reordered' } });

    // Re-hashing an edited record is not enough: the next record still points at the old hash.
    const forged = { ...records[9], title: '伪造' };
    const { hash: _h, ...body } = forged;
    const rehashed = (await chainRecord({ seq: 9, hash: records[8].hash }, body)) as LogRecord;
    const withForgery = records.map((r) => (r.seq === 10 ? rehashed : r));
    expect(await verifyChain(withForgery)).toMatchObject({ ok: false, break: { seq: 11, reason: 'unlinked' } });
  });
});

describe('IndexedDB review log', () => {
  it('appends 10,000 records and verifies them', async () => {
    const store = await ReviewLogStore.open(new IDBFactory());
    for (let i = 1; i <= 10_000; i++) await store.append(entry(i));
    expect(await store.count()).toBe(10_000);
    const result = await store.verify();
    expect(result).toMatchObject({ ok: true, count: 10_000 });
    store.close();
  }, 240_000);

  it('keeps the chain single when appends are fired concurrently', async () => {
    const store = await ReviewLogStore.open(new IDBFactory());
    const records = await Promise.all(Array.from({ length: 40 }, (_, i) => store.append(entry(i + 1))));
    expect(records.map((r) => r.seq)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    expect(await store.verify()).toMatchObject({ ok: true, count: 40 });
  });

  it('survives a restart: a new store over the same database continues the same chain', async () => {
    const factory = new IDBFactory();
    const before = await ReviewLogStore.open(factory);
    for (let i = 1; i <= 5; i++) await before.append(entry(i));
    before.close();

    const after = await ReviewLogStore.open(factory);
    expect((await after.all()).map((r) => r.title)).toEqual(['第 1 篇', '第 2 篇', '第 3 篇', '第 4 篇', '第 5 篇']);
    const sixth = await after.append(entry(6));
    expect(sixth.seq).toBe(6);
    expect(sixth.prevHash).toBe((await after.get(5))!.hash);
    expect(await after.verify()).toMatchObject({ ok: true, count: 6 });
  });

  async function tamperable(n: number) {
    const factory = new IDBFactory();
    const store = await ReviewLogStore.open(factory);
    for (let i = 1; i <= n; i++) await store.append(entry(i));
    // A second connection, as someone editing the database with devtools would have.
    const raw = await openReviewDb(factory);
    return { store, raw };
  }

  it('detects and locates an edited record', async () => {
    const { store, raw } = await tamperable(30);
    const record = (await raw.get('log', 12))!;
    await raw.put('log', { ...record, findings: [] }, 12);
    expect(await store.verify()).toMatchObject({ ok: false, break: { seq: 12, reason: 'edited' } });
  });

  it('detects and locates a deleted record, including the last one', async () => {
    const { store, raw } = await tamperable(30);
    await raw.delete('log', 7);
    expect(await store.verify()).toMatchObject({ ok: false, break: { seq: 7, reason: 'missing' } });

    const other = await tamperable(30);
    await other.raw.delete('log', 30);
    expect(await other.store.verify()).toMatchObject({ ok: false, break: { seq: 30, reason: 'truncated' } });
  });

  it('detects and locates reordered records', async () => {
    const { store, raw } = await tamperable(30);
    const a = (await raw.get('log', 20))!;
    const b = (await raw.get('log', 21))!;
    await raw.put('log', b, 20);
    await raw.put('log', a, 21);
    const result = await store.verify();
    expect(result).toMatchObject({ ok: false, break: { seq: 20, reason: 'reordered' } });
    expect(result.ok === false && result.break.message).toContain('第 20 条');
  });

  it('filters records for the log page, newest first', async () => {
    const store = await ReviewLogStore.open(new IDBFactory());
    for (let i = 1; i <= 9; i++) await store.append(entry(i));
    const { records, total } = await store.query({ kind: 'decision' });
    expect(total).toBe(3);
    expect(records.map((r) => r.seq)).toEqual([9, 6, 3]);
    expect((await store.query({ draftKey: 'wechat:draft-1', limit: 1 })).records.map((r) => r.seq)).toEqual([8]);
  });
});
