/**
 * Login with lockout, and who the caller is. Failed attempts are counted in the database (so every server
 * process sees them) per account, plus a per-address window in this process against password spraying.
 */
import type { Kysely } from 'kysely';
import type { ServerConfig } from '../config';
import type { Database } from '../db/schema';
import { ApiFailure } from '../errors';
import type { ServerRole } from '../../lib/review-server/schemas';
import { verifyPassword } from './passwords';

export interface UnitMembership {
  unitId: number;
  code: string;
  name: string;
  roles: Set<ServerRole>;
}

export interface Person {
  id: number;
  username: string;
  name: string;
  /** By unit id. */
  units: Map<number, UnitMembership>;
}

export async function loadPerson(db: Kysely<Database>, id: number): Promise<Person | undefined> {
  const person = await db.selectFrom('people').select(['id', 'username', 'name', 'disabled']).where('id', '=', id).executeTakeFirst();
  if (!person || person.disabled) return undefined;
  const rows = await db
    .selectFrom('memberships')
    .innerJoin('units', 'units.id', 'memberships.unit_id')
    .select(['units.id', 'units.code', 'units.name', 'memberships.role'])
    .where('memberships.person_id', '=', id)
    .execute();
  const units = new Map<number, UnitMembership>();
  for (const row of rows) {
    const entry = units.get(row.id) ?? { unitId: row.id, code: row.code, name: row.name, roles: new Set<ServerRole>() };
    entry.roles.add(row.role as ServerRole);
    units.set(row.id, entry);
  }
  return { id: person.id, username: person.username, name: person.name, units };
}

export function describePerson(person: Person) {
  return {
    id: person.id,
    username: person.username,
    name: person.name,
    memberships: [...person.units.values()].map((m) => ({ unit: m.code, unitName: m.name, roles: [...m.roles] })),
  };
}

/** Sliding window per client address (in process memory: a second line of defence, the account lock is shared). */
class AddressLimiter {
  private readonly hits = new Map<string, number[]>();
  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
  ) {}
  take(key: string, now = Date.now()): boolean {
    const list = (this.hits.get(key) ?? []).filter((t) => now - t < this.windowMs);
    if (list.length >= this.limit) {
      this.hits.set(key, list);
      return false;
    }
    list.push(now);
    this.hits.set(key, list);
    if (this.hits.size > 10_000) for (const [k, v] of this.hits) if (v.every((t) => now - t >= this.windowMs)) this.hits.delete(k);
    return true;
  }
}

export class LoginGuard {
  private readonly perAddress: AddressLimiter;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly config: Pick<ServerConfig, 'LOGIN_MAX_FAILURES' | 'LOGIN_LOCK_SECONDS' | 'LOGIN_ADDRESS_LIMIT'>,
  ) {
    this.perAddress = new AddressLimiter(config.LOGIN_ADDRESS_LIMIT, 5 * 60_000);
  }

  /** Returns the person id on success; throws 401 (wrong), 429 (locked or too many attempts). */
  async login(username: string, password: string, address: string): Promise<number> {
    if (!this.perAddress.take(address))
      throw new ApiFailure(429, 'rate-limited', '登录尝试过于频繁，请稍后再试', { retryAfter: 300 });
    const row = await this.db
      .selectFrom('people')
      .select(['id', 'password_hash', 'disabled', 'locked_until', 'failed_logins'])
      .where('username', '=', username)
      .executeTakeFirst();
    const now = Date.now();
    if (row?.locked_until && row.locked_until.getTime() > now) {
      const minutes = Math.ceil((row.locked_until.getTime() - now) / 60_000);
      throw new ApiFailure(429, 'locked', `密码错误次数过多，账号已锁定，请 ${minutes} 分钟后再试或联系管理员解锁`, {
        retryAfter: Math.ceil((row.locked_until.getTime() - now) / 1000),
      });
    }
    const good = await verifyPassword(row?.password_hash, password);
    if (!row || !good || row.disabled) {
      if (row && !good) {
        const failures = row.failed_logins + 1;
        const lock = failures >= this.config.LOGIN_MAX_FAILURES;
        await this.db
          .updateTable('people')
          .set({
            failed_logins: lock ? 0 : failures,
            locked_until: lock ? new Date(now + this.config.LOGIN_LOCK_SECONDS * 1000) : row.locked_until,
          })
          .where('id', '=', row.id)
          .execute();
      }
      throw new ApiFailure(401, 'bad-credentials', row?.disabled && good ? '账号已停用，请联系管理员' : '用户名或密码错误');
    }
    if (row.failed_logins > 0 || row.locked_until)
      await this.db.updateTable('people').set({ failed_logins: 0, locked_until: null }).where('id', '=', row.id).execute();
    return row.id;
  }
}
