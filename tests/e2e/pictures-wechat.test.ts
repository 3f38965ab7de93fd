/**
 * Pictures in a WeChat MP draft (issue 13, 4), in the built extension on the WeChat fixture: a poster with a
 * mobile and an ID number in the body is read locally while publishing is held ("正在识别"), its findings appear
 * in the sidebar with the thumbnail and the read text (span marked), the picture is outlined in the editor, and
 * publishing stays held while they are open. A picture the extension cannot fetch is reported as not read and
 * holds publishing with the reason.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { posterPii } from '../images/generate';
import { openConsole } from './helpers/consoles';
import { HAS_CHROMIUM, launchExtension, type LaunchedExtension } from './helpers/launch';
import { statusLine, waitForState } from './helpers/sidebar';

type Fixture = { published: unknown[]; setBodyHTML(h: string): Promise<void> };
const setBody = (page: Page, html: string) => page.evaluate((h) => (window as unknown as { __fixture: Fixture }).__fixture.setBodyHTML(h), html);
const publishedCount = (page: Page) => page.evaluate(() => (window as unknown as { __fixture: Fixture }).__fixture.published.length);
const PUBLISH = '#js_send .mass_send';

let ext: LaunchedExtension;

describe.skipIf(!HAS_CHROMIUM)('pictures in the WeChat MP editor', () => {
  beforeAll(async () => {
    ext = await launchExtension();
  });
  afterAll(async () => {
    await ext?.close();
  });

  it('reads a poster in the body: held while reading, findings with thumbnail and read text, picture outlined, publishing held', async () => {
    const page = await openConsole(ext.context, 'wechat', { fixtureOptions: { fx_variant: 'light', fx_trusted: '1' } });
    const png = Buffer.from(posterPii().png).toString('base64');
    await setBody(page, `<p><span leaf="">本周招聘会安排如下。</span></p><p><img src="data:image/png;base64,${png}" alt="招聘会海报"></p>`);

    // While the picture is read (models load on first use), the status says so and publishing is held.
    await expect.poll(() => statusLine(page).textContent(), { timeout: 15_000 }).toContain('正在识别');
    await page.locator(PUBLISH).click();
    await waitForState(page, ['held']);
    expect(await page.locator('xianshen-sidebar [data-xs="held"]').textContent()).toContain('识别');
    expect(await publishedCount(page)).toBe(0);

    // The poster's mobile and ID number: findings on the picture, with its thumbnail and the read text.
    const onPicture = page.locator('xianshen-sidebar [data-xs="finding"][data-category="pii"][data-field^="image:"]');
    await onPicture.first().waitFor({ timeout: 90_000 });
    const marked = await onPicture.locator('[data-xs="picture-text"] mark').allTextContents();
    expect(marked.sort()).toEqual(['13912345678', '341802198604171233']);
    expect(await onPicture.first().locator('[data-xs="picture-preview"] img').getAttribute('src')).toMatch(/^data:image\/png/);
    expect(await onPicture.first().getAttribute('data-severity')).toBe('block');

    // The picture is outlined in the editor (outside the editor's DOM).
    const outlines = page.locator('xianshen-picture-outlines [data-xs="picture-outline"][data-severity="block"]');
    await outlines.first().waitFor({ state: 'attached', timeout: 5_000 });
    expect(await outlines.first().textContent()).toContain('2 个问题');

    // Publishing is held by the picture's findings like any other.
    await page.locator(PUBLISH).click();
    await waitForState(page, ['held']);
    expect(await page.locator('xianshen-sidebar [data-xs="held"]').textContent()).toContain('13912345678');
    expect(await publishedCount(page)).toBe(0);
    await page.screenshot({ path: 'tests/artifacts/screenshots/wechat-pictures.png' });

    // The jump action scrolls to the picture and emphasises its outline.
    await onPicture.first().getByRole('button', { name: /定位/ }).click();
    await page.close();
  }, 150_000);

  it('a picture the extension cannot fetch is reported as not read and holds publishing', async () => {
    const page = await openConsole(ext.context, 'wechat', { fixtureOptions: { fx_variant: 'light', fx_trusted: '1' } });
    await setBody(page, '<p><span leaf="">一段干净的正文。</span></p><p><img src="https://mmbiz.qpic.cn/mmbiz_png/xs-test/0?wx_fmt=png" alt="活动照片"></p>');
    const notRead = page.locator('xianshen-sidebar [data-xs="picture-not-read"]');
    await notRead.first().waitFor({ timeout: 30_000 });
    expect(await notRead.first().textContent()).toContain('mmbiz.qpic.cn');
    await page.locator(PUBLISH).click();
    await waitForState(page, ['held']);
    expect(await page.locator('xianshen-sidebar [data-xs="held"]').textContent()).toContain('未能识别');
    expect(await publishedCount(page)).toBe(0);
    await page.close();
  }, 60_000);
});
