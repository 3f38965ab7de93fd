/**
 * Each adapter, run against its console's fixture page (tests/fixtures, scripts executed in happy-dom),
 * locates exactly the right element for every field and never a trap (title overlay vs body, the body
 * placeholder, hidden TipTap instances, comment boxes, the Douyin preview copy).
 */
import fs from 'node:fs';
import path from 'node:path';
import { Window } from 'happy-dom';
import { afterEach, describe, expect, it } from 'vitest';
import { ADAPTERS, adapterForHost } from '@/lib/adapters';
import { findPublishControl, locateField, locateSurface, surfaceFor } from '@/lib/adapters/locate';
import type { Adapter, Surface } from '@/lib/adapters/types';
import { readField } from '@/lib/editor-kit/read-field';

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures');
const windows: Window[] = [];

async function loadFixture(file: string, url: string, options: Record<string, string> = {}): Promise<Document> {
  const win = new Window({
    url,
    width: 1280,
    height: 900,
    settings: { enableJavaScriptEvaluation: true, suppressInsecureJavaScriptEnvironmentWarning: true },
  });
  windows.push(win);
  (win as unknown as { __FIXTURE_OPTIONS__: unknown }).__FIXTURE_OPTIONS__ = options;
  let html = fs.readFileSync(path.join(FIXTURES, file), 'utf8');
  html = html.replace(/<!doctype html>/i, '');
  win.document.write(html);
  await win.happyDOM.waitUntilComplete();
  const ready = (win as unknown as { __fixture?: { ready?: Promise<unknown> } }).__fixture?.ready;
  if (ready) await ready;
  await win.happyDOM.waitUntilComplete();
  return win.document as unknown as Document;
}

afterEach(async () => {
  for (const w of windows.splice(0)) await w.happyDOM.abort();
});

function surface(adapter: Adapter, url: string): Surface {
  const s = surfaceFor(adapter, new URL(url));
  if (!s) throw new Error(`no surface for ${url}`);
  return s;
}

function field(doc: Document, s: Surface, name: string): Element {
  const spec = s.fields.find((f) => f.name === name)!;
  const result = locateField(doc, spec);
  if (!('element' in result)) throw new Error(`${name}: ${result.problem}`);
  return result.element;
}

const WECHAT_URL = 'https://mp.weixin.qq.com/cgi-bin/appmsg?t=media/appmsg_edit_v2&action=edit&isNew=1&type=77&createType=0&token=1';

describe('routes', () => {
  it('knows the editor pages and leaves the rest alone', () => {
    const wechat = adapterForHost('mp.weixin.qq.com')!;
    expect(surfaceFor(wechat, new URL(WECHAT_URL))?.id).toBe('wechat-article');
    expect(surfaceFor(wechat, new URL('https://mp.weixin.qq.com/cgi-bin/appmsg?t=media/appmsg_edit&action=edit&appmsgid=42'))?.id).toBe('wechat-article');
    // The draft list shares the path: not an editor.
    expect(surfaceFor(wechat, new URL('https://mp.weixin.qq.com/cgi-bin/appmsg?action=list_card&type=77'))).toBeUndefined();
    expect(wechat.draftId(new URL('https://mp.weixin.qq.com/cgi-bin/appmsg?t=media/appmsg_edit&action=edit&appmsgid=42'))).toBe('42');

    const weibo = adapterForHost('card.weibo.com')!;
    expect(surfaceFor(weibo, new URL('https://card.weibo.com/article/v5/editor#/draft/4082556'))?.id).toBe('weibo-article');
    expect(surfaceFor(weibo, new URL('https://card.weibo.com/article/v5/editor#/draft'))).toBeUndefined();
    expect(surfaceFor(weibo, new URL('https://weibo.com/'))?.id).toBe('weibo-composer');
    expect(weibo.draftId(new URL('https://card.weibo.com/article/v5/editor#/draft/4082556'))).toBe('4082556');

    const douyin = adapterForHost('creator.douyin.com')!;
    expect(surfaceFor(douyin, new URL('https://creator.douyin.com/creator-micro/content/post/video?enter_from=publish_page'))?.id).toBe('douyin-post');
    expect(surfaceFor(douyin, new URL('https://creator.douyin.com/creator-micro/content/post/image'))?.id).toBe('douyin-post');
    expect(surfaceFor(douyin, new URL('https://creator.douyin.com/creator-micro/content/upload'))).toBeUndefined();
    expect(surfaceFor(douyin, new URL('https://creator.douyin.com/creator-micro/content/manage'))).toBeUndefined();
  });

  it('every adapter has a platform id, hosts and a fixture page its tests run against (DESIGN.md convention 10)', () => {
    const FIXTURE_OF: Record<string, string> = { wechat: 'wechat-mp.html', weibo: 'weibo.html', douyin: 'douyin-creator.html' };
    for (const adapter of ADAPTERS) {
      expect(adapter.platform).toMatch(/^[a-z]+$/);
      expect(adapter.hosts.length).toBeGreaterThan(0);
      expect(FIXTURE_OF[adapter.platform], adapter.platform).toBeDefined();
      expect(fs.existsSync(path.join(FIXTURES, FIXTURE_OF[adapter.platform])), FIXTURE_OF[adapter.platform]).toBe(true);
    }
  });

  it('every adapter names a variant for each locator and has publish controls', () => {
    for (const adapter of ADAPTERS)
      for (const s of adapter.surfaces) {
        expect(s.publish.length).toBeGreaterThan(0);
        for (const f of s.fields) for (const c of f.candidates) expect(c.variant.length).toBeGreaterThan(3);
      }
  });
});

describe.each(['light', 'shadow', 'iframe'])('WeChat MP, %s body', (variant) => {
  it('locates every field, the body is not the title overlay nor the placeholder', async () => {
    const doc = await loadFixture('wechat-mp.html', WECHAT_URL, { fx_variant: variant });
    const s = surface(adapterForHost('mp.weixin.qq.com')!, WECHAT_URL);
    const located = locateSurface(doc, s);
    expect(located.problems).toEqual([]);
    expect(located.fields.map((f) => f.spec.name)).toEqual(['title', 'author', 'digest', 'sourceUrl', 'body']);

    const title = field(doc, s, 'title');
    expect(title.closest('.title-editor-overlay')).not.toBeNull();
    expect(readField(title).text).toBe('【测试】全网最好的标题示例');
    expect((field(doc, s, 'author') as HTMLInputElement).id).toBe('author');
    expect((field(doc, s, 'digest') as HTMLTextAreaElement).id).toBe('js_description');
    expect(readField(field(doc, s, 'sourceUrl')).text).toBe('https://example.com/source');

    const body = field(doc, s, 'body');
    if (variant === 'iframe') expect(body.tagName).toBe('BODY');
    else expect(body.classList.contains('ProseMirror')).toBe(true);
    expect(body.getRootNode() instanceof body.ownerDocument.defaultView!.ShadowRoot).toBe(variant === 'shadow');
    const text = readField(body, { skip: ['.editor_content_placeholder'] }).text;
    expect(text.startsWith('这是第一段正文，包含一个加粗的词和“国家级”产品的说法。\n第二段')).toBe(true);
    expect(text).toContain('\uFFFC'); // the image is one atom
    expect(text.endsWith('结尾段落，含 emoji 😀 用来测偏移。')).toBe(true);
  });

  it('an empty draft reads as empty (the placeholder text is not content)', async () => {
    const doc = await loadFixture('wechat-mp.html', WECHAT_URL, { fx_variant: variant, fx_empty: '1' });
    const s = surface(adapterForHost('mp.weixin.qq.com')!, WECHAT_URL);
    const body = field(doc, s, 'body');
    expect(body.textContent).toContain('从这里开始写正文');
    expect(readField(body, { skip: s.fields.find((f) => f.name === 'body')!.skip }).text).toBe('');
  });
});

describe('WeChat MP publish controls', () => {
  it('finds 发表 and the later dialog steps only when visible, never 保存为草稿', async () => {
    const doc = await loadFixture('wechat-mp.html', WECHAT_URL);
    const s = surface(adapterForHost('mp.weixin.qq.com')!, WECHAT_URL);
    const pathOf = (el: Element) => {
      const p: Element[] = [];
      for (let n: Element | null = el; n; n = n.parentElement) p.push(n);
      return p;
    };
    expect(findPublishControl(s, pathOf(doc.querySelector('#js_send .mass_send')!))?.control.step).toBe(1);
    expect(findPublishControl(s, pathOf(doc.querySelector('#js_submit button')!))).toBeUndefined();
    const dialogButton = doc.querySelector('.fx-mass-send-wrp .mass-send__footer .weui-desktop-btn_primary')!;
    expect(findPublishControl(s, pathOf(dialogButton))).toBeUndefined(); // hidden template
    (doc.querySelector('.fx-mass-send-wrp') as HTMLElement).style.display = '';
    expect(findPublishControl(s, pathOf(dialogButton))?.control.step).toBe(2);
    (doc.querySelector('.fx-confirm-wrp') as HTMLElement).style.display = '';
    const confirm = doc.querySelector('.fx-confirm-wrp .weui-desktop-btn_primary')!;
    expect(findPublishControl(s, pathOf(confirm))?.control.label).toBe('继续发表');
    // The decoy template stays hidden.
    expect(findPublishControl(s, pathOf(doc.querySelector('.fx-decoy .weui-desktop-btn_primary')!))).toBeUndefined();
  });

  it('a page whose editor classes were renamed is reported, not passed', async () => {
    const doc = await loadFixture('wechat-mp.html', WECHAT_URL);
    for (const el of Array.from(doc.querySelectorAll('.ProseMirror'))) el.classList.replace('ProseMirror', 'PMEditor_x1');
    const located = locateSurface(doc, surface(adapterForHost('mp.weixin.qq.com')!, WECHAT_URL));
    expect(located.ok).toBe(false);
    expect(located.problems.map((p) => [p.spec.name, p.problem])).toEqual([['title', 'missing'], ['body', 'missing']]);
  });
});

describe('Weibo', () => {
  it('composer: the composer textarea, never a comment box', async () => {
    const doc = await loadFixture('weibo.html', 'https://weibo.com/');
    const s = surface(adapterForHost('weibo.com')!, 'https://weibo.com/');
    const located = locateSurface(doc, s);
    expect(located.problems).toEqual([]);
    const body = field(doc, s, 'body') as HTMLTextAreaElement;
    expect(body.placeholder).toBe('有什么新鲜事想分享给大家？');
    expect(readField(body).text).toContain('全网最低价');
    expect(doc.querySelectorAll('textarea').length).toBeGreaterThan(1);
  });

  it('composer: several composer-looking boxes are ambiguous, not a guess', async () => {
    const doc = await loadFixture('weibo.html', 'https://weibo.com/');
    const form = doc.querySelector('.wbpro-form')!;
    form.parentElement!.append(form.cloneNode(true));
    const located = locateSurface(doc, surface(adapterForHost('weibo.com')!, 'https://weibo.com/'));
    expect(located.problems.map((p) => p.problem)).toEqual(['ambiguous']);
  });

  it('article: title, summary and the visible TipTap body (not the hidden instance)', async () => {
    const url = 'https://card.weibo.com/article/v5/editor#/draft/4082556';
    const doc = await loadFixture('weibo.html', url);
    const s = surface(adapterForHost('card.weibo.com')!, url);
    expect(locateSurface(doc, s).problems).toEqual([]);
    expect(readField(field(doc, s, 'title')).text).toBe('【测试】头条文章标题');
    expect(readField(field(doc, s, 'digest')).text).toBe('导语：这是一段示例导语。');
    const body = field(doc, s, 'body');
    expect(body.closest('.fx-hidden-instance')).toBeNull();
    expect(readField(body).text).toBe(
      '第一段：这款产品是国内第一，效果最好。\n第二部分\n第二段：请加微信 test_wx 获取资料，联系电话 13800000000。\n第三段，含 emoji 😀。',
    );
  });
});

describe('Douyin', () => {
  const url = 'https://creator.douyin.com/creator-micro/content/post/video?enter_from=publish_page';
  it('title input and the description editor with topic chips as atoms, never the #phoneText preview', async () => {
    const doc = await loadFixture('douyin-creator.html', url);
    const s = surface(adapterForHost('creator.douyin.com')!, url);
    expect(locateSurface(doc, s).problems).toEqual([]);
    const title = field(doc, s, 'title') as HTMLInputElement;
    expect(title.value).toBe('全网最低价，今天最后一天');
    const spec = s.fields.find((f) => f.name === 'body')!;
    const body = field(doc, s, 'body');
    expect(body.id).not.toBe('phoneText');
    const read = readField(body, { atoms: spec.atoms });
    expect(read.text).toBe('这是作品简介第一行，号称国内第一的效果。\n第二行：关注我领取福利 #测试话题 含 emoji 😀');
    expect(read.kind === 'rich' && read.segments.filter((seg) => seg.kind === 'atom').length).toBe(1);
  });

  it('finds 发布 but not 暂存离开', async () => {
    const doc = await loadFixture('douyin-creator.html', url);
    const s = surface(adapterForHost('creator.douyin.com')!, url);
    const buttons = Array.from(doc.querySelectorAll('button'));
    const publish = buttons.find((b) => b.textContent?.trim() === '发布')!;
    const save = buttons.find((b) => b.textContent?.trim() === '暂存离开')!;
    expect(findPublishControl(s, [publish])?.control.label).toBe('发布');
    expect(findPublishControl(s, [save])).toBeUndefined();
  });
});
