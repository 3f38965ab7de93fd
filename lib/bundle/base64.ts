/** Base64 for keys and signatures. Pure. Encoding is shared with the core; decoding here is strict. */
export { bytesToBase64 } from '../core/base64';

/**
 * Returns undefined for text that is not base64 (whitespace and line breaks are ignored), so a damaged
 * key or signature file gets its own clear message instead of an exception from atob.
 */
export function base64ToBytes(text: string): Uint8Array | undefined {
  const compact = text.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(compact) || compact.length % 4 === 1) return undefined;
  let binary: string;
  try {
    binary = atob(compact);
  } catch {
    return undefined;
  }
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
