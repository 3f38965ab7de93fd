import { defineConfig } from 'wxt';
import { HIGHLIGHT_CSS } from './lib/editor-kit/highlight-styles';
import { ASSET_FILES } from './lib/images/assets';
import { resolveAsset } from './lib/images/node/load-assets';

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

/**
 * onnxruntime-web names its WASM with `new URL('ort-wasm-simd-threaded.wasm', import.meta.url)`, so Vite would emit
 * a second 15 MB copy. The reader always hands the runtime the WASM bytes itself (lib/images/reader.ts sets
 * env.wasm.wasmBinary from reader/), so that URL is never fetched: keep it a plain string and emit nothing.
 */
const noOrtWasmAsset = {
  name: 'xianshen-no-ort-wasm-asset',
  transform(code: string, id: string) {
    if (!id.includes('onnxruntime-web')) return undefined;
    return code.replace(/new URL\("ort-wasm-simd-threaded\.wasm",\s*import\.meta\.url\)/g, '"ort-wasm-simd-threaded.wasm"');
  },
};

export default defineConfig({
  modules: ['@wxt-dev/module-react'],
  vite: () => ({ plugins: [noOrtWasmAsset] }),
  manifest: {
    name: '先审 XianShen',
    description: '政务新媒体发布前审查：敏感词、规范表述、个人信息、广告、转载来源、地图、涉密标识、标题党，三级审核留痕。',
    // offscreen: the picture reader runs in an offscreen document, off every page's main thread (lib/ext/picture-service.ts).
    permissions: ['storage', 'unlimitedStorage', 'alarms', 'offscreen'],
    // The consoles' image hosts: the background fetches a draft's pictures from them to read them locally
    // (the page's own copy is cross-origin and cannot be handed over). Read-only use, no page access.
    host_permissions: [
      'https://mmbiz.qpic.cn/*', // 微信公众号正文和封面图片
      'https://mmbiz.qlogo.cn/*', // 微信公众号图片（旧地址）
      'https://*.sinaimg.cn/*', // 微博图片
      'https://*.douyinpic.com/*', // 抖音封面
      'https://*.byteimg.com/*', // 抖音创作者中心上传预览
    ],
    // 'wasm-unsafe-eval': the OCR runtime (onnxruntime-web) and the QR decoder (zxing-wasm) are WebAssembly shipped in
    // the extension; MV3 forbids compiling WASM without it. No 'unsafe-eval': no string is ever run as code.
    content_security_policy: { extension_pages: "script-src 'self' 'wasm-unsafe-eval'; object-src 'self'" },
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
      // The picture reader's models and WASM ship inside the extension: nothing is downloaded at run time.
      for (const file of Object.values(ASSET_FILES)) files.push({ relativeDest: file.ext, absoluteSrc: resolveAsset(file.npm) });
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
