/**
 * 服务器模式 end to end (issue 12): a real review server (embedded PGlite in a temp DATA_DIR, loopback port) and
 * four separate browser profiles with the built extension — the editor and three reviewers of one unit, each
 * logged in as a different person. The editor types a clean draft on the WeChat fixture and clicks 提交审核;
 * 初审 and 复审 approve on the server's review page in their own profiles, 终审 on a phone-sized screen; the
 * editor's gate opens within 2 s of the final approval and an edit closes it again.
 *
 * Refusals: the editor's extension talks to the server through a tampering proxy in this test, so the
 * extension's own verification path (background → link → verifyApproval) sees an approval that was altered,
 * one signed by another key, and a genuine one issued for another draft — the gate must stay shut for each.
 * A reviewer of another unit sees nothing, and the editor (who also holds 初审/复审 roles) cannot approve
 * their own draft.
 */
import crypto from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import type { browser } from 'wxt/browser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { approvalBytes } from '../../lib/review-server/approval';
import type { SignedApproval } from '../../lib/review-server/schemas';
import { api, login, seed, startTestServer, submission, PASSWORD, type TestServer } from '../server/helpers';
import { openConsole } from './helpers/consoles';
import { HAS_CHROMIUM, launchExtension, type LaunchedExtension } from './helpers/launch';
import { statusLine, waitForState } from './helpers/sidebar';

/** The extension API inside `serviceWorker.evaluate` callbacks (typed as WXT's browser). */
declare const chrome: typeof browser;

type Envelope = { approval: SignedApproval; signature: string };
type Tamper = (envelope: Envelope) => Envelope;

/**
 * Forwards everything to the server unchanged (SSE streamed through), except that while `tamper` is set the
 * approval in `GET /api/drafts/by-key` is rewritten. `dropStreams` ends the live streams: the extension
 * reconnects and forgets its cached draft states, so the next gate question reads through the tamper.
 */
async function startProxy(target: string) {
  let tamper: Tamper | undefined;
  let streamsOpened = 0;
  const streams = new Set<http.ServerResponse>();
  const proxy = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', target);
    if (tamper && req.method === 'GET' && url.pathname === '/api/drafts/by-key') {
      const rewrite = tamper;
      void (async () => {
        const upstream = await fetch(url, { headers: { authorization: String(req.headers.authorization ?? ''), origin: String(req.headers.origin ?? '') } });
        const headers = Object.fromEntries([...upstream.headers].filter(([k]) => !['content-encoding', 'content-length', 'transfer-encoding'].includes(k)));
        const json = await upstream.json();
        if (json?.approval) json.approval = rewrite(json.approval);
        res.writeHead(upstream.status, headers);
        res.end(JSON.stringify(json));
      })().catch(() => res.destroy());
      return;
    }
    const upstream = http.request(url, { method: req.method, headers: { ...req.headers, host: url.host } }, (upRes) => {
      res.writeHead(upRes.statusCode ?? 502, upRes.headers);
      upRes.pipe(res);
      if (url.pathname === '/api/events') {
        streamsOpened++;
        streams.add(res);
        res.on('close', () => {
          streams.delete(res);
          upRes.destroy();
        });
      }
    });
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`,
    get streamsOpened() {
      return streamsOpened;
    },
    setTamper(next: Tamper | undefined) {
      tamper = next;
    },
    dropStreams() {
      for (const s of streams) s.destroy();
    },
    close: () =>
      new Promise<void>((resolve) => {
        proxy.closeAllConnections();
        proxy.close(() => resolve());
      }),
  };
}

const review = (page: Page, hook: string) => page.locator(`xianshen-sidebar [data-xs="${hook}"]`);
const gateOpen = async (page: Page) => (await review(page, 'review').getAttribute('data-open')) === 'true';

describe.skipIf(!HAS_CHROMIUM)('服务器模式: editor and three reviewers in separate profiles', () => {
  let server: TestServer;
  let proxy: Awaited<ReturnType<typeof startProxy>>;
  let editor: LaunchedExtension;
  let reviewers: LaunchedExtension[] = [];

  async function useServer(ext: LaunchedExtension, url: string): Promise<void> {
    await ext.serviceWorker.evaluate(
      async ({ url, key }) => {
        const k = 'xs:settings';
        const current = (await chrome.storage.local.get(k))[k] ?? {};
        await chrome.storage.local.set({ [k]: { ...current, reviewServerUrl: url, reviewServerKey: key } });
      },
      { url, key: server.keys.publicKeyBase64 },
    );
  }

  /** Logs in on the server's own review page in this profile (phone-sized when asked). */
  async function reviewPage(ext: LaunchedExtension, username: string, phone = false): Promise<Page> {
    const page = await ext.context.newPage();
    if (phone) await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(server.url);
    await page.fill('input[name=username]', username);
    await page.fill('input[name=password]', PASSWORD);
    await page.click('button[type=submit]');
    await page.waitForSelector('[data-xs=live].on');
    return page;
  }

  async function approveOnPage(page: Page, draftId: number, level: string): Promise<void> {
    const item = page.locator(`[data-xs=queue-item][data-id="${draftId}"]`);
    await item.waitFor({ timeout: 15_000 }); // arrives live, no reload
    await item.click();
    await page.fill('[data-xs=decide] textarea', '同意');
    await page.locator('[data-xs=approve]').click();
    await page.locator(`.levels li.approve[data-level=${level}]`).waitFor();
  }

  beforeAll(async () => {
    server = await startTestServer('pglite');
    await seed(server);
    proxy = await startProxy(server.url);
    // Four profiles (separate user-data-dirs), launched once and reused.
    [editor, ...reviewers] = await Promise.all([0, 1, 2, 3].map(() => launchExtension()));
    await useServer(editor, proxy.url);
    for (const r of reviewers) await useServer(r, server.url);
  }, 120_000);

  afterAll(async () => {
    await Promise.all([editor, ...reviewers].map((e) => e?.close()));
    await proxy?.close();
    await server?.stop();
  }, 60_000);

  it('submits from the console, three people approve on the server, the gate opens within 2 s; refusals hold', async () => {
    // The editor logs in to the server on the options page. 钱多岗 is this unit's editor and also holds 初审/复审.
    const options = await editor.context.newPage();
    await options.goto(`chrome-extension://${editor.extensionId}/options.html`);
    await options.locator('[data-xs="review-server-username"]').fill('multi');
    await options.locator('[data-xs="review-server-password"]').fill(PASSWORD);
    await options.locator('[data-xs="review-server-login-button"]').click();
    await expect.poll(() => options.locator('[data-xs="review-server-who"]').textContent(), { timeout: 10_000 }).toContain('钱多岗');
    await options.close();

    const page = await openConsole(editor.context, 'wechat', { fixtureOptions: { fx_empty: '1', fx_flow: 'direct' } });
    await waitForState(page, ['clean', 'problems', 'held']);
    await page.locator('#js_title_main [contenteditable="true"]').click();
    await page.keyboard.type('关于社区健康讲座的通知');
    await page.locator('#ueditor_0 .rich_media_content .ProseMirror').click();
    await page.keyboard.type('本周六上午在社区活动中心举办健康讲座，欢迎居民参加。');
    await expect.poll(() => review(page, 'submit-review').count(), { timeout: 15_000 }).toBe(1);
    expect(await gateOpen(page)).toBe(false);
    const draftKey = (await page.locator('xianshen-sidebar').getAttribute('data-xs-draft-key'))!;

    const r1Token = await login(server, 'r1');
    const byKey = () => api(server, 'GET', `/api/drafts/by-key?draftKey=${encodeURIComponent(draftKey)}`, { token: r1Token });
    // Clicked while the last keystrokes are still being screened, 提交审核 says 尚未检查完成 and is clicked again.
    await expect
      .poll(
        async () => {
          if ((await byKey()).status === 200) return true;
          if (await review(page, 'submit-review').count()) await review(page, 'submit-review').click();
          return (await byKey()).status === 200 || (await review(page, 'review').textContent());
        },
        { timeout: 15_000, interval: 1_000 },
      )
      .toBe(true);
    // Submitted: the button goes away and 初审 is under way in the editor's sidebar.
    await expect.poll(() => review(page, 'submit-review').count(), { timeout: 10_000 }).toBe(0);
    await expect.poll(() => review(page, 'server-level').first().textContent(), { timeout: 10_000 }).toContain('审核中');
    const draftId: number = (await byKey()).json.id;
    expect(draftId).toBeGreaterThan(0);

    // A reviewer of another unit sees nothing of it.
    const rb = await login(server, 'rb');
    const otherQueue = await api(server, 'GET', '/api/queue', { token: rb });
    expect(otherQueue.status).toBe(200);
    expect(JSON.stringify(otherQueue.json)).not.toContain('社区健康讲座');
    expect((await api(server, 'GET', `/api/drafts/${draftId}`, { token: rb })).status).toBe(404);
    expect((await api(server, 'GET', `/api/drafts/by-key?draftKey=${encodeURIComponent(draftKey)}`, { token: rb })).status).toBe(404);

    // The editor cannot approve their own draft, though they hold the 初审 role.
    const own = await api(server, 'POST', `/api/drafts/${draftId}/decision`, { token: await login(server, 'multi'), body: { level: 'first', decision: 'approve', opinion: '同意' } });
    expect(own.status).toBeGreaterThanOrEqual(400);
    expect(own.status).toBeLessThan(500);
    expect(own.text).toContain('不能审核自己编辑的稿件');

    // 初审 and 复审 on the review page in their own profiles; the editor's sidebar follows live.
    const [p1, p2, p3] = await Promise.all([reviewPage(reviewers[0]!, 'r1'), reviewPage(reviewers[1]!, 'r2'), reviewPage(reviewers[2]!, 'r3', true)]);
    await approveOnPage(p1, draftId, 'first');
    await expect.poll(() => review(page, 'server-level').first().getAttribute('data-decision'), { timeout: 10_000 }).toBe('approve');
    await approveOnPage(p2, draftId, 'second');
    expect(await gateOpen(page)).toBe(false);

    // 终审 on a phone; the editor's gate opens within 2 s of the click.
    const item = p3.locator(`[data-xs=queue-item][data-id="${draftId}"]`);
    await item.waitFor({ timeout: 15_000 });
    await item.click();
    await p3.fill('[data-xs=decide] textarea', '同意发布');
    expect(await p3.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    const clicked = Date.now();
    await p3.locator('[data-xs=approve]').click();
    await expect.poll(() => gateOpen(page), { timeout: 2_000, interval: 50 }).toBe(true);
    const opened = Date.now() - clicked;
    console.info(`[server-review] final approval → editor's gate open: ${opened} ms`);
    expect(opened).toBeLessThan(2_000);
    await p3.locator('.levels li.approve[data-level=final]').waitFor();

    // Refusals through the extension's verification path: each tampered answer keeps the gate shut.
    const genuineFor = async (): Promise<Envelope> => {
      const ed = await login(server, 'ed');
      const other = await submission('unit-a', '下周一起社区图书室延长开放时间至晚上八点。', [], 'wechat:appmsg-other');
      const id = (await api(server, 'POST', '/api/drafts', { token: ed, body: other })).json.draftId;
      for (const [who, level] of [['r1', 'first'], ['r2', 'second'], ['r3', 'final']] as const)
        await api(server, 'POST', `/api/drafts/${id}/decision`, { token: await login(server, who), body: { level, decision: 'approve', opinion: '同意' } });
      return (await api(server, 'GET', `/api/drafts/by-key?draftKey=wechat:appmsg-other`, { token: ed })).json.approval;
    };
    const forged = crypto.generateKeyPairSync('ed25519');
    const otherDraft = await genuineFor();
    const tampers: [string, Tamper][] = [
      ['altered', (e) => ({ ...e, approval: { ...e.approval, levels: e.approval.levels.map((l) => ({ ...l, person: '冒名顶替' })) } })],
      ['another key', (e) => ({ ...e, signature: crypto.sign(null, Buffer.from(approvalBytes(e.approval)), forged.privateKey).toString('base64') })],
      ['another draft', () => otherDraft],
    ];
    for (const [name, tamper] of tampers) {
      proxy.setTamper(tamper);
      const before = proxy.streamsOpened;
      proxy.dropStreams();
      // Reconnecting clears the background's cache; then the tab is told to ask again.
      await expect.poll(() => proxy.streamsOpened, { timeout: 20_000 }).toBeGreaterThan(before);
      await expect
        .poll(
          async () => {
            await editor.serviceWorker.evaluate((key) => chrome.storage.local.set({ 'xs:review-server-change': { draftKey: key, at: Date.now() } }), draftKey);
            return gateOpen(page);
          },
          { timeout: 10_000, interval: 300 },
        )
        .toBe(false);
      expect(await review(page, 'review').textContent(), name).toContain('已拒绝');
      proxy.setTamper(undefined);
      proxy.dropStreams();
      await expect
        .poll(
          async () => {
            await editor.serviceWorker.evaluate((key) => chrome.storage.local.set({ 'xs:review-server-change': { draftKey: key, at: Date.now() } }), draftKey);
            return gateOpen(page);
          },
          { timeout: 20_000, interval: 300 },
        )
        .toBe(true);
    }

    // The genuine approval publishes; an edit afterwards closes the gate.
    const published = () => page.evaluate(() => Number(document.getElementById('fixture-published')?.dataset.count ?? 0));
    await page.locator('#js_send .mass_send').click();
    await expect.poll(async () => (await published()) > 0 || ((await statusLine(page).textContent()) ?? '').includes('再次点击')).toBe(true);
    if ((await published()) === 0) await page.locator('#js_send .mass_send').click();
    await expect.poll(published).toBe(1);

    await page.locator('#ueditor_0 .rich_media_content .ProseMirror').click();
    await page.keyboard.press('End');
    await page.keyboard.type('请提前报名。');
    await expect.poll(() => gateOpen(page), { timeout: 10_000 }).toBe(false);
    await expect.poll(() => review(page, 'review').textContent(), { timeout: 10_000 }).toContain('提交审核后稿件又被修改');
    await page.locator('#js_send .mass_send').click();
    await waitForState(page, ['held']);
    expect(await published()).toBe(1);
  }, 120_000);
});
