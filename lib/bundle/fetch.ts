/**
 * Downloads a bundle (URL) and its detached signature (URL + '.sig'). Pure: only the global fetch, so it runs
 * in the service worker and in Node. Each failure has its own code and zh-CN message naming the URL.
 */
import { formatBytes } from './verify';

export type FetchFailureCode = 'unreachable' | 'http-error' | 'too-large';

export type FetchBundleResult =
  | { ok: true; bytes: Uint8Array; sigText: string }
  | { ok: false; code: FetchFailureCode; reason: string };

export interface FetchBundleOptions {
  maxBytes: number;
  /** Default 30 s: an intranet server that hangs must not keep the check running forever. */
  timeoutMs?: number;
  fetchImpl?: typeof fetch;
}

type Got = { ok: true; bytes: Uint8Array } | { ok: false; code: FetchFailureCode; reason: string };

/** Reads the body but stops as soon as it exceeds the limit, so a huge file is never held in memory. */
async function readCapped(response: Response, url: string, maxBytes: number): Promise<Got> {
  const tooLarge = (size: string): Got => ({
    ok: false,
    code: 'too-large',
    reason: `${url} 过大（${size}），超过上限 ${formatBytes(maxBytes)}，已拒绝。`,
  });
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) return tooLarge(formatBytes(declared));
  if (!response.body) return { ok: true, bytes: new Uint8Array(await response.arrayBuffer()) };
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > maxBytes) {
      await reader.cancel();
      return tooLarge(`超过 ${formatBytes(maxBytes)}`);
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.length;
  }
  return { ok: true, bytes };
}

async function get(url: string, what: string, maxBytes: number, options: FetchBundleOptions): Promise<Got> {
  const fetchImpl = options.fetchImpl ?? fetch;
  let response: Response;
  try {
    response = await fetchImpl(url, {
      cache: 'no-store',
      credentials: 'omit',
      signal: AbortSignal.timeout(options.timeoutMs ?? 30_000),
    });
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      code: 'unreachable',
      reason: `无法连接${what}地址 ${url}（${detail}）。请检查网络、地址是否正确，以及服务器是否允许扩展访问（CORS 或主机权限）。`,
    };
  }
  if (!response.ok) {
    return {
      ok: false,
      code: 'http-error',
      reason: `下载${what}失败：${url} 返回 HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}。`,
    };
  }
  try {
    return await readCapped(response, url, maxBytes);
  } catch (error) {
    return { ok: false, code: 'unreachable', reason: `下载${what}时连接中断：${url}（${String(error)}）。` };
  }
}

export async function fetchBundle(url: string, options: FetchBundleOptions): Promise<FetchBundleResult> {
  const bundle = await get(url, '词库包', options.maxBytes, options);
  if (!bundle.ok) return bundle;
  // A signature is 88 base64 characters; anything far bigger is not a signature.
  const sig = await get(`${url}.sig`, '签名文件', 4096, options);
  if (!sig.ok) return sig;
  return { ok: true, bytes: bundle.bytes, sigText: new TextDecoder().decode(sig.bytes) };
}
