/**
 * Ed25519 key generation and signing for the admin tool, with WebCrypto only (pure; Node 20 and browsers).
 * public.key = base64 of the raw 32-byte key (what settings.trustedKeys and the policy hold);
 * private.key = PKCS#8 in PEM, so standard tools (openssl pkey -in private.key) can read it.
 */
import { base64ToBytes, bytesToBase64 } from './base64';

const PEM_LABEL = 'PRIVATE KEY';

export interface GeneratedKeyPair {
  publicKeyBase64: string;
  privateKeyPem: string;
}

export async function generateSigningKeyPair(): Promise<GeneratedKeyPair> {
  const pair = (await crypto.subtle.generateKey({ name: 'Ed25519' }, true, ['sign', 'verify'])) as CryptoKeyPair;
  const raw = new Uint8Array(await crypto.subtle.exportKey('raw', pair.publicKey));
  const pkcs8 = new Uint8Array(await crypto.subtle.exportKey('pkcs8', pair.privateKey));
  const body = bytesToBase64(pkcs8).replace(/.{1,64}/g, '$&\n');
  return { publicKeyBase64: bytesToBase64(raw), privateKeyPem: `-----BEGIN ${PEM_LABEL}-----\n${body}-----END ${PEM_LABEL}-----\n` };
}

export async function importPrivateKeyPem(pem: string): Promise<CryptoKey> {
  const match = /-----BEGIN PRIVATE KEY-----([\s\S]+?)-----END PRIVATE KEY-----/.exec(pem);
  const der = match ? base64ToBytes(match[1]) : undefined;
  if (!der) throw new Error('私钥文件格式不正确：应为 keygen 生成的 PKCS#8 PEM（-----BEGIN PRIVATE KEY-----）');
  try {
    return await crypto.subtle.importKey('pkcs8', der as BufferSource, { name: 'Ed25519' }, false, ['sign']);
  } catch {
    throw new Error('私钥文件不是 Ed25519 私钥');
  }
}

/** Base64 of the 64-byte signature over the exact bytes: the content of FILE.sig. */
export async function signBytes(privateKey: CryptoKey, bytes: Uint8Array): Promise<string> {
  const signature = new Uint8Array(await crypto.subtle.sign({ name: 'Ed25519' }, privateKey, bytes as BufferSource));
  return bytesToBase64(signature);
}
