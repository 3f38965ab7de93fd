/**
 * An outside anchor for the review log. Pure.
 *
 * The hash chain shows an edit, a deletion or a reordering, but the head it is checked against lives in the
 * same database: someone who rewrites a record and recomputes every later hash leaves a chain that verifies.
 * What they cannot rewrite is a copy that already left the machine: an earlier export (JSON exports carry the
 * chain head, count and hash, and every record's hash; CSV exports carry every record's hash) or the
 * collector's copy of the head. The chain in force must still hold each of those (seq, hash) pairs.
 */
import Papa from 'papaparse';
import type { LogRecord } from './types';
import { quoteInput } from '../core/safe-text';

export interface ChainHeadCopy {
  /** Number of records (= seq of the last one). */
  count: number;
  hash: string;
}

export interface LogAnchor {
  /** Where the pairs come from, for messages: 'export' (a file the user picked) or 'collector'. */
  source: 'export' | 'collector';
  /** File name or collector URL. */
  name: string;
  /** (seq, hash) pairs the chain in force must still hold. */
  pairs: { seq: number; hash: string }[];
}

export type AnchorResult =
  | { ok: true; checked: number; message: string }
  | { ok: false; checked: number; seq: number; message: string };

const HASH = /^[0-9a-f]{64}$/;

function notAnExport(name: string, why: string): Error {
  return new Error(`${quoteInput(name, 120)} 不是先审审核日志的导出文件（${why}）。请选择“导出 JSON”或“导出 CSV”得到的文件。`);
}

function isHead(value: unknown): value is ChainHeadCopy {
  const v = value as ChainHeadCopy | undefined;
  return !!v && Number.isSafeInteger(v.count) && v.count >= 0 && typeof v.hash === 'string' && HASH.test(v.hash);
}

/** Reads a JSON or CSV export of the log page into the pairs it vouches for. Throws a zh-CN error otherwise. */
export function parseLogExport(name: string, text: string): LogAnchor {
  const body = text.replace(/^\uFEFF/, '');
  const pairs: LogAnchor['pairs'] = [];
  if (body.trimStart().startsWith('{')) {
    let json: { format?: unknown; records?: unknown; chainHead?: unknown };
    try {
      json = JSON.parse(body);
    } catch {
      throw notAnExport(name, '不是有效的 JSON');
    }
    if (json.format !== 'xianshen-review-log' || !Array.isArray(json.records)) throw notAnExport(name, '缺少 format 或 records');
    for (const r of json.records as Partial<LogRecord>[]) {
      if (Number.isSafeInteger(r?.seq) && typeof r.hash === 'string' && HASH.test(r.hash)) pairs.push({ seq: r.seq!, hash: r.hash });
    }
    if (isHead(json.chainHead) && json.chainHead.count > 0) pairs.push({ seq: json.chainHead.count, hash: json.chainHead.hash });
  } else {
    const rows = Papa.parse<Record<string, string>>(body, { header: true, skipEmptyLines: true }).data;
    if (!rows.length || !('序号' in rows[0]) || !('记录哈希' in rows[0])) throw notAnExport(name, '缺少“序号”或“记录哈希”列');
    for (const row of rows) {
      const seq = Number(row.序号);
      if (Number.isSafeInteger(seq) && HASH.test(row.记录哈希 ?? '')) pairs.push({ seq, hash: row.记录哈希 });
    }
  }
  if (!pairs.length) throw notAnExport(name, '没有带哈希的记录');
  return { source: 'export', name, pairs };
}

/** The collector's copy of the head (GET <collectorUrl>/head). */
export function collectorAnchor(url: string, head: unknown): LogAnchor {
  if (!isHead(head)) throw new Error(`汇集服务器返回的链头格式不正确（应为 {"count": 条数, "hash": "64 位十六进制"}）：${quoteInput(JSON.stringify(head) ?? '', 120)}`);
  return { source: 'collector', name: url, pairs: head.count > 0 ? [{ seq: head.count, hash: head.hash }] : [] };
}

/** Checks the chain in force (any order) against the anchor; names the first seq that no longer matches. */
export function compareWithAnchor(records: readonly LogRecord[], anchor: LogAnchor): AnchorResult {
  const current = new Map(records.map((r) => [r.seq, r.hash]));
  const expected = new Map<number, string>();
  for (const p of anchor.pairs) expected.set(p.seq, p.hash);
  const seqs = [...expected.keys()].sort((a, b) => a - b);
  const where = anchor.source === 'collector' ? '汇集服务器保存的记录' : '早先导出的记录';
  for (const seq of seqs) {
    const hash = current.get(seq);
    if (hash === undefined)
      return { ok: false, checked: seqs.length, seq, message: `第 ${seq} 条：${where}中有这一条，现在的日志里已没有（记录被删除或日志被截短）。` };
    if (hash !== expected.get(seq))
      return { ok: false, checked: seqs.length, seq, message: `第 ${seq} 条：与${where}不符（哈希不同），日志在此之后被改写过。` };
  }
  const label = anchor.source === 'collector' ? `汇集服务器的链头（第 ${seqs.at(-1) ?? 0} 条）` : `早先导出的 ${seqs.length} 条记录`;
  return { ok: true, checked: seqs.length, message: `对照通过：${label}与现在的日志一致。` };
}
