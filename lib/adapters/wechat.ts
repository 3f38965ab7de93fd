/**
 * WeChat Official Accounts article editor (mp.weixin.qq.com). Sources and confidence: notes/platforms.md §1.
 * The editor is one query of the shared /cgi-bin/appmsg path (the draft list uses the same path), and the
 * body editor build is detected from the DOM, never inferred from the URL.
 */
import type { Adapter } from './types';

const HOSTS = ['mp.weixin.qq.com'];

export const wechat: Adapter = {
  platform: 'wechat',
  label: '微信公众号',
  hosts: HOSTS,
  draftId: (url) => url.searchParams.get('appmsgid') || 'new',
  surfaces: [
    {
      id: 'wechat-article',
      label: '公众号图文编辑',
      route: {
        hosts: HOSTS,
        path: /^\/cgi-bin\/appmsg\/?$/,
        query: { action: 'edit', t: /^media\/appmsg_edit(_v2)?$/ },
      },
      fields: [
        {
          name: 'title',
          label: '标题',
          required: true,
          candidates: [
            // ProseMirror title overlay over the hidden #title textarea (2025-2026 builds)
            { variant: 'title overlay, 2026', selector: '#js_title_main .title-editor-overlay .ProseMirror[contenteditable="true"]' },
            { variant: 'title overlay, short form, 2026', selector: '.title-editor__input .ProseMirror[contenteditable="true"]' },
            { variant: 'title ProseMirror by placeholder, 2026', selector: 'div.ProseMirror[contenteditable="true"][data-placeholder="请在这里输入标题"]' },
            // Before the overlay the textarea itself was the visible title field
            { variant: 'visible #title textarea, before 2025', selector: 'textarea#title.js_title' },
          ],
          validate: { visible: true },
        },
        {
          name: 'author',
          label: '作者',
          required: false,
          candidates: [
            { variant: 'author input, 2026', selector: 'input#author' },
            { variant: 'author input by name', selector: '.js_author_container input.js_author[name="author"]' },
            { variant: 'author input by placeholder', selector: 'input[placeholder*="作者"]' },
          ],
        },
        {
          name: 'digest',
          label: '摘要',
          required: false,
          candidates: [
            { variant: 'digest textarea, 2026', selector: 'textarea#js_description' },
            { variant: 'digest textarea by name', selector: '.js_desc_area textarea.js_desc[name="digest"]' },
          ],
        },
        {
          name: 'sourceUrl',
          label: '原文链接',
          required: false,
          // Lives in a popover that is hidden until opened: its value is still what gets saved.
          candidates: [
            { variant: 'original-link popover input, 2026', selector: '.popover-article-setting__content input.js_url' },
            { variant: 'original-link input by name', selector: 'input.js_url[name="source_url"]' },
            { variant: 'original-link input, 2025', selector: 'input#js_url' },
          ],
        },
        {
          name: 'body',
          label: '正文',
          required: true,
          skip: ['.editor_content_placeholder'],
          candidates: [
            // ProseMirror in a light-DOM "mock iframe" (most 2026 sources)
            {
              variant: 'ProseMirror mock iframe, light DOM, 2026',
              selector: '#ueditor_0 .mock-iframe-document .mock-iframe-body .rich_media_content > .ProseMirror[contenteditable="true"]',
            },
            { variant: 'ProseMirror mock iframe, short form, 2026', selector: '#js_ueditor .mock-iframe-body .ProseMirror[contenteditable="true"]' },
            // The same tree inside an open shadow root (reported by two 2026 sources)
            {
              variant: 'ProseMirror in shadow root, 2026',
              shadowHost: '.edui-editor-iframeholder .editor-v-root',
              selector: '.mock-iframe-document .mock-iframe-body .ProseMirror[contenteditable="true"]',
            },
            // Legacy UEditor: same-origin iframe with an editable body (2019-2023, still a fallback)
            { variant: 'UEditor iframe, legacy', frame: 'iframe#ueditor_0', selector: 'body[contenteditable="true"]' },
          ],
          validate: {
            visible: true,
            // The title overlay, the placeholder and the reprint/original boxes are ProseMirrors/editables too.
            exclude: ['.title-editor-overlay', '[data-placeholder="请在这里输入标题"]', '.editor_content_placeholder',
              '.share-text__input', '.js_reprint_recommend_content', '.original_primary_tips_input'],
          },
        },
      ],
      publish: [
        { label: '发表', step: 1, selectors: ['#js_send .mass_send', '#js_send button'], texts: ['发表', '群发'] },
        {
          label: '发表',
          step: 2,
          selectors: ['.weui-desktop-dialog.mass-send .mass-send__footer .weui-desktop-btn_primary'],
          texts: ['发表'],
          visibleOnly: true,
        },
        {
          label: '继续发表',
          step: 3,
          selectors: ['.weui-desktop-dialog__wrp .weui-desktop-dialog__ft .weui-desktop-btn_primary'],
          texts: ['继续发表', '确认发表'],
          visibleOnly: true,
        },
      ],
    },
  ],
};
