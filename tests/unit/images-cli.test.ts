// @vitest-environment node
/** `npm run scan` on picture files (issue 13, 5): same JSON contract, findings are offsets into the read text. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { govQrPoster, shopQrPoster } from '../images/generate';

const ROOT = join(__dirname, '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'xs-scan-img-'));
const shop = join(dir, 'shop.png');
const gov = join(dir, 'gov.png');
const broken = join(dir, 'broken.jpg');

function scan(args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts/scan.ts'), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, NODE_OPTIONS: '' },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(async () => {
  writeFileSync(shop, (await shopQrPoster()).png);
  writeFileSync(gov, (await govQrPoster()).png);
  writeFileSync(broken, 'not an image');
});

describe('npm run scan with pictures', () => {
  it('screens several pictures in one call: a shop QR poster blocks, a government one passes', () => {
    const r = scan(['--json', gov, shop]);
    expect(r.code, r.stderr).toBe(1);
    const [g, s] = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(g.file).toBe(gov);
    expect(g.findings).toEqual([]);
    expect(g.readText).toContain('二维码：https://www.tongxi.gov.cn/');
    const qr = s.findings.find((f: { check: string }) => f.check === 'ad.qr-ecommerce');
    expect(qr).toMatchObject({ severity: 'block', category: 'ad' });
    expect(qr.field).toMatch(/^image:[0-9a-f]{64}$/);
    for (const f of s.findings) expect(s.readText.slice(f.start, f.end)).toBe(f.text);
  }, 120_000);

  it('a file that is not a picture is an input error (exit 2), and the other files are still screened', () => {
    const r = scan(['--json', broken, gov]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('无法解码图片');
    expect(JSON.parse(r.stdout.trim()).file).toBe(gov);
  }, 120_000);
});
