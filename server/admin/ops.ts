/**
 * Account and unit administration, shared by the admin command and the admin page (one set of rules).
 */
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { SERVER_ROLES, type ServerRole } from '../../lib/review-server/schemas';
import { hashPassword, MIN_PASSWORD_LENGTH } from '../auth/passwords';
import type { Database } from '../db/schema';
import { ApiFailure, conflict } from '../errors';

export const unitCodeSchema = z.string().trim().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, '单位代码只能用小写字母、数字和连字符，如 lamz-bgs');
export const usernameSchema = z.string().trim().regex(/^[A-Za-z0-9._-]{2,64}$/, '用户名为 2–64 位字母、数字或 . _ -');
const levelsSchema = z.coerce.number().int().min(1).max(3);

export const unitInputSchema = z.object({
  code: unitCodeSchema,
  name: z.string().trim().min(1, '单位名称不能为空').max(100),
  formTitle: z.string().trim().max(100).optional(),
  reviewLevels: levelsSchema.default(3),
  acceptedBlockLevels: levelsSchema.default(3),
  allowOverride: z.boolean().default(false),
});

export const unitPatchSchema = z.object({
  name: z.string().trim().min(1).max(100).optional(),
  formTitle: z.string().trim().min(1).max(100).optional(),
  reviewLevels: levelsSchema.optional(),
  acceptedBlockLevels: levelsSchema.optional(),
  allowOverride: z.boolean().optional(),
});

export const personInputSchema = z.object({
  username: usernameSchema,
  name: z.string().trim().min(1, '姓名不能为空').max(50),
  password: z.string().min(MIN_PASSWORD_LENGTH, `密码至少 ${MIN_PASSWORD_LENGTH} 位`).max(256),
});

export const rolesSchema = z.array(z.enum(SERVER_ROLES)).max(SERVER_ROLES.length);

export async function unitByCode(db: Kysely<Database>, code: string) {
  const unit = await db.selectFrom('units').selectAll().where('code', '=', code).executeTakeFirst();
  if (!unit) throw new ApiFailure(404, 'not-found', `单位“${code}”不存在`);
  return unit;
}

async function personByUsername(db: Kysely<Database>, username: string) {
  const person = await db.selectFrom('people').select(['id', 'username', 'name']).where('username', '=', username).executeTakeFirst();
  if (!person) throw new ApiFailure(404, 'not-found', `用户“${username}”不存在`);
  return person;
}

export async function createUnit(db: Kysely<Database>, input: z.input<typeof unitInputSchema>) {
  const value = unitInputSchema.parse(input);
  const exists = await db.selectFrom('units').select('id').where('code', '=', value.code).executeTakeFirst();
  if (exists) throw conflict(`单位代码“${value.code}”已存在`);
  return db
    .insertInto('units')
    .values({
      code: value.code,
      name: value.name,
      form_title: value.formTitle || `${value.name}信息发布审批表`,
      review_levels: value.reviewLevels,
      accepted_block_levels: Math.max(value.acceptedBlockLevels, value.reviewLevels),
      allow_override: value.allowOverride,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Policy changes (levels, override) bump policy_version, which every signed approval carries. */
export async function updateUnit(db: Kysely<Database>, code: string, patch: z.input<typeof unitPatchSchema>) {
  const value = unitPatchSchema.parse(patch);
  const unit = await unitByCode(db, code);
  const reviewLevels = value.reviewLevels ?? unit.review_levels;
  const acceptedBlockLevels = Math.max(value.acceptedBlockLevels ?? unit.accepted_block_levels, reviewLevels);
  const allowOverride = value.allowOverride ?? unit.allow_override;
  const policyChanged = reviewLevels !== unit.review_levels || acceptedBlockLevels !== unit.accepted_block_levels || allowOverride !== unit.allow_override;
  return db
    .updateTable('units')
    .set({
      name: value.name ?? unit.name,
      form_title: value.formTitle ?? unit.form_title,
      review_levels: reviewLevels,
      accepted_block_levels: acceptedBlockLevels,
      allow_override: allowOverride,
      policy_version: policyChanged ? unit.policy_version + 1 : unit.policy_version,
    })
    .where('id', '=', unit.id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function listUnits(db: Kysely<Database>) {
  return db.selectFrom('units').selectAll().orderBy('code').execute();
}

export async function createPerson(db: Kysely<Database>, input: z.input<typeof personInputSchema>) {
  const value = personInputSchema.parse(input);
  const exists = await db.selectFrom('people').select('id').where('username', '=', value.username).executeTakeFirst();
  if (exists) throw conflict(`用户名“${value.username}”已存在`);
  const password_hash = await hashPassword(value.password);
  return db.insertInto('people').values({ username: value.username, name: value.name, password_hash, locked_until: null }).returning(['id', 'username', 'name']).executeTakeFirstOrThrow();
}

export async function setPassword(db: Kysely<Database>, username: string, password: string) {
  const person = await personByUsername(db, username);
  const password_hash = await hashPassword(password);
  await db.updateTable('people').set({ password_hash, failed_logins: 0, locked_until: null }).where('id', '=', person.id).execute();
  await db.updateTable('refresh_tokens').set({ revoked_at: new Date() }).where('person_id', '=', person.id).where('revoked_at', 'is', null).execute();
}

export async function setDisabled(db: Kysely<Database>, username: string, disabled: boolean) {
  const person = await personByUsername(db, username);
  await db.updateTable('people').set({ disabled }).where('id', '=', person.id).execute();
  if (disabled) await db.updateTable('refresh_tokens').set({ revoked_at: new Date() }).where('person_id', '=', person.id).where('revoked_at', 'is', null).execute();
}

export async function unlock(db: Kysely<Database>, username: string) {
  const person = await personByUsername(db, username);
  await db.updateTable('people').set({ failed_logins: 0, locked_until: null }).where('id', '=', person.id).execute();
}

/** Replaces the person's roles in one unit (an empty list removes them from the unit). */
export async function setRoles(db: Kysely<Database>, username: string, unitCode: string, roles: ServerRole[]) {
  const [person, unit] = await Promise.all([personByUsername(db, username), unitByCode(db, unitCode)]);
  const list = [...new Set(rolesSchema.parse(roles))];
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('memberships').where('person_id', '=', person.id).where('unit_id', '=', unit.id).execute();
    if (list.length) await trx.insertInto('memberships').values(list.map((role) => ({ person_id: person.id, unit_id: unit.id, role }))).execute();
  });
  return list;
}

export async function grantRole(db: Kysely<Database>, username: string, unitCode: string, role: ServerRole) {
  const current = await rolesIn(db, username, unitCode);
  return setRoles(db, username, unitCode, [...current, role]);
}

export async function revokeRole(db: Kysely<Database>, username: string, unitCode: string, role: ServerRole) {
  const current = await rolesIn(db, username, unitCode);
  return setRoles(db, username, unitCode, current.filter((r) => r !== role));
}

async function rolesIn(db: Kysely<Database>, username: string, unitCode: string): Promise<ServerRole[]> {
  const rows = await db
    .selectFrom('memberships')
    .innerJoin('people', 'people.id', 'memberships.person_id')
    .innerJoin('units', 'units.id', 'memberships.unit_id')
    .select('memberships.role')
    .where('people.username', '=', username)
    .where('units.code', '=', unitCode)
    .execute();
  return rows.map((r) => r.role as ServerRole);
}

export async function listPeople(db: Kysely<Database>, unitCode: string) {
  const unit = await unitByCode(db, unitCode);
  const rows = await db
    .selectFrom('memberships')
    .innerJoin('people', 'people.id', 'memberships.person_id')
    .select(['people.username', 'people.name', 'people.disabled', 'people.locked_until', 'memberships.role'])
    .where('memberships.unit_id', '=', unit.id)
    .orderBy('people.username')
    .execute();
  const people = new Map<string, { username: string; name: string; disabled: boolean; locked: boolean; roles: ServerRole[] }>();
  for (const r of rows) {
    const entry = people.get(r.username) ?? { username: r.username, name: r.name, disabled: r.disabled, locked: Boolean(r.locked_until && r.locked_until.getTime() > Date.now()), roles: [] };
    entry.roles.push(r.role as ServerRole);
    people.set(r.username, entry);
  }
  return [...people.values()];
}
