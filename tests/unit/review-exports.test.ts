import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { approvalFormData, approvalFormHtml } from '../../lib/review/approval-form';
import { BOM, CSV_COLUMNS, csvRow, toCsv, toJson } from '../../lib/review/exports';
import { chainRecord, EMPTY_HEAD, verifyChain } from '../../lib/review/hash-chain';
import type { LogEntry, LogRecord } from '../../lib/review/types';

const base = {
  platform: 'wechat' as const,
  account: '六安民政',
  draftKey: 'wechat:appmsg-1',
  draftHash: 'd'.repeat(64),
  title: '关于2026年度低保对象的公示',
  summary: '根据《社会救助暂行办法》，现将低保对象名单公示如下，公示期 7 天。',
};

const entries: LogEntry[] = [
  {
    ...base,
    kind: 'resolution',
    at: '2026-11-24T01:00:00.000Z',
    findings: [{ id: 'f1', category: 'pii', severity: 'block', text: '110101199003077777', resolution: 'accepted', reason: '依法公示, "惩戒公示"' }],
    reviewer: { name: '李初审', unit: '办公室', role: 'first' },
    decision: 'approve',
    note: '接受：依法公示',
  },
  {
    ...base,
    kind: 'decision',
    at: '2026-11-24T01:10:00.000Z',
    findings: [{ id: 'f1', category: 'pii', severity: 'block', text: '110101199003077777', resolution: 'accepted', reason: '依法公示' }],
    reviewer: { name: '李初审', unit: '办公室', role: 'first' },
    level: 'first',
    decision: 'approve',
    note: '内容属实\n第二行',
  },
  {
    ...base,
    kind: 'decision',
    at: '2026-11-24T02:00:00.000Z',
    findings: [],
    reviewer: { name: '张复审', unit: '办公室', role: 'second' },
    level: 'second',
    decision: 'approve',
  },
  {
    ...base,
    kind: 'decision',
    at: '2026-11-25T03:00:00.000Z',
    findings: [],
    reviewer: { name: '赵终审', unit: '局领导', role: 'final' },
    level: 'final',
    decision: 'approve',
    note: '=HYPERLINK("http://x")',
  },
];

async function chain(): Promise<LogRecord[]> {
  const out: LogRecord[] = [];
  let head = EMPTY_HEAD;
  for (const e of entries) {
    const r = await chainRecord(head, e);
    out.push(r);
    head = { seq: r.seq, hash: r.hash };
  }
  return out;
}

describe('CSV export', () => {
  it('starts with a UTF-8 BOM and parses back to the same rows', async () => {
    const records = await chain();
    const csv = toCsv(records);
    expect(csv.startsWith(BOM)).toBe(true);
    expect(csv.charCodeAt(1)).toBe('序'.charCodeAt(0));
    const parsed = Papa.parse<Record<string, string>>(csv.slice(1), { header: true, skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.meta.fields).toEqual([...CSV_COLUMNS]);
    const expected = records.map(csvRow);
    // Formula-like cells are neutralised so a spreadsheet does not run them.
    expected[3].意见 = `'${expected[3].意见}`;
    expect(parsed.data).toEqual(expected);
    expect(parsed.data[1].意见).toBe('内容属实\n第二行');
    expect(parsed.data[0].问题明细).toBe('[阻断] 110101199003077777 → 已接受（依法公示, "惩戒公示"）');
    expect(parsed.data[2].审核级别).toBe('复审');
  });
});

describe('JSON export', () => {
  it('holds the full records, which still verify', async () => {
    const records = await chain();
    const parsed = JSON.parse(toJson(records, await verifyChain(records), '2026-11-26T00:00:00.000Z'));
    expect(parsed).toMatchObject({ format: 'xianshen-review-log', version: 1, verify: { ok: true, count: 4 } });
    expect(await verifyChain(parsed.records)).toMatchObject({ ok: true, count: 4 });
  });
});

describe('信息发布审批表', () => {
  it('fills each level of the form from the decisions on the same content', async () => {
    const records = await chain();
    const data = approvalFormData(records[3], records);
    expect(data.rows.map((r) => [r.label, r.reviewer, r.opinion])).toEqual([
      ['科室信息员意见', '李初审（办公室）', '内容属实\n第二行'],
      ['科室审核人意见', '张复审（办公室）', '同意发布。'],
      ['分管领导审核意见', '赵终审（局领导）', '=HYPERLINK("http://x")'],
    ]);
    expect(data.summary).toBe(base.summary);
    expect(data.findings).toHaveLength(1);
  });

  it('is a standalone printable page following attachment 2, with everything escaped', async () => {
    const records = await chain();
    const tricky = { ...records[3], title: '<script>alert(1)</script>' };
    const html = approvalFormHtml(tricky, records);
    const doc = new DOMParser().parseFromString(html, 'text/html');
    expect(doc.querySelector('h1')?.textContent).toBe('六安市民政局信息发布审批表');
    const headers = [...doc.querySelectorAll('th')].map((th) => th.childNodes[0]?.textContent?.trim());
    for (const label of ['信息标题', '是否涉密', '信息发布类别', '要求发布时间', '信息内容', '科室信息员意见', '科室审核人意见', '分管领导审核意见'])
      expect(headers).toContain(label);
    expect(doc.querySelector('script')).toBeNull();
    expect(doc.body.textContent).toContain('<script>alert(1)</script>');
    expect(doc.body.textContent).toContain('☑微信');
    expect(doc.body.textContent).toContain('□微博');
    expect(doc.body.textContent).toContain('赵终审（局领导）');
    expect(doc.body.textContent).toContain('2026 年 11 月 2');
    expect(doc.querySelector('link, img, [src]')).toBeNull();
  });
});
