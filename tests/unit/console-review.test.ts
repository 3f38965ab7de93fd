/**
 * The content script's side of the review service (entrypoints/console.content/review-sync.ts,
 * review-client.ts, draft-key.ts) against a real ReviewService over fake-indexeddb.
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { draftKeyFor, TAB_DRAFT_ID_KEY } from '../../entrypoints/console.content/draft-key';
import { reviewResolve } from '../../entrypoints/console.content/review-client';
import {
  DraftHasher,
  EditedTracker,
  identityKey,
  mergeResolutions,
  statusMatchesDraft,
} from '../../entrypoints/console.content/review-sync';
import type { Draft, Finding } from '../../lib/core/types';
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
  const status = async (draft: Draft, findings: Finding[] = [block]) => {
    const reply = await s.handle({ type: 'review:status', draftKey: KEY, platform: 'wechat', title: '通知', draft, findings });
    if (!reply.ok) throw new Error(reply.error);
    return reply.value;
  };
  return { settings, s, status };
}

beforeEach(() => {
  fakeBrowser.reset();
  sessionStorage.clear();
});

describe('resolutions shown in the sidebar (item 1)', () => {
  it('shows who accepted as a name, never "[object Object]"', async () => {
    const { settings, status } = await setup();
    settings.identity = FIRST;
    const before = await status(draftOf(BODY));
    const result = await reviewResolve(KEY, before.draftHash, block, 'accepted', '依法公示');
    expect(result.ok).toBe(true);
    const merged = mergeResolutions(result.ok ? result.status : undefined, {});
    expect(merged[block.id]).toEqual({ resolution: 'accepted', reason: '依法公示', by: '李初审' });
    expect(String(merged[block.id].by)).not.toContain('[object');
  });

  it('lets a local mark waiting for the service override the service row', () => {
    const merged = mergeResolutions(undefined, { x: { resolution: 'accepted', reason: '引用原文' } });
    expect(merged).toEqual({ x: { resolution: 'accepted', reason: '引用原文' } });
  });
});

describe('stale review status (item 2)', () => {
  it('takes a status only for exactly the draft on screen', async () => {
    const { settings, status } = await setup();
    settings.identity = FIRST;
    const draft = draftOf(BODY);
    const current = await status(draft);
    const hasher = new DraftHasher();
    expect(await statusMatchesDraft(current, draft, hasher)).toBe(true);
    // The text moved on while the reply (or the panel's review:refresh after an identity change) was in flight.
    expect(await statusMatchesDraft(current, draftOf(`${BODY}补充一句。`), hasher)).toBe(false);
    expect(await statusMatchesDraft(current, draftOf(BODY))).toBe(true);
  });
});

describe('refused accepts (item 3)', () => {
  it('returns the service refusal text instead of undefined', async () => {
    const { settings, status } = await setup();
    settings.identity = EDITOR;
    const st = await status(draftOf(BODY));
    const result = await reviewResolve(KEY, st.draftHash, block, 'accepted', '依法公示');
    expect(result).toMatchObject({ ok: false, unavailable: false });
    expect(!result.ok && result.error).toContain('只有审核人');
  });

  it('a reviewer who edited the draft may not accept its findings', async () => {
    const { settings, s, status } = await setup();
    settings.identity = FIRST;
    await s.handle({ type: 'review:edited', draftKey: KEY });
    const st = await status(draftOf(BODY));
    const result = await reviewResolve(KEY, st.draftHash, block, 'accepted', '依法公示');
    expect(!result.ok && result.error).toContain('你编辑过本稿');
  });

  it('reports an absent service as unavailable', async () => {
    fakeBrowser.runtime.sendMessage = (async () => undefined) as never;
    const result = await reviewResolve(KEY, 'h', block, 'accepted', '依法公示');
    expect(result).toMatchObject({ ok: false, unavailable: true });
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
