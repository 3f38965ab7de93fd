// @vitest-environment node
/**
 * Fuzzing found the CLI echoing raw input in its messages (across lines, with terminal control characters),
 * printing finding text raw in the table (ESC, NUL, bidi overrides), and screening GBK or UTF-16 files as
 * garbled text with exit 0. Drafts are now decoded by BOM or detected encoding, and everything printed from
 * input is escaped and shortened.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';

vi.setConfig({ testTimeout: 60_000 });

const ROOT = join(__dirname, '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'xs-hostile-'));

function scan(args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts/scan.ts'), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, NODE_OPTIONS: '' },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Control characters a terminal acts on, and the bidi controls that reorder what is shown. */
const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

/** GBK bytes of a string, from the platform's own GB18030 decoder (inverted over the two-byte range). */
function gbk(text: string): Uint8Array {
  const decoder = new TextDecoder('gb18030');
  const table = new Map<string, number[]>();
  for (let lead = 0x81; lead <= 0xfe; lead++)
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      const ch = decoder.decode(new Uint8Array([lead, trail]));
      if (!table.has(ch)) table.set(ch, [lead, trail]);
    }
  const out: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code < 0x80) out.push(code);
    else out.push(...(table.get(ch) ?? (() => { throw new Error(`no GBK for ${ch}`); })()));
  }
  return new Uint8Array(out);
}

function utf16(text: string, endian: 'le' | 'be', bom: boolean): Uint8Array {
  const out: number[] = bom ? (endian === 'le' ? [0xff, 0xfe] : [0xfe, 0xff]) : [];
  for (let i = 0; i < text.length; i++) {
    const u = text.charCodeAt(i);
    out.push(...(endian === 'le' ? [u & 0xff, u >> 8] : [u >> 8, u & 0xff]));
  }
  return new Uint8Array(out);
}

// An offer, not a warning: under 'mention is not use' a warning that names the drug is not a block.
const DRAFT = '本店长期冰毒出售，货源稳定，量大从优，有意者私聊。';

describe('draft files in the encodings Windows editors write', () => {
  const cases: [string, Uint8Array][] = [
    ['gbk.txt', gbk(DRAFT)],
    ['utf16le-bom.txt', utf16(DRAFT, 'le', true)],
    ['utf16be-bom.txt', utf16(DRAFT, 'be', true)],
    ['utf16le.txt', utf16(DRAFT, 'le', false)],
    ['utf8-bom.txt', new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(DRAFT)])],
    ['gbk.json', gbk(JSON.stringify({ platform: 'wechat', title: '通知', body: DRAFT }))],
  ];
  it.each(cases)('%s is decoded and the drug offer is found (exit 1)', (name, bytes) => {
    const file = join(dir, name);
    writeFileSync(file, bytes);
    const r = scan(['--json', file]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1);
    const { findings } = JSON.parse(r.stdout);
    expect(findings.map((f: { text: string }) => f.text)).toContain('冰毒出售');
  });

  it('exits 2 with a clear message when the encoding cannot be told', () => {
    const file = join(dir, 'noise.txt');
    // Bytes that are neither UTF-8 nor plausible GBK or UTF-16 text.
    writeFileSync(file, new Uint8Array([0x81, 0x30, 0xff, 0x00, 0xfe, 0x39, 0x81, 0x7f, 0x80, 0x80, 0x9f, 0x01, 0xa0]));
    const r = scan([file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/noise\.txt: 无法判断文件编码/);
    expect(r.stderr).toMatch(/UTF-8/);
  });
});

describe('nothing from the input reaches the terminal raw', () => {
  it('an invalid JSON draft is quoted escaped, on one line and shortened', () => {
    const file = join(dir, 'evil.json');
    // V8's own message quotes the start of the input: here an escape sequence, a line break and a bidi override.
    writeFileSync(file, `\u001b[2J\u001b]0;pwned\u0007\nsecond line\u202e${'x'.repeat(500)}`);
    const r = scan([file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/evil\.json: 不是有效的 JSON/);
    expect(r.stderr).not.toMatch(RAW_CONTROL);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(r.stderr.length).toBeLessThan(400);
  });

  it('the table escapes ESC, NUL and bidi overrides in finding text', () => {
    const file = join(dir, 'controls.json');
    writeFileSync(file, JSON.stringify({ body: '有人在群里冰\u001b毒出售，还有人冰\u0000毒出售，也有人冰\u202e毒出售。' }));
    const r = scan([file]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/冰.*毒出售/);
    expect(r.stdout).not.toMatch(RAW_CONTROL);
    expect(r.stdout).toContain('\\u001b');
  });

  it('an invalid bundle is reported escaped too', () => {
    const file = join(dir, 'evil-bundle.json');
    writeFileSync(file, `\u001b]8;;http://x\u0007\n\u202e{"format": 1}`);
    const r = scan(['--wordlists', file, join(dir, 'controls.json')]);
    expect(r.code).toBe(2);
    expect(r.stderr).not.toMatch(RAW_CONTROL);
  });
});
