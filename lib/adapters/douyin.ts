/**
 * Douyin creator centre (creator.douyin.com): a single-page app under /creator-micro/ whose routes change by
 * pushState without a reload. Sources and confidence: notes/platforms.md §3. Semi Design classes, data-*
 * attributes and placeholders are the stable part; hashed suffixes (-MDtobK) change with deploys.
 */
import type { Adapter } from './types';

const HOSTS = ['creator.douyin.com'];
/** Topic chips: contenteditable=false islands holding `#名称` (read as one token). */
const TOPIC_CHIP = '[data-mention="#"]';

export const douyin: Adapter = {
  platform: 'douyin',
  label: '抖音',
  hosts: HOSTS,
  draftId: (url) => url.pathname.match(/\/content\/post\/(\w+)/)?.[1] ?? 'new',
  surfaces: [
    {
      id: 'douyin-post',
      label: '抖音作品发布',
      route: { hosts: HOSTS, path: /^\/creator-micro\/content\/(post\/(video|image|article)|publish)\b/ },
      fields: [
        {
          name: 'title',
          label: '作品标题',
          required: true,
          candidates: [
            // 2026: placeholder 填写作品标题… (video) / 添加作品标题 (图文)
            { variant: 'title by placeholder, 2026', selector: 'input[placeholder*="作品标题"]' },
            { variant: 'Semi title input in editor-kit root, 2026', selector: '.editor-kit-root-container input.semi-input' },
          ],
          validate: { visible: true },
        },
        {
          name: 'body',
          label: '作品描述',
          required: true,
          atoms: [TOPIC_CHIP],
          candidates: [
            { variant: 'editor-kit description, 2025-2026', selector: 'div.zone-container.editor-comp-publish[contenteditable="true"]' },
            { variant: 'slate description by placeholder, 2025', selector: '[data-slate-editor="true"][contenteditable="true"][data-placeholder*="作品"]' },
          ],
          // #phoneText is the preview copy of the description, never the draft
          validate: { visible: true, exclude: ['#phoneText', '[class*="content-right"]'] },
        },
      ],
      publish: [
        { label: '发布', step: 1, selectors: ['[class*="content-confirm-container"] button[class*="primary"]', '#popover-tip-container button'], texts: ['发布'], visibleOnly: true },
      ],
    },
  ],
};
