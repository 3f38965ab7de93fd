/**
 * The admin page's API: a unit's admins manage that unit's settings, people and roles, and take its exports
 * and checkpoints. Nothing here reaches another unit; creating units is for the operator's admin command.
 */
import { Hono } from 'hono';
import { z } from 'zod';
import { SERVER_ROLES } from '../../lib/review-server/schemas';
import { createPerson, listPeople, personInputSchema, rolesSchema, setDisabled, setPassword, setRoles, unitByCode, unlock, unitPatchSchema, updateUnit, usernameSchema } from '../admin/ops';
import type { Person } from '../auth/session';
import { ApiFailure, forbidden } from '../errors';
import { createCheckpoint, listCheckpoints } from '../review/checkpoints';
import { unitCsv, unitJson } from '../review/exports';
import { verifyUnitChain } from '../review/record';
import type { AppDeps, Env } from './app';
import { body, parse } from './validate';

function adminUnit(person: Person, code: string) {
  const membership = [...person.units.values()].find((m) => m.code === code);
  if (!membership?.roles.has('admin')) throw new ApiFailure(404, 'not-found', `单位“${code}”不存在或你不是其管理员`);
  return membership;
}

const addPersonSchema = z.union([
  personInputSchema.extend({ roles: rolesSchema.min(1, '请至少选择一个角色') }),
  z.object({ username: usernameSchema, roles: rolesSchema.min(1, '请至少选择一个角色'), existing: z.literal(true) }),
]);

export function adminRoutes({ db: { db }, keys }: AppDeps) {
  const admin = new Hono<Env>();

  admin.get('/units', async (c) => {
    const person = c.get('person');
    const codes = [...person.units.values()].filter((m) => m.roles.has('admin')).map((m) => m.code);
    const units = codes.length ? await db.selectFrom('units').selectAll().where('code', 'in', codes).orderBy('code').execute() : [];
    return c.json({
      roles: SERVER_ROLES,
      units: units.map((u) => ({
        code: u.code,
        name: u.name,
        formTitle: u.form_title,
        reviewLevels: u.review_levels,
        acceptedBlockLevels: u.accepted_block_levels,
        allowOverride: u.allow_override,
        policyVersion: u.policy_version,
      })),
    });
  });

  admin.patch('/units/:code', async (c) => {
    adminUnit(c.get('person'), c.req.param('code'));
    const unit = await updateUnit(db, c.req.param('code'), await body(c, unitPatchSchema));
    return c.json({ code: unit.code, policyVersion: unit.policy_version });
  });

  admin.get('/units/:code/people', async (c) => {
    adminUnit(c.get('person'), c.req.param('code'));
    return c.json({ people: await listPeople(db, c.req.param('code')) });
  });

  admin.post('/units/:code/people', async (c) => {
    const code = c.req.param('code');
    adminUnit(c.get('person'), code);
    const input = await body(c, addPersonSchema);
    if (!('existing' in input)) await createPerson(db, input);
    const roles = await setRoles(db, input.username, code, input.roles);
    return c.json({ username: input.username, roles }, 201);
  });

  /** Account changes are allowed only for people who belong to no unit this admin does not administer. */
  async function assertManages(person: Person, code: string, username: string) {
    adminUnit(person, code);
    const units = await db
      .selectFrom('memberships')
      .innerJoin('people', 'people.id', 'memberships.person_id')
      .innerJoin('units', 'units.id', 'memberships.unit_id')
      .select('units.code')
      .distinct()
      .where('people.username', '=', username)
      .execute();
    if (!units.some((u) => u.code === code)) throw new ApiFailure(404, 'not-found', `“${username}”不是本单位人员`);
    const foreign = units.filter((u) => ![...person.units.values()].some((m) => m.code === u.code && m.roles.has('admin')));
    if (foreign.length) throw forbidden(`“${username}”也属于其他单位，账号只能由各单位管理员共同或由系统管理员修改`);
  }

  admin.put('/units/:code/people/:username/roles', async (c) => {
    const code = c.req.param('code');
    const username = parse(usernameSchema, c.req.param('username'));
    adminUnit(c.get('person'), code);
    const input = await body(c, z.object({ roles: rolesSchema }));
    if (username === c.get('person').username && !input.roles.includes('admin')) throw forbidden('不能取消自己的管理员角色（请由另一位管理员操作）');
    return c.json({ username, roles: await setRoles(db, username, code, input.roles) });
  });

  admin.post('/units/:code/people/:username/password', async (c) => {
    const username = parse(usernameSchema, c.req.param('username'));
    await assertManages(c.get('person'), c.req.param('code'), username);
    const input = await body(c, z.object({ password: personInputSchema.shape.password }));
    await setPassword(db, username, input.password);
    return c.json({ ok: true });
  });

  admin.post('/units/:code/people/:username/status', async (c) => {
    const username = parse(usernameSchema, c.req.param('username'));
    await assertManages(c.get('person'), c.req.param('code'), username);
    const input = await body(c, z.object({ disabled: z.boolean().optional(), unlock: z.boolean().optional() }));
    if (input.disabled !== undefined) await setDisabled(db, username, input.disabled);
    if (input.unlock) await unlock(db, username);
    return c.json({ ok: true });
  });

  admin.get('/units/:code/log.csv', async (c) => {
    const m = adminUnit(c.get('person'), c.req.param('code'));
    c.header('Content-Disposition', `attachment; filename="review-log-${m.code}.csv"`);
    return c.body(await unitCsv(db, m.unitId), 200, { 'Content-Type': 'text/csv; charset=utf-8' });
  });

  admin.get('/units/:code/log.json', async (c) => {
    const m = adminUnit(c.get('person'), c.req.param('code'));
    c.header('Content-Disposition', `attachment; filename="review-log-${m.code}.json"`);
    return c.body(await unitJson(db, m.unitId, keys.publicKeyBase64), 200, { 'Content-Type': 'application/json; charset=utf-8' });
  });

  admin.get('/units/:code/verify', async (c) => {
    const m = adminUnit(c.get('person'), c.req.param('code'));
    return c.json(await verifyUnitChain(db, m.unitId));
  });

  admin.get('/units/:code/checkpoints', async (c) => {
    const m = adminUnit(c.get('person'), c.req.param('code'));
    return c.json({ format: 'xianshen-checkpoints', publicKey: keys.publicKeyBase64, checkpoints: await listCheckpoints(db, m.unitId) });
  });

  admin.post('/units/:code/checkpoints', async (c) => {
    const m = adminUnit(c.get('person'), c.req.param('code'));
    const unit = await unitByCode(db, m.code);
    return c.json(await createCheckpoint(db, keys, unit, 'manual'), 201);
  });

  return admin;
}
