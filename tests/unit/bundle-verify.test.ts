/**
 * Every way a bundle can be wrong is refused with its own code and zh-CN reason, before anything is applied.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { verifyBundle, type VerifyResult } from '../../lib/bundle/verify';
import { generateSigningKeyPair, importPrivateKeyPem, signBytes } from '../../lib/bundle/keys';
import { serializeBundle } from '../../lib/bundle/serialize';
import { BUNDLE_FORMAT, type Bundle } from '../../lib/bundle/schema';

const encode = (text: string) => new TextEncoder().encode(text);

function bundle(version: number, terms: string[] = ['新型诈骗话术']): Bundle {
  return {
    format: BUNDLE_FORMAT,
    version,
    issuedAt: '2026-11-24T08:00:00.000Z',
    issuer: '市委网信办',
    lists: [{ id: 'sensitive', name: '违法有害信息', category: 'sensitive', severity: 'block', clause: '测试条款 第一条', entries: terms.map((term) => ({ term })) }],
  };
}

let admin: { publicKey: string; sign: (bytes: Uint8Array) => Promise<string> };
let stranger: { publicKey: string; sign: (bytes: Uint8Array) => Promise<string> };

async function keyPair() {
  const pair = await generateSigningKeyPair();
  const key = await importPrivateKeyPem(pair.privateKeyPem);
  return { publicKey: pair.publicKeyBase64, sign: (bytes: Uint8Array) => signBytes(key, bytes) };
}

beforeAll(async () => {
  admin = await keyPair();
  stranger = await keyPair();
});

const OPTIONS = { installedVersion: 3, maxBytes: 1024 * 1024 };

async function signedVerify(bytes: Uint8Array, options = OPTIONS): Promise<VerifyResult> {
  return verifyBundle(bytes, await admin.sign(bytes), [admin.publicKey], options);
}

function failure(result: VerifyResult) {
  if (result.ok) throw new Error('expected a rejection');
  return result;
}

describe('verifyBundle', () => {
  it('accepts a newer bundle signed by a trusted key', async () => {
    const result = await signedVerify(encode(serializeBundle(bundle(4))));
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.bundle.lists[0].entries[0].term).toBe('新型诈骗话术');
  });

  it('accepts a signature from any of several trusted keys', async () => {
    const bytes = encode(serializeBundle(bundle(4)));
    const result = await verifyBundle(bytes, await admin.sign(bytes), [stranger.publicKey, admin.publicKey], OPTIONS);
    expect(result).toMatchObject({ ok: true, keyIndex: 1 });
  });

  it('rejects a payload changed after signing', async () => {
    const bytes = encode(serializeBundle(bundle(4)));
    const sig = await admin.sign(bytes);
    const tampered = encode(serializeBundle(bundle(4, ['新型诈骗话术', '正常词'])));
    const result = failure(await verifyBundle(tampered, sig, [admin.publicKey], OPTIONS));
    expect(result.code).toBe('signature-invalid');
    expect(result.reason).toMatch(/签名验证失败/);
    // one flipped byte is enough
    const flipped = bytes.slice();
    flipped[bytes.length - 3] ^= 1;
    expect(failure(await verifyBundle(flipped, sig, [admin.publicKey], OPTIONS)).code).toBe('signature-invalid');
  });

  it('rejects a bundle signed with a key that is not trusted', async () => {
    const bytes = encode(serializeBundle(bundle(4)));
    const result = failure(await verifyBundle(bytes, await stranger.sign(bytes), [admin.publicKey], OPTIONS));
    expect(result.code).toBe('signature-invalid');
    expect(result.reason).toMatch(/私钥与受信任的公钥不对应/);
  });

  it('rejects a truncated signature, saying how long it is', async () => {
    const bytes = encode(serializeBundle(bundle(4)));
    const sig = await admin.sign(bytes);
    const result = failure(await verifyBundle(bytes, sig.slice(0, 40), [admin.publicKey], OPTIONS));
    expect(result.code).toBe('signature-malformed');
    expect(result.reason).toMatch(/签名文件不完整.*64 字节.*实际为 30 字节/);
  });

  it('rejects a signature file that is not base64', async () => {
    const bytes = encode(serializeBundle(bundle(4)));
    const result = failure(await verifyBundle(bytes, '<html>404 Not Found</html>', [admin.publicKey], OPTIONS));
    expect(result.code).toBe('signature-malformed');
    expect(result.reason).toMatch(/不是有效的 base64/);
  });

  it('rejects a bundle without a signature unless unsigned import is allowed', async () => {
    const bytes = encode(serializeBundle(bundle(4)));
    expect(failure(await verifyBundle(bytes, '', [admin.publicKey], OPTIONS)).code).toBe('signature-missing');
    const allowed = await verifyBundle(bytes, undefined, [], { ...OPTIONS, allowUnsigned: true });
    expect(allowed).toMatchObject({ ok: true, signed: false });
  });

  it('rejects everything when no usable trusted key is configured', async () => {
    const bytes = encode(serializeBundle(bundle(4)));
    const sig = await admin.sign(bytes);
    expect(failure(await verifyBundle(bytes, sig, [], OPTIONS))).toMatchObject({ code: 'no-trusted-key', reason: expect.stringMatching(/尚未配置受信任的公钥/) });
    expect(failure(await verifyBundle(bytes, sig, ['not-a-key'], OPTIONS))).toMatchObject({ code: 'no-trusted-key', reason: expect.stringMatching(/格式都不正确/) });
  });

  it('refuses an older version as a replay and an equal version as nothing new', async () => {
    const older = failure(await signedVerify(encode(serializeBundle(bundle(2)))));
    expect(older.code).toBe('older-version');
    expect(older.reason).toMatch(/版本 2 低于已安装的版本 3.*重放/);
    const same = failure(await signedVerify(encode(serializeBundle(bundle(3)))));
    expect(same.code).toBe('same-version');
    expect(same.reason).toMatch(/版本 3 与已安装的版本相同/);
  });

  it('rejects signed bytes that are not JSON', async () => {
    const result = failure(await signedVerify(encode('{"format": "xianshen-bundle/1", "version": 4,')));
    expect(result.code).toBe('malformed-json');
    expect(result.reason).toMatch(/不是有效的 JSON/);
  });

  it('rejects signed bytes that are not UTF-8', async () => {
    const result = failure(await signedVerify(new Uint8Array([0x7b, 0xff, 0xfe, 0x7d])));
    expect(result.code).toBe('not-utf8');
  });

  it('rejects schema violations and names where they are', async () => {
    const wrongFormat = failure(await signedVerify(encode(JSON.stringify({ ...bundle(4), format: 'other/1' }))));
    expect(wrongFormat).toMatchObject({ code: 'schema', reason: expect.stringMatching(/format/) });

    const fractional = failure(await signedVerify(encode(JSON.stringify({ ...bundle(4), version: 4.5 }))));
    expect(fractional.reason).toMatch(/version.*整数/);

    const badEntry = bundle(4);
    badEntry.lists[0].entries.push({ term: '   ' });
    expect(failure(await signedVerify(encode(JSON.stringify(badEntry)))).reason).toMatch(/lists\[0\]\.entries\[1\]\.term/);

    const badCategory = JSON.parse(JSON.stringify(bundle(4)));
    badCategory.lists[0].category = 'politics';
    expect(failure(await signedVerify(encode(JSON.stringify(badCategory)))).reason).toMatch(/lists\[0\]\.category/);

    const duplicate = bundle(4);
    duplicate.lists.push({ ...duplicate.lists[0] });
    expect(failure(await signedVerify(encode(JSON.stringify(duplicate)))).reason).toMatch(/词库 id 重复：sensitive/);
  });

  it('rejects an oversized bundle before checking anything else', async () => {
    const bytes = encode(serializeBundle(bundle(4, Array.from({ length: 2000 }, (_, i) => `词条${i}`))));
    const result = failure(await verifyBundle(bytes, 'whatever', [admin.publicKey], { installedVersion: 0, maxBytes: 10_000 }));
    expect(result.code).toBe('too-large');
    expect(result.reason).toMatch(/词库包过大.*超过上限 9\.8 KB/);
  });

  it('accepts the file with a UTF-8 BOM as long as the signature covers those exact bytes', async () => {
    const bytes = encode('\uFEFF' + serializeBundle(bundle(4)));
    expect((await signedVerify(bytes)).ok).toBe(true);
  });
});
