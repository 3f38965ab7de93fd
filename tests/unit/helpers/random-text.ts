/** Seeded random inputs for property-style tests: reproducible, hostile to offset maps. */
export { prng as seededRandom } from '../../../scripts/prng';

/** Pieces that stress normalisation: traditional, full-width, invisibles, emoji, astral CJK, expansions, barriers. */
export const HOSTILE_PIECES = [
  '冰', '毒', '赌', '博', '臺', '灣', '總', '統', '台', '湾', '中', '华', '人', '民', '二', '噁', '英',
  'Ｖ', 'Ｘ', '１', '３', '８', 'a', 'B', 'v', 'x', '0', '9',
  ' ', '\u3000', '\u00a0', '\u200b', '\u200d', '\ufeff', '\u202e', '\ufe0f', '\u00ad',
  '-', '·', '★', '*', '@', '.', '/', '：', ':', '，', '。', '！', '\n', '\r\n', '…',
  '😀', '👍🏽', '🇨🇳', '𫫇', '𠀀', '㈤', '﷽', 'ﬁ', '½', 'e\u0301', '\ud800', '\udc00',
];

export function hostileText(rand: () => number, pieces: number): string {
  let s = '';
  for (let i = 0; i < pieces; i++) s += HOSTILE_PIECES[Math.floor(rand() * HOSTILE_PIECES.length)];
  return s;
}
