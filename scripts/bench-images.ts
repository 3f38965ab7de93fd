/**
 * Picture reader figures (issue 13): model load time, per-picture time for a 1080×1500 poster and a 1080×3000
 * long image (medians), memory, and the cache hit time; in Node (the CLI's path) and in the built extension in
 * Chromium (offscreen document). Every run reads a distinct picture (bytes varied after the PNG end), so no run
 * is served from the cache unless it is meant to be.
 *
 *   npm run --silent bench:images [-- --runs 5] [--node-only | --browser-only]
 *
 * The browser part needs a build (`npm run build`). Prints tables; no assertions.
 */
import type { browser } from 'wxt/browser';
import { execFileSync } from 'node:child_process';
import { statSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { contentHash } from '../lib/images/content-hash';
import { decodeImage } from '../lib/images/node/decode-image';
import { nodeReaderAssets } from '../lib/images/node/load-assets';
import { createPictureReader } from '../lib/images/reader';
import type { PictureReadResult, PictureStatus } from '../lib/ext/messages/picture';
import { IDLE_CLOSE_MS } from '../lib/ext/picture-service';
import { longImage, posterPii, type GeneratedPicture } from '../tests/images/generate';
import { launchExtension, PROD_BUILD } from '../tests/e2e/helpers/launch';
import { summarize } from './bench-measure';

declare const chrome: typeof browser;

const args = process.argv.slice(2);
const RUNS = Number(args[args.indexOf('--runs') + 1] || 5) || 5;
const LONG_RUNS = Math.max(3, Math.ceil(RUNS / 2));
const fmt = (ms: number) => `${Math.round(ms)} ms`;
const mb = (bytes: number) => `${(bytes / 1048576).toFixed(0)} MB`;

/** The same picture with different bytes: trailing data after the PNG end is ignored by every decoder. */
function variant(pic: GeneratedPicture, n: number): Uint8Array {
  const tail = new TextEncoder().encode(`xs-bench-${n}`);
  const out = new Uint8Array(pic.png.length + tail.length);
  out.set(pic.png);
  out.set(tail, pic.png.length);
  return out;
}

const rows: [string, string, string][] = [];
const row = (what: string, value: string, target = '') => rows.push([what, value, target]);

async function benchNode(poster: GeneratedPicture, long: GeneratedPicture) {
  const t0 = performance.now();
  const reader = await createPictureReader(await nodeReaderAssets());
  row('Node: model load (det + rec + zxing)', fmt(performance.now() - t0));
  row('Node: RSS after load', mb(process.memoryUsage().rss));
  // One unmeasured read: the first inference sizes the WASM heap and the tensors.
  await reader.read(await decodeImage(poster.png), 'warm-up');
  const timeRead = async (pic: GeneratedPicture, runs: number) => {
    const samples: number[] = [];
    for (let i = 0; i < runs; i++) {
      const bytes = variant(pic, i);
      const t = performance.now();
      await reader.read(await decodeImage(bytes), await contentHash(bytes));
      samples.push(performance.now() - t);
    }
    return summarize(samples);
  };
  const p = await timeRead(poster, RUNS);
  row(`Node: 1080×1500 poster, decode + read (median of ${p.runs}; min)`, `${fmt(p.median)}; ${fmt(p.min)}`, '< 2.5 s');
  const l = await timeRead(long, LONG_RUNS);
  row(`Node: 1080×3000 long image (median of ${l.runs}; min)`, `${fmt(l.median)}; ${fmt(l.min)}`, '< 6 s');
  row('Node: peak RSS', mb(process.resourceUsage().maxRSS * 1024));
  await reader.dispose();
}

/** RSS of the Chromium process tree that loaded this build (the browser and all its children). */
function chromiumRss(): number {
  const out = execFileSync('ps', ['-eo', 'pid=,ppid=,rss=,args='], { encoding: 'utf8' });
  const procs = out
    .trim()
    .split('\n')
    .map((l) => {
      const m = /^\s*(\d+)\s+(\d+)\s+(\d+)\s+(.*)$/.exec(l)!;
      return { pid: +m[1], ppid: +m[2], rss: +m[3] * 1024, args: m[4] };
    });
  const roots = procs.filter((p) => p.args.includes(`--load-extension=${PROD_BUILD}`) && !p.args.includes('--type='));
  const inTree = new Set(roots.map((p) => p.pid));
  for (let grew = true; grew; ) {
    grew = false;
    for (const p of procs)
      if (!inTree.has(p.pid) && inTree.has(p.ppid)) {
        inTree.add(p.pid);
        grew = true;
      }
  }
  return procs.filter((p) => inTree.has(p.pid)).reduce((s, p) => s + p.rss, 0);
}

async function benchBrowser(poster: GeneratedPicture, long: GeneratedPicture) {
  const ext = await launchExtension();
  try {
    const page = await ext.context.newPage();
    await page.goto(`chrome-extension://${ext.extensionId}/popup.html`);
    const send = async <T>(m: unknown): Promise<T> => {
      const reply = await page.evaluate((msg) => chrome.runtime.sendMessage(msg), m);
      if (!reply?.ok) throw new Error(JSON.stringify(reply));
      return reply.value as T;
    };
    const read = async (bytes: Uint8Array) => {
      const t = performance.now();
      const r = await send<PictureReadResult>({ type: 'picture:read', src: 'data:image/png', dataBase64: Buffer.from(bytes).toString('base64') });
      if (r.status !== 'read') throw new Error(r.reason);
      return { total: performance.now() - t, inBackground: r.ms, reader: r.reading.ms, cached: r.cached };
    };
    await page.waitForTimeout(1000);
    const idle = chromiumRss();
    row('Chromium: browser RSS before the reader opens', mb(idle));
    const first = await read(variant(poster, 1000));
    row('Chromium: first picture (opens the offscreen document, loads the models, reads)', fmt(first.total));
    const timeRead = async (pic: GeneratedPicture, runs: number) => {
      const total: number[] = [];
      const reader: number[] = [];
      for (let i = 0; i < runs; i++) {
        const r = await read(variant(pic, i));
        total.push(r.total);
        reader.push(r.reader);
      }
      return { total: summarize(total), reader: summarize(reader) };
    };
    const p = await timeRead(poster, RUNS);
    row(`Chromium: 1080×1500 poster, round trip (median of ${p.total.runs}; min) / OCR+QR alone`, `${fmt(p.total.median)}; ${fmt(p.total.min)} / ${fmt(p.reader.median)}`, '< 2.5 s');
    const l = await timeRead(long, LONG_RUNS);
    row(`Chromium: 1080×3000 long image, round trip (median of ${l.total.runs}; min) / OCR+QR alone`, `${fmt(l.total.median)}; ${fmt(l.total.min)} / ${fmt(l.reader.median)}`, '< 6 s');
    const hits: number[] = [];
    const hitsBg: number[] = [];
    const same = variant(poster, 0); // read above: in the cache now
    for (let i = 0; i < 10; i++) {
      const r = await read(same);
      if (!r.cached) throw new Error('expected a cache hit');
      hits.push(r.total);
      hitsBg.push(r.inBackground);
    }
    row('Chromium: cache hit in the background (hash + IndexedDB; median)', fmt(summarize(hitsBg).median), '< 50 ms');
    row('Chromium: cache hit, round trip from a page with the bytes (median)', fmt(summarize(hits).median));
    const open = chromiumRss();
    row('Chromium: browser RSS with the reader open', `${mb(open)} (+${mb(open - idle)})`);
    const t = performance.now();
    while ((await send<PictureStatus>({ type: 'picture:status' })).readerOpen) await page.waitForTimeout(250);
    row(`Chromium: reader closed after being idle (timer ${IDLE_CLOSE_MS / 1000} s)`, `after ${fmt(performance.now() - t)}`);
    await page.waitForTimeout(1000);
    const after = chromiumRss();
    row('Chromium: browser RSS after the reader closed', `${mb(after)} (given back ${mb(open - after)})`);
  } finally {
    await ext.close();
  }
}

function dirSize(dir: string): number {
  return readdirSync(dir, { withFileTypes: true }).reduce((s, e) => s + (e.isDirectory() ? dirSize(join(dir, e.name)) : statSync(join(dir, e.name)).size), 0);
}

const poster = posterPii();
const long = longImage();
if (!args.includes('--browser-only')) await benchNode(poster, long);
if (!args.includes('--node-only')) {
  await benchBrowser(poster, long);
  row('Extension unpacked (.output/chrome-mv3)', mb(dirSize(PROD_BUILD)));
  row('  of which reader/ (models, ORT WASM, zxing WASM)', mb(dirSize(join(PROD_BUILD, 'reader'))));
}
const w = Math.max(...rows.map((r) => r[0].length));
console.log(`picture reader figures (${new Date().toISOString().slice(0, 10)}, load average ${execFileSync('cat', ['/proc/loadavg'], { encoding: 'utf8' }).split(' ').slice(0, 3).join(' ')})`);
for (const [what, value, target] of rows) console.log(`${what.padEnd(w)}  ${value.padEnd(24)}  ${target}`);
