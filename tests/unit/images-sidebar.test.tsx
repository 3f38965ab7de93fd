/**
 * Picture findings in the sidebar (issue 13, 4) and the picture reads of an editor session: a picture
 * finding shows its thumbnail and the read text with the span marked; pictures being read or not read are
 * listed; holds while reading and for a picture not read (hold-reasons).
 */
import { cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Sidebar } from '@/components/sidebar/Sidebar';
import { pictureFieldLabels, picturePreviews, type PicturePreview } from '@/components/sidebar/pictures';
import type { Finding, Picture } from '@/lib/core/types';
import { holdReasons } from '@/lib/editor-kit/hold-reasons';
import { PictureReads } from '@/lib/editor-kit/picture-reads';
import { READING_FORMAT, type PictureReading } from '@/lib/images/types';

afterEach(cleanup);

const HASH = 'c0ffee'.padEnd(64, '0');
const TEXT = '桐溪县招聘会\n咨询电话：13912345678';
const finding: Finding = {
  id: 'p1',
  check: 'pii.mobile',
  category: 'pii',
  severity: 'block',
  field: `image:${HASH}`,
  start: 12,
  end: 23,
  text: '13912345678',
  message: '手机号码未脱敏',
  clause: '003_54205cdec66d062b.txt 第十一条',
};
const previews: PicturePreview[] = [
  { field: `image:${HASH}`, src: 'data:image/png;base64,AAAA', alt: '海报', index: 0, status: 'read', text: TEXT },
  { src: 'https://mmbiz.qpic.cn/x/0', index: 1, status: 'not-read', reason: '无法取得图片（mmbiz.qpic.cn）' },
  { src: 'blob:https://mp.weixin.qq.com/1', index: 2, status: 'reading' },
];

describe('sidebar picture findings', () => {
  it('shows the thumbnail and the read text with the span marked, and lists pictures being read or not read', () => {
    expect(TEXT.slice(finding.start, finding.end)).toBe(finding.text);
    render(
      <Sidebar
        state="problems"
        findings={[finding]}
        resolutions={{}}
        fieldLabels={{ body: '正文', ...pictureFieldLabels(previews) }}
        platformLabel="微信公众号"
        pictures={picturePreviews(previews)}
        collapsed={false}
        onToggleCollapsed={vi.fn()}
        onJump={vi.fn()}
        onFix={vi.fn()}
        onAccept={vi.fn()}
      />,
    );
    const row = document.querySelector('[data-xs="finding"]')!;
    expect(row.querySelector('[data-xs="picture-preview"] img')!.getAttribute('src')).toBe(previews[0].src);
    expect(row.querySelector('[data-xs="picture-text"] mark')!.textContent).toBe('13912345678');
    expect(row.querySelector('[data-xs="picture-text"]')!.textContent).toBe('咨询电话：13912345678');
    expect(document.querySelector('[data-xs="field-group"]')!.textContent).toContain('图片 1「海报」');
    const list = document.querySelector('[data-xs="pictures"]')!;
    expect(list.getAttribute('data-reading')).toBe('1');
    expect(document.querySelector('[data-xs="picture-not-read"]')!.textContent).toContain('mmbiz.qpic.cn');
    expect(list.textContent).toContain('须人工查看');
  });
});

describe('picture reads and the hold', () => {
  const reading: PictureReading = { format: READING_FORMAT, hash: HASH, width: 10, height: 10, text: TEXT, lines: [], codes: [], ms: 1 };
  const pics: Picture[] = [
    { id: 'body#0', src: 'data:a', field: 'body', index: 0 },
    { id: 'body#1', src: 'https://mmbiz.qpic.cn/x/0', field: 'body', index: 1 },
  ];

  it('reads each source once, holds while reading, then holds for the picture not read, with its reason', async () => {
    const read = vi.fn(async (p: Picture) =>
      p.src === 'data:a' ? ({ status: 'read', reading } as const) : ({ status: 'not-read', reason: '无法取得图片（mmbiz.qpic.cn）' } as const),
    );
    const settled = vi.fn();
    const reads = new PictureReads(read, settled);
    reads.ensure(pics);
    reads.ensure(pics);
    expect(read).toHaveBeenCalledTimes(2);
    expect(reads.reading(pics)).toBe(2);
    const base = { editor: 'found' as const, problems: [], screen: { kind: 'done' as const, findings: [], draftHash: 'h' } };
    const whileReading = holdReasons({ ...base, pictures: { reading: 2, notRead: [] } }, { resolutions: {} }, undefined);
    expect(whileReading).toMatchObject({ held: true, waitFor: 'pictures' });
    await reads.settled();
    expect(settled).toHaveBeenCalledTimes(2);
    expect(reads.readingOf('data:a')).toBe(reading);
    const notRead = reads.notRead(pics);
    expect(notRead).toHaveLength(1);
    expect(notRead[0]).toContain('第 2 张图片');
    const held = holdReasons({ ...base, pictures: { reading: 0, notRead } }, { resolutions: {} }, undefined);
    expect(held.held).toBe(true);
    expect(held.reasons.join('\n')).toContain('mmbiz.qpic.cn');
  });
});
