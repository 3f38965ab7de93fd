/**
 * The console content script: one script for WeChat MP, Weibo and Douyin, with the consoles described as data
 * (lib/adapters). Runs at document_idle on the whole host and follows in-page navigation itself, because the
 * consoles change routes without reloading (Douyin pushState, Weibo hash routes).
 *
 * The ::highlight() rules reach the page through the manifest `css` of this script (added in wxt.config.ts),
 * not through a page <style>, which strict page CSP could block. The sidebar's own CSS goes into its shadow
 * root (cssInjectionMode 'ui').
 */
import { defineContentScript } from 'wxt/utils/define-content-script';
import { adapterForHost } from '@/lib/adapters';
import { ConsoleSession } from './session';

export default defineContentScript({
  matches: [
    'https://mp.weixin.qq.com/*',
    'https://weibo.com/*',
    'https://www.weibo.com/*',
    'https://card.weibo.com/*',
    'https://creator.douyin.com/*',
  ],
  runAt: 'document_idle',
  cssInjectionMode: 'ui',
  main(ctx) {
    const adapter = adapterForHost(location.hostname);
    if (!adapter) return;
    new ConsoleSession(ctx, adapter).start();
  },
});
