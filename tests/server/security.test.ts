/**
 * What an attacker or a careless client gets: the right 4xx, and nothing written to drafts or the record.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ReviewServerClient } from '../../lib/review-server/client';
import { signAccessToken } from '../../server/auth/tokens';
import { api, login, modes, seed, startTestServer, submission, PASSWORD, type TestServer } from './helpers';

describe.each(modes())('security (%s)', (mode) => {
  let server: TestServer;
  let ed: string;
  let rb: string;
  let draftA: number;

  async function counts() {
    const row = await sql<{ drafts: number; records: number; acceptances: number; decisions: number }>`
      select (select count(*) from drafts)::int as drafts, (select count(*) from log_records)::int as records,
             (select count(*) from acceptances)::int as acceptances, (select count(*) from decisions)::int as decisions`.execute(server.db.db);
    return row.rows[0];
  }

  beforeAll(async () => {
    server = await startTestServer(mode, { MAX_BODY_BYTES: '65536', LOGIN_MAX_FAILURES: '3', LOGIN_LOCK_SECONDS: '600' });
    await seed(server);
    ed = await login(server, 'ed');
    rb = await login(server, 'rb');
    const r = await api(server, 'POST', '/api/drafts', { token: ed, body: await submission('unit-a', '甲单位内部稿件，电话 13812345678。', [{ text: '13812345678', severity: 'block' }]) });
    draftA = r.json.draftId;
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('refuses requests without a token, with a bad one, or with an expired one (401), writing nothing', async () => {
    const before = await counts();
    const body = await submission('unit-a', '无令牌提交。');
    expect((await api(server, 'POST', '/api/drafts', { body })).status).toBe(401);
    expect((await api(server, 'GET', `/api/drafts/${draftA}`)).status).toBe(401);
    expect((await api(server, 'GET', '/api/events')).status).toBe(401);
    expect((await api(server, 'POST', '/api/drafts', { body, token: 'not.a.token' })).status).toBe(401);
    const me = await api(server, 'GET', '/api/me', { token: ed });
    const expired = await signAccessToken(server.keys.tokenSecret, me.json.id, 60, Date.now() - 3_600_000);
    const r = await api(server, 'POST', '/api/drafts', { body, token: expired });
    expect(r.status).toBe(401);
    expect(r.json.error.code).toBe('token-expired');
    const forged = await signAccessToken('another-secret', me.json.id, 600);
    expect((await api(server, 'POST', '/api/drafts', { body, token: forged })).status).toBe(401);
    expect(await counts()).toEqual(before);
  });

  it('the client refreshes an expired access token once; a reused refresh token ends the session', async () => {
    const client = new ReviewServerClient({ baseUrl: server.url });
    await client.login('ed', PASSWORD);
    const tokens: any[] = [];
    const me = await client.me();
    const stale = new ReviewServerClient({
      baseUrl: server.url,
      tokens: { accessToken: await signAccessToken(server.keys.tokenSecret, me.id, 60, Date.now() - 3_600_000), refreshToken: (client as any).tokens.refreshToken, expiresAt: Date.now() + 60_000 },
      onTokens: (t) => tokens.push(t),
    });
    expect((await stale.me()).username).toBe('ed');
    expect(tokens).toHaveLength(1);
    // The old refresh token was rotated; presenting it again revokes the new one too.
    const reuse = await api(server, 'POST', '/api/auth/refresh', { body: { refreshToken: (client as any).tokens.refreshToken } });
    expect(reuse.status).toBe(401);
    expect((await api(server, 'POST', '/api/auth/refresh', { body: { refreshToken: tokens[0].refreshToken } })).status).toBe(401);
  });

  it('a person of another unit gets 404 for every draft id of unit a, and cannot act on it', async () => {
    const before = await counts();
    for (const [method, path, body] of [
      ['GET', `/api/drafts/${draftA}`, undefined],
      ['GET', `/api/drafts/${draftA}/approval`, undefined],
      ['GET', `/api/drafts/${draftA}/form`, undefined],
      ['POST', `/api/drafts/${draftA}/accept`, { findingId: 'f0', reason: '跨单位接受' }],
      ['POST', `/api/drafts/${draftA}/decision`, { level: 'first', decision: 'approve' }],
      ['POST', `/api/drafts/${draftA}/decision`, { level: 'first', decision: 'return', opinion: '跨单位退回' }],
      ['POST', `/api/drafts/${draftA}/override`, { reason: '跨单位紧急放行' }],
    ] as const) {
      const r = await api(server, method, path, { token: rb, body });
      expect(r.status, `${method} ${path}`).toBe(404);
    }
    expect((await api(server, 'GET', '/api/queue', { token: rb })).json.drafts).toEqual([]);
    expect((await api(server, 'POST', '/api/drafts', { token: rb, body: await submission('unit-a', '向别的单位提交。') })).status).toBe(403);
    expect((await api(server, 'GET', '/api/admin/units/unit-a/log.csv', { token: rb })).status).toBe(404);
    expect((await api(server, 'GET', '/api/admin/units/unit-a/people', { token: rb })).status).toBe(404);
    expect((await api(server, 'PATCH', '/api/admin/units/unit-a', { token: rb, body: { allowOverride: true } })).status).toBe(404);
    expect((await api(server, 'GET', '/api/drafts/99999999', { token: rb })).status).toBe(404);
    expect((await api(server, 'GET', '/api/drafts/abc', { token: rb })).status).toBe(404);
    // Live events of unit a never reach unit b.
    const controller = new AbortController();
    const response = await fetch(`${server.url}/api/events`, { headers: { authorization: `Bearer ${rb}` }, signal: controller.signal });
    const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
    await reader.read(); // ready
    await api(server, 'POST', '/api/drafts', { token: ed, body: await submission('unit-a', '甲单位的又一篇稿件。') });
    const next = await Promise.race([reader.read().then((r) => r.value ?? ''), new Promise<string>((resolve) => setTimeout(() => resolve('nothing'), 800))]);
    controller.abort();
    expect(next).toBe('nothing');
    const after = await counts();
    expect({ ...after, drafts: after.drafts - 1, records: after.records - 1 }).toEqual(before);
  });

  it('locks an account after repeated wrong passwords, even for the right password, until unlocked', async () => {
    for (let i = 0; i < 3; i++) expect((await api(server, 'POST', '/api/auth/login', { body: { username: 'r1', password: `wrong-${i}-password` } })).status).toBe(401);
    const locked = await api(server, 'POST', '/api/auth/login', { body: { username: 'r1', password: PASSWORD } });
    expect(locked.status).toBe(429);
    expect(locked.json.error.code).toBe('locked');
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(500);
    const { unlock } = await import('../../server/admin/ops');
    await unlock(server.db.db, 'r1');
    expect((await api(server, 'POST', '/api/auth/login', { body: { username: 'r1', password: PASSWORD } })).status).toBe(200);
    // Unknown users get the same answer as a wrong password.
    const unknown = await api(server, 'POST', '/api/auth/login', { body: { username: 'nobody', password: 'whatever-pass' } });
    expect(unknown.status).toBe(401);
    expect(unknown.json.error.message).toBe('用户名或密码错误');
  });

  it('answers oversize, malformed, wrong-type and invalid bodies with 413/400/415/422 and writes nothing', async () => {
    const before = await counts();
    const huge = await submission('unit-a', '长'.repeat(40_000));
    const big = await api(server, 'POST', '/api/drafts', { token: ed, body: huge });
    expect(big.status).toBe(413);
    expect((await api(server, 'POST', '/api/drafts', { token: ed, raw: '{"unit":', headers: { 'content-type': 'application/json' } })).status).toBe(400);
    expect((await api(server, 'POST', '/api/drafts', { token: ed, raw: 'unit=unit-a', headers: { 'content-type': 'application/x-www-form-urlencoded' } })).status).toBe(415);
    const good = await submission('unit-a', '联系电话 13812345678。', [{ text: '13812345678' }]);
    const invalid = await api(server, 'POST', '/api/drafts', { token: ed, body: { ...good, draftHash: 'xyz' } });
    expect(invalid.status).toBe(400);
    expect(invalid.json.error.code).toBe('invalid');
    const shifted = { ...good, findings: [{ ...good.findings[0], start: good.findings[0].start + 1 }] };
    const offsets = await api(server, 'POST', '/api/drafts', { token: ed, body: shifted });
    expect(offsets.status).toBe(400);
    expect(offsets.json.error.message).toContain('位置与稿件原文不符');
    const altered = { ...good, draft: { ...good.draft, fields: { ...good.draft.fields, body: '联系电话 13812345678！' } } };
    const mismatch = await api(server, 'POST', '/api/drafts', { token: ed, body: altered });
    expect(mismatch.status).toBe(422);
    expect(mismatch.json.error.code).toBe('hash-mismatch');
    expect((await api(server, 'POST', `/api/drafts/${draftA}/decision`, { token: ed, body: { level: 'fourth', decision: 'approve' } })).status).toBe(400);
    expect((await api(server, 'POST', '/api/auth/login', { raw: '[]', headers: { 'content-type': 'application/json' } })).status).toBe(400);
    expect(await counts()).toEqual(before);
  });
});
