/**
 * The extension's check of a signed approval (lib/review-server/approval.ts): only an untouched approval,
 * signed by the configured server key, for exactly this draft's hash opens the gate.
 */
import { describe, expect, it } from 'vitest';
import { generateSigningKeyPair, importPrivateKeyPem, signBytes } from '../../lib/bundle/keys';
import { approvalBytes, verifyApproval } from '../../lib/review-server/approval';
import { submissionHash } from '../../lib/review-server/draft-hash';
import type { SignedApproval } from '../../lib/review-server/schemas';
import { draftHash } from '../../lib/review/draft-hash';

async function signed() {
  const keys = await generateSigningKeyPair();
  const hash = await submissionHash({ platform: 'wechat', fields: { title: '通知', body: '本周六开展义诊。' } });
  const approval: SignedApproval = {
    draftHash: hash,
    unit: 'unit-a',
    levels: [
      { level: 'first', person: '李初审', at: '2026-12-03T08:00:00.000Z', opinion: '同意' },
      { level: 'second', person: '张复审', at: '2026-12-03T08:10:00.000Z', opinion: '' },
      { level: 'final', person: '赵终审', at: '2026-12-03T08:20:00.000Z', opinion: '同意发布' },
    ],
    policyVersion: 2,
    issuedAt: '2026-12-03T08:20:00.100Z',
  };
  const signature = await signBytes(await importPrivateKeyPem(keys.privateKeyPem), approvalBytes(approval));
  return { keys, hash, approval, signature };
}

describe('verifyApproval', () => {
  it('accepts the approval as signed, whatever order its keys arrive in', async () => {
    const { keys, hash, approval, signature } = await signed();
    expect(await verifyApproval(approval, signature, keys.publicKeyBase64, hash)).toMatchObject({ ok: true });
    const reordered = JSON.parse(JSON.stringify({ issuedAt: approval.issuedAt, levels: approval.levels, unit: approval.unit, policyVersion: 2, draftHash: hash }));
    expect((await verifyApproval(reordered, signature, keys.publicKeyBase64, hash)).ok).toBe(true);
  });

  it('refuses an altered approval: a level removed, a person changed, an override added', async () => {
    const { keys, hash, approval, signature } = await signed();
    for (const altered of [
      { ...approval, levels: approval.levels.slice(0, 2) },
      { ...approval, levels: approval.levels.map((l, i) => (i === 2 ? { ...l, person: '王编辑' } : l)) },
      { ...approval, override: { person: '王编辑', at: approval.issuedAt, reason: '自己放行' } },
      { ...approval, policyVersion: 1 },
    ]) {
      const verdict = await verifyApproval(altered, signature, keys.publicKeyBase64, hash);
      expect(verdict).toMatchObject({ ok: false, reason: expect.stringContaining('签名无效') });
    }
  });

  it('refuses a signature by another key, and a broken or missing signature or key', async () => {
    const { hash, approval, signature } = await signed();
    const other = await generateSigningKeyPair();
    expect(await verifyApproval(approval, signature, other.publicKeyBase64, hash)).toMatchObject({ ok: false, reason: expect.stringContaining('签名无效') });
    const { keys } = await signed();
    expect((await verifyApproval(approval, signature.slice(0, 40), keys.publicKeyBase64, hash)).ok).toBe(false);
    expect((await verifyApproval(approval, '', keys.publicKeyBase64, hash)).ok).toBe(false);
    expect(await verifyApproval(approval, signature, '', hash)).toMatchObject({ reason: expect.stringContaining('公钥') });
    expect(await verifyApproval({ ...approval, levels: 'all' }, signature, keys.publicKeyBase64, hash)).toMatchObject({ reason: expect.stringContaining('格式') });
  });

  it('refuses an approval issued for another draft hash (the text was edited afterwards)', async () => {
    const { keys, approval, signature } = await signed();
    const edited = await submissionHash({ platform: 'wechat', fields: { title: '通知', body: '本周日开展义诊。' } });
    expect(await verifyApproval(approval, signature, keys.publicKeyBase64, edited)).toMatchObject({ ok: false, reason: expect.stringContaining('不是当前稿件') });
  });

  it('hashes a draft exactly as the extension’s gate does, pictures included', async () => {
    const draft = { platform: 'weibo' as const, fields: { body: '今天天气晴。\r\n' } };
    expect(await submissionHash(draft)).toBe(await draftHash(draft));
    const picture = { id: 'body#0', src: 'https://example.invalid/a.png', hash: 'a'.repeat(64), field: 'body', index: 0 };
    const withPicture = { ...draft, pictures: [picture] };
    expect(await submissionHash(withPicture)).toBe(await draftHash(withPicture));
    expect(await submissionHash(withPicture)).not.toBe(await submissionHash(draft));
    expect(await submissionHash({ ...draft, pictures: [{ ...picture, hash: 'b'.repeat(64) }] })).not.toBe(await submissionHash(withPicture));
  });
});
