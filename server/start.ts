/**
 * Starts one server process: database (migrated), keys, the LISTEN for live events, the HTTP server, and
 * housekeeping (today's checkpoint, retention purge). Health answers 200 only once all of that is ready.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import type { ServerConfig } from './config';
import { openDatabase } from './db';
import { EventHub } from './events';
import { createApp } from './http/app';
import { loadServerKeys } from './keys';
import { dailyCheckpoints, purgeExpiredDrafts } from './review/checkpoints';

export interface RunningServer {
  port: number;
  db: import('./db').Db;
  keys: import('./keys').ServerKeys;
  url: string;
  close(): Promise<void>;
}

export function pidFile(config: Pick<ServerConfig, 'dataDir'>): string {
  return path.join(config.dataDir, 'server.pid');
}

/** The embedded database belongs to one process: a second server or an admin command must not open it. */
export function embeddedInUse(config: Pick<ServerConfig, 'dataDir'>): number | undefined {
  try {
    const pid = Number(fs.readFileSync(pidFile(config), 'utf8'));
    if (pid && pid !== process.pid) {
      process.kill(pid, 0);
      return pid;
    }
  } catch {
    // no file, or the process is gone
  }
  return undefined;
}

export async function startServer(config: ServerConfig): Promise<RunningServer> {
  if (config.dbKind === 'pglite') {
    const other = embeddedInUse(config);
    if (other) throw new Error(`数据目录 ${config.dataDir} 正由进程 ${other} 使用（内置数据库只能由一个进程打开）`);
    fs.mkdirSync(config.dataDir, { recursive: true });
    fs.writeFileSync(pidFile(config), String(process.pid));
  }
  const db = await openDatabase(config);
  const keys = await loadServerKeys(db.db);
  const hub = new EventHub();
  await hub.start(db);
  const app = createApp({ db, keys, config, hub });

  const server: ServerType = await new Promise((resolve, reject) => {
    const s = serve({ fetch: app.fetch, port: config.PORT, hostname: config.HOST }, () => resolve(s));
    s.once('error', reject);
  });
  const port = (server.address() as AddressInfo).port;

  let closed = false;
  const housekeeping = async () => {
    if (closed) return;
    try {
      await dailyCheckpoints(db.db, keys);
      await purgeExpiredDrafts(db.db, config.RETENTION_DAYS);
    } catch (error) {
      if (!closed) console.error('[server] housekeeping failed:', error);
    }
  };
  const timer = setInterval(housekeeping, config.HOUSEKEEPING_SECONDS * 1000);
  timer.unref();
  const first = setTimeout(housekeeping, 1000);
  first.unref();

  let closing: Promise<void> | undefined;
  return {
    port,
    db,
    keys,
    url: `http://127.0.0.1:${port}`,
    close() {
      closing ??= (async () => {
        closed = true;
        clearInterval(timer);
        clearTimeout(first);
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          (server as import('node:http').Server).closeAllConnections?.();
        });
        await db.close();
        if (config.dbKind === 'pglite') fs.rmSync(pidFile(config), { force: true });
      })();
      return closing;
    },
  };
}
