/**
 * Launches Debian's Chromium with the built extension loaded (recipe and traps: notes/wxt-e2e.md).
 * Never downloads a browser: playwright-core drives /usr/bin/chromium over CDP.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Worker } from 'playwright-core';

export const CHROMIUM_PATH = process.env.XS_CHROMIUM ?? '/usr/bin/chromium';
export const HAS_CHROMIUM = fs.existsSync(CHROMIUM_PATH);

const ROOT = path.resolve(import.meta.dirname, '../../..');
/** Production build: its content scripts match the consoles' real hosts, which the tests route to fixtures. */
export const PROD_BUILD = path.join(ROOT, '.output/chrome-mv3');
/** `--mode e2e` build: also matches http://localhost and http://127.0.0.1. */
export const E2E_BUILD = path.join(ROOT, '.output/chrome-mv3-e2e');

export interface LaunchedExtension {
  context: BrowserContext;
  extensionId: string;
  serviceWorker: Worker;
  /** Closes the browser and removes its throwaway profile. */
  close(): Promise<void>;
}

export interface LaunchOptions {
  extensionDir?: string;
  viewport?: { width: number; height: number };
}

export async function launchExtension(options: LaunchOptions = {}): Promise<LaunchedExtension> {
  const extensionDir = path.resolve(options.extensionDir ?? PROD_BUILD);
  if (!fs.existsSync(path.join(extensionDir, 'manifest.json'))) throw new Error(`no built extension in ${extensionDir}`);
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'xs-e2e-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    viewport: options.viewport ?? { width: 1440, height: 900 },
    locale: 'zh-CN',
    args: [
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      // Chromium still resolves the routed hosts and Google endpoints; nothing here needs DNS.
      '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE localhost , EXCLUDE 127.0.0.1',
    ],
  });
  let [serviceWorker] = context.serviceWorkers();
  serviceWorker ??= await context.waitForEvent('serviceworker', { timeout: 15_000 });
  const extensionId = new URL(serviceWorker.url()).host;
  return {
    context,
    extensionId,
    serviceWorker,
    async close() {
      await context.close();
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}
