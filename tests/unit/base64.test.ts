import { describe, expect, it } from 'vitest';
import { base64ToBytes, bytesToBase64 } from '../../lib/core/base64';
import { seededRandom } from './helpers/random-text';

describe('base64 for ruleset snapshots', () => {
  it('agrees with Node Buffer on every length and round-trips', () => {
    const rand = seededRandom(3);
    for (let n = 0; n < 70; n++) {
      const bytes = Uint8Array.from({ length: n }, () => Math.floor(rand() * 256));
      const b64 = bytesToBase64(bytes);
      expect(b64).toBe(Buffer.from(bytes).toString('base64'));
      expect([...base64ToBytes(b64)]).toEqual([...bytes]);
    }
  });

  it('rejects text that is not base64', () => {
    expect(() => base64ToBytes('abc')).toThrow(/multiple of 4/);
    expect(() => base64ToBytes('ab!d')).toThrow(/invalid base64/);
    expect(() => base64ToBytes('中文字符')).toThrow(/invalid base64/);
  });
});
