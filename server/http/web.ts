/**
 * The review page: static HTML and CSS from server/web/, and its script bundled once per process with esbuild
 * (it imports the same browser-safe client the extension uses, lib/review-server/).
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { Hono } from 'hono';

const WEB_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'web');

let bundle: Promise<string> | undefined;
let gzipped: Promise<Buffer> | undefined;

export function bundleWebApp(): Promise<string> {
  bundle ??= build({
    entryPoints: [path.join(WEB_DIR, 'app.ts')],
    bundle: true,
    write: false,
    format: 'esm',
    target: 'es2022',
    minify: true,
    legalComments: 'none',
  }).then((result) => result.outputFiles[0].text);
  return bundle;
}

export function webRoutes() {
  const web = new Hono();
  const page = (c: import('hono').Context) => {
    c.header('Cache-Control', 'no-cache');
    // Inline styles only for the 审批表 the page opens as a blob (it inherits this policy); scripts stay 'self'.
    c.header('Content-Security-Policy', "default-src 'self'; style-src 'self' 'unsafe-inline'; script-src 'self'; connect-src 'self'; img-src 'self' data:; frame-ancestors 'none'");
    return c.html(fs.readFileSync(path.join(WEB_DIR, 'index.html'), 'utf8'));
  };
  web.get('/', page);
  web.get('/admin', page);
  web.get('/app.js', async (c) => {
    const headers = { 'Content-Type': 'text/javascript; charset=utf-8', 'Cache-Control': 'no-cache', Vary: 'Accept-Encoding' };
    // Phones on a slow intranet link: the bundle (mostly zod) shrinks to about a quarter gzipped.
    if (/\bgzip\b/.test(c.req.header('accept-encoding') ?? '')) {
      gzipped ??= bundleWebApp().then((text) => gzipSync(text, { level: 9 }));
      return c.body(new Uint8Array(await gzipped), 200, { ...headers, 'Content-Encoding': 'gzip' });
    }
    return c.body(await bundleWebApp(), 200, headers);
  });
  web.get('/app.css', (c) => c.body(fs.readFileSync(path.join(WEB_DIR, 'app.css'), 'utf8'), 200, { 'Content-Type': 'text/css; charset=utf-8', 'Cache-Control': 'no-cache' }));
  return web;
}
