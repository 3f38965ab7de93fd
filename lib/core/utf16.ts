/**
 * UTF-16 code units and the host's byte order, shared by the normalised views (normalize.ts) and the binary
 * formats (ruleset-snapshot.ts, matcher-format.ts). Pure.
 */

/** Typed-array views read and write in the host's byte order; the binary formats are little-endian. */
export const LITTLE_ENDIAN_HOST = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

const UTF16 = typeof TextDecoder === 'function' ? new TextDecoder('utf-16le') : undefined;

/**
 * The code units as a string. The native UTF-16 decoder is several times faster than String.fromCharCode on long
 * texts, but it replaces a lone surrogate with U+FFFD: units holding one (a paste from a broken source) take the
 * exact route, so the string keeps it.
 */
export function unitsToString(units: Uint16Array): string {
  if (UTF16 && LITTLE_ENDIAN_HOST && units.length > 64 && !hasLoneSurrogate(units)) return UTF16.decode(units);
  let text = '';
  for (let i = 0; i < units.length; i += 8192) {
    text += String.fromCharCode.apply(null, units.subarray(i, Math.min(units.length, i + 8192)) as unknown as number[]);
  }
  return text;
}

function hasLoneSurrogate(units: Uint16Array): boolean {
  for (let i = 0; i < units.length; i++) {
    const u = units[i];
    if (u < 0xd800 || u > 0xdfff) continue;
    if (u <= 0xdbff && i + 1 < units.length && units[i + 1] >= 0xdc00 && units[i + 1] <= 0xdfff) i++;
    else return true;
  }
  return false;
}
