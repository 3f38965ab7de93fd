/**
 * Reading rich fields: every offset of the text maps back into the DOM, so the Range for any finding span
 * reads exactly text.slice(start, end); breaks, atoms and zero-width fillers behave as the consoles need.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { readRichField, OBJECT_REPLACEMENT } from '@/lib/editor-kit/read-field';
import { rangeFor } from '@/lib/editor-kit/ranges';
import { prng } from '../../scripts/prng';

afterEach(() => {
  document.body.innerHTML = '';
});

function mount(html: string): HTMLElement {
  const root = document.createElement('div');
  root.setAttribute('contenteditable', 'true');
  root.innerHTML = html;
  document.body.append(root);
  return root;
}


const WECHAT_BODY =
  '<section><span leaf="">这是第一段正文，包含一个</span><strong><span leaf="">加粗的词</span></strong><span leaf="">和“国家级”产品的说法。</span></section>' +
  '<p><span leaf="">第二段：联系电话 13800000000，访问 https://example.com 了解更多。</span></p>' +
  '<section nodeleaf=""><img class="rich_pages wxw-img" contenteditable="false" alt=""></section>' +
  '<p><span leaf=""><br class="ProseMirror-trailingBreak"></span></p>' +
  '<h2><span leaf="">小标题：最后一节</span></h2>' +
  '<p><span leaf="">结尾段落，含 emoji 😀 用来测偏移。</span></p>';

const DOUYIN_BODY =
  '<div class="ace-line" data-node="true"><div data-line-wrapper="true" dir="auto">' +
  '<span data-leaf="true"><span data-string="true">第一行文字。</span></span>' +
  '<span data-leaf="true"><span data-string="true" data-enter="true">\u200b</span></span></div></div>' +
  '<div class="ace-line" data-node="true"><div data-line-wrapper="true" dir="auto">' +
  '<span data-leaf="true"><span data-string="true">关注我 </span></span>' +
  '<span data-leaf="true"><span data-rect-container="true"><span data-zero-space="true">\u200b</span>' +
  '<span data-fake-text=" " contenteditable="false"><div data-mention="#">&nbsp;<span>#测试话题</span>&nbsp;</div></span></span></span>' +
  '<span data-leaf="true"><span data-string="true"> 含\u00a0emoji 😀</span></span>' +
  '<span data-leaf="true"><span data-string="true" data-enter="true">\u200b</span></span></div></div>';

describe('readRichField', () => {
  it('turns blocks into single newlines and skips trailing breaks and placeholders', () => {
    const root = mount('<section class="editor_content_placeholder">从这里开始写正文</section>' + WECHAT_BODY);
    const { text } = readRichField(root);
    expect(text).toBe(
      '这是第一段正文，包含一个加粗的词和“国家级”产品的说法。\n第二段：联系电话 13800000000，访问 https://example.com 了解更多。\n' +
        `${OBJECT_REPLACEMENT}\n小标题：最后一节\n结尾段落，含 emoji 😀 用来测偏移。`,
    );
  });

  it('a real <br> is a line break; an image with alt text reads as that text', () => {
    const root = mount('<p>甲<br>乙<img alt="地图">丙</p>');
    expect(readRichField(root).text).toBe('甲\n乙地图丙');
  });

  it('drops zero-width fillers, reads a topic chip once as #名称, turns nbsp into a space', () => {
    const root = mount(DOUYIN_BODY);
    const field = readRichField(root, { atoms: ['[data-mention="#"]'] });
    expect(field.text).toBe('第一行文字。\n关注我 #测试话题 含 emoji 😀');
    const chip = field.text.indexOf('#测试话题');
    // A span inside the chip widens to the whole chip, which is what the editor treats as one character.
    const range = rangeFor(field, chip + 1, chip + 3)!;
    expect(range.toString().replace(/\u00a0/g, ' ').trim()).toBe('#测试话题');
  });

  it.each([
    ['WeChat body', WECHAT_BODY, [] as string[]],
    ['Douyin description', DOUYIN_BODY, ['[data-mention="#"]']],
    ['Weibo article', '<p>第一段：这款产品是国内第一，效果最好。</p><h2>第二部分</h2><p>联系电话 13800000000。</p><p>第三段，含 emoji 😀。</p>', []],
  ])('%s: the Range of any span reads exactly that span', (_name, html, atoms) => {
    const root = mount(html);
    const field = readRichField(root, { atoms });
    const random = prng(7);
    const atomSpans = field.segments.filter((s) => s.kind === 'atom');
    const insideAtom = (i: number) => atomSpans.some((s) => i > s.start && i < s.end);
    let checked = 0;
    for (let n = 0; n < 400; n++) {
      const start = Math.floor(random() * field.text.length);
      let end = start + 1 + Math.floor(random() * 12);
      end = Math.min(end, field.text.length);
      // Spans never cut a surrogate pair (the core reports whole code points) nor an atom.
      if (/[\uDC00-\uDFFF]/.test(field.text[start] ?? '') || /[\uD800-\uDBFF]/.test(field.text[end - 1] ?? '')) continue;
      if (insideAtom(start) || insideAtom(end)) continue;
      const expected = field.text.slice(start, end);
      if (expected.trim() === '' || expected.startsWith('\n') || expected.endsWith('\n')) continue;
      const range = rangeFor(field, start, end)!;
      const got = range.toString().replace(/\u00a0/g, ' ').replace(/\u200b/g, '');
      // Breaks have no characters in the DOM; an image atom has none either; a chip reads with its padding.
      const touchesAtom = atomSpans.some((a) => a.start < end && a.end > start);
      const norm = (t: string) => (touchesAtom ? t.replace(/\s/g, '') : t.replace(/\n/g, ''));
      expect(norm(got)).toBe(norm(expected.replace(OBJECT_REPLACEMENT, '')));
      checked++;
    }
    expect(checked).toBeGreaterThan(100);
  });

  it('spans on both sides of an image map around it', () => {
    const root = mount(WECHAT_BODY);
    const field = readRichField(root);
    const at = field.text.indexOf(OBJECT_REPLACEMENT);
    const range = rangeFor(field, at, at + 1)!;
    expect(range.cloneContents().querySelector('img')).not.toBeNull();
  });
});
