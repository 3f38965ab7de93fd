import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import type { Draft, Finding } from '../../lib/core/types';
import { DEFAULT_SETTINGS, type Person, type Settings } from '../../lib/settings/schema';
import type { Message } from '../../lib/ext/messages';
import type { DraftReport, ReviewStatus } from '../../lib/ext/messages/review';
import { draftHash, draftSummary } from '../../lib/review/draft-hash';
import { openReviewDb } from '../../lib/review/db';
import { EDITED_AFTER_APPROVAL } from '../../lib/review/gate';
import { ReviewService, STALE_DRAFT } from '../../lib/review/service';

const editor: Person = { name: '王编辑', unit: '办公室', roles: ['editor'] };
const first: Person = { name: '李初审', unit: '办公室', roles: ['first'] };
const second: Person = { name: '张复审', unit: '办公室', roles: ['second'] };
const final: Person = { name: '赵终审', unit: '局领导', roles: ['final'] };

const idCard: Finding = {
  id: 'pii.id-card:body:110101199003077777:abc',
  check: 'pii.id-card',
  category: 'pii',
  severity: 'block',
  field: 'body',
  start: 5,
  end: 23,
  text: '110101199003077777',
  message: '身份证号须去标识化',
  clause: '003_54205cdec66d062b.txt 第十一条',
};

const KEY = 'wechat:六安民政:appmsg-100';
const draft = (body: string): Draft => ({ platform: 'wechat', fields: { title: '关于低保公示的通知', body } });
/** What the tab reports of a draft: its key, hash and a summary (lib/ext/messages/review.ts DraftReport). */
const reportOf = async (body: string, findings: Finding[], account?: string): Promise<DraftReport> => ({
  draftKey: KEY,
  draftHash: await draftHash(draft(body)),
  platform: 'wechat',
  ...(account ? { account } : {}),
  title: '关于低保公示的通知',
  summary: draftSummary(draft(body)),
  findings,
});

async function setup(patch: Partial<Settings> = {}) {
  const factory = new IDBFactory();
  const settings: Settings = { ...DEFAULT_SETTINGS, reviewLevels: 2, acceptedBlockLevels: 3, ...patch };
  let clock = Date.UTC(2026, 10, 24, 1);
  const make = async () =>
    new ReviewService({
      db: await openReviewDb(factory),
      getSettings: async () => settings,
      now: () => new Date((clock += 1000)),
      fetch: async () => ({ ok: true, status: 200 }),
    });
  const service = await make();
  const as = (person: Person | undefined) => {
    settings.identity = person;
  };
  async function send<T = ReviewStatus>(s: ReviewService, message: Message): Promise<T> {
    const reply = await s.handle(message as never);
    if (!reply.ok) throw new Error(reply.error);
    return reply.value as T;
  }
  const status = async (s: ReviewService, body: string, findings: Finding[] = []) =>
    send(s, { type: 'review:status', ...(await reportOf(body, findings, '六安民政')) });
  return { service, make, as, send, status, settings };
}

describe('review service', () => {
  it('walks a draft with a block finding through acceptance and three different reviewers', async () => {
    const { service: s, as, send, status } = await setup();
    const body = '低保对象：张某，110101199003077777，依法公示。';

    as(editor);
    await send(s, { type: 'review:edited', draftKey: KEY });
    let st = await status(s, body, [idCard]);
    expect(st.open).toBe(false);
    expect(st.missing).toEqual(["1 个'阻断'问题未处理", '待初审', '待复审（需不同于初审人）']);
    expect(st.isEditor).toBe(true);

    // The editor cannot accept the finding themself.
    const refused = await s.handle({ type: 'review:resolve', draftKey: KEY, draftHash: st.draftHash, finding: idCard, resolution: 'accepted', reason: '依法公示' });
    expect(refused).toEqual({ ok: false, error: expect.stringContaining('只有审核人') });

    as(first);
    st = await send(s, { type: 'review:resolve', draftKey: KEY, draftHash: st.draftHash, finding: idCard, resolution: 'accepted', reason: '依法公示' });
    expect(st.required).toEqual(['first', 'second', 'final']);
    expect(st.canApproveAs).toBe('first');
    st = await send(s, { type: 'review:decide', draftKey: KEY, draftHash: st.draftHash, level: 'first', decision: 'approve', note: '' });
    expect(st.missing).toEqual(['待复审（需不同于初审人）', "待终审（需不同于初审、复审人；已接受'阻断'问题，须经终审）"]);

    // 初审 cannot sign again as 复审, even holding the role.
    as({ ...first, roles: ['first', 'second'] });
    expect(await s.handle({ type: 'review:decide', draftKey: KEY, draftHash: st.draftHash, level: 'second', decision: 'approve', note: '' })).toEqual({
      ok: false,
      error: expect.stringContaining('同一人不能在两级签批'),
    });

    as(second);
    st = await send(s, { type: 'review:decide', draftKey: KEY, draftHash: st.draftHash, level: 'second', decision: 'approve', note: '核实无误' });
    as(final);
    st = await send(s, { type: 'review:decide', draftKey: KEY, draftHash: st.draftHash, level: 'final', decision: 'approve', note: '同意发布' });
    expect(st).toMatchObject({ open: true, missing: [] });
    expect(st.approvals.map((a) => [a.level, a.by.name])).toEqual([
      ['first', '李初审'],
      ['second', '张复审'],
      ['final', '赵终审'],
    ]);

    const submitted = await send<{ seq: number; open: boolean }>(s, { type: 'review:submit', ...(await reportOf(body, [idCard])), allowed: true });
    expect(submitted.open).toBe(true);

    const { records } = await send<{ records: { kind: string; reviewer: { name: string }; findings: { resolution: string }[] }[] }>(s, { type: 'review:log-query' });
    expect(records.map((r) => [r.kind, r.reviewer.name])).toEqual([
      ['screening', '赵终审'],
      ['decision', '赵终审'],
      ['decision', '张复审'],
      ['decision', '李初审'],
      ['resolution', '李初审'],
    ]);
    expect(records[0].findings[0].resolution).toBe('accepted');
    // Personal information is not copied into the log in clear.
    expect((records[0].findings[0] as unknown as { text: string }).text).toBe('110***********7777');
    expect(await send(s, { type: 'review:verify' })).toMatchObject({ ok: true, count: 5 });
  });

  it('closes the gate when the body is edited after approval, logs it, and refuses stale decisions', async () => {
    const { service: s, as, send, status } = await setup({ reviewLevels: 1 });
    as(first);
    let st = await status(s, '第一版');
    const approvedHash = st.draftHash;
    st = await send(s, { type: 'review:decide', draftKey: KEY, draftHash: approvedHash, level: 'first', decision: 'approve', note: '' });
    expect(st.open).toBe(true);

    as(editor);
    await send(s, { type: 'review:edited', draftKey: KEY });
    st = await status(s, '第二版');
    expect(st.open).toBe(false);
    expect(st.missing).toEqual([EDITED_AFTER_APPROVAL, '待初审']);

    as(second);
    expect(await s.handle({ type: 'review:decide', draftKey: KEY, draftHash: approvedHash, level: 'first', decision: 'approve', note: '' })).toEqual({
      ok: false,
      error: STALE_DRAFT,
    });
    const { records } = await send<{ records: { kind: string; note?: string }[] }>(s, { type: 'review:log-query', filter: { kind: 'edit' } });
    expect(records).toHaveLength(1);
    expect(records[0].note).toContain('初审意见失效');

    // Restoring the approved text restores the approval (it binds to content, not to time).
    st = await status(s, '第一版');
    expect(st.open).toBe(true);
  });

  it('keeps approvals, editors and the log across a restart', async () => {
    const { service: s, make, as, send, status } = await setup({ reviewLevels: 2 });
    as(editor);
    await send(s, { type: 'review:edited', draftKey: KEY });
    as(first);
    const st = await status(s, '正文');
    await send(s, { type: 'review:decide', draftKey: KEY, draftHash: st.draftHash, level: 'first', decision: 'approve', note: '' });
    s.log.close();

    const restarted = await make();
    as(editor);
    const after = await status(restarted, '正文');
    expect(after.approvals.map((a) => a.by.name)).toEqual(['李初审']);
    expect(after.isEditor).toBe(true);
    expect(after.missing).toEqual(['待复审（需不同于初审人）']);
    expect(await send(restarted, { type: 'review:verify' })).toMatchObject({ ok: true, count: 1 });
  });

  it('a return voids the sign-offs on that content and says why', async () => {
    const { service: s, as, send, status } = await setup({ reviewLevels: 2 });
    as(first);
    let st = await status(s, '正文');
    st = await send(s, { type: 'review:decide', draftKey: KEY, draftHash: st.draftHash, level: 'first', decision: 'approve', note: '' });
    as(second);
    st = await send(s, { type: 'review:decide', draftKey: KEY, draftHash: st.draftHash, level: 'second', decision: 'return', note: '标题请用规范表述' });
    expect(st.approvals).toEqual([]);
    expect(st.missing[0]).toBe('复审 张复审 已退回：标题请用规范表述（请修改后重新送审）');
  });

  it('overrides only under policy, with a reason, and logs the override and the submit', async () => {
    const blocked = await setup();
    blocked.as(editor);
    let st = await blocked.status(blocked.service, '正文 110101199003077777', [idCard]);
    expect(st.allowOverride).toBe(false);
    expect(await blocked.service.handle({ type: 'review:override', draftKey: KEY, draftHash: st.draftHash, reason: '防汛紧急通知' })).toEqual({
      ok: false,
      error: '管理策略未允许紧急放行',
    });

    const { service: s, as, send, status } = await setup({ allowOverride: true });
    as(editor);
    st = await status(s, '正文 110101199003077777', [idCard]);
    expect((await s.handle({ type: 'review:override', draftKey: KEY, draftHash: st.draftHash, reason: '' })).ok).toBe(false);
    st = await send(s, { type: 'review:override', draftKey: KEY, draftHash: st.draftHash, reason: '防汛紧急通知，须立即发布' });
    expect(st.open).toBe(true);
    expect(st.override?.reason).toBe('防汛紧急通知，须立即发布');
    await send(s, { type: 'review:submit', ...(await reportOf('正文 110101199003077777', [idCard])), allowed: true });
    const { records } = await send<{ records: { kind: string; note?: string; decision: string }[] }>(s, { type: 'review:log-query' });
    expect(records.map((r) => r.kind)).toEqual(['screening', 'override']);
    expect(records[0].note).toBe('紧急放行后发布');
    expect(records[1].note).toBe('紧急放行：防汛紧急通知，须立即发布');
  });

  it('logs a blocked submit with what was missing', async () => {
    const { service: s, as, send } = await setup();
    as(editor);
    const result = await send<{ open: boolean; missing: string[]; seq: number }>(s, {
      type: 'review:submit',
      ...(await reportOf('正文 110101199003077777', [idCard])),
      allowed: false,
    });
    expect(result.open).toBe(false);
    const { records } = await send<{ records: { decision: string; note?: string; findings: unknown[] }[] }>(s, { type: 'review:log-query' });
    expect(records[0].decision).toBe('return');
    expect(records[0].note).toBe("拦截发布：1 个'阻断'问题未处理；待初审；待复审（需不同于初审人）");
    expect(records[0].findings).toHaveLength(1);
  });
});
