/**
 * Builds the extension once per e2e run: production (.output/chrome-mv3, used on the consoles' real URLs
 * through request routing) and `--mode e2e` (.output/chrome-mv3-e2e, also matches localhost).
 *
 * NODE_ENV is deleted from the child env: Vitest sets NODE_ENV=test, and a build that inherits it compiles
 * JSX as jsxDEV against React's production runtime, so the sidebar never mounts (notes/wxt-e2e.md).
 * Builds run under a file lock because several engineers (and their runs) share one .output directory.
 *
 * Without Chromium the browser tests skip with a warning, except under CI=true, where it is a failure.
 * XS_E2E_SKIP_BUILD=1 reuses the existing .output (handy while iterating on tests only).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { CHROMIUM_PATH } from './helpers/launch';

const ROOT = path.resolve(import.meta.dirname, '../..');

function build(args: string[]): void {
  const env = { ...process.env };
  delete env.NODE_ENV;
  execFileSync('flock', ['/tmp/xianshen-wxt-build.lock', 'npx', 'wxt', 'build', ...args], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
}

export default function setup(): void {
  if (!fs.existsSync(CHROMIUM_PATH)) {
    if (process.env.CI === 'true') {
      throw new Error(`CI=true but Chromium is missing at ${CHROMIUM_PATH}: install the Debian package "chromium" (.ci/run does).`);
    }
    console.warn(`[e2e] ${CHROMIUM_PATH} not found: browser tests are skipped (install the Debian package "chromium").`);
    return;
  }
  if (process.env.XS_E2E_SKIP_BUILD === '1' && fs.existsSync(path.join(ROOT, '.output/chrome-mv3/manifest.json'))) return;
  build([]);
  build(['--mode', 'e2e']);
}
