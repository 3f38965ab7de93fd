/**
 * Stable finding ids (DESIGN.md convention 9): a finding keeps its id while the text around it is unchanged,
 * so an accepted finding stays accepted when unrelated text changes. Two 32-bit FNV-1a lanes give 64 bits,
 * ample for the few hundred findings of one draft; this is an identifier, not a security hash.
 */
export function fingerprint(parts: readonly string[]): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (const part of parts) {
    for (let i = 0; i < part.length; i++) {
      const c = part.charCodeAt(i);
      a = Math.imul(a ^ c, 0x01000193);
      b = Math.imul(b ^ c, 0x01000193 + 0x100);
    }
    a = Math.imul(a ^ 0x1f, 0x01000193); // separator so ['ab','c'] != ['a','bc']
    b = Math.imul(b ^ 0x1f, 0x01000193 + 0x100);
  }
  return (a >>> 0).toString(16).padStart(8, '0') + (b >>> 0).toString(16).padStart(8, '0');
}
