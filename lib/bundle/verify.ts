/**
 * Verifies a downloaded or imported bundle before anything is applied. Pure (WebCrypto Ed25519 via
 * globalThis.crypto.subtle), so the CLI in Node and the extension's service worker run the same checks.
 *
 * Order matters: size first (cheap, bounds the work), then the signature over the EXACT bytes (nothing
 * untrusted is parsed before it is authenticated), then JSON, schema and version.
 */
import { base64ToBytes } from './base64';
import { bundleSchema, describeSchemaIssues, schemaIssues, type Bundle } from './schema';
import { safeErrorMessage } from '../core/safe-text';

export type VerifyFailureCode =
  | 'too-large'
  | 'no-trusted-key'
  | 'signature-missing'
  | 'signature-malformed'
  | 'signature-invalid'
  | 'not-utf8'
  | 'malformed-json'
  | 'schema'
  | 'same-version'
  | 'same-version-changed'
  | 'older-version';

export type VerifyResult =
  | { ok: true; bundle: Bundle; signed: boolean; keyIndex?: number }
  | VerifyFailure;

export interface VerifyFailure {
  ok: false;
  code: VerifyFailureCode;
  reason: string;
  /** Schema problems: the 1-based line of the first one in the file, for `FILE:LINE:` messages. */
  line?: number;
}

export interface VerifyOptions {
  /**
   * The version floor: the highest version ever applied (0 when none). A lower one is a replay and refused;
   * the same one is accepted only with the same content (`installedSha256`), as a re-install of what was lost.
   */
  installedVersion: number;
  /** bundleContentHash of the bundle applied at `installedVersion`, when known. */
  installedSha256?: string;
  maxBytes: number;
  /** Local import on offline networks, when policy allows it: a missing signature is accepted. */
  allowUnsigned?: boolean;
  /**
   * The bundle at the floor is no longer in force (its stored copy was lost): the same version with the same
   * content may be applied again.
   */
  reinstall?: boolean;
}

export const SIGNATURE_BYTES = 64;
export const PUBLIC_KEY_BYTES = 32;

function fail(code: VerifyFailureCode, reason: string): VerifyFailure {
  return { ok: false, code, reason };
}

async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes as BufferSource));
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * SHA-256 of what a bundle screens with: its lists as validated (zod emits keys in schema order, so the JSON
 * is canonical). Not the file bytes: rebuilding the same lists under the same version only changes issuedAt,
 * and that is not the mistake the admin must hear about.
 */
export function bundleContentHash(bundle: Bundle): Promise<string> {
  return sha256Hex(new TextEncoder().encode(JSON.stringify(bundle.lists)));
}

export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${(n / 1024 / 1024).toFixed(1)} MB`;
  if (n >= 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${n} 字节`;
}

/** Imports the base64 raw public keys; malformed ones are skipped (and counted, for the message). */
async function importTrustedKeys(trustedKeys: readonly string[]): Promise<{ keys: (CryptoKey | undefined)[]; bad: number }> {
  let bad = 0;
  const keys = await Promise.all(
    trustedKeys.map(async (text) => {
      const raw = base64ToBytes(text);
      if (!raw || raw.length !== PUBLIC_KEY_BYTES) {
        bad++;
        return undefined;
      }
      try {
        return await crypto.subtle.importKey('raw', raw as BufferSource, { name: 'Ed25519' }, false, ['verify']);
      } catch {
        bad++;
        return undefined;
      }
    }),
  );
  return { keys, bad };
}

/** Checks the detached signature (base64 of 64 bytes) against each trusted key; returns the matching index. */
export async function checkSignature(
  bytes: Uint8Array,
  sigText: string | undefined,
  trustedKeys: readonly string[],
): Promise<{ ok: true; keyIndex: number } | { ok: false; code: VerifyFailureCode; reason: string }> {
  const { keys, bad } = await importTrustedKeys(trustedKeys);
  if (!keys.some(Boolean)) {
    const why = trustedKeys.length ? `已配置的 ${bad} 个公钥格式都不正确（应为 32 字节公钥的 base64）` : '尚未配置受信任的公钥';
    return { ok: false, code: 'no-trusted-key', reason: `无法验证签名：${why}。请在设置或管理策略中填写管理员提供的 public.key。` };
  }
  if (sigText === undefined || sigText.trim() === '') {
    return { ok: false, code: 'signature-missing', reason: '缺少签名文件（.sig），词库包未签名，已拒绝。' };
  }
  const signature = base64ToBytes(sigText);
  if (!signature) {
    return { ok: false, code: 'signature-malformed', reason: '签名文件不是有效的 base64 文本，可能已损坏，已拒绝。' };
  }
  if (signature.length !== SIGNATURE_BYTES) {
    return {
      ok: false,
      code: 'signature-malformed',
      reason: `签名文件不完整：Ed25519 签名应为 ${SIGNATURE_BYTES} 字节，实际为 ${signature.length} 字节（可能被截断），已拒绝。`,
    };
  }
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i];
    if (!key) continue;
    if (await crypto.subtle.verify({ name: 'Ed25519' }, key, signature as BufferSource, bytes as BufferSource)) {
      return { ok: true, keyIndex: i };
    }
  }
  return {
    ok: false,
    code: 'signature-invalid',
    reason:
      '签名验证失败：词库包内容与签名不符（文件可能在签名后被改动），或签名所用的私钥与受信任的公钥不对应。已拒绝，继续使用当前词库。',
  };
}

/**
 * UTF-8 decode (BOM tolerated), JSON parse and schema validation, without any signature or version check.
 * Messages quote the input only escaped and shortened; schema problems name their JSON path and line.
 */
export function parseBundleBytes(bytes: Uint8Array): { ok: true; bundle: Bundle } | VerifyFailure {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return fail('not-utf8', '词库包不是有效的 UTF-8 文本，已拒绝。');
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return fail('malformed-json', `词库包不是有效的 JSON（${safeErrorMessage(error)}），已拒绝。`);
  }
  const parsed = bundleSchema.safeParse(json);
  if (!parsed.success) {
    // TextDecoder dropped a BOM: line numbers count in the text as decoded, which has the same lines.
    const [first] = schemaIssues(parsed.error, json, text, 1);
    return {
      ...fail('schema', `词库包格式不符合要求：${describeSchemaIssues(parsed.error, json, text)}。已拒绝。`),
      line: first?.line,
    };
  }
  return { ok: true, bundle: parsed.data };
}

export async function verifyBundle(
  bytes: Uint8Array,
  sigText: string | undefined,
  trustedKeys: readonly string[],
  options: VerifyOptions,
): Promise<VerifyResult> {
  if (bytes.length > options.maxBytes) {
    return fail('too-large', `词库包过大：${formatBytes(bytes.length)}，超过上限 ${formatBytes(options.maxBytes)}，已拒绝。`);
  }
  const unsignedAccepted = options.allowUnsigned === true && (sigText === undefined || sigText.trim() === '');
  let keyIndex: number | undefined;
  if (!unsignedAccepted) {
    const signature = await checkSignature(bytes, sigText, trustedKeys);
    if (!signature.ok) return signature;
    keyIndex = signature.keyIndex;
  }
  const parsed = parseBundleBytes(bytes);
  if (!parsed.ok) return parsed;
  const { bundle } = parsed;
  if (bundle.version === options.installedVersion && options.installedVersion > 0) {
    if (options.installedSha256 !== undefined && (await bundleContentHash(bundle)) !== options.installedSha256) {
      // An admin who changed the lists but forgot to raise the version must hear about it: the browsers keep
      // the old content, and "up to date" would hide that.
      return fail(
        'same-version-changed',
        `词库包版本 ${bundle.version} 与已安装的版本相同，但内容不同：新内容未应用。发布新内容时必须提高版本号（build --version ${bundle.version + 1}）并重新签名。`,
      );
    }
    if (!options.reinstall) return fail('same-version', `词库包版本 ${bundle.version} 与已安装的版本相同，无需更新。`);
  }
  if (bundle.version < options.installedVersion) {
    return fail(
      'older-version',
      `词库包版本 ${bundle.version} 低于已安装的版本 ${options.installedVersion}：可能是旧包被重放，已拒绝。`,
    );
  }
  return { ok: true, bundle, signed: !unsignedAccepted, keyIndex };
}
