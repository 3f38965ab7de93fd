/**
 * The picture reader in the built extension (issue 13, 1): the background hands a picture to the offscreen
 * document, which reads it with the shipped models under the extension CSP; the reading is cached by content
 * hash; a picture the extension cannot fetch is answered "not read" with the reason; the offscreen document is
 * closed when the reader is idle, so its memory is given back. Prints the timings (figures, no assertions).
 */
import type { browser } from 'wxt/browser';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PictureReadResult, PictureStatus } from '../../lib/ext/messages/picture';
import { IDLE_CLOSE_MS } from '../../lib/ext/picture-service';
import { posterPii, shopQrPoster } from '../images/generate';
import { HAS_CHROMIUM, launchExtension, type LaunchedExtension } from './helpers/launch';

declare const chrome: typeof browser;

let ext: LaunchedExtension;
let page: Page;

async function send<T>(message: unknown): Promise<T> {
  const reply = await page.evaluate((m) => chrome.runtime.sendMessage(m), message);
  if (!reply?.ok) throw new Error(`message failed: ${JSON.stringify(reply)}`);
  return reply.value as T;
}

const base64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

describe.skipIf(!HAS_CHROMIUM)('picture reader in Chromium (offscreen document)', () => {
  beforeAll(async () => {
    ext = await launchExtension();
    page = await ext.context.newPage();
    await page.goto(`chrome-extension://${ext.extensionId}/popup.html`);
  });
  afterAll(async () => {
    await ext?.close();
  });

  it('reads a poster with the shipped models, caches it by hash, and decodes a QR code', async () => {
    const poster = posterPii();
    const t0 = Date.now();
    const first = await send<PictureReadResult>({ type: 'picture:read', src: 'data:image/png', dataBase64: base64(poster.png) });
    const firstMs = Date.now() - t0;
    expect(first.status).toBe('read');
    if (first.status !== 'read') return;
    expect(first.cached).toBe(false);
    expect(first.reading.text).toContain('13912345678');
    expect(first.reading.text).toContain('341802198604171233');
    expect(first.reading.hash).toMatch(/^[0-9a-f]{64}$/);

    const t1 = Date.now();
    const again = await send<PictureReadResult>({ type: 'picture:read', src: 'data:image/png', dataBase64: base64(poster.png) });
    const hitMs = Date.now() - t1;
    expect(again).toMatchObject({ status: 'read', cached: true });

    const shop = await shopQrPoster();
    const t2 = Date.now();
    const qr = await send<PictureReadResult>({ type: 'picture:read', src: 'data:image/png', dataBase64: base64(shop.png) });
    const secondMs = Date.now() - t2;
    expect(qr.status === 'read' && qr.reading.codes.map((c) => c.payload)).toEqual(['https://item.taobao.com/item.htm?id=640012345678']);
    console.log(`[pictures] first poster (opens the reader, loads models) ${firstMs} ms; QR poster ${secondMs} ms; cache hit ${hitMs} ms (round trip from a page)`);
  });

  it('a picture the extension cannot fetch is reported as not read, with the reason', async () => {
    const r = await send<PictureReadResult>({ type: 'picture:read', src: 'https://mmbiz.qpic.cn/mmbiz_png/not-reachable/0?wx_fmt=png' });
    expect(r.status).toBe('not-read');
    if (r.status === 'not-read') expect(r.reason).toContain('mmbiz.qpic.cn');
    const bad = await send<PictureReadResult>({ type: 'picture:read', src: 'data:image/png', dataBase64: base64(new TextEncoder().encode('not a picture')) });
    expect(bad.status).toBe('not-read');
  });

  it('closes the offscreen document when the reader is idle', async () => {
    expect((await send<PictureStatus>({ type: 'picture:status' })).readerOpen).toBe(true);
    await page.waitForTimeout(IDLE_CLOSE_MS + 3000);
    expect(await send<PictureStatus>({ type: 'picture:status' })).toMatchObject({ readerOpen: false, queued: 0 });
  }, 60_000);
});
