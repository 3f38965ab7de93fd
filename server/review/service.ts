/**
 * The review flow on the server: submit → accept findings → approve or return per level → signed approval.
 * Every change locks its draft row, checks the rules, records itself in the unit's hash chain and NOTIFYs,
 * all in one transaction: either all of it is committed or none of it.
 */
import type { Kysely, Transaction } from 'kysely';
import type { Finding } from '../../lib/core/types';
import { canonicalJson } from '../../lib/review/canonical';
import { draftSummary } from '../../lib/review/draft-hash';
import { maskForLog } from '../../lib/review/mask';
import { checkApprove, checkOverride, checkResolve, checkReturn, nextLevel, requiredLevels, signingFor } from '../../lib/review/rules';
import { LEVEL_LABELS, LEVELS, type Level, type LogEntry, type LogKind, type LoggedFinding, type Decision } from '../../lib/review/types';
import type { Role } from '../../lib/settings/schema';
import { approvalBytes } from '../../lib/review-server/approval';
import { submissionHash } from '../../lib/review-server/draft-hash';
import type { DraftStatus, ReviewEvent, SignedApproval, submissionSchema } from '../../lib/review-server/schemas';
import type { z } from 'zod';
import type { Person } from '../auth/session';
import type { Database } from '../db/schema';
import { ApiFailure, conflict, forbidden, notFound } from '../errors';
import { notify } from '../events';
import type { ServerKeys } from '../keys';
import { reviewContext, type DraftState, type UnitPolicy } from './context';
import { appendRecord } from './record';

export interface ReviewDeps {
  db: Kysely<Database>;
  keys: ServerKeys;
}

type Submission = z.output<typeof submissionSchema>;
type DraftRow = Awaited<ReturnType<typeof lockDraft>>;

const REVIEWER_LEVELS: readonly Level[] = LEVELS;

export async function loadUnitById(db: Kysely<Database> | Transaction<Database>, id: number): Promise<UnitPolicy> {
  return db.selectFrom('units').selectAll().where('id', '=', id).executeTakeFirstOrThrow() as Promise<UnitPolicy>;
}

function membershipOrNotFound(person: Person, unitId: number) {
  const membership = person.units.get(unitId);
  if (!membership) throw notFound();
  return membership;
}

async function lockDraft(trx: Transaction<Database>, id: number) {
  const row = await trx.selectFrom('drafts').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
  if (!row) throw notFound();
  return row;
}

async function draftState(db: Kysely<Database> | Transaction<Database>, row: DraftRow): Promise<DraftState> {
  const [acceptances, decisions, editors] = await Promise.all([
    db.selectFrom('acceptances').select(['finding_id', 'person_id', 'reason', 'at']).where('draft_id', '=', row.id).orderBy('at').execute(),
    db.selectFrom('decisions').select(['level', 'person_id', 'decision', 'opinion', 'at']).where('draft_id', '=', row.id).orderBy('at').execute(),
    // Everyone who ever submitted a version of this draft is one of its editors (no 自编自审).
    db.selectFrom('drafts').select('editor_id').distinct().where('unit_id', '=', row.unit_id).where('draft_key', '=', row.draft_key).execute(),
  ]);
  return {
    id: row.id,
    unitId: row.unit_id,
    draftHash: row.draft_hash,
    findings: row.findings ? (JSON.parse(row.findings) as Finding[]) : [],
    editorIds: [...new Set([row.editor_id, ...editors.map((e) => e.editor_id)])],
    acceptances,
    decisions,
  };
}

function loggedFindings(state: DraftState): LoggedFinding[] {
  return state.findings.map((f) => {
    const accepted = state.acceptances.find((a) => a.finding_id === f.id);
    return {
      id: f.id,
      category: f.category,
      severity: f.severity,
      text: maskForLog(f.category, f.text),
      check: f.check,
      field: f.field,
      resolution: accepted ? 'accepted' : 'open',
      ...(accepted ? { reason: accepted.reason } : {}),
    };
  });
}

function highestReviewerRole(person: Person, unitId: number): Role {
  const roles = person.units.get(unitId)?.roles;
  return ([...REVIEWER_LEVELS].reverse().find((level) => roles?.has(level)) ?? 'editor') as Role;
}

function logEntry(
  kind: LogKind,
  row: DraftRow,
  unit: UnitPolicy,
  person: Person,
  role: Role,
  decision: Decision,
  findings: LoggedFinding[],
  extra: { level?: Level; note?: string } = {},
): LogEntry {
  return {
    kind,
    at: new Date().toISOString(),
    platform: row.platform as LogEntry['platform'],
    ...(row.account ? { account: row.account } : {}),
    draftKey: String(row.id),
    draftHash: row.draft_hash,
    title: row.title,
    findings,
    reviewer: { name: person.name, unit: unit.name, role },
    decision,
    ...(extra.level ? { level: extra.level } : {}),
    ...(extra.note ? { note: extra.note } : {}),
  };
}

function event(type: ReviewEvent['type'], row: DraftRow, unit: UnitPolicy, status: DraftStatus, next: Level | null, extra: Partial<ReviewEvent> = {}): ReviewEvent {
  return {
    type,
    unit: unit.code,
    draftId: row.id,
    draftKey: row.draft_key,
    draftHash: row.draft_hash,
    status,
    nextLevel: next,
    at: new Date().toISOString(),
    t: Date.now(),
    ...extra,
  };
}

function titleOf(fields: Record<string, string>): string {
  const title = fields.title?.trim() || (fields.body ?? '').replace(/\s+/g, ' ').trim().slice(0, 40);
  return title || '（无标题）';
}

export async function submitDraft(deps: ReviewDeps, person: Person, input: Submission) {
  const membership = [...person.units.values()].find((m) => m.code === input.unit);
  if (!membership) throw forbidden('你不是该单位的成员，不能向其提交稿件');
  if (!membership.roles.has('editor')) throw forbidden('你没有“编辑”角色，不能提交审核');
  const computed = await submissionHash(input.draft);
  if (computed !== input.draftHash)
    throw new ApiFailure(422, 'hash-mismatch', '稿件内容与其 SHA-256 指纹不符（提交过程中内容被改动？），请重新提交', { expected: computed });
  const unit = await loadUnitById(deps.db, membership.unitId);
  const findings = input.findings as Finding[];
  return deps.db.transaction().execute(async (trx) => {
    // An earlier version still waiting is replaced by this one (its approvals were for other content).
    const older = await trx
      .updateTable('drafts')
      .set({ status: 'superseded', next_level: null, updated_at: new Date() })
      .where('unit_id', '=', unit.id)
      .where('draft_key', '=', input.draftKey)
      .where('status', '=', 'pending')
      .returningAll()
      .execute();
    const inserted = await trx
      .insertInto('drafts')
      .values({
        unit_id: unit.id,
        draft_key: input.draftKey,
        editor_id: person.id,
        platform: input.draft.platform,
        account: input.account ?? null,
        title: titleOf(input.draft.fields),
        draft_hash: computed,
        content: JSON.stringify({ fields: input.draft.fields, pictures: input.draft.pictures ?? [], summary: draftSummary(input.draft) }),
        findings: JSON.stringify(findings),
        block_count: findings.filter((f) => f.severity === 'block').length,
        finding_count: findings.length,
        status: 'pending',
        next_level: null,
        approval: null,
        approval_signature: null,
        purged_at: null,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    const state = await draftState(trx, inserted);
    const next = nextLevel(reviewContext(unit, state)) ?? null;
    await trx.updateTable('drafts').set({ next_level: next }).where('id', '=', inserted.id).execute();
    const fixed: LoggedFinding[] = input.fixed.map(({ finding }) => ({ ...finding, text: maskForLog(finding.category, finding.text), resolution: 'fixed' }));
    await appendRecord(
      trx,
      unit.id,
      logEntry('screening', inserted, unit, person, 'editor', 'approve', [...loggedFindings(state), ...fixed], { note: '提交审核' }),
      inserted.id,
    );
    for (const row of older) await notify(trx, event('superseded', row, unit, 'superseded', null));
    await notify(trx, event('submitted', inserted, unit, 'pending', next, { person: person.name }));
    return { draftId: inserted.id, draftHash: computed, status: 'pending' as const, nextLevel: next };
  });
}

function mustBePending(row: DraftRow): void {
  if (row.status !== 'pending') throw conflict(`稿件${row.status === 'approved' ? '已通过审核' : row.status === 'returned' ? '已退回' : row.status === 'overridden' ? '已紧急放行' : '已被新版本替代'}，不能再处理`);
}

export async function acceptFinding(deps: ReviewDeps, person: Person, draftId: number, findingId: string, reason: string) {
  await deps.db.transaction().execute(async (trx) => {
    const row = await lockDraft(trx, draftId);
    membershipOrNotFound(person, row.unit_id);
    mustBePending(row);
    const unit = await loadUnitById(trx, row.unit_id);
    const state = await draftState(trx, row);
    const finding = state.findings.find((f) => f.id === findingId);
    if (!finding) throw new ApiFailure(404, 'not-found', '稿件中没有这个问题');
    if (state.acceptances.some((a) => a.finding_id === findingId)) throw conflict('这个问题已被接受');
    const verdict = checkResolve(reviewContext(unit, state, person), 'accepted', reason);
    if (!verdict.ok) throw forbidden(verdict.reason);
    const at = new Date();
    await trx.insertInto('acceptances').values({ draft_id: row.id, finding_id: findingId, person_id: person.id, reason, at }).execute();
    state.acceptances.push({ finding_id: findingId, person_id: person.id, reason, at });
    // Accepting a block finding may raise the levels this draft needs (acceptedBlockLevels).
    const next = nextLevel(reviewContext(unit, state)) ?? null;
    await trx.updateTable('drafts').set({ next_level: next, updated_at: at }).where('id', '=', row.id).execute();
    const logged = loggedFindings(state).filter((f) => f.id === findingId);
    await appendRecord(trx, unit.id, logEntry('resolution', row, unit, person, highestReviewerRole(person, unit.id), 'approve', logged, { note: reason }), row.id);
    await notify(trx, event('resolved', row, unit, 'pending', next, { person: person.name }));
  });
  return getDraft(deps, person, draftId);
}

async function signApproval(deps: ReviewDeps, unit: UnitPolicy, row: DraftRow, state: DraftState, names: Map<number, string>, override?: SignedApproval['override']) {
  const levels = LEVELS.flatMap((level) => {
    const d = state.decisions.find((x) => x.level === level && x.decision === 'approve');
    return d ? [{ level, person: names.get(d.person_id) ?? `#${d.person_id}`, at: d.at.toISOString(), opinion: d.opinion }] : [];
  });
  const accepted = [...state.acceptances]
    .sort((a, b) => (a.finding_id < b.finding_id ? -1 : a.finding_id > b.finding_id ? 1 : 0))
    .map((a) => ({ findingId: a.finding_id, reason: a.reason, person: names.get(a.person_id) ?? `#${a.person_id}` }));
  const approval: SignedApproval = {
    draftHash: row.draft_hash,
    unit: unit.code,
    levels,
    policyVersion: unit.policy_version,
    issuedAt: new Date().toISOString(),
    ...(accepted.length ? { accepted } : {}),
    ...(override ? { override } : {}),
  };
  const signature = await deps.keys.sign(approvalBytes(approval));
  return { approval, signature };
}

async function personNames(trx: Transaction<Database>, ids: number[]): Promise<Map<number, string>> {
  if (!ids.length) return new Map();
  const rows = await trx.selectFrom('people').select(['id', 'name']).where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

export async function decide(deps: ReviewDeps, person: Person, draftId: number, level: Level, decision: Decision, opinion: string) {
  await deps.db.transaction().execute(async (trx) => {
    const row = await lockDraft(trx, draftId);
    membershipOrNotFound(person, row.unit_id);
    mustBePending(row);
    const unit = await loadUnitById(trx, row.unit_id);
    const state = await draftState(trx, row);
    const ctx = reviewContext(unit, state, person);
    const verdict = decision === 'approve' ? checkApprove(ctx, level) : checkReturn(ctx, level, opinion);
    if (!verdict.ok) throw forbidden(verdict.reason);
    const expected = nextLevel(ctx);
    if (expected !== level) throw conflict(expected ? `当前应由${LEVEL_LABELS[expected]}审核` : '本稿无需再审核');
    const at = new Date();
    await trx.insertInto('decisions').values({ draft_id: row.id, level, person_id: person.id, decision, opinion, at }).execute();
    state.decisions.push({ level, person_id: person.id, decision, opinion, at });
    let status: DraftStatus = 'pending';
    let next: Level | null = null;
    let signed: { approval: SignedApproval; signature: string } | undefined;
    if (decision === 'return') status = 'returned';
    else {
      next = nextLevel(reviewContext(unit, state)) ?? null;
      if (!next) {
        status = 'approved';
        signed = await signApproval(deps, unit, row, state, await personNames(trx, [...state.decisions.map((d) => d.person_id), ...state.acceptances.map((a) => a.person_id)]));
      }
    }
    await trx
      .updateTable('drafts')
      .set({ status, next_level: next, updated_at: at, approval: signed ? canonicalJson(signed.approval) : null, approval_signature: signed?.signature ?? null })
      .where('id', '=', row.id)
      .execute();
    await appendRecord(trx, unit.id, logEntry('decision', row, unit, person, level, decision, loggedFindings(state), { level, note: opinion }), row.id);
    const type = decision === 'return' ? 'returned' : signed ? 'approved' : 'decided';
    await notify(trx, event(type, row, unit, status, next, { level, person: person.name }));
  });
  return getDraft(deps, person, draftId);
}

export async function override(deps: ReviewDeps, person: Person, draftId: number, reason: string) {
  await deps.db.transaction().execute(async (trx) => {
    const row = await lockDraft(trx, draftId);
    const membership = membershipOrNotFound(person, row.unit_id);
    mustBePending(row);
    const unit = await loadUnitById(trx, row.unit_id);
    const state = await draftState(trx, row);
    const ctx = reviewContext(unit, state, person);
    const verdict = checkOverride(ctx, reason);
    if (!verdict.ok) throw forbidden(verdict.reason);
    if (!membership.roles.has('final')) throw forbidden('只有终审人可以紧急放行');
    if (state.editorIds.includes(person.id)) throw forbidden('你编辑过本稿，不能紧急放行自己的稿件');
    const at = new Date();
    const signed = await signApproval(deps, unit, row, state, await personNames(trx, [...state.decisions.map((d) => d.person_id), ...state.acceptances.map((a) => a.person_id)]), {
      person: person.name,
      at: at.toISOString(),
      reason,
    });
    await trx
      .updateTable('drafts')
      .set({ status: 'overridden', next_level: null, updated_at: at, approval: canonicalJson(signed.approval), approval_signature: signed.signature })
      .where('id', '=', row.id)
      .execute();
    await appendRecord(trx, unit.id, logEntry('override', row, unit, person, 'final', 'approve', loggedFindings(state), { note: reason }), row.id);
    await notify(trx, event('overridden', row, unit, 'overridden', null, { person: person.name }));
  });
  return getDraft(deps, person, draftId);
}

function summaryOf(row: Pick<DraftRow, 'id' | 'draft_key' | 'title' | 'platform' | 'status' | 'next_level' | 'block_count' | 'finding_count' | 'created_at' | 'updated_at'>, unitCode: string, editor: string) {
  return {
    id: row.id,
    unit: unitCode,
    draftKey: row.draft_key,
    title: row.title,
    platform: row.platform,
    status: row.status,
    nextLevel: row.next_level as Level | null,
    editor,
    blockCount: row.block_count,
    findingCount: row.finding_count,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

export async function getDraft(deps: ReviewDeps, person: Person, draftId: number) {
  const row = await deps.db.selectFrom('drafts').selectAll().where('id', '=', draftId).executeTakeFirst();
  if (!row) throw notFound();
  const membership = membershipOrNotFound(person, row.unit_id);
  const unit = await loadUnitById(deps.db, row.unit_id);
  const state = await draftState(deps.db, row);
  const names = await deps.db
    .selectFrom('people')
    .select(['id', 'name'])
    .where('id', 'in', [row.editor_id, ...state.decisions.map((d) => d.person_id), ...state.acceptances.map((a) => a.person_id)])
    .execute();
  const nameOf = (id: number) => names.find((n) => n.id === id)?.name ?? `#${id}`;
  const ctx = reviewContext(unit, state, person);
  const pending = row.status === 'pending';
  const signing = pending ? signingFor(ctx) : {};
  const acceptVerdict = checkResolve(ctx, 'accepted', '理由');
  const content = row.content ? (JSON.parse(row.content) as { fields: Record<string, string>; pictures: import('../../lib/review-server/schemas').WireDraft['pictures'] }) : null;
  return {
    ...summaryOf(row, unit.code, nameOf(row.editor_id)),
    draftHash: row.draft_hash,
    account: row.account ?? undefined,
    fields: content?.fields ?? null,
    pictures: content?.pictures ?? [],
    findings: state.findings,
    acceptances: state.acceptances.map((a) => ({ findingId: a.finding_id, person: nameOf(a.person_id), reason: a.reason, at: a.at.toISOString() })),
    decisions: state.decisions.map((d) => ({ level: d.level as Level, person: nameOf(d.person_id), decision: d.decision as Decision, opinion: d.opinion, at: d.at.toISOString() })),
    requiredLevels: requiredLevels(ctx.settings, ctx.findings, ctx.state.resolutions),
    can: {
      // Returning needs only the right to sign this level; approving also needs every block finding handled.
      decideLevel: signing.level && checkReturn(ctx, signing.level, '意见').ok ? signing.level : null,
      approve: Boolean(signing.level && !signing.refusal),
      ...(signing.refusal ? { approveRefusal: signing.refusal } : {}),
      accept: pending && acceptVerdict.ok,
      ...(!acceptVerdict.ok ? { acceptRefusal: acceptVerdict.reason } : {}),
      override: pending && unit.allow_override && membership.roles.has('final') && !state.editorIds.includes(person.id),
    },
    ...(row.approval && row.approval_signature ? { approval: { approval: JSON.parse(row.approval) as SignedApproval, signature: row.approval_signature } } : {}),
    purged: row.purged_at !== null,
  };
}

export async function getApproval(deps: ReviewDeps, person: Person, draftId: number) {
  const row = await deps.db.selectFrom('drafts').select(['id', 'unit_id', 'status', 'approval', 'approval_signature']).where('id', '=', draftId).executeTakeFirst();
  if (!row) throw notFound();
  membershipOrNotFound(person, row.unit_id);
  if (!row.approval || !row.approval_signature) throw conflict('稿件尚未通过全部审核');
  return { draftId: row.id, approval: JSON.parse(row.approval) as SignedApproval, signature: row.approval_signature };
}

/** Drafts waiting for a level this person holds in that unit (not their own: they could not sign them). */
export async function queue(deps: ReviewDeps, person: Person) {
  const wanted = [...person.units.values()].flatMap((m) => [...m.roles].filter((r) => (LEVELS as readonly string[]).includes(r)).map((level) => ({ unitId: m.unitId, level })));
  if (!wanted.length) return [];
  const rows = await deps.db
    .selectFrom('drafts')
    .innerJoin('units', 'units.id', 'drafts.unit_id')
    .innerJoin('people', 'people.id', 'drafts.editor_id')
    .select(['drafts.id', 'drafts.draft_key', 'drafts.title', 'drafts.platform', 'drafts.status', 'drafts.next_level', 'drafts.block_count', 'drafts.finding_count', 'drafts.created_at', 'drafts.updated_at', 'drafts.editor_id', 'units.code', 'people.name as editor'])
    .where('drafts.status', '=', 'pending')
    .where((eb) => eb.or(wanted.map((w) => eb.and([eb('drafts.unit_id', '=', w.unitId), eb('drafts.next_level', '=', w.level)]))))
    .orderBy('drafts.created_at')
    .limit(500)
    .execute();
  return rows.filter((r) => r.editor_id !== person.id).map((r) => summaryOf(r, r.code, r.editor));
}

export async function myDrafts(deps: ReviewDeps, person: Person) {
  const rows = await deps.db
    .selectFrom('drafts')
    .innerJoin('units', 'units.id', 'drafts.unit_id')
    .select(['drafts.id', 'drafts.unit_id', 'drafts.draft_key', 'drafts.title', 'drafts.platform', 'drafts.status', 'drafts.next_level', 'drafts.block_count', 'drafts.finding_count', 'drafts.created_at', 'drafts.updated_at', 'units.code'])
    .where('drafts.editor_id', '=', person.id)
    .orderBy('drafts.id', 'desc')
    .limit(100)
    .execute();
  return rows.filter((r) => person.units.has(r.unit_id)).map((r) => summaryOf(r, r.code, person.name));
}

/**
 * The latest version of a draft (by the extension's draft key) in the caller's units: how the editor's
 * extension finds its submission again (after a reload) to show each level's decision and fetch the approval.
 */
export async function latestByKey(deps: ReviewDeps, person: Person, draftKey: string) {
  const unitIds = [...person.units.keys()];
  if (!unitIds.length) throw notFound();
  const row = await deps.db
    .selectFrom('drafts')
    .select('id')
    .where('draft_key', '=', draftKey)
    .where('unit_id', 'in', unitIds)
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!row) throw notFound();
  return getDraft(deps, person, row.id);
}
