/**
 * Server-wide secrets, kept in the database so every server process on one PostgreSQL signs with the same
 * Ed25519 key and accepts the same access tokens: created once (insert … on conflict do nothing), then read.
 */
import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { generateSigningKeyPair, importPrivateKeyPem, signBytes } from '../lib/bundle/keys';
import type { Database } from './db/schema';

export interface ServerKeys {
  publicKeyBase64: string;
  sign(bytes: Uint8Array): Promise<string>;
  /** HMAC secret of the access tokens. */
  tokenSecret: string;
}

async function secret(db: Kysely<Database>, name: string, make: () => Promise<string>): Promise<string> {
  const existing = await db.selectFrom('server_secrets').select('value').where('name', '=', name).executeTakeFirst();
  if (existing) return existing.value;
  await db.insertInto('server_secrets').values({ name, value: await make() }).onConflict((oc) => oc.column('name').doNothing()).execute();
  const row = await db.selectFrom('server_secrets').select('value').where('name', '=', name).executeTakeFirstOrThrow();
  return row.value;
}

export async function loadServerKeys(db: Kysely<Database>): Promise<ServerKeys> {
  const pair = JSON.parse(
    await secret(db, 'approval_signing_key', async () => {
      const generated = await generateSigningKeyPair();
      return JSON.stringify({ publicKey: generated.publicKeyBase64, privateKeyPem: generated.privateKeyPem });
    }),
  ) as { publicKey: string; privateKeyPem: string };
  const privateKey = await importPrivateKeyPem(pair.privateKeyPem);
  const tokenSecret = await secret(db, 'access_token_hmac', async () => randomBytes(32).toString('base64url'));
  return {
    publicKeyBase64: pair.publicKey,
    sign: (bytes) => signBytes(privateKey, bytes),
    tokenSecret,
  };
}
