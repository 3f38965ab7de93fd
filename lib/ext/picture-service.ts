/**
 * Background: reads the draft's pictures (issue 13, 1). One picture at a time, in a queue, never on a page's
 * main thread: the bytes are fetched here (the manifest's host permissions cover the consoles' image hosts),
 * hashed, looked up in the IndexedDB cache, and only on a miss handed to the offscreen document
 * (entrypoints/offscreen) that holds the models. The document is closed when the queue has been idle for
 * IDLE_CLOSE_MS, because a WASM heap never shrinks: closing it is the only way to give the memory back.
 *
 * A picture whose bytes cannot be had (no permission, network error, not an image) is answered `not-read` with
 * the reason: the caller reports it, it never passes silently.
 */
import { browser } from 'wxt/browser';
import { base64ToBytes, bytesToBase64 } from '../core/base64';
import { contentHash } from '../images/content-hash';
import type { PictureReading } from '../images/types';
import { getCachedReading, putCachedReading } from './picture-cache';
import type { Handlers } from './handlers';
import type { PictureReadResult, PictureStatus } from './messages/picture';
import { ReaderChannel } from './picture-channel';

const OFFSCREEN_URL = 'offscreen.html';
/** Below the service worker's 30 s idle limit, so the document is closed before the worker can be stopped. */
export const IDLE_CLOSE_MS = 10_000;
/** Posters are a few MB; refuse what cannot be a picture of a post. */
const MAX_BYTES = 40 * 1024 * 1024;

let queue: Promise<unknown> = Promise.resolve();
let queued = 0;
let reading = false;
let idleTimer: ReturnType<typeof setTimeout> | undefined;
let creating: Promise<void> | undefined;
const channel = new ReaderChannel();
/** Concurrent requests for the same picture share one read. */
const inFlight = new Map<string, Promise<PictureReadResult>>();

function serial<T>(job: () => Promise<T>): Promise<T> {
  queued++;
  const run = queue.then(job, job);
  queue = run.then(
    () => undefined,
    () => undefined,
  );
  return run.finally(() => {
    queued--;
    if (queued === 0) scheduleClose();
  });
}

async function hasOffscreen(): Promise<boolean> {
  const contexts = await browser.runtime.getContexts({
    contextTypes: [browser.runtime.ContextType.OFFSCREEN_DOCUMENT],
    documentUrls: [browser.runtime.getURL(`/${OFFSCREEN_URL}`)],
  });
  return contexts.length > 0;
}

async function ensureOffscreen(): Promise<void> {
  if (await hasOffscreen()) return;
  creating ??= browser.offscreen
    .createDocument({
      url: OFFSCREEN_URL,
      reasons: [browser.offscreen.Reason.WORKERS],
      justification: '在本机识别稿件图片中的文字和二维码（模型随扩展提供，图片不上传）',
    })
    .finally(() => {
      creating = undefined;
    });
  await creating;
}

export async function closeReader(): Promise<void> {
  if (idleTimer) clearTimeout(idleTimer);
  idleTimer = undefined;
  if (creating) await creating.catch(() => undefined);
  if (await hasOffscreen()) await browser.offscreen.closeDocument();
  channel.drop('识图组件已关闭');
}

function scheduleClose(): void {
  if (idleTimer) clearTimeout(idleTimer);
  idleTimer = setTimeout(() => {
    idleTimer = undefined;
    if (queued === 0) void closeReader().catch(() => undefined);
  }, IDLE_CLOSE_MS);
}

async function pictureBytes(src: string, dataBase64: string | undefined): Promise<Uint8Array> {
  if (dataBase64 !== undefined) return base64ToBytes(dataBase64);
  let url: URL;
  try {
    url = new URL(src);
  } catch {
    throw new Error(`图片地址无效：${src.slice(0, 80)}`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error(`页面未交出图片内容（${url.protocol} 地址）`);
  let res: Response;
  try {
    // No cookies and no referrer: the bytes are the public picture, the same for every account.
    res = await fetch(url.href, { credentials: 'omit', referrerPolicy: 'no-referrer' });
  } catch {
    throw new Error(`无法取得图片（${url.host}）：扩展没有该图片域名的访问权限，或网络不通`);
  }
  if (!res.ok) throw new Error(`无法取得图片（${url.host}，HTTP ${res.status}）`);
  const bytes = new Uint8Array(await res.arrayBuffer());
  if (bytes.byteLength > MAX_BYTES) throw new Error(`图片过大（${Math.round(bytes.byteLength / 1048576)} MB），未识别`);
  return bytes;
}

async function readInOffscreen(hash: string, bytes: Uint8Array): Promise<PictureReading> {
  await ensureOffscreen();
  return channel.read(hash, bytesToBase64(bytes));
}

export async function readPicture(src: string, dataBase64?: string): Promise<PictureReadResult> {
  const t0 = performance.now();
  let bytes: Uint8Array;
  let hash: string;
  try {
    bytes = await pictureBytes(src, dataBase64);
    hash = await contentHash(bytes);
  } catch (e) {
    return { status: 'not-read', reason: (e as Error).message };
  }
  const hit = await getCachedReading(hash).catch(() => undefined);
  if (hit) return { status: 'read', reading: hit, cached: true, ms: Math.round(performance.now() - t0) };
  let job = inFlight.get(hash);
  if (!job) {
    job = serial(async (): Promise<PictureReadResult> => {
      reading = true;
      try {
        const value = await readInOffscreen(hash, bytes);
        await putCachedReading(value).catch(() => undefined); // a full disk costs a re-read, not the result
        return { status: 'read', reading: value, cached: false, ms: Math.round(performance.now() - t0) };
      } catch (e) {
        return { status: 'not-read', reason: `图片识别失败：${(e as Error).message}` };
      } finally {
        reading = false;
      }
    }).finally(() => inFlight.delete(hash));
    inFlight.set(hash, job);
  }
  return job;
}

async function status(): Promise<PictureStatus> {
  return { queued, reading, readerOpen: await hasOffscreen() };
}

export const pictureHandlers: Handlers<'picture:read' | 'picture:status'> = {
  'picture:read': (m) => readPicture(m.src, m.dataBase64),
  'picture:status': () => status(),
};

/** Startup: a worker restarted while a document was open (stopped mid-idle) gives that memory back now. */
export function registerPictureService(): void {
  void closeReader().catch(() => undefined);
}
