import { describe, expect, it } from 'vitest';
import { choosePieces, NearMissIndex } from '../../lib/core/near-miss';

const TARGETS = ['社会主义核心价值观', '以习近平同志为核心的党中央', '中国特色社会主义道路', '全面建成小康社会', '脱贫攻坚'];
const LEGIT = [...TARGETS, '全面建设小康社会', '中国特色社会主义制度'];
const index = NearMissIndex.build(TARGETS, LEGIT);
const found = (text: string) => index.search(text).map((h) => [text.slice(h.start, h.end), TARGETS[h.target], h.distance]);

describe('near-miss index', () => {
  it.each([
    ['大力培育和践行社会主意核心价值观。', '社会主意核心价值观', '社会主义核心价值观', 1],
    ['坚持社会主义核价值观引领', '社会主义核价值观', '社会主义核心价值观', 1],
    ['社会主义核心心价值观', '社会主义核心心价值观', '社会主义核心价值观', 1],
    ['社会主义心核价值观', '社会主义心核价值观', '社会主义核心价值观', 1],
    ['紧密团结在以习近平为核心的党中央周围', '以习近平为核心的党中央', '以习近平同志为核心的党中央', 2],
    ['以习近平同志为核心党中央', '以习近平同志为核心党中央', '以习近平同志为核心的党中央', 1],
    ['坚定走中国特色社会主意道路', '中国特色社会主意道路', '中国特色社会主义道路', 1],
    ['全面建成小糠社会', '全面建成小糠社会', '全面建成小康社会', 1],
  ])('finds %j', (text, span, target, distance) => {
    expect(found(text)).toEqual([[span, target, distance]]);
  });

  it.each([
    '大力培育和践行社会主义核心价值观。',
    '紧密团结在以习近平同志为核心的党中央周围',
    '坚持和完善中国特色社会主义制度。',
    '党的十六大提出全面建设小康社会。',
    '打赢脱贫攻坚战，巩固脱贫成果。',
    '脱贫攻艰', // too short for near misses: exact typo lists handle it
    '社会主义核心价值体系建设', // edge differs: another phrase
    '社会主义核心价值观社会主义核心价值观',
  ])('keeps %j clean', (text) => {
    expect(found(text)).toEqual([]);
  });

  it('reports offsets into the searched text, several per text', () => {
    const text = '一要践行社会主意核心价值观，二要拥护以习近平为核心的党中央。';
    const hits = index.search(text);
    expect(hits.map((h) => text.slice(h.start, h.end))).toEqual(['社会主意核心价值观', '以习近平为核心的党中央']);
  });

  it('chooses k+1 pieces at least one character apart', () => {
    const t = '以习近平同志为核心的党中央';
    const pieces = choosePieces(t, 2, new Map())!;
    expect(pieces).toHaveLength(3);
    for (let i = 1; i < pieces.length; i++) expect(pieces[i][0]).toBeGreaterThan(pieces[i - 1][1]);
    expect(choosePieces('脱贫攻坚', 2, new Map())).toBeUndefined();
  });

  it('finds the same near misses as brute force on random edits', () => {
    // Every single edit inside a target (never at its edges) is found where it was made.
    const rnd = mulberry32(7);
    const alphabet = '社会主义核心价值观以习近平同志为党中央的国特色道路全面建成小康';
    for (let round = 0; round < 200; round++) {
      const t = TARGETS[round % 4];
      const chars = [...t];
      const op = Math.floor(rnd() * 4);
      const at = 1 + Math.floor(rnd() * (chars.length - 2));
      const c = alphabet[Math.floor(rnd() * alphabet.length)];
      if (op === 0) chars.splice(at, 1);
      else if (op === 1) chars.splice(at, 0, c);
      else if (op === 2) chars[at] = c;
      else if (at + 1 < chars.length - 1) [chars[at], chars[at + 1]] = [chars[at + 1], chars[at]];
      const variant = chars.join('');
      const text = `今天我们${variant}明天`;
      const hits = index.search(text);
      if (variant === t || LEGIT.includes(variant)) expect(hits).toEqual([]);
      // Where an edit could sit at either of two places (中国中特色 = 中国+中 or 中+中国), either alignment is right.
      else expect(hits.some((h) => TARGETS[h.target] === t && h.start >= 4 && h.end <= 4 + variant.length && h.end - h.start >= t.length - 2), variant).toBe(true);
    }
  });

  it('stays bounded on repetitive input (no output explosion, one pass)', () => {
    const text = '社会主义社会主义核心'.repeat(20000) + '社会主意核心价值观';
    const hits = index.search(text);
    expect(hits.map((h) => text.slice(h.start, h.end))).toEqual(['社会主意核心价值观']);
  });
});

function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
