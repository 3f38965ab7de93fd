/**
 * The extension background's link to the review server, against a real server: 提交审核, each level's decision
 * arriving live, and the gate opening only for the verified approval of exactly the hash on screen.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ReviewServerClient } from '../../lib/review-server/client';
import { EDITED_AFTER_SUBMIT, NOT_SUBMITTED, ServerReviewLink } from '../../lib/review-server/link';
import { decideGate, type GateSettings } from '../../lib/review/gate';
import { api, login, seed, startTestServer, submission, PASSWORD, type TestServer } from './helpers';

const local: GateSettings = { reviewRequired: true, reviewLevels: 3, acceptedBlockLevels: 3, allowOverride: false };

describe('ServerReviewLink', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer('pglite');
    await seed(server);
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('submits, hears each decision live, and opens the gate only for the approved hash', async () => {
    const client = new ReviewServerClient({ baseUrl: server.url });
    await client.login('ed', PASSWORD);
    const { publicKey } = await client.publicKey();
    const changed: string[] = [];
    const link = new ServerReviewLink(client, () => publicKey, (key) => changed.push(key));
    const stop = new AbortController();
    await new Promise<void>((ready) => void link.listen(stop.signal, (up) => up && ready()));

    const sub = await submission('unit-a', '咨询电话 13812345678，欢迎来电。', [{ text: '13812345678', severity: 'block' }], 'wechat:appmsg-42');
    const gateOf = async (hash: string) => {
      const state = await link.state(sub.draftKey, hash, local);
      const findings = sub.findings.map((f) => ({ id: f.id, severity: f.severity, text: f.text }));
      return { state, decision: decideGate({ findings, resolutions: state.gate.resolutions, settings: state.gate.settings, review: { kind: 'ready', draftHash: hash, facts: state.gate.facts } }) };
    };

    expect((await gateOf(sub.draftHash)).state.notes).toEqual([NOT_SUBMITTED]);
    await link.submit(sub);
    let now = await gateOf(sub.draftHash);
    expect(now.state.detail).toMatchObject({ status: 'pending', nextLevel: 'first' });
    expect(now.decision.open).toBe(false);

    const draftId = now.state.detail!.id;
    const r1 = await login(server, 'r1');
    await api(server, 'POST', `/api/drafts/${draftId}/accept`, { token: r1, body: { findingId: 'f0', reason: '公开的咨询电话' } });
    await api(server, 'POST', `/api/drafts/${draftId}/decision`, { token: r1, body: { level: 'first', decision: 'approve' } });
    await expect.poll(async () => (await gateOf(sub.draftHash)).state.detail?.decisions.length, { timeout: 10_000 }).toBe(1);
    expect(changed).toContain(sub.draftKey);
    for (const [who, level] of [['r2', 'second'], ['r3', 'final']] as const)
      await api(server, 'POST', `/api/drafts/${draftId}/decision`, { token: await login(server, who), body: { level, decision: 'approve' } });

    // Opens once the approval event arrives (how fast is measured by npm run bench:server, not here).
    await expect.poll(async () => (await gateOf(sub.draftHash)).decision.open, { timeout: 10_000 }).toBe(true);

    // Editing afterwards closes it again: the approval is for the submitted hash only.
    const edited = await submission('unit-a', '咨询电话 13812345678，欢迎来电咨询。', [{ text: '13812345678', severity: 'block' }], sub.draftKey);
    now = await gateOf(edited.draftHash);
    expect(now.decision.open).toBe(false);
    expect(now.state.notes).toContain(EDITED_AFTER_SUBMIT);
    expect(now.state.gate.refusal).toContain('不是当前稿件');

    // Another key refuses the same approval.
    const other = new ServerReviewLink(client, () => 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=', () => undefined);
    const forged = await other.state(sub.draftKey, sub.draftHash, local);
    expect(forged.gate.refusal).toBeTruthy();
    expect(forged.gate.facts.approvals).toEqual([]);
    stop.abort();
  });
});
