/** Base64 for keys and signatures. Pure. The codec is the core's; this layer is forgiving about layout only. */
import { base64ToBytes as decodeStrict } from '../core/base64';

export { bytesToBase64 } from '../core/base64';

/**
 * Returns undefined for text that is not base64 (whitespace and line breaks are ignored, missing padding is
 * accepted), so a damaged key or signature file gets its own clear message instead of an exception.
 */
export function base64ToBytes(text: string): Uint8Array | undefined {
  const compact = text.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(compact) || compact.length % 4 === 1) return undefined;
  try {
    return decodeStrict(compact.padEnd(Math.ceil(compact.length / 4) * 4, '='));
  } catch {
    return undefined;
  }
}
