/**
 * Starts a real server in this process for a test file: embedded PGlite in a temp directory, or — for the
 * PostgreSQL mode — a fresh database created on the cluster DATABASE_URL points at (.ci/run starts one).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { loadConfig } from '../../server/config';
import { createPerson, createUnit, setRoles } from '../../server/admin/ops';
import { startServer, type RunningServer } from '../../server/start';
import { submissionHash } from '../../lib/review-server/draft-hash';
import type { Submission, WireFinding } from '../../lib/review-server/schemas';
import type { ServerRole } from '../../lib/review-server/schemas';

export type Mode = 'pglite' | 'postgres';

/** PostgreSQL runs when DATABASE_URL is set; under CI it must be (a missing cluster fails, not skips). */
export function modes(): Mode[] {
  if (process.env.DATABASE_URL) return ['pglite', 'postgres'];
  if (process.env.CI === 'true') throw new Error('CI=true 但没有 DATABASE_URL：.ci/run 应启动 PostgreSQL 并导出 DATABASE_URL');
  return ['pglite'];
}

export async function freshPostgresDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const base = process.env.DATABASE_URL!;
  const name = `xs_test_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: base });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

export interface TestServer extends RunningServer {
  dataDir: string;
  stop(): Promise<void>;
}

export async function startTestServer(mode: Mode, env: Record<string, string> = {}, shared?: { dataDir?: string; databaseUrl?: string }): Promise<TestServer & { databaseUrl?: string; dropDb?: () => Promise<void> }> {
  const dataDir = shared?.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'xs-server-test-'));
  let databaseUrl = shared?.databaseUrl;
  let dropDb: (() => Promise<void>) | undefined;
  if (mode === 'postgres' && !databaseUrl) {
    const fresh = await freshPostgresDatabase();
    databaseUrl = fresh.url;
    dropDb = fresh.drop;
  }
  const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, DATABASE_URL: mode === 'postgres' ? databaseUrl : undefined, HOUSEKEEPING_SECONDS: '3600', ...env });
  const server = await startServer(config);
  return {
    ...server,
    dataDir,
    databaseUrl,
    dropDb,
    async stop() {
      await server.close();
      await dropDb?.();
      if (!shared?.dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export const PASSWORD = 'correct-horse-1';

/** Unit a (三级审核, override allowed) with an editor, three reviewers, an admin; unit b with its own people. */
export async function seed(server: RunningServer) {
  const db = server.db.db;
  await createUnit(db, { code: 'unit-a', name: '甲市民政局', formTitle: '甲市民政局政务新媒体信息发布审批表', allowOverride: true });
  await createUnit(db, { code: 'unit-b', name: '乙县文旅局' });
  const people: [string, string, string, ServerRole[]][] = [
    ['ed', '王编辑', 'unit-a', ['editor']],
    ['r1', '李初审', 'unit-a', ['first']],
    ['r2', '张复审', 'unit-a', ['second']],
    ['r3', '赵终审', 'unit-a', ['final']],
    ['multi', '钱多岗', 'unit-a', ['first', 'second', 'editor']],
    ['boss', '孙管理', 'unit-a', ['admin']],
    ['edb', '周编辑', 'unit-b', ['editor']],
    ['rb', '吴初审', 'unit-b', ['first', 'second', 'final', 'admin']],
  ];
  for (const [username, name, unit, roles] of people) {
    await createPerson(db, { username, name, password: PASSWORD });
    await setRoles(db, username, unit, roles);
  }
}

export async function api(server: { url: string }, method: string, pathname: string, options: { token?: string; body?: unknown; raw?: string; headers?: Record<string, string> } = {}) {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  let payload: string | undefined = options.raw;
  if (options.body !== undefined) {
    payload = JSON.stringify(options.body);
    headers['content-type'] ??= 'application/json';
  }
  const response = await fetch(server.url + pathname, { method, headers, body: payload });
  const text = await response.text();
  let json: any;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, json, text, headers: response.headers };
}

export async function login(server: { url: string }, username: string, password = PASSWORD): Promise<string> {
  const r = await api(server, 'POST', '/api/auth/login', { body: { username, password } });
  if (r.status !== 200) throw new Error(`login ${username}: ${r.status} ${r.text}`);
  return r.json.accessToken;
}

/** A submission with findings at the exact offsets of the given snippets in the body. */
export async function submission(unit: string, body: string, snippets: { text: string; severity?: 'block' | 'review' | 'info'; id?: string }[] = [], draftKey = `key-${Math.random().toString(36).slice(2)}`): Promise<Submission> {
  const fields = { title: '关于开展冬季送温暖活动的通知', body };
  const findings: WireFinding[] = snippets.map((s, i) => {
    const start = body.indexOf(s.text);
    if (start < 0) throw new Error(`snippet not in body: ${s.text}`);
    return {
      id: s.id ?? `f${i}`,
      check: 'pii.mobile',
      category: 'pii',
      severity: s.severity ?? 'review',
      field: 'body',
      start,
      end: start + s.text.length,
      text: s.text,
      message: '未脱敏的手机号',
      clause: '003_54205cdec66d062b.txt 第九条',
    };
  });
  const draft = { platform: 'wechat' as const, fields };
  return { unit, draftKey, draft, draftHash: await submissionHash(draft), findings, fixed: [] };
}
