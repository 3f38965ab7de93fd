/** A picture's content hash: SHA-256 of its bytes, lower-case hex (Web Crypto: the same in Node and the browser). */
export async function contentHash(bytes: ArrayBuffer | Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes as BufferSource);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}
