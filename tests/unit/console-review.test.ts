/**
 * The content script's side of the review service (entrypoints/console.content/review-client.ts ReviewLink,
 * review-sync.ts, draft-key.ts) against a real ReviewService over fake-indexeddb.
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { draftKeyFor, LAST_NEW_DRAFT_KEY, TAB_DRAFT_ID_KEY, trackDraftKey } from '../../entrypoints/console.content/draft-key';
import { draftReport, ReviewLink } from '../../entrypoints/console.content/review-client';
import { EditedTracker, identityKey, mergeResolutions } from '../../entrypoints/console.content/review-sync';
import type { Draft, Finding } from '../../lib/core/types';
import { draftHash } from '../../lib/review/draft-hash';
import { openReviewDb } from '../../lib/review/db';
import { ReviewService } from '../../lib/review/service';
import { DEFAULT_SETTINGS, type Person, type Settings } from '../../lib/settings/schema';

const EDITOR: Person = { name: '王编辑', unit: '办公室', roles: ['editor'] };
const FIRST: Person = { name: '李初审', unit: '办公室', roles: ['first'] };
const SECOND: Person = { name: '张复审', unit: '办公室', roles: ['second'] };
const KEY = 'wechat:appmsg-9';

const block: Finding = {
  id: 'f-id',
  check: 'pii.id-card',
  category: 'pii',
  severity: 'block',
  field: 'body',
  start: 4,
  end: 22,
  text: '11010519491231002X',
  message: '含身份证号',
  clause: '003_54205cdec66d062b.txt 第九条',
};
const draftOf = (body: string): Draft => ({ platform: 'wechat', fields: { title: '通知', body } });
const BODY = '身份证号11010519491231002X。';

async function setup() {
  const settings: Settings = { ...DEFAULT_SETTINGS, reviewLevels: 2 };
  const s = new ReviewService({ db: await openReviewDb(new IDBFactory()), getSettings: async () => settings });
  // The content script talks to the background through browser.runtime.sendMessage.
  fakeBrowser.runtime.sendMessage = ((m: never) => s.handle(m)) as never;
  const reportOf = async (draft: Draft, findings: Finding[] = [block]) =>
    draftReport(KEY, 'wechat', { draft, draftHash: await draftHash(draft), findings });
  const status = async (draft: Draft, findings: Finding[] = [block]) => {
    const reply = await s.handle({ type: 'review:status', ...(await reportOf(draft, findings)) });
    if (!reply.ok) throw new Error(reply.error);
    return reply.value;
  };
  /** The tab's link, with the draft reported (as after a completed screen). */
  const link = async (draft: Draft, findings: Finding[] = [block]) => {
    const l = new ReviewLink(() => undefined);
    await l.report(await reportOf(draft, findings));
    return l;
  };
  return { settings, s, status, link, reportOf };
}

beforeEach(() => {
  fakeBrowser.reset();
  sessionStorage.clear();
});

describe('resolutions shown in the sidebar (item 1)', () => {
  it('shows who accepted as a person, never "[object Object]"', async () => {
    const { settings, link } = await setup();
    settings.identity = FIRST;
    const l = await link(draftOf(BODY));
    expect(await l.accept(block, '依法公示')).toBeUndefined();
    const shown = l.view().resolutions[block.id];
    expect(shown).toMatchObject({ resolution: 'accepted', reason: '依法公示', by: { name: '李初审' } });
    expect(String(shown.by?.name)).not.toContain('[object');
  });

  it('lets a local mark waiting for the service override the service row', () => {
    const merged = mergeResolutions(undefined, { x: { resolution: 'accepted', reason: '引用原文' } });
    expect(merged).toEqual({ x: { resolution: 'accepted', reason: '引用原文' } });
  });
});

describe('stale review status (item 2)', () => {
  it('takes a status only for exactly the draft reported last (the background echoes the hash)', async () => {
    const { settings, status, link, reportOf } = await setup();
    settings.identity = FIRST;
    const draft = draftOf(BODY);
    const l = await link(draft);
    const hash = await draftHash(draft);
    expect(l.statusFor(KEY, hash)?.draftHash).toBe(hash);
    // The text moved on while a reply (or the panel's review:refresh after an identity change) was in flight.
    const older = await status(draft);
    await l.report(await reportOf(draftOf(`${BODY}补充一句。`)));
    expect(l.adopt(older)).toBe(false);
    expect(l.statusFor(KEY, hash)).toBeUndefined();
    expect(l.view().answer?.draftHash).toBe(await draftHash(draftOf(`${BODY}补充一句。`)));
  });
});

describe('refused accepts (item 3)', () => {
  it('returns the service refusal text and drops the local mark', async () => {
    const { settings, link } = await setup();
    settings.identity = EDITOR;
    const l = await link(draftOf(BODY));
    expect(await l.accept(block, '依法公示')).toContain('只有审核人');
    expect(l.view().resolutions[block.id]).toBeUndefined();
  });

  it('a reviewer who edited the draft may not accept its findings', async () => {
    const { settings, s, link } = await setup();
    settings.identity = FIRST;
    await s.handle({ type: 'review:edited', draftKey: KEY });
    const l = await link(draftOf(BODY));
    expect(await l.accept(block, '依法公示')).toContain('你编辑过本稿');
  });

  it('reports an absent service as unavailable (publishing then holds, lib/review/gate.ts)', async () => {
    const { reportOf } = await setup();
    fakeBrowser.runtime.sendMessage = (async () => undefined) as never;
    const l = new ReviewLink(() => undefined);
    await l.report(await reportOf(draftOf(BODY)));
    expect(l.view().unavailable).toContain('后台服务没有响应');
    l.stop();
  });
});

describe('review:edited once per draft per identity (item 5)', () => {
  it('sends again when another person types in the same tab, and the service records both', async () => {
    const { settings, s, status } = await setup();
    const tracker = new EditedTracker();
    const typed = async (person: Person) => {
      settings.identity = person;
      if (tracker.mark(KEY, identityKey(person))) await s.handle({ type: 'review:edited', draftKey: KEY });
    };
    expect(tracker.mark(KEY, identityKey(EDITOR))).toBe(true);
    expect(tracker.mark(KEY, identityKey(EDITOR))).toBe(false);
    expect(tracker.mark('wechat:other', identityKey(EDITOR))).toBe(true);
    tracker.forget(KEY, identityKey(EDITOR));

    await typed(EDITOR);
    await typed(SECOND);
    await typed(SECOND);
    settings.identity = SECOND;
    const st = await status(draftOf(BODY), []);
    expect(st.isEditor).toBe(true);
    settings.identity = FIRST;
    expect((await status(draftOf(BODY), [])).isEditor).toBe(false);
  });
});

describe('saving a new draft keeps its review state (issue 9 item 3)', () => {
  it('moves editors and approvals from the tab key to the saved id, so the writer still cannot approve', async () => {
    const { settings, s } = await setup();
    const tabKey = draftKeyFor('wechat', 'new');
    expect(trackDraftKey(tabKey)).toBeUndefined();
    settings.identity = { ...EDITOR, roles: ['editor', 'first'] };
    await s.handle({ type: 'review:edited', draftKey: tabKey });
    // The console saved the draft: the URL gained its appmsgid.
    const saved = draftKeyFor('wechat', '2247483712');
    const from = trackDraftKey(saved);
    expect(from).toBe(tabKey);
    expect(await s.handle({ type: 'review:rekey', from: from!, to: saved })).toEqual({ ok: true, value: { moved: true } });
    const draft = draftOf(BODY);
    const st = await s.handle({ type: 'review:status', ...draftReport(saved, 'wechat', { draft, draftHash: await draftHash(draft), findings: [] }) });
    expect(st.ok && st.value.isEditor).toBe(true);
    expect(st.ok && st.value.approveRefusal).toContain('你编辑过本稿');
    // The tab's next new draft starts empty.
    expect(draftKeyFor('wechat', 'new')).not.toBe(tabKey);
  });

  it('never carries a tab history to a saved draft opened from the list (a non-editor page in between)', () => {
    const tabKey = draftKeyFor('wechat', 'new');
    trackDraftKey(tabKey);
    trackDraftKey(undefined); // the draft list: not an editor
    expect(trackDraftKey('wechat:2247483712')).toBeUndefined();
    expect(sessionStorage.getItem(LAST_NEW_DRAFT_KEY)).toBeNull();
  });

  it('does not carry over after the window has passed', () => {
    const at = Date.now();
    trackDraftKey(draftKeyFor('wechat', 'new'), at);
    expect(trackDraftKey('wechat:2247483712', at + 11 * 60_000)).toBeUndefined();
  });
});

describe('draft keys of unsaved drafts (item 4)', () => {
  it('keys a saved draft by the console id', () => {
    expect(draftKeyFor('wechat', '2247483712')).toBe('wechat:2247483712');
  });

  it('gives unsaved drafts a per-tab id that survives reloads (sessionStorage) and differs between tabs', () => {
    const tabA = draftKeyFor('wechat', 'new');
    expect(tabA).toMatch(/^wechat:new-[0-9a-f]{16}$/);
    // A reload of the same tab keeps its sessionStorage, so the same key.
    expect(draftKeyFor('wechat', 'new')).toBe(tabA);
    expect(sessionStorage.getItem(TAB_DRAFT_ID_KEY)).toBe(tabA.slice('wechat:new-'.length));
    // Another tab has its own sessionStorage.
    const otherTab = new Map<string, string>();
    const storage = {
      getItem: (k: string) => otherTab.get(k) ?? null,
      setItem: (k: string, v: string) => void otherTab.set(k, v),
      removeItem: (k: string) => void otherTab.delete(k),
    } as unknown as Storage;
    const tabB = draftKeyFor('wechat', 'new', storage);
    expect(tabB).not.toBe(tabA);
    expect(draftKeyFor('wechat', 'new', storage)).toBe(tabB);
  });

  it('still separates drafts when storage throws', () => {
    const broken = {
      getItem: () => {
        throw new Error('denied');
      },
    } as unknown as Storage;
    const key = draftKeyFor('weibo', 'new', broken);
    expect(key).toMatch(/^weibo:new-[0-9a-f]{16}$/);
    expect(draftKeyFor('weibo', 'new', broken)).toBe(key);
  });
});
