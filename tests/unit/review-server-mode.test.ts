// @vitest-environment node
/**
 * 服务器模式 in the background, against a real review server: the gate stays held until this profile logs in
 * and submits, each decision reaches the background live, and publishing opens only for the server's verified
 * approval of exactly the content on screen (editing afterwards holds it again). Local decisions are refused.
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Message } from '../../lib/ext/messages';
import type { DraftReport, ReviewStatus } from '../../lib/ext/messages/review';
import { NOT_LOGGED_IN, reviewServer, serverHandlers } from '../../lib/ext/review-server-service';
import { items } from '../../lib/ext/storage';
import { openReviewDb } from '../../lib/review/db';
import { draftSummary } from '../../lib/review/draft-hash';
import { ReviewService } from '../../lib/review/service';
import { getEffectiveSettings } from '../../lib/settings/store';
import { api, login, seed, startTestServer, submission, PASSWORD, type TestServer } from '../server/helpers';

describe('服务器模式 (background with a real review server)', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer('pglite');
    await seed(server);
  }, 120_000);
  afterAll(async () => {
    await serverHandlers['server:logout']({ type: 'server:logout' } as Message<'server:logout'>);
    await server?.stop();
  }, 60_000);
  beforeEach(() => fakeBrowser.reset());

  it('holds until submitted and approved on the server, then opens for exactly that content', async () => {
    await items.userSettings.setValue({ reviewServerUrl: server.url, reviewServerKey: server.keys.publicKeyBase64 });
    const service = new ReviewService({
      db: await openReviewDb(new IDBFactory()),
      getSettings: async () => (await getEffectiveSettings()).settings,
      serverGate: (key, hash, settings) => reviewServer.gate(key, hash, settings),
    });
    const sub = await submission('unit-a', '咨询电话 13812345678，欢迎来电。', [{ text: '13812345678', severity: 'block' }], 'wechat:appmsg-7');
    const report: DraftReport = {
      draftKey: sub.draftKey,
      draftHash: sub.draftHash,
      platform: 'wechat',
      title: sub.draft.fields.title ?? '',
      summary: draftSummary(sub.draft),
      findings: sub.findings.map((f) => ({ id: f.id, check: f.check, category: f.category, severity: f.severity, field: f.field, text: f.text })),
    };
    const status = async (r = report): Promise<ReviewStatus> => {
      const reply = await service.handle({ type: 'review:status', ...r });
      if (!reply.ok) throw new Error(reply.error);
      return reply.value;
    };

    let s = await status();
    expect(s.open).toBe(false);
    expect(s.missing[0]).toBe(NOT_LOGGED_IN);

    const state = await serverHandlers['server:login']({ type: 'server:login', username: 'ed', password: PASSWORD });
    expect(state).toMatchObject({ configured: true, keyConfigured: true, loggedIn: true, me: { name: '王编辑' } });
    await serverHandlers['server:submit']({ type: 'server:submit', submission: sub });
    s = await status();
    expect(s.open).toBe(false);
    expect(s.server).toMatchObject({ submitted: true, status: 'pending', nextLevel: 'first' });
    const local = await service.handle({ type: 'review:decide', draftKey: sub.draftKey, draftHash: sub.draftHash, level: 'first', decision: 'approve', note: '' });
    expect(local).toMatchObject({ ok: false, error: expect.stringContaining('服务器模式') });

    const draftId = (await api(server, 'GET', `/api/drafts/by-key?draftKey=${encodeURIComponent(sub.draftKey)}`, { token: await login(server, 'r1') })).json.id;
    await expect.poll(async () => (await serverHandlers['server:state']({ type: 'server:state' })).live, { timeout: 10_000 }).toBe(true);
    const r1 = await login(server, 'r1');
    await api(server, 'POST', `/api/drafts/${draftId}/accept`, { token: r1, body: { findingId: 'f0', reason: '公开的咨询电话' } });
    for (const [who, level] of [['r1', 'first'], ['r2', 'second'], ['r3', 'final']] as const)
      await api(server, 'POST', `/api/drafts/${draftId}/decision`, { token: await login(server, who), body: { level, decision: 'approve', opinion: '同意' } });
    // The live event tells tabs to ask again; the fresh status opens.
    await expect.poll(async () => (await items.reviewServerChange.getValue())?.draftKey, { timeout: 10_000 }).toBe(sub.draftKey);
    await expect.poll(async () => (await status()).open, { timeout: 10_000 }).toBe(true);
    s = await status();
    expect(s.server!.decisions.map((d) => `${d.level}:${d.person}`)).toEqual(['first:李初审', 'second:张复审', 'final:赵终审']);

    // Edited afterwards: the approval was for the submitted content only.
    const edited = await submission('unit-a', '咨询电话 13812345678，欢迎来电咨询。', [{ text: '13812345678', severity: 'block' }], sub.draftKey);
    s = await status({ ...report, draftHash: edited.draftHash });
    expect(s.open).toBe(false);
    expect(s.missing.join('\n')).toContain('提交审核后稿件又被修改');
  });
});
