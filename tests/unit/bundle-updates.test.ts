// @vitest-environment node
/**
 * The background update path end to end, with WXT's fake browser and a real HTTP server on 127.0.0.1:
 * check now, the periodic alarm, local import, every rejection (each with its own message), and after each
 * rejection the previously installed ruleset still screens drafts.
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { rulesetServiceIdle, UPDATE_ALARM } from '../../lib/ext/ruleset-service';
import { startBackground } from '../../lib/ext/background-main';
import { putAssets, resetRulesetDbConnection } from '../../lib/ext/ruleset-db';
import { readRulesetSnapshot, onRulesetSnapshotChanged, type RulesetSnapshot } from '../../lib/ext/ruleset-store';
import type { CheckResult } from '../../lib/ext/messages/ruleset';
import { ask as sendRulesetMessage } from '../../lib/ext/send';
import { updateUserSettings } from '../../lib/settings/store';
import { loadRuleset } from '../../lib/core/ruleset';
import { screen } from '../../lib/core/screen';
import { generateSigningKeyPair, importPrivateKeyPem, signBytes } from '../../lib/bundle/keys';
import { serializeBundle } from '../../lib/bundle/serialize';
import { bytesToBase64 } from '../../lib/bundle/base64';
import type { Bundle } from '../../lib/bundle/schema';
import { testBundle } from './helpers/test-bundle';

/** A term no shipped list has: flagged only once an update carrying it is in force. */
const NEW_TERM = '蓝冰糖块出售';
const NEWER_TERM = '紫晶丸代购';
/** A shipped term of a list (typos) the test updates never carry: the bundled lists are the floor. */
const BUNDLED_TERM = '再接再励';

type Served = { status: number; body: string | Uint8Array };
const served = new Map<string, Served>();
let server: Server;
let base = '';

beforeAll(async () => {
  server = createServer((req, res) => {
    const file = served.get(req.url ?? '');
    res.writeHead(file?.status ?? 404, { 'content-type': 'application/json' });
    res.end(file?.body ?? 'not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const encode = (text: string) => new TextEncoder().encode(text);

const bundle = (version: number, terms: string[]) => testBundle(version, terms);

let admin: { publicKey: string; privateKey: CryptoKey };
let stranger: { publicKey: string; privateKey: CryptoKey };
beforeAll(async () => {
  for (const who of ['admin', 'stranger'] as const) {
    const pair = await generateSigningKeyPair();
    const value = { publicKey: pair.publicKeyBase64, privateKey: await importPrivateKeyPem(pair.privateKeyPem) };
    if (who === 'admin') admin = value;
    else stranger = value;
  }
});

/** Puts bundle bytes and a signature at /bundle.json and /bundle.json.sig. */
function serve(bytes: Uint8Array | string, sig: string | undefined, path = '/bundle.json') {
  served.set(path, { status: 200, body: bytes });
  if (sig === undefined) served.delete(`${path}.sig`);
  else served.set(`${path}.sig`, { status: 200, body: sig });
}
async function serveSigned(b: Bundle, key = admin.privateKey) {
  const bytes = encode(serializeBundle(b));
  serve(bytes, await signBytes(key, bytes));
  return bytes;
}

async function flagged(text: string): Promise<string[]> {
  const snapshot = (await readRulesetSnapshot())!;
  return screen({ platform: 'wechat', fields: { body: text } }, loadRuleset(snapshot.serialized)).map((f) => f.text);
}

const checkNow = () => sendRulesetMessage({ type: 'ruleset:check-now' });
const status = () => sendRulesetMessage({ type: 'ruleset:status' });

async function startService() {
  startBackground({ reviewDb: new IDBFactory() });
  await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install' });
  await rulesetServiceIdle();
}

beforeEach(async () => {
  fakeBrowser.reset();
  globalThis.indexedDB = new IDBFactory();
  resetRulesetDbConnection();
  served.clear();
  fakeBrowser.runtime.getManifest = (() => ({ manifest_version: 3, name: 'XianShen', version: '0.1.0' })) as never;
  await startService();
});

describe('before any update', () => {
  it('puts the bundled lists in force right after install', async () => {
    const snapshot = (await readRulesetSnapshot())!;
    expect(snapshot).toMatchObject({ version: 0, source: 'bundled' });
    expect(snapshot.counts.sensitive).toBeGreaterThan(100);
    expect(await flagged(`有人发布枪支出售信息，大家${BUNDLED_TERM}`)).toEqual(['枪支出售', BUNDLED_TERM]);
  });

  it('says so when no update URL is configured', async () => {
    const result = await checkNow();
    expect(result).toMatchObject({ outcome: 'no-urls', message: expect.stringMatching(/尚未配置词库更新地址/) });
  });

  it('schedules the periodic check at the configured interval and follows changes', async () => {
    expect((await fakeBrowser.alarms.get(UPDATE_ALARM))?.periodInMinutes).toBe(6 * 60);
    await updateUserSettings({ updateIntervalHours: 2 });
    await rulesetServiceIdle();
    expect((await fakeBrowser.alarms.get(UPDATE_ALARM))?.periodInMinutes).toBe(120);
  });
});

describe('with an update URL and a trusted key', () => {
  beforeEach(async () => {
    await updateUserSettings({ updateUrls: [`${base}/bundle.json`], trustedKeys: [admin.publicKey] });
    await rulesetServiceIdle(); // a changed URL/key triggers a check by itself (nothing served yet)
  });

  async function installV5() {
    await serveSigned(bundle(5, [NEW_TERM]));
    const result = await checkNow();
    expect(result).toMatchObject({ outcome: 'applied', version: 5 });
  }

  it('applies a newer signed bundle on "check now": new terms flagged, bundled lists kept', async () => {
    const seen: RulesetSnapshot[] = [];
    const stop = onRulesetSnapshotChanged((s) => seen.push(s));
    await installV5();
    stop();
    expect(seen.at(-1)).toMatchObject({ version: 5, source: 'update' });
    expect(await flagged(`群里有人${NEW_TERM}`)).toContain(NEW_TERM);
    const s = await status();
    expect(s.installed).toMatchObject({ version: 5, source: 'update', issuer: '市委网信办', origin: `${base}/bundle.json` });
    expect(s.update).toMatchObject({ lastOutcome: 'applied', lastTrigger: 'manual' });
    expect(s.update.lastError).toBeUndefined();
    const sensitive = s.lists.find((l) => l.id === 'sensitive')!;
    expect(sensitive).toMatchObject({ source: 'update', count: 1, version: '5', active: true });
    // lists the update does not carry stay in force from the bundled copy
    expect(s.lists.find((l) => l.id === 'typos')).toMatchObject({ source: 'bundled', active: true });
  });

  it('picks up a new bundle when the periodic alarm fires', async () => {
    await installV5();
    await serveSigned(bundle(6, [NEW_TERM, NEWER_TERM]));
    await fakeBrowser.alarms.onAlarm.trigger({ name: UPDATE_ALARM, scheduledTime: Date.now() } as never);
    await rulesetServiceIdle();
    expect((await readRulesetSnapshot())!.version).toBe(6);
    expect(await flagged(`有人${NEWER_TERM}`)).toContain(NEWER_TERM);
    expect((await status()).update.lastTrigger).toBe('alarm');
  });

  it('treats the same version as up to date, not as an error', async () => {
    await installV5();
    await serveSigned(bundle(5, [NEW_TERM]));
    expect(await checkNow()).toMatchObject({ outcome: 'up-to-date', message: expect.stringMatching(/相同/) });
    expect((await status()).update.lastError).toBeUndefined();
  });

  const rejections: { name: string; code: string; message: RegExp; setup: () => Promise<void> }[] = [
    {
      name: 'tampered payload',
      code: 'signature-invalid',
      message: /签名验证失败/,
      setup: async () => {
        const bytes = encode(serializeBundle(bundle(6, [NEW_TERM, NEWER_TERM])));
        const sig = await signBytes(admin.privateKey, bytes);
        serve(encode(serializeBundle(bundle(6, [NEWER_TERM]))), sig);
      },
    },
    {
      name: 'wrong key',
      code: 'signature-invalid',
      message: /不对应/,
      setup: async () => void (await serveSigned(bundle(6, [NEWER_TERM]), stranger.privateKey)),
    },
    {
      name: 'truncated signature',
      code: 'signature-malformed',
      message: /签名文件不完整/,
      setup: async () => {
        const bytes = encode(serializeBundle(bundle(6, [NEWER_TERM])));
        serve(bytes, (await signBytes(admin.privateKey, bytes)).slice(0, 60));
      },
    },
    {
      name: 'older version (replay)',
      code: 'older-version',
      message: /版本 4 低于已安装的版本 5/,
      setup: async () => void (await serveSigned(bundle(4, [NEWER_TERM]))),
    },
    {
      name: 'malformed JSON',
      code: 'malformed-json',
      message: /不是有效的 JSON/,
      setup: async () => {
        const bytes = encode(serializeBundle(bundle(6, [NEWER_TERM])).slice(0, 100));
        serve(bytes, await signBytes(admin.privateKey, bytes));
      },
    },
    {
      name: 'schema violation',
      code: 'schema',
      message: /格式不符合要求.*lists\[0\]\.severity/,
      setup: async () => {
        const bad = JSON.parse(JSON.stringify(bundle(6, [NEWER_TERM])));
        bad.lists[0].severity = 'urgent';
        const bytes = encode(JSON.stringify(bad));
        serve(bytes, await signBytes(admin.privateKey, bytes));
      },
    },
    {
      name: 'oversized bundle',
      code: 'too-large',
      message: /过大.*超过上限 2\.0 KB/,
      setup: async () => {
        await updateUserSettings({ maxBundleBytes: 2048 });
        await rulesetServiceIdle();
        await serveSigned(bundle(6, Array.from({ length: 200 }, (_, i) => `${NEWER_TERM}${i}`)));
      },
    },
    {
      name: 'HTTP error on the bundle',
      code: 'http-error',
      message: /bundle\.json 返回 HTTP 500/,
      setup: async () => void served.set('/bundle.json', { status: 500, body: 'oops' }),
    },
    {
      name: 'missing signature file (HTTP 404)',
      code: 'http-error',
      message: /签名文件失败.*bundle\.json\.sig 返回 HTTP 404/,
      setup: async () => serve(encode(serializeBundle(bundle(6, [NEWER_TERM]))), undefined),
    },
    {
      name: 'unreachable URL',
      code: 'unreachable',
      message: /无法连接词库包地址 http:\/\/127\.0\.0\.1:1\//,
      setup: async () => {
        await updateUserSettings({ updateUrls: ['http://127.0.0.1:1/bundle.json'] });
        await rulesetServiceIdle();
      },
    },
  ];

  for (const r of rejections) {
    it(`rejects ${r.name} with its own message and keeps the installed ruleset`, async () => {
      await installV5();
      await r.setup();
      const result: CheckResult = await checkNow();
      expect(result.outcome).toMatch(/rejected|failed/);
      expect(result.code).toBe(r.code);
      expect(result.message).toMatch(r.message);
      const s = await status();
      expect(s.update.lastError).toMatchObject({ code: r.code, reason: result.message });
      expect(s.installed?.version).toBe(5);
      const snapshot = (await readRulesetSnapshot())!;
      expect(snapshot).toMatchObject({ version: 5, source: 'update' });
      expect(await flagged(`群里有人${NEW_TERM}，还有人${NEWER_TERM}`)).toEqual([NEW_TERM]);
      expect(await flagged(`大家${BUNDLED_TERM}`)).toEqual([BUNDLED_TERM]);
    });
  }

  it('clears the last error once a later check succeeds', async () => {
    await installV5();
    await serveSigned(bundle(6, [NEWER_TERM]), stranger.privateKey);
    await checkNow();
    expect((await status()).update.lastError?.code).toBe('signature-invalid');
    await serveSigned(bundle(6, [NEWER_TERM]));
    await checkNow();
    expect((await status()).update.lastError).toBeUndefined();
  });

  it('tries mirrors in order and names the one that failed', async () => {
    await serveSigned(bundle(5, [NEW_TERM]));
    await updateUserSettings({ updateUrls: ['http://127.0.0.1:1/bundle.json', `${base}/bundle.json`] });
    await rulesetServiceIdle();
    expect((await readRulesetSnapshot())!.version).toBe(5); // the URL change itself triggered a check
    await served.set('/bundle.json', { status: 503, body: '' });
    const result = await checkNow();
    expect(result.message).toMatch(/127\.0\.0\.1:1\/bundle\.json：无法连接/);
    expect(result.message).toMatch(/HTTP 503/);
  });

  it('switches a list off and on again for the user (disabledLists)', async () => {
    await installV5();
    await updateUserSettings({ disabledLists: ['sensitive'] });
    await rulesetServiceIdle();
    expect(await flagged(`群里有人${NEW_TERM}`)).toEqual([]);
    expect((await status()).lists.find((l) => l.id === 'sensitive')).toMatchObject({ active: false, disabledByUser: true });
    await updateUserSettings({ disabledLists: [] });
    await rulesetServiceIdle();
    expect(await flagged(`群里有人${NEW_TERM}`)).toEqual([NEW_TERM]);
  });

  it('falls back to the bundled lists when the stored bundle is unreadable', async () => {
    await installV5();
    const { bundleKey } = (await fakeBrowser.storage.local.get('xs:ruleset-lists'))['xs:ruleset-lists'] as { bundleKey: string };
    await putAssets({ [bundleKey]: { bundle: { broken: true }, source: 'update' } });
    fakeBrowser.runtime.getManifest = (() => ({ manifest_version: 3, name: 'XianShen', version: '0.2.0' })) as never;
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'update' } as never);
    await rulesetServiceIdle();
    const snapshot = (await readRulesetSnapshot())!;
    expect(snapshot.source).toBe('bundled');
    expect(await flagged(`大家${BUNDLED_TERM}`)).toEqual([BUNDLED_TERM]);
    expect((await status()).update.lastError?.code).toBe('stored-bundle-invalid');
  });
});

describe('local import', () => {
  beforeEach(async () => {
    await updateUserSettings({ trustedKeys: [admin.publicKey] });
    await rulesetServiceIdle();
  });

  const importFile = (bytes: Uint8Array, sigText?: string) =>
    sendRulesetMessage({ type: 'ruleset:import', fileName: 'bundle.json', bundleBase64: bytesToBase64(bytes), sigText });

  it('applies a signed bundle file', async () => {
    const bytes = encode(serializeBundle(bundle(3, [NEW_TERM])));
    expect(await importFile(bytes, await signBytes(admin.privateKey, bytes))).toMatchObject({ outcome: 'applied', version: 3 });
    expect((await readRulesetSnapshot())!).toMatchObject({ version: 3, source: 'import' });
    expect(await flagged(`群里有人${NEW_TERM}`)).toEqual([NEW_TERM]);
    expect((await status()).installed).toMatchObject({ source: 'import', origin: 'bundle.json' });
  });

  it('refuses an unsigned file unless policy allows unsigned import', async () => {
    const bytes = encode(serializeBundle(bundle(3, [NEW_TERM])));
    expect(await importFile(bytes)).toMatchObject({ outcome: 'rejected', code: 'signature-missing', message: expect.stringMatching(/管理策略允许/) });
    expect((await readRulesetSnapshot())!.source).toBe('bundled');

    await fakeBrowser.storage.managed.set({ allowUnsignedImport: true });
    await rulesetServiceIdle();
    expect(await importFile(bytes)).toMatchObject({ outcome: 'applied', message: expect.stringMatching(/未签名（策略允许）/) });
    expect(await flagged(`群里有人${NEW_TERM}`)).toEqual([NEW_TERM]);
  });

  it('still verifies a signature that comes with the file, even when unsigned import is allowed', async () => {
    await fakeBrowser.storage.managed.set({ allowUnsignedImport: true });
    const bytes = encode(serializeBundle(bundle(3, [NEW_TERM])));
    expect(await importFile(bytes, await signBytes(stranger.privateKey, bytes))).toMatchObject({ code: 'signature-invalid' });
  });
});

describe('policy-pushed update settings', () => {
  it('checks right away when the admin pushes an update URL and key', async () => {
    await serveSigned(bundle(7, [NEW_TERM]));
    await fakeBrowser.storage.managed.set({ updateUrls: [`${base}/bundle.json`], trustedKeys: [admin.publicKey], locked: ['disabledLists'] });
    await rulesetServiceIdle();
    expect((await readRulesetSnapshot())!.version).toBe(7);
    expect((await status()).update.lastTrigger).toBe('settings');
  });
});
