import { defineConfig } from 'wxt';
import { HIGHLIGHT_CSS } from './lib/editor-kit/highlight-styles';

/** The consoles the content script runs on (entrypoints/console.content). */
const CONSOLE_MATCHES = [
  'https://mp.weixin.qq.com/*',
  'https://weibo.com/*',
  'https://www.weibo.com/*',
  'https://card.weibo.com/*',
  'https://creator.douyin.com/*',
];
/** Only the e2e build also runs on localhost pages; the production manifest keeps the real consoles only. */
const E2E_MATCHES = ['http://localhost/*', 'http://127.0.0.1/*'];
/** ::highlight() rules for the console pages: manifest CSS is outside page CSP (a page <style> is not). */
const HIGHLIGHT_CSS_FILE = 'content-scripts/console-highlights.css';

export default defineConfig({
  modules: ['@wxt-dev/module-react'],
  manifest: {
    name: '先审 XianShen',
    description: '政务新媒体发布前审查：敏感词、规范表述、个人信息、广告、转载来源、地图、涉密标识、标题党，三级审核留痕。',
    permissions: ['storage', 'unlimitedStorage', 'alarms'],
    // Enterprise policy (chrome.storage.managed): lib/policy reads it, public/managed_schema.json describes it.
    storage: { managed_schema: 'managed_schema.json' },
    // Wordlist update URLs are arbitrary intranet hosts: the options page requests the host when an admin adds
    // a URL (or the server sends CORS headers; see README.md (管理员：词表发布流程)).
    optional_host_permissions: ['http://*/*', 'https://*/*'],
    // The hidden page a console tab embeds to receive the compiled ruleset as bytes (lib/ext/ruleset-channel.ts).
    web_accessible_resources: [{ resources: ['ruleset-frame.html'], matches: CONSOLE_MATCHES }],
  },
  hooks: {
    'build:publicAssets': (_wxt, files) => {
      files.push({ relativeDest: HIGHLIGHT_CSS_FILE, contents: HIGHLIGHT_CSS });
    },
    'build:manifestGenerated': (wxt, manifest) => {
      for (const cs of manifest.content_scripts ?? [])
        if (cs.js?.includes('content-scripts/console.js')) cs.css = [...(cs.css ?? []), HIGHLIGHT_CSS_FILE];
      if (wxt.config.mode !== 'e2e') return;
      for (const cs of manifest.content_scripts ?? []) cs.matches = [...(cs.matches ?? []), ...E2E_MATCHES];
      // With cssInjectionMode 'ui' the CSS is fetched as a web-accessible resource, so widen that too.
      for (const war of manifest.web_accessible_resources ?? [])
        if (typeof war === 'object' && 'matches' in war) war.matches = [...(war.matches ?? []), ...E2E_MATCHES];
    },
  },
});
