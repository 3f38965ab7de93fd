// @vitest-environment node
/**
 * The CLI and the extension make rulesets the same way (resolveRuleset): for the same bundle and the same
 * disabled lists, `scan --wordlists bundle.json` and the background produce the same snapshot, byte for byte.
 * Before, the CLI read bundles with its own parser, dropped the bundled lists the extension keeps as the
 * floor and ignored disabledLists.
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { rulesetServiceIdle } from '../../lib/ext/ruleset-service';
import { startBackground } from '../../lib/ext/background-main';
import { resetRulesetDbConnection } from '../../lib/ext/ruleset-db';
import { readRulesetSnapshot } from '../../lib/ext/ruleset-store';
import { decodeBase64 } from '../../lib/ext/ruleset-payload';
import { ask as sendRulesetMessage } from '../../lib/ext/send';
import { updateUserSettings } from '../../lib/settings/store';
import { encodeRuleset } from '../../lib/core/ruleset-snapshot';
import { generateSigningKeyPair, importPrivateKeyPem, signBytes } from '../../lib/bundle/keys';
import { bytesToBase64 } from '../../lib/bundle/base64';
import { serializeBundle } from '../../lib/bundle/serialize';
import { loadCliRuleset } from '../../lib/node/load-lists';
import { testBundle } from './helpers/test-bundle';

vi.setConfig({ testTimeout: 60_000 });

const NEW_TERM = '蓝冰糖块出售';
const BUNDLED_TYPO = '再接再励';
const dir = mkdtempSync(join(tmpdir(), 'xs-parity-'));
const bundlePath = join(dir, 'bundle.json');
let publicKey = '';
let bytes: Uint8Array;
let sig = '';

beforeAll(async () => {
  const pair = await generateSigningKeyPair();
  publicKey = pair.publicKeyBase64;
  bytes = new TextEncoder().encode(serializeBundle(testBundle(7, [NEW_TERM, '枪支出售'])));
  sig = await signBytes(await importPrivateKeyPem(pair.privateKeyPem), bytes);
  writeFileSync(bundlePath, bytes);
  writeFileSync(`${bundlePath}.sig`, sig);
  writeFileSync(join(dir, 'public.key'), `${publicKey}\n`);
});

async function extensionSnapshot(disabledLists: string[]): Promise<Uint8Array> {
  fakeBrowser.reset();
  globalThis.indexedDB = new IDBFactory();
  resetRulesetDbConnection();
  fakeBrowser.runtime.getManifest = (() => ({ manifest_version: 3, name: 'XianShen', version: '0.1.0' })) as never;
  startBackground({ reviewDb: new IDBFactory() });
  await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install' });
  await rulesetServiceIdle();
  await updateUserSettings({ trustedKeys: [publicKey], disabledLists });
  await rulesetServiceIdle();
  const result = await sendRulesetMessage({ type: 'ruleset:import', fileName: 'bundle.json', bundleBase64: bytesToBase64(bytes), sigText: sig });
  expect(result.outcome).toBe('applied');
  return decodeBase64((await readRulesetSnapshot())!.data);
}

describe('one resolveRuleset for the background and the CLI', () => {
  it.each([[[]], [['typos']], [['sensitive', 'ad-signals']]])('same snapshot bytes with disabledLists %j', async (disabledLists) => {
    const fromExtension = await extensionSnapshot(disabledLists);
    const fromCli = encodeRuleset((await loadCliRuleset({ wordlists: bundlePath, publicKey, disabledLists })).ruleset);
    expect(fromCli.length).toBe(fromExtension.length);
    expect(Buffer.from(fromCli).equals(Buffer.from(fromExtension))).toBe(true);
  });

  it('scan --wordlists bundle.json keeps the bundled lists, verifies with --key and honours --disable', () => {
    const draft = join(dir, 'draft.txt');
    writeFileSync(draft, `群里有人${NEW_TERM}，大家${BUNDLED_TYPO}。`);
    const scan = (...args: string[]) => {
      const r = spawnSync(process.execPath, ['--import', 'tsx', join(process.cwd(), 'scripts/scan.ts'), '--json', ...args, draft], {
        encoding: 'utf8',
        env: { ...process.env, NODE_OPTIONS: '' },
      });
      return { code: r.status, stderr: r.stderr, texts: r.stdout ? JSON.parse(r.stdout).findings.map((f: { text: string }) => f.text) : [] };
    };
    const both = scan('--wordlists', bundlePath, '--key', join(dir, 'public.key'));
    expect(both.code).toBe(1);
    expect(both.texts).toEqual(expect.arrayContaining([NEW_TERM, BUNDLED_TYPO]));

    const withoutTypos = scan('--wordlists', bundlePath, '--disable', 'typos');
    expect(withoutTypos.texts).toContain(NEW_TERM);
    expect(withoutTypos.texts).not.toContain(BUNDLED_TYPO);

    writeFileSync(join(dir, 'other.key'), 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n');
    const forged = scan('--wordlists', bundlePath, '--key', join(dir, 'other.key'));
    expect(forged.code).toBe(2);
    expect(forged.stderr).toMatch(/签名验证失败/);
  });
});
