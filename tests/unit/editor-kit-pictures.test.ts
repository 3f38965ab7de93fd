/**
 * Pictures in the draft (lib/editor-kit/pictures.ts) and the draft hash over them (lib/review/draft-hash.ts):
 * a swapped picture, or the same source with other bytes, is another draft, so approvals do not carry over.
 */
import { describe, expect, it } from 'vitest';
import type { Draft } from '../../lib/core/types';
import { collectPictures, PictureHashes } from '../../lib/editor-kit/pictures';
import { draftHash } from '../../lib/review/draft-hash';

function body(html: string): Element {
  const el = document.createElement('div');
  el.innerHTML = html;
  return el;
}

const bytes = (text: string) => new TextEncoder().encode(text).buffer as ArrayBuffer;

describe('collectPictures', () => {
  it('lists each field’s pictures in order with source, alt and position, skipping editor chrome', () => {
    const el = body('<p>甲<img src="https://mp.example/a.png" alt="会场"></p><img class="ProseMirror-separator" src="x"><img src="data:image/png;base64,AAAA">');
    expect(collectPictures([{ field: 'body', element: el }])).toEqual([
      { id: 'body#0', src: 'https://mp.example/a.png', alt: '会场', field: 'body', index: 0 },
      { id: 'body#1', src: 'data:image/png;base64,AAAA', field: 'body', index: 1 },
    ]);
  });

  it('fills content hashes that are known', async () => {
    const hashes = new PictureHashes(async (src) => (src.endsWith('a.png') ? bytes('图片一') : undefined));
    const el = body('<img src="https://mp.example/a.png"><img src="https://cdn.example/b.png">');
    const first = collectPictures([{ field: 'body', element: el }], hashes.hashes);
    expect(hashes.unread(first)).toEqual(['https://mp.example/a.png', 'https://cdn.example/b.png']);
    await hashes.read(hashes.unread(first));
    const [a, b] = collectPictures([{ field: 'body', element: el }], hashes.hashes);
    expect(a.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(b.hash).toBeUndefined(); // not readable (no CORS): identified by its source only
    expect(hashes.unread([a, b])).toEqual([]);
  });
});

describe('draft hash over pictures', () => {
  const text: Draft['fields'] = { title: '通知', body: '正文' };
  const withPicture = (src: string, hash?: string): Draft => ({
    platform: 'wechat',
    fields: text,
    pictures: [{ id: 'body#0', src, field: 'body', index: 0, ...(hash ? { hash } : {}) }],
  });

  it('changes when a picture is swapped, or its bytes change under the same source', async () => {
    const base = await draftHash(withPicture('https://mp.example/a.png', 'a'.repeat(64)));
    expect(await draftHash(withPicture('https://mp.example/b.png', 'a'.repeat(64)))).not.toBe(base);
    expect(await draftHash(withPicture('https://mp.example/a.png', 'b'.repeat(64)))).not.toBe(base);
    expect(await draftHash(withPicture('https://mp.example/a.png', 'a'.repeat(64)))).toBe(base);
  });

  it('ignores alt text and ids, and a draft without pictures hashes as before', async () => {
    const plain: Draft = { platform: 'wechat', fields: text };
    expect(await draftHash({ ...plain, pictures: [] })).toBe(await draftHash(plain));
    const a = withPicture('https://mp.example/a.png');
    const b: Draft = { ...a, pictures: [{ ...a.pictures![0], alt: '另一种说明', id: 'other' }] };
    expect(await draftHash(b)).toBe(await draftHash(a));
  });
});
