/**
 * The review record: one SHA-256 hash chain per unit (lib/review/hash-chain.ts), appended inside the same
 * transaction as the change it records. The unit's head row is locked (SELECT … FOR UPDATE), so server
 * processes sharing one PostgreSQL append one after another and never fork the chain.
 */
import type { Kysely, Transaction } from 'kysely';
import { canonicalJson } from '../../lib/review/canonical';
import { ChainVerifier, chainRecord, EMPTY_HEAD, type VerifyResult } from '../../lib/review/hash-chain';
import type { LogEntry, LogRecord } from '../../lib/review/types';
import type { Database } from '../db/schema';

export async function appendRecord(trx: Transaction<Database>, unitId: number, entry: LogEntry, draftId: number | null): Promise<LogRecord> {
  await trx
    .insertInto('log_heads')
    .values({ unit_id: unitId, seq: EMPTY_HEAD.seq, hash: EMPTY_HEAD.hash })
    .onConflict((oc) => oc.column('unit_id').doNothing())
    .execute();
  const head = await trx.selectFrom('log_heads').select(['seq', 'hash']).where('unit_id', '=', unitId).forUpdate().executeTakeFirstOrThrow();
  const record = await chainRecord(head, entry);
  await trx
    .insertInto('log_records')
    .values({ unit_id: unitId, seq: record.seq, record: canonicalJson(record), hash: record.hash, draft_id: draftId, at: new Date(record.at) })
    .execute();
  await trx.updateTable('log_heads').set({ seq: record.seq, hash: record.hash }).where('unit_id', '=', unitId).execute();
  return record;
}

export async function chainHead(db: Kysely<Database>, unitId: number): Promise<{ seq: number; hash: string }> {
  const head = await db.selectFrom('log_heads').select(['seq', 'hash']).where('unit_id', '=', unitId).executeTakeFirst();
  return head ?? EMPTY_HEAD;
}

/** Records of a unit in seq order, a page at a time (10,000s of records never sit in memory twice). */
export async function* unitRecords(db: Kysely<Database>, unitId: number, filter: { draftId?: number } = {}): AsyncGenerator<LogRecord> {
  let after = 0;
  for (;;) {
    let query = db.selectFrom('log_records').select(['seq', 'record']).where('unit_id', '=', unitId).where('seq', '>', after);
    if (filter.draftId !== undefined) query = query.where('draft_id', '=', filter.draftId);
    const page = await query.orderBy('seq').limit(1000).execute();
    for (const row of page) yield JSON.parse(row.record) as LogRecord;
    if (page.length < 1000) return;
    after = page[page.length - 1].seq;
  }
}

/** Verifies a unit's whole chain against its stored head (a deleted last record is caught by the head). */
export async function verifyUnitChain(db: Kysely<Database>, unitId: number): Promise<VerifyResult> {
  const verifier = new ChainVerifier();
  for await (const record of unitRecords(db, unitId)) if (!(await verifier.push(record, record.seq))) break;
  return verifier.finish(await chainHead(db, unitId));
}
