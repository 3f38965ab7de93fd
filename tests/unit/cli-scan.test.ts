/** The CLI contract (DESIGN.md "CLI"): exit codes 0/1/2, one JSON line per file, exact offsets. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(__dirname, '..', '..');

function scan(args: string[], input?: string) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts/scan.ts'), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    input,
    env: { ...process.env, NODE_OPTIONS: '' },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('npm run scan', () => {
  const dir = mkdtempSync(join(tmpdir(), 'xs-scan-'));
  const clean = join(dir, 'clean.txt');
  const dirty = join(dir, 'dirty.json');
  const broken = join(dir, 'broken.json');
  writeFileSync(clean, '县政府召开常务会议，研究部署春季农业生产工作。');
  writeFileSync(dirty, JSON.stringify({ platform: 'wechat', title: '通知', body: '有人在群里出售冰 毒，请举报。台灣總統' }));
  writeFileSync(broken, '{"body": ');

  it('prints one JSON line per file with exact offsets, and exits 1 on a block finding', () => {
    const r = scan(['--json', clean, dirty]);
    expect(r.code).toBe(1);
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => l.file)).toEqual([clean, dirty]);
    expect(lines[0].findings).toEqual([]);
    const body = '有人在群里出售冰 毒，请举报。台灣總統';
    expect(lines[1].findings.length).toBeGreaterThan(0);
    for (const f of lines[1].findings) expect(body.slice(f.start, f.end)).toBe(f.text);
    expect(lines[1].findings.some((f: { category: string }) => f.category === 'wording')).toBe(true);
  });

  it('exits 0 when nothing blocks, and reads stdin with -', () => {
    expect(scan([clean]).code).toBe(0);
    const r = scan(['--json', '-'], '今天天气晴朗。');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).findings).toEqual([]);
  });

  it('exits 2 with a clear message for a missing file, an invalid JSON draft or unreadable wordlists', () => {
    const missing = scan(['--json', join(dir, 'nope.txt')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/nope\.txt: 文件不存在/);
    const invalid = scan([broken]);
    expect(invalid.code).toBe(2);
    expect(invalid.stderr).toMatch(/broken\.json: 不是有效的 JSON/);
    const badLists = join(dir, 'bad.tsv');
    writeFileSync(badLists, '冰毒\n');
    const lists = scan(['--wordlists', badLists, clean]);
    expect(lists.code).toBe(2);
    expect(lists.stderr).toMatch(/词表无法加载.*bad\.tsv:1: 缺少表头/);
    expect(scan([]).code).toBe(2);
  });
});
