import { describe, expect, it } from 'vitest';
import { folded, normalizeTerm, skeleton, toOriginal, type NormText, MAX_SKIP_RUN } from '../../lib/core/normalize';
import { seededRandom, hostileText } from './helpers/random-text';

function spanOf(n: NormText, needle: string): string | undefined {
  const at = n.text.indexOf(needle);
  if (at < 0) return undefined;
  const { start, end } = toOriginal(n, at, at + needle.length);
  return n.source.slice(start, end);
}

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/** Returns the first broken invariant of an offset map, or undefined. */
function mapViolation(n: NormText): string | undefined {
  if (n.start.length !== n.text.length || n.end.length !== n.text.length) return 'map length differs from text length';
  for (let i = 0; i < n.text.length; i++) {
    const s = n.start[i];
    const e = n.end[i];
    if (s < 0 || e <= s || e > n.source.length) return `unit ${i}: bad span [${s}, ${e})`;
    if (i > 0 && s < n.start[i - 1]) return `unit ${i}: span goes backwards`;
    if (s > 0 && isLow(n.source.charCodeAt(s)) && isHigh(n.source.charCodeAt(s - 1))) return `unit ${i}: starts inside a surrogate pair`;
    if (e < n.source.length && isLow(n.source.charCodeAt(e)) && isHigh(n.source.charCodeAt(e - 1))) return `unit ${i}: ends inside a surrogate pair`;
  }
  return undefined;
}

function assertMapInvariants(n: NormText): void {
  expect(mapViolation(n), JSON.stringify(n.source)).toBeUndefined();
}

describe('folded view', () => {
  it('folds width and case, converts traditional to simplified, drops invisibles, keeps punctuation', () => {
    expect(folded('ＶＸ：１３８\u200B').text).toBe('vx:138');
    expect(folded('臺灣總統').text).toBe('台湾总统');
    expect(folded('來源：網絡').text).toBe('来源:网络');
    expect(folded('a\u00a0b\u3000c').text).toBe('a b c');
  });

  it('maps every unit back to its original character', () => {
    const n = folded('中\u200B华　Ｒ');
    expect([...n.start]).toEqual([0, 2, 3, 4]);
    expect(spanOf(n, 'r')).toBe('Ｒ');
  });

  it('keeps a lone surrogate of a broken paste as it is, in long texts too (not a replacement character)', () => {
    const body = '请核对来源。'.repeat(20);
    for (const text of [`${body}\ud83d${body}`, `${body}\ude00${body}`, `短\ud83d文`]) {
      const n = folded(text);
      expect(n.text).toBe(text);
      expect(n.text.includes('\ufffd')).toBe(false);
      assertMapInvariants(n);
    }
    // A valid pair in a long text stays a pair.
    expect(folded(`${body}😀${body}`).text).toBe(`${body}😀${body}`);
  });
});

describe('skeleton view', () => {
  it('drops characters inserted to dodge filters and keeps the highlight on the original characters', () => {
    for (const s of ['冰 毒', '冰-毒', '冰\u200b毒', '冰·毒', '冰😀毒', '冰★毒', '冰 - 毒']) {
      const n = skeleton(`他说${s}很贵`);
      expect(spanOf(n, '冰毒')).toBe(s);
    }
  });

  it('never matches across sentence ends, line breaks or clause commas', () => {
    for (const s of ['小赌。博物馆', '小赌\n博物馆', '小赌！博物馆', '小赌，博物馆', '小赌；博物馆']) {
      expect(skeleton(s).text).not.toContain('赌博');
    }
  });

  it('skips separator runs up to MAX_SKIP_RUN and stops after a longer one', () => {
    expect(skeleton('冰 - - 毒').text).toContain('冰毒');
    expect(skeleton('冰 - 毒').text).toContain('冰毒');
    expect(skeleton(`冰${' '.repeat(MAX_SKIP_RUN + 1)}毒`).text).not.toContain('冰毒');
  });

  it('drops look-alike letters and digits inside a term, keeps real ones', () => {
    expect(skeleton('冰①毒').text).toBe('冰毒');
    expect(skeleton('冰α毒').text).toBe('冰毒');
    expect(skeleton('冰⑵毒').text).toBe('冰毒');
    expect(skeleton('零售').text).toBe('零售');
    expect(skeleton('ｋ粉3号').text).toBe('k粉3号');
  });

  it('folds full-width digits, latin case and traditional characters', () => {
    expect(skeleton('ＶＸ號：ＡＢＣ１２３').text).toBe('vx号abc123');
    expect(spanOf(skeleton('請加ＶＸ'), 'vx')).toBe('ＶＸ');
  });

  it('compiles terms through the same normalisation as the text', () => {
    expect(normalizeTerm('臺灣總統')).toBe(normalizeTerm('台湾总统'));
    expect(normalizeTerm('来源：网络')).toBe('来源网络');
    expect(normalizeTerm('Ｖ信')).toBe('v信');
  });

  it('normalizeTerm is the skeleton without barriers, on random hostile strings', () => {
    const rand = seededRandom(99);
    for (let i = 0; i < 1000; i++) {
      const s = hostileText(rand, 1 + Math.floor(rand() * 12));
      expect(normalizeTerm(s)).toBe(skeleton(s).text.replaceAll('\n', ''));
    }
  });

  it('expands compatibility characters without losing the map (㈤ -> 五, ﷽)', () => {
    const n = skeleton('第㈤条');
    expect(n.text).toBe('第五条');
    assertMapInvariants(n);
    assertMapInvariants(folded('\ufdfd ㈤ ﬁ ½'));
  });
});

describe('offset map invariants (property test over random and hostile inputs)', () => {
  it('holds for 2,000 random hostile strings in both views', () => {
    const rand = seededRandom(20261124);
    for (let i = 0; i < 2000; i++) {
      const s = hostileText(rand, 1 + Math.floor(rand() * 60));
      assertMapInvariants(folded(s));
      assertMapInvariants(skeleton(s));
    }
  });

  it('maps any normalised span to whole original code points', () => {
    const rand = seededRandom(7);
    for (let i = 0; i < 500; i++) {
      const n = skeleton(hostileText(rand, 40));
      if (!n.text.length) continue;
      const a = Math.floor(rand() * n.text.length);
      const b = a + 1 + Math.floor(rand() * (n.text.length - a));
      const { start, end } = toOriginal(n, a, b);
      const slice = n.source.slice(start, end);
      expect(slice.length).toBeGreaterThan(0);
      expect(isLow(slice.charCodeAt(0))).toBe(false);
      expect(isHigh(slice.charCodeAt(slice.length - 1))).toBe(false);
    }
  });
});
