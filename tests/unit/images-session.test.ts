/**
 * EditorSession with a picture reader (issue 13, 4), in happy-dom: publishing is held while the draft's picture
 * is read; once read, its text is screened like a field and its findings join the draft's (field image:<hash>),
 * holding publishing like any other; a picture that cannot be read holds with its reason.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Surface } from '../../lib/adapters/types';
import { screen } from '../../lib/core/screen';
import { CHECKS } from '../../lib/checks/index';
import type { Picture } from '../../lib/core/types';
import { EditorSession } from '../../lib/editor-kit/session';
import type { ReadPicture } from '../../lib/editor-kit/picture-reads';
import { composeReadText } from '../../lib/images/read-text';
import { screenPicture } from '../../lib/images/screen-picture';
import { READING_FORMAT, type PictureReading } from '../../lib/images/types';
import { shippedRuleset } from './helpers/shipped-lists';

const surface: Surface = {
  id: 'test',
  label: '测试编辑',
  route: { hosts: ['localhost'] },
  fields: [{ name: 'body', label: '正文', required: true, candidates: [{ variant: 'test', selector: '#body' }] }],
  publish: [{ label: '发布', step: 1, selectors: ['#publish'], texts: ['发布'] }],
};
const HASH = 'ab'.repeat(32);
const reading: PictureReading = {
  format: READING_FORMAT,
  hash: HASH,
  width: 1080,
  height: 1500,
  ms: 1,
  ...composeReadText([{ text: '咨询电话：13912345678', box: { x: 0, y: 0, width: 100, height: 40 }, confidence: 0.99 }], []),
};
const tick = (ms = 20) => new Promise((r) => setTimeout(r, ms));
let scope = new AbortController();
afterEach(() => scope.abort());

function start(read: ReadPicture) {
  document.body.innerHTML = '<div id="body" contenteditable="true">一段正文。<img src="data:image/png;base64,iVBORw0KGgo=" alt="海报"></div><button id="publish">发布</button>';
  scope = new AbortController();
  const rs = shippedRuleset();
  return new EditorSession({
    surface,
    platform: 'wechat',
    screen: (d) => screen(d, rs, CHECKS),
    signal: scope.signal,
    pictures: undefined,
    pictureReader: { read, screen: (r, c) => screenPicture(r, rs, c).findings },
    actions: { changed() {}, edited() {}, screened() {}, needReview: async () => {}, publishAttempt() {} },
  });
}

describe('EditorSession with pictures', () => {
  it('holds while reading, then the picture findings join and hold like any other', async () => {
    let finish!: (r: Awaited<ReturnType<ReadPicture>>) => void;
    const asked: Picture[] = [];
    const session = start((p) => {
      asked.push(p);
      return new Promise((resolve) => (finish = resolve));
    });
    await tick();
    expect(asked.map((p) => p.src)).toEqual(['data:image/png;base64,iVBORw0KGgo=']);
    expect(session.hold()).toMatchObject({ held: true, waitFor: 'pictures' });
    expect(session.view().pictures).toEqual([expect.objectContaining({ status: 'reading', alt: '海报' })]);

    finish({ status: 'read', reading });
    await tick();
    const view = session.view();
    const onPicture = view.findings.filter((f) => f.field === `image:${HASH}`);
    expect(onPicture.map((f) => [f.category, f.text])).toEqual([['pii', '13912345678']]);
    expect(view.pictures).toEqual([expect.objectContaining({ status: 'read', field: `image:${HASH}`, text: reading.text })]);
    const hold = session.hold();
    expect(hold.held).toBe(true);
    expect(hold.waitFor).not.toBe('pictures');
    expect(asked).toHaveLength(1); // re-screens do not read again
  });

  it('a picture that cannot be read holds publishing with the reason', async () => {
    const session = start(async () => ({ status: 'not-read', reason: '无法取得图片（mmbiz.qpic.cn）' }));
    await tick();
    const hold = session.hold();
    expect(hold.held).toBe(true);
    expect(hold.reasons.join('\n')).toContain('mmbiz.qpic.cn');
    expect(session.view().pictures[0]).toMatchObject({ status: 'not-read' });
  });
});
