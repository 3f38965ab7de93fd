// @vitest-environment node
/**
 * Fuzzing found terms that normalise to nothing (a zero-width character, an emoji, a lone 「！」 or 「-」): they
 * passed every gate, never matched and were counted as terms. Each gate now refuses them and says where.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { wordEntrySchema } from '../../lib/core/wordlist';
import { parseWordlistText, WordlistError } from '../../lib/core/wordlist-file';
import { parseBundleBytes } from '../../lib/bundle/verify';
import { serializeBundle } from '../../lib/bundle/serialize';
import { importPrivateKeyPem, signBytes } from '../../lib/bundle/keys';
import { testBundle } from './helpers/test-bundle';

vi.setConfig({ testTimeout: 120_000 });

const EMPTY_AFTER_NORMALISING = ['\u200b', '😀', '！', '-', ' ！ - '];
const HEADER = '# id: drugs\n# name: 毒品\n# category: sensitive\n# severity: block\n# clause: 004_ffa469a3430680ee.txt 第三十一条\nterm\n';

describe('terms that normalise to nothing', () => {
  it.each(EMPTY_AFTER_NORMALISING)('the entry schema refuses %j', (term) => {
    const parsed = wordEntrySchema.safeParse({ term });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0].message).toMatch(/归一化后为空/);
  });

  it('a wordlist file names the file and the line', () => {
    let error: unknown;
    try {
      parseWordlistText('drugs.tsv', `${HEADER}冰毒出售\n\u200b\n`);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(WordlistError);
    expect((error as WordlistError).message).toMatch(/^drugs\.tsv:8: .*归一化后为空/);
    // and the message shows the invisible character escaped, not raw
    expect((error as WordlistError).message).toContain('\\u200b');
  });

  it('a bundle names the list, the entry and its line in the file', () => {
    const bundle = testBundle(3, ['冰毒出售', '！', '枪支出售']);
    const result = parseBundleBytes(new TextEncoder().encode(serializeBundle(bundle)));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.code).toBe('schema');
    expect(result.reason).toMatch(/lists\[0\]\.entries\[1\]\.term/);
    expect(result.reason).toMatch(/第 \d+ 行/);
    expect(result.reason).toMatch(/归一化后为空/);
  });

  it('`wordlist build` and `wordlist verify` refuse them with file and line', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'xs-empty-terms-'));
    mkdirSync(join(dir, 'src'));
    writeFileSync(join(dir, 'src', 'drugs.tsv'), `${HEADER}冰毒出售\n😀\n`);
    const tsx = join(process.cwd(), 'node_modules', 'tsx', 'dist', 'cli.mjs');
    const run = (...args: string[]) =>
      spawnSync(process.execPath, [tsx, join(process.cwd(), 'scripts', 'wordlist.ts'), ...args], { cwd: dir, encoding: 'utf8' });
    const build = run('build', 'src', '--version', '1', '--out', 'out/bundle.json');
    expect(build.status).toBe(1);
    expect(build.stderr).toMatch(/drugs\.tsv:8: .*归一化后为空/);

    // A hand-made bundle file with such a term (no build step): verify reports the line.
    writeFileSync(join(dir, 'hand.json'), serializeBundle(testBundle(2, ['冰毒出售', '-'])));
    const keys = run('keygen', '--out', 'keys');
    expect(keys.status).toBe(0);
    // Signed validly (a careless admin's own tooling), so only the content is wrong.
    const privateKey = await importPrivateKeyPem(readFileSync(join(dir, 'keys', 'private.key'), 'utf8'));
    writeFileSync(join(dir, 'hand.json.sig'), await signBytes(privateKey, readFileSync(join(dir, 'hand.json'))));
    const verify = run('verify', 'hand.json', '--key', 'keys/public.key');
    expect(verify.status).toBe(1);
    expect(verify.stderr).toMatch(/hand\.json:\d+: .*归一化后为空/);
  });
});
