/**
 * The review log's SHA-256 hash chain. Pure.
 *
 * hash = SHA-256(canonical JSON of the record without `hash`), and each record carries the previous
 * record's hash as prevHash (GENESIS_HASH for seq 1). Editing a record breaks its own hash; deleting one
 * leaves a gap in seq; reordering puts a record at the wrong position. Verification names the first
 * position where any of that happens.
 */
import { canonicalJson, sha256Hex } from './canonical';
import { GENESIS_HASH, type LogEntry, type LogRecord } from './types';

export interface ChainHead {
  seq: number;
  hash: string;
}

export const EMPTY_HEAD: ChainHead = { seq: 0, hash: GENESIS_HASH };

export function recordHash(record: Omit<LogRecord, 'hash'> | LogRecord): Promise<string> {
  const { hash: _ignored, ...body } = record as LogRecord;
  return sha256Hex(canonicalJson(body));
}

export async function chainRecord(head: ChainHead, entry: LogEntry): Promise<LogRecord> {
  const body = { ...entry, seq: head.seq + 1, prevHash: head.hash };
  return { ...body, hash: await recordHash(body) };
}

export type BreakReason = 'edited' | 'missing' | 'reordered' | 'unlinked' | 'truncated';
export const BREAK_LABELS: Record<BreakReason, string> = {
  edited: '记录内容被修改（哈希不符）',
  missing: '记录缺失（被删除）',
  reordered: '记录顺序被调换',
  unlinked: '与前一条记录的链接断开',
  truncated: '末尾记录被删除（与链头不符）',
};

export interface ChainBreak {
  /** The seq where the chain first breaks: the edited record, the first missing one, or the first out of place. */
  seq: number;
  reason: BreakReason;
  /** zh-CN explanation for the log page. */
  message: string;
}

export type VerifyResult = { ok: true; count: number; head: ChainHead } | { ok: false; count: number; break: ChainBreak };

function broken(seq: number, reason: BreakReason, count: number, detail = ''): VerifyResult {
  return { ok: false, count, break: { seq, reason, message: `第 ${seq} 条：${BREAK_LABELS[reason]}${detail}` } };
}

/** Incremental verifier, so a store can stream 10,000+ records from a cursor without holding them all. */
export class ChainVerifier {
  private expectedSeq = 1;
  private prevHash = GENESIS_HASH;
  private failure?: VerifyResult;

  /**
   * Without storage keys, a record out of place is told apart from a deletion by whether the expected seq
   * still exists somewhere (`isPresent`); with keys (IndexedDB), a deleted key leaves the next record at its
   * own key.
   */
  constructor(private readonly isPresent?: (seq: number) => boolean) {}

  /** Feed records in stored order (`key` = the position the store keeps them at, when it has one). */
  async push(record: LogRecord, key?: number): Promise<boolean> {
    if (this.failure) return false;
    const position = key ?? this.expectedSeq;
    const count = this.expectedSeq - 1;
    if (record.seq !== this.expectedSeq || position !== this.expectedSeq) {
      // A record that belongs later (seq ahead, never seen) means records in between are gone; a record whose
      // seq is behind, or that sits at the wrong key, has been moved.
      const gap =
        key !== undefined
          ? record.seq > this.expectedSeq && position === record.seq
          : record.seq > this.expectedSeq && !this.isPresent?.(this.expectedSeq);
      this.failure = gap
        ? broken(this.expectedSeq, 'missing', count)
        : broken(this.expectedSeq, 'reordered', count, `（此处是第 ${record.seq} 条）`);
      return false;
    }
    if ((await recordHash(record)) !== record.hash) {
      this.failure = broken(record.seq, 'edited', count);
      return false;
    }
    if (record.prevHash !== this.prevHash) {
      this.failure = broken(record.seq, 'unlinked', count);
      return false;
    }
    this.prevHash = record.hash;
    this.expectedSeq++;
    return true;
  }

  /** `head` is the separately stored latest seq/hash; without it, deleting the last record cannot be seen. */
  finish(head?: ChainHead): VerifyResult {
    if (this.failure) return this.failure;
    const count = this.expectedSeq - 1;
    if (head && (head.seq !== count || head.hash !== this.prevHash)) {
      if (head.seq > count) return broken(count + 1, 'truncated', count);
      return broken(Math.min(head.seq, count) || 1, 'edited', count, '（链头记录不符）');
    }
    return { ok: true, count, head: { seq: count, hash: this.prevHash } };
  }
}

export async function verifyChain(records: Iterable<LogRecord>, head?: ChainHead): Promise<VerifyResult> {
  const list = [...records];
  const seqs = new Set(list.map((r) => r.seq));
  const verifier = new ChainVerifier((seq) => seqs.has(seq));
  for (const record of list) if (!(await verifier.push(record))) break;
  return verifier.finish(head);
}
