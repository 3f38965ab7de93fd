/**
 * Serves each console's offline fixture (tests/fixtures) at the console's real URL through Playwright
 * request routing, so the production manifest's `matches` apply unchanged and nothing touches the network.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Page, Route } from 'playwright-core';

const FIXTURES = path.resolve(import.meta.dirname, '../../fixtures');

export type ConsoleId = 'wechat' | 'weibo-composer' | 'weibo-article' | 'douyin';

interface ConsoleSpec {
  fixture: string;
  /** The real URL the page is opened at. */
  url: string;
  /** Hosts routed to the fixture. */
  routes: string[];
}

export const CONSOLES: Record<ConsoleId, ConsoleSpec> = {
  wechat: {
    fixture: 'wechat-mp.html',
    url: 'https://mp.weixin.qq.com/cgi-bin/appmsg?t=media/appmsg_edit_v2&action=edit&isNew=1&type=77&createType=0&token=1&lang=zh_CN',
    routes: ['https://mp.weixin.qq.com/**'],
  },
  'weibo-composer': {
    fixture: 'weibo.html',
    url: 'https://weibo.com/',
    routes: ['https://weibo.com/**', 'https://www.weibo.com/**'],
  },
  'weibo-article': {
    fixture: 'weibo.html',
    url: 'https://card.weibo.com/article/v5/editor#/draft/4082556',
    routes: ['https://card.weibo.com/**'],
  },
  douyin: {
    fixture: 'douyin-creator.html',
    url: 'https://creator.douyin.com/creator-micro/content/upload',
    routes: ['https://creator.douyin.com/**'],
  },
};

export interface OpenConsoleOptions {
  /** Fixture options (fixtures/README.md), set as window.__FIXTURE_OPTIONS__ before the page script runs. */
  fixtureOptions?: Record<string, string>;
  /** Rewrites the fixture HTML before it is served (e.g. renamed classes for the adapter-out-of-date path). */
  transformHtml?: (html: string) => string;
  /** Overrides the URL opened (must be on a routed host). */
  url?: string;
}

export function fixtureHtml(id: ConsoleId): string {
  return fs.readFileSync(path.join(FIXTURES, CONSOLES[id].fixture), 'utf8');
}

/** Routes the console's hosts on this page only, so tests in one browser do not see each other's routes. */
export async function routeConsole(page: Page, id: ConsoleId, options: OpenConsoleOptions = {}): Promise<void> {
  const html = (options.transformHtml ?? ((h: string) => h))(fixtureHtml(id));
  const fulfil = (route: Route) =>
    route.request().resourceType() === 'document'
      ? route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html })
      : route.fulfill({ status: 404, body: '' });
  for (const pattern of CONSOLES[id].routes) await page.route(pattern, fulfil);
  if (options.fixtureOptions) {
    await page.addInitScript((opts) => {
      (window as unknown as { __FIXTURE_OPTIONS__: unknown }).__FIXTURE_OPTIONS__ = opts;
    }, options.fixtureOptions);
  }
}

/** Opens a new tab on the console's real URL, served from its fixture. */
export async function openConsole(context: BrowserContext, id: ConsoleId, options: OpenConsoleOptions = {}): Promise<Page> {
  const page = await context.newPage();
  await routeConsole(page, id, options);
  await page.goto(options.url ?? CONSOLES[id].url, { waitUntil: 'load' });
  return page;
}
