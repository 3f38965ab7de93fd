/**
 * Wordlist updates with the built extension in Chromium. A signed bundle served from a local HTTP server
 * (127.0.0.1, with CORS headers as README.md (管理员：词表发布流程) tells admins to set) is picked up by "立即检查更新"
 * on the options page and by the periodic alarm; the new terms are flagged in an already open console page
 * without a reload; a tampered bundle served next is rejected (reason shown in the popup) and the old terms
 * stay flagged. Also applies a 100,000-term bundle and prints how long that took and the console tab's
 * longest main-thread pause (figures for the README; no timing assertions).
 */
import type { browser } from 'wxt/browser';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openConsole } from './helpers/consoles';
import { HAS_CHROMIUM, launchExtension, type LaunchedExtension } from './helpers/launch';
import { findingRows, waitForState } from './helpers/sidebar';
import { generateSigningKeyPair, importPrivateKeyPem, signBytes } from '../../lib/bundle/keys';
import { serializeBundle } from '../../lib/bundle/serialize';
import type { Bundle } from '../../lib/bundle/schema';
import { testBundle } from '../unit/helpers/test-bundle';

/** The extension API inside `serviceWorker.evaluate` callbacks (typed as WXT's browser). */
declare const chrome: typeof browser;

/** Not in any shipped list: flagged only once an update carrying it is in force. */
const TERM_V1 = '蓝冰糖块出售';
const TERM_V2 = '紫晶丸代购';
const TERM_TAMPERED = '青玉散批发';

const served = new Map<string, string | Uint8Array>();
let server: Server;
let bundleUrl = '';
let ext: LaunchedExtension;
let consolePage: Page;
let publicKey = '';
let privateKey: CryptoKey;

const bundle = (version: number, terms: string[]) => testBundle(version, terms, '市委网信办（测试）');

async function serveBundle(b: Bundle, options: { tamperWith?: Bundle } = {}) {
  const bytes = new TextEncoder().encode(serializeBundle(b));
  const sig = await signBytes(privateKey, bytes);
  served.set('/bundle.json', options.tamperWith ? new TextEncoder().encode(serializeBundle(options.tamperWith)) : bytes);
  served.set('/bundle.json.sig', sig);
}

async function flaggedTexts(page: Page): Promise<string[]> {
  return findingRows(page).evaluateAll((rows) => rows.map((r) => r.textContent ?? ''));
}
async function waitFlagged(page: Page, term: string, timeout = 30_000) {
  await findingRows(page).filter({ hasText: term }).first().waitFor({ state: 'attached', timeout });
}

async function extensionPage(path: string): Promise<Page> {
  const page = await ext.context.newPage();
  await page.goto(`chrome-extension://${ext.extensionId}/${path}`);
  return page;
}

describe.skipIf(!HAS_CHROMIUM)('wordlist updates in Chromium', () => {
  beforeAll(async () => {
    const pair = await generateSigningKeyPair();
    publicKey = pair.publicKeyBase64;
    privateKey = await importPrivateKeyPem(pair.privateKeyPem);
    server = createServer((req, res) => {
      const body = served.get(req.url ?? '');
      // What an intranet web server is configured to send (README.md (管理员：词表发布流程)): CORS for the extension.
      res.writeHead(body === undefined ? 404 : 200, { 'access-control-allow-origin': '*', 'content-type': 'application/json', 'cache-control': 'no-cache' });
      res.end(body ?? 'not found');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    bundleUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/bundle.json`;
    ext = await launchExtension();
    consolePage = await openConsole(ext.context, 'wechat', { fixtureOptions: { fx_variant: 'light' } });
    await waitForState(consolePage, ['clean', 'problems']);
    await consolePage.evaluate(
      (html) => (window as unknown as { __fixture: { setBodyHTML(h: string): Promise<void> } }).__fixture.setBodyHTML(html),
      `<p><span leaf="">有人在群里${TERM_V1}，也有人${TERM_V2}，还有人${TERM_TAMPERED}，大家再接再励。</span></p>`,
    );
    await waitFlagged(consolePage, '再接再励');
  });

  afterAll(async () => {
    await ext?.close();
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  });

  it('starts with the bundled lists only', async () => {
    const texts = await flaggedTexts(consolePage);
    expect(texts.some((t) => t.includes(TERM_V1))).toBe(false);
    const popup = await extensionPage('popup.html');
    await expect.poll(() => popup.getByTestId('xs-installed-version').getAttribute('data-version')).toBe('0');
    await popup.close();
  });

  it('"立即检查更新" on the options page applies a signed bundle; the open console tab flags the new term without a reload', async () => {
    const options = await extensionPage('options.html');
    await options.locator('textarea[name="updateUrls"]').fill(bundleUrl);
    await options.locator('textarea[name="trustedKeys"]').fill(publicKey);
    await options.getByRole('button', { name: '保存更新设置' }).click();
    await options.getByText('已保存').first().waitFor();
    // Nothing served yet: the check that saving triggers fails with HTTP 404 and nothing changes.
    await expect.poll(() => options.getByTestId('xs-last-error').getAttribute('data-code'), { timeout: 15_000 }).toBe('http-error');

    await serveBundle(bundle(1, [TERM_V1]));
    const navigations: string[] = [];
    consolePage.on('framenavigated', (f) => f === consolePage.mainFrame() && navigations.push(f.url()));
    await options.getByTestId('xs-check-now').click();
    await expect.poll(() => options.getByTestId('xs-check-result').getAttribute('data-outcome'), { timeout: 30_000 }).toBe('applied');
    await expect.poll(() => options.getByTestId('xs-installed-version').getAttribute('data-version')).toBe('1');
    await expect(options.locator('[data-testid="xs-list-row"][data-list-id="sensitive"] [data-testid="xs-list-count"]').textContent()).resolves.toBe('1');
    await options.close();

    await waitFlagged(consolePage, TERM_V1);
    expect(navigations).toEqual([]);
  });

  it('the periodic alarm picks up the next version', async () => {
    await serveBundle(bundle(2, [TERM_V1, TERM_V2]));
    // Fire the real chrome.alarms alarm now instead of in six hours (unpacked extensions allow short delays).
    await ext.serviceWorker.evaluate(async () => {
      const alarm = await chrome.alarms.get('xs:update-check');
      await chrome.alarms.create('xs:update-check', { when: Date.now() + 200, periodInMinutes: alarm?.periodInMinutes });
    });
    await waitFlagged(consolePage, TERM_V2, 60_000);
    const status = await ext.serviceWorker.evaluate(async () => (await chrome.storage.local.get('xs:ruleset-status'))['xs:ruleset-status']);
    expect(status).toMatchObject({ lastTrigger: 'alarm', lastOutcome: 'applied' });
  });

  it('rejects a tampered bundle with the reason in the popup, and the old terms stay flagged', async () => {
    await serveBundle(bundle(3, [TERM_V1, TERM_V2]), { tamperWith: bundle(3, [TERM_TAMPERED]) });
    const popup = await extensionPage('popup.html');
    await popup.getByTestId('xs-check-now').click();
    await expect.poll(() => popup.getByTestId('xs-check-result').getAttribute('data-outcome'), { timeout: 30_000 }).toBe('rejected');
    expect(await popup.getByTestId('xs-check-result').textContent()).toMatch(/签名验证失败/);
    await expect.poll(() => popup.getByTestId('xs-last-error').getAttribute('data-code')).toBe('signature-invalid');
    expect(await popup.getByTestId('xs-installed-version').getAttribute('data-version')).toBe('2');
    await popup.close();

    // Give a (wrongly) applied ruleset time to reach the tab before asserting it did not.
    await consolePage.waitForTimeout(1000);
    const texts = await flaggedTexts(consolePage);
    expect(texts.some((t) => t.includes(TERM_V1))).toBe(true);
    expect(texts.some((t) => t.includes(TERM_V2))).toBe(true);
    expect(texts.some((t) => t.includes(TERM_TAMPERED))).toBe(false);
  });

  it('applies a 100,000-term bundle while the console tab keeps responding (figures printed)', async () => {
    const terms = new Set<string>([TERM_V1, TERM_V2, TERM_TAMPERED]);
    let x = 2463534242;
    const next = () => ((x ^= x << 13), (x >>>= 0), (x ^= x >>> 17), (x ^= x << 5), (x >>>= 0));
    while (terms.size < 100_000) {
      let t = '';
      for (let i = 0, n = 3 + (next() % 4); i < n; i++) t += String.fromCharCode(0x4e00 + (next() % 20000));
      terms.add(t);
    }
    await serveBundle(bundle(10, [...terms]));
    // The console tab's main thread: Long Tasks (every task over 50 ms, content-script work included, as it
    // runs on the page's thread) and, as a cross-check, the longest gap between 10 ms timer ticks.
    await consolePage.evaluate(() => {
      const w = window as unknown as { __xsGap: number; __xsStop: boolean; __xsLong: number[] };
      w.__xsGap = 0;
      w.__xsStop = false;
      w.__xsLong = [];
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) {
          w.__xsLong.push(entry.duration, entry.startTime);
          const a = (entry as PerformanceEntry & { attribution?: { containerType?: string; containerSrc?: string }[] }).attribution?.[0];
          console.log(`[longtask] ${Math.round(entry.duration)} ms at ${Math.round(entry.startTime)} (${a?.containerType ?? '?'} ${a?.containerSrc ?? ''})`);
        }
      }).observe({ type: 'longtask' });
      let last = performance.now();
      const tick = () => {
        const now = performance.now();
        w.__xsGap = Math.max(w.__xsGap, now - last);
        last = now;
        if (!w.__xsStop) setTimeout(tick, 10);
      };
      setTimeout(tick, 10);
    });
    const loads: string[] = [];
    const longTaskLog: string[] = [];
    consolePage.on('console', (m) => {
      if (m.text().includes('ruleset loaded via')) loads.push(m.text());
      if (m.text().startsWith('[longtask]')) longTaskLog.push(m.text());
    });
    const options = await extensionPage('options.html');
    const started = Date.now();
    await options.getByTestId('xs-check-now').click();
    await expect.poll(() => options.getByTestId('xs-check-result').getAttribute('data-outcome'), { timeout: 120_000, interval: 100 }).toBe('applied');
    const applyMs = Date.now() - started;
    await waitFlagged(consolePage, TERM_TAMPERED, 120_000);
    const tabMs = Date.now() - started;
    const { gap, longTasks } = await consolePage.evaluate(() => {
      const w = window as unknown as { __xsGap: number; __xsStop: boolean; __xsLong: number[] };
      w.__xsStop = true;
      return { gap: w.__xsGap, longTasks: w.__xsLong };
    });
    // The window in which the new ruleset reached the tab: from its first chunk to 500 ms after it was loaded.
    const [, firstChunk, loadedAt] = /chunks from (\d+) to \d+ ms\).* at (\d+) ms/.exec(loads.at(-1) ?? '') ?? [];
    const durations = longTasks.filter((_, i) => i % 2 === 0);
    const duringLanding = durations.filter((d, i) => {
      const start = longTasks[2 * i + 1];
      return firstChunk !== undefined && start + d >= Number(firstChunk) && start <= Number(loadedAt) + 500;
    });
    const longest = Math.max(0, ...durations);
    const taskList = durations.map((d, i) => `${Math.round(d)} ms at ${Math.round(longTasks[2 * i + 1])}`).join(', ');
    console.log(
      `[figures] 100k-term bundle: check + verify + compile + store ${applyMs} ms; flagged in the open tab after ${tabMs} ms; ` +
        `longest console-tab main-thread pause ${Math.round(longest)} ms, while the new ruleset landed ${Math.round(Math.max(0, ...duringLanding))} ms ` +
        `(Long Tasks over 50 ms: ${taskList || 'none'}; ` +
        `longest timer gap ${Math.round(gap)} ms); tab ruleset load: ${loads.at(-1) ?? 'not reported'}; ${longTaskLog.join('; ')}`,
    );
    await options.close();
    expect(await flaggedTexts(consolePage)).toEqual(expect.arrayContaining([expect.stringContaining(TERM_TAMPERED)]));
    // The tab got the snapshot as bytes from the ruleset frame, not as a JSON message.
    expect(loads.at(-1)).toMatch(/via frame/);
  }, 300_000);
});
