/**
 * Server mode of the extension's gate: decideGate opens only on a signed approval that verifies with the
 * configured key for exactly the hash on screen; the server's accepted findings count as resolved.
 */
import { describe, expect, it } from 'vitest';
import { generateSigningKeyPair, importPrivateKeyPem, signBytes } from '../../lib/bundle/keys';
import { approvalBytes } from '../../lib/review-server/approval';
import { serverGateInput } from '../../lib/review-server/gate-facts';
import type { SignedApproval } from '../../lib/review-server/schemas';
import { decideGate, type GateSettings } from '../../lib/review/gate';
import { draftHash } from '../../lib/review/draft-hash';

const local: GateSettings = { reviewRequired: true, reviewLevels: 3, acceptedBlockLevels: 3, allowOverride: false };
const findings = [{ id: 'phone-1', severity: 'block' as const, text: '13812345678', message: '未脱敏的手机号' }];

async function setup() {
  const keys = await generateSigningKeyPair();
  const hash = await draftHash({ platform: 'wechat', fields: { body: '咨询电话 13812345678。' } });
  const approval: SignedApproval = {
    draftHash: hash,
    unit: 'unit-a',
    levels: (['first', 'second', 'final'] as const).map((level, i) => ({ level, person: ['李初审', '张复审', '赵终审'][i], at: '2026-12-03T09:00:00.000Z', opinion: '' })),
    policyVersion: 1,
    issuedAt: '2026-12-03T09:00:01.000Z',
    accepted: [{ findingId: 'phone-1', reason: '单位公开的咨询电话', person: '李初审' }],
  };
  const signature = await signBytes(await importPrivateKeyPem(keys.privateKeyPem), approvalBytes(approval));
  return { keys, hash, approval, signature };
}

async function gate(envelope: { approval: unknown; signature: string } | undefined, key: string, hash: string) {
  const input = await serverGateInput(envelope, key, hash, local);
  return { input, decision: decideGate({ findings, resolutions: input.resolutions, settings: input.settings, review: { kind: 'ready', draftHash: hash, facts: input.facts } }) };
}

describe('server-mode gate', () => {
  it('stays closed without an approval and lists the three levels', async () => {
    const { keys, hash } = await setup();
    const { decision } = await gate(undefined, keys.publicKeyBase64, hash);
    expect(decision.open).toBe(false);
    expect(decision.missing.join('\n')).toMatch(/阻断.*\n.*待初审/s);
  });

  it('opens for the verified approval of this hash, with the server-accepted block finding resolved', async () => {
    const { keys, hash, approval, signature } = await setup();
    const { decision } = await gate({ approval, signature }, keys.publicKeyBase64, hash);
    expect(decision).toMatchObject({ open: true, missing: [] });
  });

  it('stays closed for an altered approval, another key, or another draft hash', async () => {
    const { keys, hash, approval, signature } = await setup();
    const other = await generateSigningKeyPair();
    const edited = await draftHash({ platform: 'wechat', fields: { body: '咨询电话 13812345679。' } });
    for (const [envelope, key, h] of [
      [{ approval: { ...approval, accepted: [{ findingId: 'other', reason: 'x', person: 'y' }] }, signature }, keys.publicKeyBase64, hash],
      [{ approval: { ...approval, levels: approval.levels.slice(0, 1) }, signature }, keys.publicKeyBase64, hash],
      [{ approval, signature }, other.publicKeyBase64, hash],
      [{ approval, signature }, keys.publicKeyBase64, edited],
    ] as const) {
      const { input, decision } = await gate(envelope, key, h);
      expect(decision.open).toBe(false);
      expect(input.refusal).toBeTruthy();
    }
  });
});
