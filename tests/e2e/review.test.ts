/**
 * Review sign-off end to end on the WeChat fixture served at its real URL: a draft with a `block` finding
 * cannot be published; after the configured approvals by different people it can; editing the body closes
 * the gate again; the log page lists the records and exports a CSV that parses back with the same rows.
 *
 * People take turns at the same browser profile (as at a shared 审核 workstation): the test changes the
 * identity in the extension's settings, as the options page would.
 */
import type { browser } from 'wxt/browser';
import fs from 'node:fs';
import Papa from 'papaparse';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csvRow } from '../../lib/review/exports';
import type { LogRecord } from '../../lib/review/types';
import type { Person } from '../../lib/settings/schema';
import { openConsole } from './helpers/consoles';
import { actAs as actAsIn } from './helpers/identity';
import { HAS_CHROMIUM, launchExtension, type LaunchedExtension } from './helpers/launch';
import { findingRows, statusLine, waitForState } from './helpers/sidebar';

/** The extension API inside `serviceWorker.evaluate` callbacks (typed as WXT's browser). */
declare const chrome: typeof browser;

const EDITOR: Person = { name: '王编辑', unit: '办公室', roles: ['editor'] };
const FIRST: Person = { name: '李初审', unit: '办公室', roles: ['first'] };
const SECOND: Person = { name: '张复审', unit: '办公室', roles: ['second'] };
const FINAL: Person = { name: '赵终审', unit: '局领导', roles: ['final'] };

const review = (page: Page, hook: string) => page.locator(`xianshen-sidebar [data-xs="${hook}"]`);

describe.skipIf(!HAS_CHROMIUM)('review gate and log on the WeChat console', () => {
  let ext: LaunchedExtension;

  beforeAll(async () => {
    ext = await launchExtension();
  });
  afterAll(async () => {
    await ext?.close();
  });

  const actAs = (person: Person, extra: Record<string, unknown> = {}) => actAsIn(ext, person, extra);

  async function approveAs(page: Page, person: Person, level: string): Promise<void> {
    await actAs(person);
    await expect.poll(() => review(page, 'review-identity').textContent()).toContain(person.name);
    await expect.poll(() => review(page, 'approve').textContent()).toBe(`${level}通过`);
    await review(page, 'approve').click();
    await expect.poll(() => review(page, 'approve').count()).toBe(0);
  }

  const publishedCount = (page: Page) =>
    page.evaluate(() => Number(document.getElementById('fixture-published')?.dataset.count ?? 0));

  /** Clicks 发表; when the gate had to ask the review service first it arms, and the next real click goes through. */
  async function publish(page: Page): Promise<void> {
    const before = await publishedCount(page);
    await page.locator('#js_send .mass_send').click();
    await expect
      .poll(async () => (await publishedCount(page)) > before || ((await statusLine(page).textContent()) ?? '').includes('再次点击'))
      .toBe(true);
    if ((await publishedCount(page)) === before) await page.locator('#js_send .mass_send').click();
  }

  it('holds a draft with a block finding until different people approve; an edit closes the gate again', async () => {
    await actAs(EDITOR, { reviewRequired: true, reviewLevels: 1, acceptedBlockLevels: 3 });
    const page = await openConsole(ext.context, 'wechat', { fixtureOptions: { fx_empty: '1', fx_flow: 'direct' } });
    await waitForState(page, ['clean', 'problems']);

    // The editor writes the draft (typing makes them its editor: they may not review it).
    await page.locator('#js_title_main [contenteditable="true"]').click();
    await page.keyboard.type('关于中考模拟试卷下发情况的说明');
    await page.locator('#ueditor_0 .rich_media_content .ProseMirror').click();
    await page.keyboard.type('县教研室编制的2025年中考模拟试卷（绝密★启用前）已下发各校。');
    await expect.poll(() => findingRows(page, { severity: 'block' }).count(), { timeout: 15_000 }).toBeGreaterThan(0);

    // 1. Blocked: nothing published, the sidebar says exactly what is missing.
    await page.locator('#js_send .mass_send').click();
    await waitForState(page, ['held']);
    expect(await publishedCount(page)).toBe(0);
    await expect.poll(() => review(page, 'review-missing').textContent()).toContain("'阻断'问题未处理");

    // 2. 初审 accepts the block finding with a reason (so 终审 becomes necessary) and approves.
    await actAs(FIRST);
    await expect.poll(() => review(page, 'review-identity').textContent()).toContain(FIRST.name);
    const row = findingRows(page, { severity: 'block' }).first();
    await row.getByRole('button', { name: '接受…' }).click();
    await row.locator('input.xs-accept-input').fill('模拟试卷已开考，标识为原件照录');
    await row.getByRole('button', { name: '确认接受' }).click();
    await expect.poll(() => review(page, 'review-missing').textContent()).toContain('待初审');
    // The row names who accepted (the service keeps a person; a cast showed "[object Object]").
    await expect.poll(() => row.locator('[data-xs="resolution"]').textContent()).toContain(`（${FIRST.name}）`);
    expect(await row.locator('[data-xs="resolution"]').textContent()).not.toContain('[object');
    await approveAs(page, FIRST, '初审');
    await expect.poll(() => review(page, 'review-missing').textContent()).toContain('待终审');

    // Still held after one level: the accepted block finding demands 终审.
    await page.locator('#js_send .mass_send').click();
    await waitForState(page, ['held']);
    expect(await publishedCount(page)).toBe(0);

    // 3. 复审 and 终审 by two more people open the gate, and the publish goes through.
    await approveAs(page, SECOND, '复审');
    await approveAs(page, FINAL, '终审');
    await expect.poll(() => review(page, 'review').getAttribute('data-open')).toBe('true');
    await publish(page);
    await expect.poll(() => publishedCount(page)).toBe(1);

    // 4. Editing the body after approval closes the gate again, with a clear message.
    await actAs(EDITOR);
    await page.locator('#ueditor_0 .rich_media_content .ProseMirror').click();
    await page.keyboard.press('End');
    await page.keyboard.type('补充说明。');
    await expect.poll(() => review(page, 'review-missing').textContent(), { timeout: 15_000 }).toContain('原有审核已失效');
    await page.locator('#js_send .mass_send').click();
    await waitForState(page, ['held']);
    expect(await publishedCount(page)).toBe(1);
    expect(await statusLine(page).getAttribute('data-state')).toBe('held');
    await page.close();
  });

  it('records everyone who types or applies a fix as an editor, shows a refused accept, and keys unsaved drafts per tab', async () => {
    await actAs(EDITOR, { reviewRequired: true, reviewLevels: 1, acceptedBlockLevels: 3 });
    const page = await openConsole(ext.context, 'wechat', { fixtureOptions: { fx_empty: '1', fx_flow: 'direct' } });
    const draftKey = () => page.locator('xianshen-sidebar').getAttribute('data-xs-draft-key');
    const body = page.locator('#ueditor_0 .rich_media_content .ProseMirror');
    await waitForState(page, ['clean', 'problems']);

    // An unsaved new article (no appmsgid) gets a per-tab key, not the shared "wechat:new".
    const key = await draftKey();
    expect(key).toMatch(/^wechat:new-[0-9a-f]{16}$/);

    await body.click();
    await page.keyboard.type('身份证号11010519491231002X，台湾总统发表讲话。');
    const block = findingRows(page, { severity: 'block', category: 'pii' }).first();
    await block.waitFor({ timeout: 15_000 });
    await expect.poll(() => review(page, 'review-identity').textContent()).toContain('编辑过本稿');

    // A second person types in the same tab: they are recorded as an editor too (once per person, not per tab).
    await actAs(FIRST);
    await expect.poll(() => review(page, 'review-identity').textContent()).toContain(FIRST.name);
    expect(await review(page, 'review-identity').textContent()).not.toContain('编辑过本稿');
    await body.click();
    await page.keyboard.press('End');
    await page.keyboard.type('另');
    await expect.poll(() => review(page, 'review-identity').textContent(), { timeout: 15_000 }).toContain('编辑过本稿');

    // So their accept is refused: the sidebar says why, and the finding stays open (no local "accepted").
    await block.getByRole('button', { name: '接受…' }).click();
    await block.locator('input.xs-accept-input').fill('依法公示');
    await block.getByRole('button', { name: '确认接受' }).click();
    await expect.poll(() => statusLine(page).textContent()).toContain('你编辑过本稿');
    expect(await statusLine(page).textContent()).toContain('未能接受');
    expect(await block.locator('[data-xs="resolution"]').count()).toBe(0);
    await page.locator('#js_send .mass_send').click();
    await waitForState(page, ['held']);
    expect(await publishedCount(page)).toBe(0);

    // A reviewer who applies a one-click fix changed the text: they become an editor as well.
    await actAs(SECOND);
    await expect.poll(() => review(page, 'review-identity').textContent()).toContain(SECOND.name);
    expect(await review(page, 'review-identity').textContent()).not.toContain('编辑过本稿');
    const wording = findingRows(page, { category: 'wording' }).filter({ hasText: '台湾总统' }).first();
    await wording.getByRole('button', { name: /^修改为/ }).click();
    await expect.poll(() => findingRows(page, { category: 'wording' }).filter({ hasText: '台湾总统' }).count()).toBe(0);
    await expect.poll(() => review(page, 'review-identity').textContent(), { timeout: 15_000 }).toContain('编辑过本稿');

    // The key survives a reload of this tab; another tab's new article has its own.
    await page.reload({ waitUntil: 'load' });
    await waitForState(page, ['clean', 'problems', 'held']);
    expect(await draftKey()).toBe(key);
    const other = await openConsole(ext.context, 'wechat', { fixtureOptions: { fx_empty: '1', fx_flow: 'direct' } });
    await waitForState(other, ['clean', 'problems']);
    const otherKey = await other.locator('xianshen-sidebar').getAttribute('data-xs-draft-key');
    expect(otherKey).toMatch(/^wechat:new-[0-9a-f]{16}$/);
    expect(otherKey).not.toBe(key);
    await other.close();
    await page.close();
  });

  it('lists the records on the log page, verifies the chain and exports a CSV with the same rows', async () => {
    const page = await ext.context.newPage();
    await page.goto(`chrome-extension://${ext.extensionId}/log.html`);
    await expect.poll(() => page.locator('[data-xs="log-row"]').count()).toBeGreaterThanOrEqual(7);

    const records: LogRecord[] = await page.evaluate(async () => {
      const reply = await chrome.runtime.sendMessage({ type: 'review:log-query' });
      return reply.value.records;
    });
    const kinds = records.map((r) => r.kind).reverse();
    expect(kinds).toEqual(expect.arrayContaining(['screening', 'resolution', 'decision', 'edit']));
    expect(records.filter((r) => r.kind === 'decision').map((r) => r.reviewer.name).sort()).toEqual(
      [FIRST.name, SECOND.name, FINAL.name].sort(),
    );

    await page.locator('[data-xs="verify"]').click();
    await expect.poll(() => page.locator('[data-xs="verify-result"]').getAttribute('data-ok')).toBe('true');

    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-xs="export-csv"]').click()]);
    const text = fs.readFileSync((await download.path())!, 'utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const parsed = Papa.parse<Record<string, string>>(text.slice(1), { header: true, skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.data).toEqual([...records].reverse().map(csvRow));

    // A record opens with its findings, and its approval form is ready to print.
    await page.locator('[data-xs="log-row"]').first().click();
    await expect.poll(() => page.locator('[data-xs="log-detail"]').textContent()).toContain('本条哈希');
    await page.close();
  });
});
