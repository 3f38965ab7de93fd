/**
 * A hash chain whose head lives in the same database cannot see a careful rewrite (every hash recomputed).
 * Fuzzing showed it; the outside anchor is the chain head every export carries: the log page checks the chain
 * in force against an earlier export the user picks, and against the collector's copy of the head.
 */
import { cleanup, fireEvent, render, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { LogPage } from '../../components/review/LogPage';
import type { ReviewSend } from '../../components/review/client';
import { chainRecord, EMPTY_HEAD, verifyChain } from '../../lib/review/hash-chain';
import { toCsv, toJson } from '../../lib/review/exports';
import { compareWithAnchor, parseLogExport } from '../../lib/review/anchor';
import type { LogEntry, LogRecord } from '../../lib/review/types';

function entry(i: number, title = `第 ${i} 篇`): LogEntry {
  return {
    kind: 'decision',
    at: new Date(Date.UTC(2026, 10, 24, 1, 0, i)).toISOString(),
    platform: 'wechat',
    account: '六安民政',
    draftKey: `wechat:draft-${i}`,
    draftHash: i.toString(16).padStart(64, '0'),
    title,
    findings: [],
    reviewer: { name: '李初审', unit: '办公室', role: 'first' },
    level: 'first',
    decision: 'approve',
  };
}

async function chain(n: number, retitle: Record<number, string> = {}): Promise<LogRecord[]> {
  const out: LogRecord[] = [];
  let head = EMPTY_HEAD;
  for (let i = 1; i <= n; i++) {
    const r = await chainRecord(head, entry(i, retitle[i]));
    out.push(r);
    head = { seq: r.seq, hash: r.hash };
  }
  return out;
}

afterEach(cleanup);

describe('the chain head as an outside anchor', () => {
  it('every JSON export carries the chain head: record count and hash', async () => {
    const records = await chain(6);
    const exported = JSON.parse(toJson(records, await verifyChain(records)));
    expect(exported.chainHead).toEqual({ count: 6, hash: records[5].hash });
  });

  it('finds a careful rewrite that the chain alone cannot see', async () => {
    const original = await chain(8);
    const earlier = parseLogExport('审核日志.json', toJson(original, await verifyChain(original)));
    // Record 4 retitled and every later hash recomputed: the chain itself verifies.
    const rewritten = await chain(8, { 4: '改过的标题' });
    expect(await verifyChain(rewritten)).toMatchObject({ ok: true });
    const result = compareWithAnchor(rewritten, earlier);
    expect(result).toMatchObject({ ok: false, seq: 4 });
    expect(result.message).toMatch(/第 4 条.*与早先导出的记录不符/);
  });

  it('accepts a chain that only grew since the export, from a JSON or a CSV export', async () => {
    const before = await chain(5);
    const now = await chain(9);
    for (const anchor of [parseLogExport('a.json', toJson(before, await verifyChain(before))), parseLogExport('a.csv', toCsv(before))]) {
      expect(compareWithAnchor(now, anchor)).toMatchObject({ ok: true, checked: 5 });
    }
  });

  it('reports records that are gone since the export', async () => {
    const before = await chain(7);
    const now = (await chain(7)).slice(0, 5);
    expect(compareWithAnchor(now, parseLogExport('a.json', toJson(before, await verifyChain(before))))).toMatchObject({ ok: false, seq: 6 });
  });

  it('refuses a file that is not a log export, with the reason', () => {
    expect(() => parseLogExport('x.json', '{"hello": 1}')).toThrow(/不是先审审核日志的导出文件/);
  });
});

describe('LogPage checks against an earlier export and the collector', () => {
  function fakeSend(records: LogRecord[], collectorUrl?: string): ReviewSend {
    return (async (message: { type: string }) => {
      switch (message.type) {
        case 'review:log-query':
          return { ok: true, value: { records: [...records].reverse(), total: records.length } };
        case 'review:verify':
          return { ok: true, value: await verifyChain(records) };
        case 'review:forward':
          return { ok: true, value: { pending: 0, collectorUrl } };
        default:
          return { ok: false, error: 'unexpected' };
      }
    }) as ReviewSend;
  }

  it('names the first record that differs from the export the user picks', async () => {
    const original = await chain(5);
    const earlierText = toJson(original, await verifyChain(original));
    const rewritten = await chain(5, { 2: '改过的标题' });
    render(<LogPage send={fakeSend(rewritten)} />);
    await waitFor(() => expect(document.querySelectorAll('[data-xs="log-row"]')).toHaveLength(5));
    const input = document.querySelector('[data-xs="anchor-file"]') as HTMLInputElement;
    fireEvent.change(input, { target: { files: [new File([earlierText], '审核日志-早先.json', { type: 'application/json' })] } });
    await waitFor(() => expect(document.querySelector('[data-xs="anchor-result"]')?.getAttribute('data-ok')).toBe('false'));
    expect(document.querySelector('[data-xs="anchor-result"]')!.textContent).toMatch(/第 2 条/);
  });

  it("compares with the collector's copy of the head when the collector offers one", async () => {
    const records = await chain(4);
    const other = await chain(4, { 3: '改过的标题' });
    const asked: string[] = [];
    const fetchHead = (async (url: string) => {
      asked.push(url);
      return new Response(JSON.stringify({ count: 4, hash: other[3].hash }), { status: 200, headers: { 'content-type': 'application/json' } });
    }) as typeof fetch;
    render(<LogPage send={fakeSend(records, 'https://collector.example.gov.cn/xianshen/log')} fetchImpl={fetchHead} />);
    await waitFor(() => expect(document.querySelector('[data-xs="anchor-collector"]')).not.toBeNull());
    fireEvent.click(document.querySelector('[data-xs="anchor-collector"]')!);
    await waitFor(() => expect(document.querySelector('[data-xs="anchor-result"]')?.getAttribute('data-ok')).toBe('false'));
    expect(asked).toEqual(['https://collector.example.gov.cn/xianshen/log/head']);
    expect(document.querySelector('[data-xs="anchor-result"]')!.textContent).toMatch(/汇集服务器/);
  });
});
