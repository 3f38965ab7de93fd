/**
 * Opens the database: embedded PGlite (files in DATA_DIR/pglite) or PostgreSQL (DATABASE_URL), behind one
 * Kysely instance, and runs the migrations. Live events use PostgreSQL LISTEN/NOTIFY in both cases, so several
 * server processes on one PostgreSQL all see every change.
 */
import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, Migrator, PostgresDialect } from 'kysely';
import { PGliteDialect } from 'kysely-pglite-dialect';
import pg from 'pg';
import type { ServerConfig } from '../config';
import { migrationProvider } from './migrations';
import type { Database } from './schema';

export interface Db {
  db: Kysely<Database>;
  kind: 'pglite' | 'postgres';
  /** Subscribes to a NOTIFY channel; resolves once listening. */
  listen(channel: string, handler: (payload: string) => void): Promise<void>;
  close(): Promise<void>;
}

export const EVENTS_CHANNEL = 'xianshen_review';

export async function openDatabase(config: Pick<ServerConfig, 'DATABASE_URL' | 'dataDir'>): Promise<Db> {
  const db = config.DATABASE_URL ? await openPostgres(config.DATABASE_URL) : await openPglite(config.dataDir);
  const { error, results } = await new Migrator({ db: db.db, provider: migrationProvider }).migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    await db.close();
    throw new Error(`数据库迁移失败（${failed?.migrationName ?? ''}）：${error instanceof Error ? error.message : String(error)}`);
  }
  return db;
}

async function openPglite(dataDir: string): Promise<Db> {
  const dir = path.join(dataDir, 'pglite');
  fs.mkdirSync(dir, { recursive: true });
  const client = await PGlite.create(dir);
  const db = new Kysely<Database>({ dialect: new PGliteDialect(client) });
  return {
    db,
    kind: 'pglite',
    async listen(channel, handler) {
      await client.listen(channel, handler);
    },
    async close() {
      await db.destroy();
    },
  };
}

async function openPostgres(url: string): Promise<Db> {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  await db.selectNoFrom((eb) => eb.val(1).as('ok')).execute(); // fail fast on a wrong URL
  const listeners: pg.Client[] = [];
  let closed = false;
  return {
    db,
    kind: 'postgres',
    async listen(channel, handler) {
      // A dedicated connection: LISTEN belongs to a session, which a pool would hand to other queries.
      const connect = async (): Promise<void> => {
        const client = new pg.Client({ connectionString: url });
        client.on('notification', (message) => {
          if (message.channel === channel) handler(message.payload ?? '');
        });
        client.on('error', () => {
          listeners.splice(listeners.indexOf(client), 1);
          client.end().catch(() => undefined);
          if (!closed) setTimeout(() => void connect().catch(() => undefined), 1000);
        });
        await client.connect();
        await client.query(`listen ${pg.escapeIdentifier(channel)}`);
        listeners.push(client);
      };
      await connect();
    },
    async close() {
      closed = true;
      await Promise.all(listeners.map((c) => c.end().catch(() => undefined)));
      await db.destroy();
    },
  };
}
