/**
 * Signed checkpoints of each unit's chain head. An admin exports them and keeps them elsewhere: if the history
 * in the database is later rewritten, the records no longer lead to a head that a checkpoint signed.
 */
import type { Kysely } from 'kysely';
import { canonicalJson } from '../../lib/review/canonical';
import type { Database } from '../db/schema';
import type { ServerKeys } from '../keys';
import { chainHead } from './record';

export interface CheckpointPayload {
  format: 'xianshen-checkpoint';
  unit: string;
  seq: number;
  hash: string;
  at: string;
}

export async function createCheckpoint(db: Kysely<Database>, keys: ServerKeys, unit: { id: number; code: string }, kind: 'daily' | 'manual', now = new Date()) {
  const head = await chainHead(db, unit.id);
  const payload: CheckpointPayload = { format: 'xianshen-checkpoint', unit: unit.code, seq: head.seq, hash: head.hash, at: now.toISOString() };
  const text = canonicalJson(payload);
  const signature = await keys.sign(new TextEncoder().encode(text));
  const day = kind === 'daily' ? now.toISOString().slice(0, 10) : null;
  const row = await db
    .insertInto('checkpoints')
    .values({ unit_id: unit.id, kind, day, seq: head.seq, hash: head.hash, payload: text, signature })
    .onConflict((oc) => oc.columns(['unit_id', 'day']).where('kind', '=', 'daily').doNothing())
    .returning('id')
    .executeTakeFirst();
  return row ? { id: row.id, kind, payload, signature } : undefined;
}

/** Today's checkpoint for every unit that has records (run by every process; the unique index keeps one). */
export async function dailyCheckpoints(db: Kysely<Database>, keys: ServerKeys, now = new Date()): Promise<number> {
  const units = await db.selectFrom('units').innerJoin('log_heads', 'log_heads.unit_id', 'units.id').select(['units.id', 'units.code']).where('log_heads.seq', '>', 0).execute();
  let made = 0;
  for (const unit of units) if (await createCheckpoint(db, keys, unit, 'daily', now)) made++;
  return made;
}

export async function listCheckpoints(db: Kysely<Database>, unitId: number) {
  const rows = await db.selectFrom('checkpoints').select(['id', 'kind', 'payload', 'signature', 'created_at']).where('unit_id', '=', unitId).orderBy('id').execute();
  return rows.map((r) => ({ id: r.id, kind: r.kind, payload: JSON.parse(r.payload) as CheckpointPayload, signature: r.signature }));
}

/** Drafts past retention lose their text and findings; the record keeps hashes, titles and decisions. */
export async function purgeExpiredDrafts(db: Kysely<Database>, retentionDays: number, now = new Date()): Promise<number> {
  const cutoff = new Date(now.getTime() - retentionDays * 86_400_000);
  const rows = await db
    .updateTable('drafts')
    .set({ content: null, findings: null, purged_at: now })
    .where('purged_at', 'is', null)
    .where('status', '!=', 'pending')
    .where('created_at', '<', cutoff)
    .returning('id')
    .execute();
  return rows.length;
}
