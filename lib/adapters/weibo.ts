/**
 * Weibo: the home-feed composer (weibo.com) and the 头条文章 long-article editor (card.weibo.com/article/v5,
 * hash routes #/draft/<id>). Sources and confidence: notes/platforms.md §2. Class names are build-hashed CSS
 * modules, so placeholders and button text carry the weight; hashed names are only later candidates.
 */
import type { Adapter } from './types';

const COMPOSER_HOSTS = ['weibo.com', 'www.weibo.com'];
const ARTICLE_HOSTS = ['card.weibo.com'];
const COMPOSER_PLACEHOLDER = /^有什么新鲜事想分享给大家/;

export const weibo: Adapter = {
  platform: 'weibo',
  label: '微博',
  hosts: [...COMPOSER_HOSTS, ...ARTICLE_HOSTS],
  draftId: (url) => url.hash.match(/#\/draft\/(\d+)/)?.[1] ?? 'new',
  surfaces: [
    {
      id: 'weibo-article',
      label: '微博头条文章',
      route: { hosts: ARTICLE_HOSTS, path: /^\/article\/v\d+\/editor/, hash: /^#\/draft\/\d+/ },
      fields: [
        {
          name: 'title',
          label: '标题',
          required: true,
          candidates: [{ variant: 'title textarea, v5 2026 and v3 2025', selector: 'textarea[placeholder="请输入标题"]' }],
          validate: { visible: true },
        },
        {
          name: 'digest',
          label: '导语',
          required: false,
          candidates: [{ variant: 'summary input, v3 2025 (v5 not observed)', selector: 'input[placeholder="导语（选填）"]' }],
          validate: { visible: true },
        },
        {
          name: 'body',
          label: '正文',
          required: true,
          candidates: [
            // TipTap in v5; hidden second instances exist on the page, so take the visible one
            { variant: 'TipTap body, v5 2026', selector: 'div.tiptap.ProseMirror[contenteditable="true"]' },
            // CKEditor 5 in v3
            { variant: 'CKEditor body, v3 2025', selector: '.ck-editor__editable.weibo-editor__editable_weibo[contenteditable="true"]' },
            { variant: 'CKEditor body by label, v3 2025', selector: '[aria-label="富文本编辑器， main"][contenteditable="true"]' },
          ],
          validate: { visible: true },
        },
      ],
      publish: [
        { label: '下一步', step: 1, selectors: ['button.n-button--primary-type'], texts: ['下一步'], visibleOnly: true },
        { label: '发布', step: 2, selectors: ['.n-dialog .n-dialog__action .n-button--primary-type'], texts: ['发布'], visibleOnly: true },
      ],
    },
    {
      id: 'weibo-composer',
      label: '微博发布框',
      route: { hosts: COMPOSER_HOSTS, path: /^\/?$/ },
      fields: [
        {
          name: 'body',
          label: '微博正文',
          required: true,
          keyboardSubmit: true,
          candidates: [
            // The placeholder is the most stable anchor (2024-2026); comment boxes say 发布你的评论
            { variant: 'composer textarea by placeholder, 2024-2026', selector: 'textarea[placeholder^="有什么新鲜事想分享给大家"]' },
            { variant: 'composer textarea in .wbpro-form, 2024-2026', selector: '.wbpro-form textarea' },
            { variant: 'composer textarea, hashed class, 2025', selector: 'textarea.Form_input_2gtXx' },
          ],
          validate: { visible: true, placeholder: COMPOSER_PLACEHOLDER, exclude: ['[placeholder="发布你的评论"]'] },
        },
      ],
      publish: [
        {
          label: '发送',
          step: 1,
          selectors: ['button.woo-button-main.woo-button-primary', '.index_box_MkWee button'],
          texts: ['发送'],
          visibleOnly: true,
        },
      ],
    },
  ],
};
