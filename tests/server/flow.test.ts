/**
 * The 三审 flow across people, on a real server: submit → queue → accept → approve per level → signed
 * approval the extension can verify; and the rules the server enforces whatever the client sends.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyApproval } from '../../lib/review-server/approval';
import { ReviewServerClient } from '../../lib/review-server/client';
import type { ReviewEvent } from '../../lib/review-server/schemas';
import { api, login, modes, seed, startTestServer, submission, PASSWORD, type TestServer } from './helpers';

describe.each(modes())('review flow (%s)', (mode) => {
  let server: TestServer;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    server = await startTestServer(mode);
    await seed(server);
    for (const name of ['ed', 'r1', 'r2', 'r3', 'multi', 'boss', 'edb', 'rb']) tokens[name] = await login(server, name);
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('answers health with the database kind', async () => {
    const r = await api(server, 'GET', '/api/health');
    expect(r.status).toBe(200);
    expect(r.json).toEqual({ ok: true, db: mode });
  });

  it('runs 初审 → 复审 → 终审 with live events and issues an approval that verifies for this draft only', async () => {
    const editor = new ReviewServerClient({ baseUrl: server.url });
    await editor.login('ed', PASSWORD);
    const reviewer = new ReviewServerClient({ baseUrl: server.url });
    await reviewer.login('r1', PASSWORD);
    const seen: ReviewEvent[] = [];
    const editorSeen: ReviewEvent[] = [];
    const stop = new AbortController();
    const connected = Promise.all([
      new Promise<void>((resolve) => void reviewer.subscribe((e) => seen.push(e), { signal: stop.signal, onState: (up) => up && resolve() })),
      new Promise<void>((resolve) => void editor.subscribe((e) => editorSeen.push(e), { signal: stop.signal, onState: (up) => up && resolve() })),
    ]);
    await connected;

    const sub = await submission('unit-a', '联系人：王先生，电话 13812345678，欢迎报名。', [{ text: '13812345678', severity: 'block' }]);
    const submitted = await editor.submit(sub);
    expect(submitted).toMatchObject({ status: 'pending', nextLevel: 'first' });
    await expect.poll(() => seen.find((e) => e.type === 'submitted' && e.draftId === submitted.draftId), { timeout: 10_000 }).toBeTruthy();

    const queue = await reviewer.queue();
    expect(queue.drafts.map((d) => d.id)).toContain(submitted.draftId);

    // The reviewer sees the text and the finding at its exact offsets.
    const detail = await reviewer.draft(submitted.draftId);
    const f = detail.findings[0];
    expect(detail.fields!.body.slice(f.start, f.end)).toBe('13812345678');
    expect(detail.can).toMatchObject({ decideLevel: 'first', approve: false, accept: true });
    await expect(reviewer.decide(submitted.draftId, 'first', 'approve', '')).rejects.toMatchObject({ status: 403, message: expect.stringContaining('阻断') });

    await reviewer.accept(submitted.draftId, f.id, '本人同意公开的报名联系电话');
    await reviewer.decide(submitted.draftId, 'first', 'approve', '同意');

    const second = new ReviewServerClient({ baseUrl: server.url });
    await second.login('r2', PASSWORD);
    expect((await second.queue()).drafts.map((d) => d.id)).toContain(submitted.draftId);
    await second.decide(submitted.draftId, 'second', 'approve', '');

    const final = new ReviewServerClient({ baseUrl: server.url });
    await final.login('r3', PASSWORD);
    const done = await final.decide(submitted.draftId, 'final', 'approve', '同意发布');
    expect(done.status).toBe('approved');
    await expect.poll(() => editorSeen.find((e) => e.type === 'approved' && e.draftId === submitted.draftId), { timeout: 10_000 }).toBeTruthy();
    stop.abort();

    // The editor's extension finds its submission again by its own draft key, with each level's decision.
    const byKey = await editor.draftByKey(sub.draftKey);
    expect(byKey).toMatchObject({ id: submitted.draftId, status: 'approved', draftHash: sub.draftHash });
    expect(byKey.decisions.map((d) => d.level)).toEqual(['first', 'second', 'final']);
    await expect(reviewer.draftByKey('no-such-key')).rejects.toMatchObject({ status: 404 });
    const { approval, signature } = await editor.approval(submitted.draftId);
    expect(approval).toMatchObject({ draftHash: sub.draftHash, unit: 'unit-a', policyVersion: 1 });
    expect(approval.levels.map((l) => [l.level, l.person])).toEqual([
      ['first', '李初审'],
      ['second', '张复审'],
      ['final', '赵终审'],
    ]);
    const { publicKey } = await editor.publicKey();
    expect(await verifyApproval(approval, signature, publicKey, sub.draftHash)).toMatchObject({ ok: true });
    expect((await verifyApproval({ ...approval, levels: approval.levels.slice(1) }, signature, publicKey, sub.draftHash)).ok).toBe(false);
    expect((await verifyApproval(approval, signature, publicKey, 'f'.repeat(64))).ok).toBe(false);
  });

  it('refuses self-review, one person at two levels, and skipping a level', async () => {
    // multi is editor, 初审 and 复审 in unit-a: as the draft's editor they may not review it at all.
    const own = await api(server, 'POST', '/api/drafts', { token: tokens.multi, body: await submission('unit-a', '本周六上午开展义诊活动。') });
    expect(own.status).toBe(201);
    const self = await api(server, 'POST', `/api/drafts/${own.json.draftId}/decision`, { token: tokens.multi, body: { level: 'first', decision: 'approve' } });
    expect(self.status).toBe(403);
    expect(self.json.error.message).toContain('自编自审');

    const other = await api(server, 'POST', '/api/drafts', { token: tokens.ed, body: await submission('unit-a', '本周日开展志愿服务。') });
    const id = other.json.draftId;
    const skip = await api(server, 'POST', `/api/drafts/${id}/decision`, { token: tokens.r2, body: { level: 'second', decision: 'approve' } });
    expect(skip.status).toBe(403);
    expect(skip.json.error.message).toContain('须先完成初审');
    expect((await api(server, 'POST', `/api/drafts/${id}/decision`, { token: tokens.multi, body: { level: 'first', decision: 'approve' } })).status).toBe(200);
    const twice = await api(server, 'POST', `/api/drafts/${id}/decision`, { token: tokens.multi, body: { level: 'second', decision: 'approve' } });
    expect(twice.status).toBe(403);
    expect(twice.json.error.message).toContain('同一人不能在两级签批');
    // The editor cannot accept findings or approve even with the right level named.
    expect((await api(server, 'POST', `/api/drafts/${id}/decision`, { token: tokens.ed, body: { level: 'second', decision: 'approve' } })).status).toBe(403);
  });

  it('returns with an opinion, which ends that version; a resubmission supersedes a pending one', async () => {
    const sub = await submission('unit-a', '请各社区于本月底前上报名单。', [], 'same-key');
    const first = await api(server, 'POST', '/api/drafts', { token: tokens.ed, body: sub });
    const noOpinion = await api(server, 'POST', `/api/drafts/${first.json.draftId}/decision`, { token: tokens.r1, body: { level: 'first', decision: 'return' } });
    expect(noOpinion.status).toBe(403);
    const returned = await api(server, 'POST', `/api/drafts/${first.json.draftId}/decision`, { token: tokens.r1, body: { level: 'first', decision: 'return', opinion: '请补充联系方式' } });
    expect(returned.json.status).toBe('returned');
    const resub = await api(server, 'POST', '/api/drafts', { token: tokens.ed, body: await submission('unit-a', '请各社区于本月底前上报名单，联系人王先生。', [], 'same-key') });
    const again = await api(server, 'POST', '/api/drafts', { token: tokens.ed, body: await submission('unit-a', '请各社区于本月底前上报名单，联系人王先生（办公室）。', [], 'same-key') });
    expect((await api(server, 'GET', `/api/drafts/${resub.json.draftId}`, { token: tokens.ed })).json.status).toBe('superseded');
    expect((await api(server, 'GET', `/api/drafts/${again.json.draftId}`, { token: tokens.ed })).json.status).toBe('pending');
  });

  it('an accepted block finding raises the levels to the configured number; emergency override is logged as such', async () => {
    // unit-b needs one level normally but three once a block finding is accepted; no override there.
    const admin = await api(server, 'PATCH', '/api/admin/units/unit-b', { token: tokens.rb, body: { reviewLevels: 1, acceptedBlockLevels: 3 } });
    expect(admin.status).toBe(200);
    const sub = await submission('unit-b', '咨询电话 13900001111。', [{ text: '13900001111', severity: 'block' }]);
    const r = await api(server, 'POST', '/api/drafts', { token: tokens.edb, body: sub });
    expect((await api(server, 'GET', `/api/drafts/${r.json.draftId}`, { token: tokens.rb })).json.requiredLevels).toEqual(['first']);
    await api(server, 'POST', `/api/drafts/${r.json.draftId}/accept`, { token: tokens.rb, body: { findingId: 'f0', reason: '单位公开的咨询电话' } });
    const after = await api(server, 'GET', `/api/drafts/${r.json.draftId}`, { token: tokens.rb });
    expect(after.json.requiredLevels).toEqual(['first', 'second', 'final']);
    expect((await api(server, 'POST', `/api/drafts/${r.json.draftId}/override`, { token: tokens.rb, body: { reason: '紧急防汛通知' } })).status).toBe(403);

    // unit-a allows override, by a 终审 only, with a reason.
    const a = await api(server, 'POST', '/api/drafts', { token: tokens.ed, body: await submission('unit-a', '紧急通知：明日停课。') });
    expect((await api(server, 'POST', `/api/drafts/${a.json.draftId}/override`, { token: tokens.r1, body: { reason: '紧急防汛通知' } })).status).toBe(403);
    expect((await api(server, 'POST', `/api/drafts/${a.json.draftId}/override`, { token: tokens.r3, body: { reason: '' } })).status).toBe(400);
    const ok = await api(server, 'POST', `/api/drafts/${a.json.draftId}/override`, { token: tokens.r3, body: { reason: '暴雨红色预警，紧急发布' } });
    expect(ok.json.status).toBe('overridden');
    expect(ok.json.approval.approval.override).toMatchObject({ person: '赵终审', reason: '暴雨红色预警，紧急发布' });
    const csv = await api(server, 'GET', '/api/admin/units/unit-a/log.csv', { token: tokens.boss });
    const bytes = new Uint8Array(await (await fetch(`${server.url}/api/admin/units/unit-a/log.csv`, { headers: { authorization: `Bearer ${tokens.boss}` } })).arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // UTF-8 BOM for Excel/WPS
    expect(csv.text).toContain('紧急放行');
  });

  it('keeps a verifiable record, signed checkpoints, and the unit’s own approval form', async () => {
    const verify = await api(server, 'GET', '/api/admin/units/unit-a/verify', { token: tokens.boss });
    expect(verify.json).toMatchObject({ ok: true });
    expect(verify.json.count).toBeGreaterThan(5);
    const cp = await api(server, 'POST', '/api/admin/units/unit-a/checkpoints', { token: tokens.boss });
    expect(cp.status).toBe(201);
    expect(cp.json.payload).toMatchObject({ unit: 'unit-a', seq: verify.json.count, hash: verify.json.head.hash });
    const list = await api(server, 'GET', '/api/admin/units/unit-a/checkpoints', { token: tokens.boss });
    const key = await crypto.subtle.importKey('raw', Buffer.from(list.json.publicKey, 'base64'), { name: 'Ed25519' }, false, ['verify']);
    const { canonicalJson } = await import('../../lib/review/canonical');
    const last = list.json.checkpoints.at(-1);
    expect(await crypto.subtle.verify({ name: 'Ed25519' }, key, Buffer.from(last.signature, 'base64'), new TextEncoder().encode(canonicalJson(last.payload)))).toBe(true);

    const json = await api(server, 'GET', '/api/admin/units/unit-a/log.json', { token: tokens.boss });
    expect(json.json.verify.ok).toBe(true);
    const approved = json.json.records.find((r: any) => r.kind === 'decision' && r.level === 'final');
    const form = await api(server, 'GET', `/api/drafts/${approved.draftKey}/form`, { token: tokens.r1 });
    expect(form.text).toContain('<h1>甲市民政局政务新媒体信息发布审批表</h1>');
    expect(form.text).toContain('赵终审');
    // PII in the record is masked.
    expect(json.text).not.toContain('13812345678');
  });

  it('purges draft text after the retention period and keeps the hashes', async () => {
    const { purgeExpiredDrafts } = await import('../../server/review/checkpoints');
    const before = await api(server, 'GET', '/api/admin/units/unit-a/verify', { token: tokens.boss });
    const purged = await purgeExpiredDrafts(server.db.db, 0, new Date(Date.now() + 1000));
    expect(purged).toBeGreaterThan(0);
    const mine = await api(server, 'GET', '/api/drafts', { token: tokens.ed });
    const finished = mine.json.drafts.find((d: any) => d.status === 'approved');
    const detail = await api(server, 'GET', `/api/drafts/${finished.id}`, { token: tokens.ed });
    expect(detail.json).toMatchObject({ purged: true, fields: null });
    expect(detail.json.draftHash).toMatch(/^[0-9a-f]{64}$/);
    const after = await api(server, 'GET', '/api/admin/units/unit-a/verify', { token: tokens.boss });
    expect(after.json).toEqual(before.json);
  });
});
