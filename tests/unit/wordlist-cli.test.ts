// @vitest-environment node
/**
 * `npm run wordlist -- <command>` end to end in a temp dir, exactly as an admin's script would call it:
 * keygen, build from spreadsheet exports, sign, verify (and every way verify fails), diff, usage errors.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { bundleSchema } from '../../lib/bundle/schema';

// Every command is a real `tsx scripts/wordlist.ts` process (about 1-2 s each on a busy 2-core machine).
vi.setConfig({ testTimeout: 120_000 });

const ROOT = process.cwd();
const TSX = join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');
let dir: string;

function wordlist(...args: string[]) {
  const r = spawnSync(process.execPath, [TSX, join(ROOT, 'scripts', 'wordlist.ts'), ...args], { cwd: dir, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** As Excel/WPS export "Unicode text" or CSV UTF-8: BOM and CRLF. */
const SENSITIVE_TSV =
  '\uFEFF# id: sensitive\r\n# name: 违法有害信息\r\n# category: sensitive\r\n# severity: block\r\n# clause: 004_ffa469a3430680ee.txt 第三十一条\r\n' +
  'term\treplacement\tseverity\ttag\tnote\r\n冰毒出售\t\tblock\tdrugs\t\r\n枪支出售\t\tblock\tweapons\t\r\n';
const TYPOS_TXT = '# id: typos\n# name: 错别字\n# category: wording\n# severity: review\n# clause: 002_a.txt 第五条\n再接再励\t再接再厉\n按装\t安装\n';

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'xs-wordlist-'));
  mkdirSync(join(dir, 'src'));
  writeFileSync(join(dir, 'src', 'sensitive.tsv'), SENSITIVE_TSV);
  writeFileSync(join(dir, 'src', 'typos.txt'), TYPOS_TXT);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('wordlist CLI', () => {
  let publicKey = '';

  it('keygen writes an owner-only private key and never prints it', () => {
    const r = wordlist('keygen', '--out', 'keys');
    expect(r.code).toBe(0);
    const privatePem = readFileSync(join(dir, 'keys', 'private.key'), 'utf8');
    publicKey = readFileSync(join(dir, 'keys', 'public.key'), 'utf8').trim();
    expect(privatePem).toMatch(/^-----BEGIN PRIVATE KEY-----/);
    expect(statSync(join(dir, 'keys', 'private.key')).mode & 0o777).toBe(0o600);
    expect(Buffer.from(publicKey, 'base64')).toHaveLength(32);
    const body = privatePem.split('\n')[1];
    expect(r.stdout + r.stderr).not.toContain(body);
    expect(r.stdout).toContain(publicKey); // the admin pastes this into policy
  });

  it('keygen refuses to overwrite an existing key', () => {
    const before = readFileSync(join(dir, 'keys', 'private.key'), 'utf8');
    const r = wordlist('keygen', '--out', 'keys');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/已存在/);
    expect(readFileSync(join(dir, 'keys', 'private.key'), 'utf8')).toBe(before);
  });

  it('build turns spreadsheet exports into one valid bundle', () => {
    const r = wordlist('build', 'src', '--version', '3', '--out', 'out/bundle.json');
    expect(r.code).toBe(0);
    const bundle = bundleSchema.parse(JSON.parse(readFileSync(join(dir, 'out', 'bundle.json'), 'utf8')));
    expect(bundle).toMatchObject({ format: 'xianshen-bundle/1', version: 3 });
    expect(Date.parse(bundle.issuedAt)).not.toBeNaN();
    expect(bundle.issuer.length).toBeGreaterThan(0);
    expect(bundle.lists.map((l) => [l.id, l.entries.map((e) => e.term)])).toEqual([
      ['sensitive', ['冰毒出售', '枪支出售']],
      ['typos', ['再接再励', '按装']],
    ]);
    expect(bundle.lists[1].entries[0].replacement).toBe('再接再厉');
  });

  it('sign writes FILE.sig and verify accepts it', () => {
    expect(wordlist('sign', 'out/bundle.json', '--key', 'keys/private.key').code).toBe(0);
    expect(Buffer.from(readFileSync(join(dir, 'out', 'bundle.json.sig'), 'utf8').trim(), 'base64')).toHaveLength(64);
    const r = wordlist('verify', 'out/bundle.json', '--key', 'keys/public.key');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/验证通过.*\n.*版本 3/);
  });

  it('verify fails with the reason for a tampered file, a wrong key, a truncated or missing signature', () => {
    const original = readFileSync(join(dir, 'out', 'bundle.json'));
    const sig = readFileSync(join(dir, 'out', 'bundle.json.sig'), 'utf8');
    writeFileSync(join(dir, 'tampered.json'), original.toString('utf8').replace('枪支出售', '枪支出租'));
    writeFileSync(join(dir, 'tampered.json.sig'), sig);
    const tampered = wordlist('verify', 'tampered.json', '--key', 'keys/public.key');
    expect(tampered.code).toBe(1);
    expect(tampered.stderr).toMatch(/signature-invalid.*签名验证失败/);

    expect(wordlist('keygen', '--out', 'other').code).toBe(0);
    const wrongKey = wordlist('verify', 'out/bundle.json', '--key', 'other/public.key');
    expect(wrongKey.code).toBe(1);
    expect(wrongKey.stderr).toMatch(/签名验证失败/);

    writeFileSync(join(dir, 'truncated.json'), original);
    writeFileSync(join(dir, 'truncated.json.sig'), sig.slice(0, 50));
    const truncated = wordlist('verify', 'truncated.json', '--key', 'keys/public.key');
    expect(truncated.code).toBe(1);
    expect(truncated.stderr).toMatch(/签名文件不完整/);

    writeFileSync(join(dir, 'unsigned.json'), original);
    const unsigned = wordlist('verify', 'unsigned.json', '--key', 'keys/public.key');
    expect(unsigned.code).toBe(1);
    expect(unsigned.stderr).toMatch(/缺少签名文件/);
  });

  it('verify fails on a signed file that is not a valid bundle', () => {
    writeFileSync(join(dir, 'bad.json'), JSON.stringify({ format: 'xianshen-bundle/1', version: 0, issuedAt: 'yesterday', issuer: 'x', lists: [] }));
    expect(wordlist('sign', 'bad.json', '--key', 'keys/private.key').code).toBe(1); // sign refuses it too
    writeFileSync(join(dir, 'bad.json.sig'), readFileSync(join(dir, 'out', 'bundle.json.sig')));
    const r = wordlist('verify', 'bad.json', '--key', 'keys/public.key');
    expect(r.code).toBe(1);
  });

  it('rebuilding removes the stale signature next to the bundle', () => {
    writeFileSync(join(dir, 'stale.json.sig'), 'old');
    expect(wordlist('build', 'src', '--version', '4', '--out', 'stale.json').code).toBe(0);
    expect(existsSync(join(dir, 'stale.json.sig'))).toBe(false);
  });

  it('build names file, line and problem for a bad spreadsheet row', () => {
    mkdirSync(join(dir, 'broken'));
    writeFileSync(join(dir, 'broken', 'typos.txt'), TYPOS_TXT);
    writeFileSync(join(dir, 'broken', 'wrong.tsv'), SENSITIVE_TSV.replace('# severity: block', '# severity: fatal'));
    const r = wordlist('build', 'broken', '--version', '5', '--out', 'x.json');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/wrong\.tsv:\d+/);
    expect(r.stderr).toMatch(/severity/);
    expect(existsSync(join(dir, 'x.json'))).toBe(false);
  });

  it('diff prints added and removed terms per list', () => {
    mkdirSync(join(dir, 'src2'));
    writeFileSync(join(dir, 'src2', 'sensitive.tsv'), SENSITIVE_TSV.replace('枪支出售', '新型诈骗话术'));
    writeFileSync(join(dir, 'src2', 'typos.txt'), TYPOS_TXT);
    expect(wordlist('build', 'src2', '--version', '6', '--out', 'out/bundle6.json').code).toBe(0);
    const r = wordlist('diff', 'out/bundle.json', 'out/bundle6.json');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('== sensitive 违法有害信息: +1 -1\n+ 新型诈骗话术\n- 枪支出售\n');
  });

  it('exits 2 on usage errors', () => {
    expect(wordlist().code).toBe(2);
    expect(wordlist('publish').code).toBe(2);
    expect(wordlist('build', 'src', '--out', 'y.json').code).toBe(2);
    const badVersion = wordlist('build', 'src', '--version', '1.5', '--out', 'y.json');
    expect(badVersion.code).toBe(2);
    expect(badVersion.stderr).toMatch(/--version 必须是正整数/);
    expect(wordlist('sign', 'out/bundle.json').code).toBe(2);
    expect(wordlist('verify', 'out/bundle.json', '--key', 'keys/public.key', '--force').code).toBe(2);
    expect(wordlist('diff', 'out/bundle.json').code).toBe(2);
  });

  it('builds a 100,000-term list exported from a spreadsheet', () => {
    mkdirSync(join(dir, 'big'));
    const terms = new Set<string>();
    let x = 2463534242;
    const next = () => ((x ^= x << 13), (x >>>= 0), (x ^= x >>> 17), (x ^= x << 5), (x >>>= 0));
    while (terms.size < 100_000) {
      let t = '';
      for (let i = 0, n = 2 + (next() % 5); i < n; i++) t += String.fromCharCode(0x4e00 + (next() % 20000));
      terms.add(t);
    }
    const header = '\uFEFF# id: big\r\n# name: 十万词\r\n# category: sensitive\r\n# severity: review\r\n# clause: 测试 第一条\r\nterm\treplacement\r\n';
    writeFileSync(join(dir, 'big', 'big.tsv'), header + [...terms].join('\t\r\n') + '\t\r\n');
    const r = wordlist('build', 'big', '--version', '7', '--out', 'big.json');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/100000 个词条/);
    expect(wordlist('sign', 'big.json', '--key', 'keys/private.key').code).toBe(0);
    expect(wordlist('verify', 'big.json', '--key', 'keys/public.key').code).toBe(0);
  });
});
