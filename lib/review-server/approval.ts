/**
 * Signed approvals: the exact bytes the server signs, and the check the extension runs before it opens the
 * gate. Pure (WebCrypto Ed25519 via globalThis.crypto.subtle, as lib/bundle/verify.ts does for bundles).
 */
import { base64ToBytes } from '../bundle/base64';
import { PUBLIC_KEY_BYTES, SIGNATURE_BYTES } from '../bundle/verify';
import { canonicalJson } from '../review/canonical';
import { approvalSchema, type SignedApproval } from './schemas';

/** The signed message: UTF-8 of the approval's canonical JSON (sorted keys, no whitespace). */
export function approvalBytes(approval: SignedApproval): Uint8Array {
  return new TextEncoder().encode(canonicalJson(approval));
}

export type ApprovalVerdict = { ok: true; approval: SignedApproval } | { ok: false; reason: string };

/**
 * Accepts an approval only when it is well formed, was signed by the holder of `publicKey` (base64 of the raw
 * 32-byte Ed25519 key), and was issued for exactly `draftHash`. Anything else is refused with a zh-CN reason.
 */
export async function verifyApproval(
  approval: unknown,
  signature: string,
  publicKey: string,
  draftHash: string,
): Promise<ApprovalVerdict> {
  const parsed = approvalSchema.safeParse(approval);
  if (!parsed.success) return { ok: false, reason: '审核通过凭证格式不正确，已拒绝' };
  const keyBytes = base64ToBytes(publicKey ?? '');
  if (!keyBytes || keyBytes.length !== PUBLIC_KEY_BYTES) return { ok: false, reason: '审核服务器公钥未配置或格式不正确' };
  const sigBytes = base64ToBytes(signature ?? '');
  if (!sigBytes || sigBytes.length !== SIGNATURE_BYTES) return { ok: false, reason: '审核通过凭证的签名缺失或不完整，已拒绝' };
  let key: CryptoKey;
  try {
    key = await crypto.subtle.importKey('raw', keyBytes as BufferSource, { name: 'Ed25519' }, false, ['verify']);
  } catch {
    return { ok: false, reason: '审核服务器公钥不是有效的 Ed25519 公钥' };
  }
  // Verify what was received (re-canonicalised), so re-ordered keys still verify and any changed value does not.
  const good = await crypto.subtle.verify({ name: 'Ed25519' }, key, sigBytes as BufferSource, approvalBytes(approval as SignedApproval) as BufferSource);
  if (!good) return { ok: false, reason: '审核通过凭证签名无效（内容被改动，或不是本单位审核服务器签发），已拒绝' };
  if (parsed.data.draftHash !== draftHash) return { ok: false, reason: '审核通过凭证对应的不是当前稿件内容（稿件已修改），已拒绝' };
  if (parsed.data.levels.length === 0 && !parsed.data.override) return { ok: false, reason: '审核通过凭证没有任何审核级别，已拒绝' };
  return { ok: true, approval: parsed.data };
}
