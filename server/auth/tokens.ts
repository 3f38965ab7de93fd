/**
 * Short-lived bearer access tokens (HS256 JWT, secret shared through the database) and long-lived refresh
 * tokens (random, stored only as SHA-256, rotated on every use; a reused old one revokes the whole family).
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { sign, verify } from 'hono/jwt';
import type { ServerConfig } from '../config';
import type { Database } from '../db/schema';
import { ApiFailure } from '../errors';

export interface IssuedTokens {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

export function signAccessToken(secret: string, personId: number, ttlSeconds: number, now = Date.now()): Promise<string> {
  const iat = Math.floor(now / 1000);
  return sign({ sub: String(personId), iat, exp: iat + ttlSeconds, typ: 'access' }, secret, 'HS256');
}

export async function verifyAccessToken(secret: string, token: string): Promise<number> {
  try {
    const payload = await verify(token, secret, 'HS256');
    if (payload.typ !== 'access') throw new Error('wrong type');
    const id = Number(payload.sub);
    if (!Number.isInteger(id)) throw new Error('bad subject');
    return id;
  } catch (error) {
    const expired = error instanceof Error && /expired/i.test(error.name + error.message);
    throw expired
      ? new ApiFailure(401, 'token-expired', '登录已过期，请刷新令牌或重新登录')
      : new ApiFailure(401, 'unauthenticated', '令牌无效，请重新登录');
  }
}

export async function issueTokens(
  db: Kysely<Database>,
  config: Pick<ServerConfig, 'ACCESS_TOKEN_TTL_SECONDS' | 'REFRESH_TOKEN_TTL_SECONDS'>,
  secret: string,
  personId: number,
): Promise<IssuedTokens> {
  const refreshToken = randomBytes(32).toString('base64url');
  await db
    .insertInto('refresh_tokens')
    .values({
      token_hash: sha256(refreshToken),
      person_id: personId,
      expires_at: new Date(Date.now() + config.REFRESH_TOKEN_TTL_SECONDS * 1000),
      revoked_at: null,
    })
    .execute();
  const accessToken = await signAccessToken(secret, personId, config.ACCESS_TOKEN_TTL_SECONDS);
  return { accessToken, refreshToken, expiresIn: config.ACCESS_TOKEN_TTL_SECONDS };
}

export async function rotateRefreshToken(
  db: Kysely<Database>,
  config: Pick<ServerConfig, 'ACCESS_TOKEN_TTL_SECONDS' | 'REFRESH_TOKEN_TTL_SECONDS'>,
  secret: string,
  refreshToken: string,
): Promise<IssuedTokens> {
  const invalid = new ApiFailure(401, 'unauthenticated', '登录已失效，请重新登录');
  const personId = await db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('refresh_tokens')
      .innerJoin('people', 'people.id', 'refresh_tokens.person_id')
      .select(['refresh_tokens.person_id', 'refresh_tokens.expires_at', 'refresh_tokens.revoked_at', 'people.disabled'])
      .where('token_hash', '=', sha256(refreshToken))
      .forUpdate()
      .executeTakeFirst();
    if (!row) return undefined;
    if (row.revoked_at) {
      // A rotated token came back: someone holds a copy. End every session of this person.
      await trx.updateTable('refresh_tokens').set({ revoked_at: new Date() }).where('person_id', '=', row.person_id).where('revoked_at', 'is', null).execute();
      return undefined;
    }
    if (row.disabled || row.expires_at.getTime() < Date.now()) return undefined;
    await trx.updateTable('refresh_tokens').set({ revoked_at: new Date() }).where('token_hash', '=', sha256(refreshToken)).execute();
    return row.person_id;
  });
  if (personId === undefined) throw invalid;
  return issueTokens(db, config, secret, personId);
}

export async function revokeRefreshToken(db: Kysely<Database>, refreshToken: string): Promise<void> {
  await db.updateTable('refresh_tokens').set({ revoked_at: new Date() }).where('token_hash', '=', sha256(refreshToken)).execute();
}
