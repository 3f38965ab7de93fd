/**
 * The server's own review page in real Chromium: a reviewer on a phone-sized screen logs in, sees a new draft
 * arrive live, sees the finding highlighted at its offsets, accepts it with a reason and approves; the admin
 * page lists the unit's people. Needs Debian's chromium (a failure under CI, a skip elsewhere).
 */
import fs from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, login, seed, startTestServer, submission, PASSWORD, type TestServer } from './helpers';

const CHROMIUM = process.env.XS_CHROMIUM ?? '/usr/bin/chromium';
const available = fs.existsSync(CHROMIUM) || process.env.CI === 'true';

describe.skipIf(!available)('review page (Chromium)', () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startTestServer('pglite');
    await seed(server);
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1'] });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('a reviewer approves on a phone: live queue, exact highlight, accept with reason, approve', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, locale: 'zh-CN' });
    await page.goto(server.url);
    await page.fill('input[name=username]', 'r1');
    await page.fill('input[name=password]', PASSWORD);
    await page.click('button[type=submit]');
    await page.waitForSelector('[data-xs=live].on');
    await expect.poll(() => page.textContent('[data-xs=queue]'), { timeout: 10_000 }).toContain('暂无待审稿件');

    const body = '为方便群众咨询，请拨打 13812345678 联系王先生。';
    const ed = await login(server, 'ed');
    const sub = await submission('unit-a', body, [{ text: '13812345678', severity: 'block' }]);
    const submitted = await api(server, 'POST', '/api/drafts', { token: ed, body: sub });
    const item = page.locator(`[data-xs=queue-item][data-id="${submitted.json.draftId}"]`);
    await item.waitFor({ timeout: 15_000 }); // arrived through the live event, no reload
    await item.click();

    const mark = page.locator('mark.sev-block');
    await expect.poll(() => mark.textContent(), { timeout: 10_000 }).toBe('13812345678');
    expect(await page.locator('[data-xs=approve]').isDisabled()).toBe(true);
    await page.fill('[data-xs=finding] input', '单位公开的咨询电话');
    await page.click('[data-xs=finding] button[type=submit]');
    await page.locator('.accepted-note').waitFor();
    await page.fill('[data-xs=decide] textarea', '同意');
    await page.locator('[data-xs=approve]').click();
    await page.locator('.levels li.approve[data-level=first]').waitFor();
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(390); // nothing overflows sideways on a phone
    fs.mkdirSync('tests/artifacts/screenshots', { recursive: true });
    await page.screenshot({ path: 'tests/artifacts/screenshots/server-review-phone.png', fullPage: true });
    const detail = await api(server, 'GET', `/api/drafts/${submitted.json.draftId}`, { token: ed });
    expect(detail.json.decisions).toMatchObject([{ level: 'first', person: '李初审', decision: 'approve', opinion: '同意' }]);
    expect(detail.json.nextLevel).toBe('second');
    await page.close();
  });

  it('the admin page lists the unit’s people and verifies the record', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
    await page.goto(server.url);
    await page.fill('input[name=username]', 'boss');
    await page.fill('input[name=password]', PASSWORD);
    await page.click('button[type=submit]');
    await page.click('nav a[href="#/admin"]');
    await page.locator('tr[data-username=r3]').waitFor();
    await page.getByText('校验哈希链').click();
    await expect.poll(() => page.textContent('[data-xs=verify]'), { timeout: 10_000 }).toMatch(/哈希链完整：\d+ 条记录/);
    await page.screenshot({ path: 'tests/artifacts/screenshots/server-admin.png', fullPage: true });
    await page.close();
  });
});
