/**
 * Exports of a unit's record, through the local log's own exporters (lib/review/exports.ts,
 * lib/review/approval-form.ts): CSV with BOM, JSON with hashes and the verification, the 信息发布审批表.
 */
import type { Kysely } from 'kysely';
import { approvalFormHtml } from '../../lib/review/approval-form';
import { toCsv, toJson } from '../../lib/review/exports';
import type { LogRecord } from '../../lib/review/types';
import type { Database } from '../db/schema';
import { ApiFailure } from '../errors';
import { unitRecords, verifyUnitChain } from './record';

async function collect(db: Kysely<Database>, unitId: number, filter: { draftId?: number } = {}): Promise<LogRecord[]> {
  const list: LogRecord[] = [];
  for await (const record of unitRecords(db, unitId, filter)) list.push(record);
  return list;
}

export async function unitCsv(db: Kysely<Database>, unitId: number): Promise<string> {
  return toCsv(await collect(db, unitId));
}

export async function unitJson(db: Kysely<Database>, unitId: number, publicKey: string): Promise<string> {
  const records = await collect(db, unitId);
  const verify = await verifyUnitChain(db, unitId);
  const json = JSON.parse(toJson(records, verify));
  return JSON.stringify({ ...json, publicKey }, null, 2);
}

/** The form for one draft, headed with the unit's own form title; 信息内容 from the draft until retention purges it. */
export async function draftForm(db: Kysely<Database>, unit: { id: number; form_title: string }, draftId: number): Promise<string> {
  const draft = await db.selectFrom('drafts').select(['id', 'unit_id', 'content']).where('id', '=', draftId).executeTakeFirst();
  if (!draft || draft.unit_id !== unit.id) throw new ApiFailure(404, 'not-found', '稿件不存在或你无权查看');
  const summary = draft.content ? ((JSON.parse(draft.content) as { summary?: string }).summary ?? '') : '（稿件正文已按保存期限清除）';
  const records = (await collect(db, unit.id, { draftId })).map((r) => (r.kind === 'screening' ? { ...r, summary } : r));
  const focus = [...records].reverse().find((r) => r.kind === 'decision' || r.kind === 'override') ?? records[records.length - 1];
  if (!focus) throw new ApiFailure(404, 'not-found', '该稿件没有审核记录');
  return approvalFormHtml(focus, records, { formTitle: unit.form_title });
}
