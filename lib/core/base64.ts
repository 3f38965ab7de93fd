/**
 * Base64 for typed-array payloads that travel through JSON (extension storage and messaging are JSON-only).
 * Table-driven over typed arrays: a 100k-term automaton is ~7 MB, and atob plus a per-character copy of a
 * binary string costs several times more. TextDecoder is a web standard in Node and every browser context.
 */
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const ENCODE = new Uint8Array(64);
const DECODE = new Int16Array(128).fill(-1);
for (let i = 0; i < 64; i++) {
  ENCODE[i] = ALPHABET.charCodeAt(i);
  DECODE[ALPHABET.charCodeAt(i)] = i;
}
const PAD = 0x3d; // '='

export function bytesToBase64(bytes: Uint8Array): string {
  const n = bytes.length;
  const out = new Uint8Array(Math.ceil(n / 3) * 4);
  let o = 0;
  let i = 0;
  for (; i + 2 < n; i += 3) {
    const v = (bytes[i] << 16) | (bytes[i + 1] << 8) | bytes[i + 2];
    out[o++] = ENCODE[v >> 18];
    out[o++] = ENCODE[(v >> 12) & 63];
    out[o++] = ENCODE[(v >> 6) & 63];
    out[o++] = ENCODE[v & 63];
  }
  if (i < n) {
    const v = (bytes[i] << 16) | (i + 1 < n ? bytes[i + 1] << 8 : 0);
    out[o++] = ENCODE[v >> 18];
    out[o++] = ENCODE[(v >> 12) & 63];
    out[o++] = i + 1 < n ? ENCODE[(v >> 6) & 63] : PAD;
    out[o++] = PAD;
  }
  return new TextDecoder('latin1').decode(out);
}

export function base64ToBytes(b64: string): Uint8Array {
  let len = b64.length;
  if (len % 4 !== 0) throw new Error(`base64 length ${len} is not a multiple of 4`);
  let pad = 0;
  if (len && b64.charCodeAt(len - 1) === PAD) pad++;
  if (len > 1 && b64.charCodeAt(len - 2) === PAD) pad++;
  const out = new Uint8Array((len / 4) * 3 - pad);
  let o = 0;
  len -= pad ? 4 : 0; // the last padded quantum is handled below
  for (let i = 0; i < len; i += 4) {
    const a = DECODE[b64.charCodeAt(i) & 127];
    const b = DECODE[b64.charCodeAt(i + 1) & 127];
    const c = DECODE[b64.charCodeAt(i + 2) & 127];
    const d = DECODE[b64.charCodeAt(i + 3) & 127];
    if ((a | b | c | d) < 0 || b64.charCodeAt(i) > 127) throw new Error(`invalid base64 at ${i}`);
    const v = (a << 18) | (b << 12) | (c << 6) | d;
    out[o++] = v >> 16;
    out[o++] = (v >> 8) & 255;
    out[o++] = v & 255;
  }
  if (pad) {
    const a = DECODE[b64.charCodeAt(len) & 127];
    const b = DECODE[b64.charCodeAt(len + 1) & 127];
    const c = pad === 1 ? DECODE[b64.charCodeAt(len + 2) & 127] : 0;
    if ((a | b | c) < 0) throw new Error(`invalid base64 at ${len}`);
    const v = (a << 18) | (b << 12) | (c << 6);
    out[o++] = v >> 16;
    if (pad === 1) out[o++] = (v >> 8) & 255;
  }
  return out;
}
