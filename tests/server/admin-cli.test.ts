/**
 * `npm run server -- admin …` as an operator runs it: create a unit and people, grant roles, print the public
 * key, verify and export the record; refused while a server holds the embedded database.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/config';
import { startServer } from '../../server/start';

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, '../..');
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'xs-admin-cli-'));

async function admin(args: string[], env: Record<string, string> = {}) {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', 'server/main.ts', 'admin', ...args], {
      cwd: ROOT,
      env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '', ...env },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('admin command (embedded database)', () => {
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('sets up a unit with people and roles, and answers usage errors with exit 2', async () => {
    expect((await admin(['unit', 'add', '--code', 'lamz', '--name', '六安市民政局', '--levels', '2'])).stdout).toContain('六安市民政局信息发布审批表');
    expect((await admin(['person', 'add', '--username', 'li', '--name', '李初审'], { XS_PASSWORD: 'a-long-password' })).code).toBe(0);
    expect((await admin(['role', 'grant', '--username', 'li', '--unit', 'lamz', '--role', 'first'])).stdout).toContain('first');
    const people = await admin(['people', '--unit', 'lamz']);
    expect(JSON.parse(people.stdout)).toEqual([{ username: 'li', name: '李初审', disabled: false, locked: false, roles: ['first'] }]);
    expect((await admin(['public-key'])).stdout.trim()).toMatch(/^[A-Za-z0-9+/]{43}=$/);
    expect((await admin(['role', 'grant', '--username', 'li', '--unit', 'lamz', '--role', 'boss'])).code).toBe(2);
    const weak = await admin(['person', 'add', '--username', 'wang', '--name', '王'], { XS_PASSWORD: 'short' });
    expect(weak.code).toBe(1);
    expect(weak.stderr).toContain('至少 8 位');
  }, 300_000); // every call starts Node and opens the embedded database

  it('refuses to open the embedded database while a server uses it', async () => {
    const server = await startServer(loadConfig({ PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir }));
    try {
      const r = await admin(['unit', 'list']);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain('正在使用内置数据库');
    } finally {
      await server.close();
    }
  }, 120_000);
});
