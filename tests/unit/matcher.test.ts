import { describe, expect, it } from 'vitest';
import { AUTOMATON_FORMAT_VERSION, Automaton } from '../../lib/core/matcher';
import { prng } from '../../scripts/prng';


type Occurrence = string; // `${id}@${start}-${end}`

/** The reference: indexOf for every pattern at every position. Obviously correct, obviously slow. */
function naiveOccurrences(patterns: readonly string[], text: string): Occurrence[] {
  const found: Occurrence[] = [];
  patterns.forEach((pattern, id) => {
    for (let at = text.indexOf(pattern); at >= 0; at = text.indexOf(pattern, at + 1)) {
      found.push(`${id}@${at}-${at + pattern.length}`);
    }
  });
  return found.sort();
}

/** Byte equality without a per-element deep diff (fast on buffers of tens of KB). */
function sameBytes(a: ArrayBuffer, b: ArrayBuffer): boolean {
  return Buffer.from(a).equals(Buffer.from(b));
}

function automatonOccurrences(automaton: Automaton, text: string): Occurrence[] {
  const found: Occurrence[] = [];
  automaton.scan(text, (id, end) => found.push(`${id}@${end - automaton.patternLength(id)}-${end}`));
  return found.sort();
}

/**
 * Characters ("tokens") the random terms and texts are made of: few enough that terms overlap, share
 * prefixes and suffixes all the time; with surrogate pairs sharing a high surrogate (😀 😁), a CJK
 * Extension B/C pair (𫫇), latin in both cases and their full-width forms.
 */
const TOKENS = ['中', '华', '人', '民', '共', '和', '国', '银', '行', 'a', 'A', 'b', 'B', 'ａ', 'Ａ', '１', '1', '😀', '😁', '𫫇', '。', ' '];

function randomString(rand: () => number, tokens: readonly string[], minTokens: number, maxTokens: number): string {
  const count = minTokens + Math.floor(rand() * (maxTokens - minTokens + 1));
  let out = '';
  for (let i = 0; i < count; i++) out += tokens[Math.floor(rand() * tokens.length)];
  return out;
}

function randomTermSet(rand: () => number, size: number, tokens: readonly string[]): string[] {
  const terms = new Set<string>();
  let attempts = 0;
  while (terms.size < size && attempts++ < size * 50) terms.add(randomString(rand, tokens, 1, 6));
  // Suffixes and prefixes of existing terms: the shapes that break matchers without output links.
  for (const term of [...terms].slice(0, size / 4)) {
    terms.add(term.slice(Math.floor(term.length / 2)) || term);
    terms.add(term.slice(0, Math.ceil(term.length / 2)));
  }
  return [...terms];
}

describe('Automaton: fixed cases', () => {
  const terms = ['中华人民共和国', '人民', '民', '中华'];
  const automaton = Automaton.build(terms);

  it('reports a term hidden in the failure chain of a longer partial match', () => {
    expect(automaton.findAll('中华人民银行')).toEqual([
      { id: 3, start: 0, end: 2 },
      { id: 1, start: 2, end: 4 },
      { id: 2, start: 3, end: 4 },
    ]);
  });

  it('reports every overlapping occurrence, longest first at a shared end', () => {
    expect(automaton.findAll('中华人民共和国')).toEqual([
      { id: 3, start: 0, end: 2 },
      { id: 1, start: 2, end: 4 },
      { id: 2, start: 3, end: 4 },
      { id: 0, start: 0, end: 7 },
    ]);
  });

  it('finds the classic he/she/his/hers overlaps', () => {
    const classic = Automaton.build(['he', 'she', 'his', 'hers']);
    expect(automatonOccurrences(classic, 'ushers')).toEqual(['0@2-4', '1@1-4', '3@2-6']);
  });

  it('matches code units exactly: case, width and surrogate pairs are not folded', () => {
    const exact = Automaton.build(['abc', 'ＡＢ', '😀', '𫫇人']);
    expect(exact.findAll('ABC ａｂ ＡＢ abc')).toEqual([
      { id: 1, start: 7, end: 9 },
      { id: 0, start: 10, end: 13 },
    ]);
    // 😁 shares its high surrogate with 😀 and must not match it.
    expect(exact.findAll('😁😀')).toEqual([{ id: 2, start: 2, end: 4 }]);
    expect(exact.findAll('𫫇人')).toEqual([{ id: 3, start: 0, end: 3 }]);
  });

  it('reports repeated and self-overlapping occurrences', () => {
    const repeated = Automaton.build(['aa', 'a']);
    expect(automatonOccurrences(repeated, 'aaa')).toEqual(naiveOccurrences(['aa', 'a'], 'aaa'));
    expect(automatonOccurrences(repeated, 'aaa')).toHaveLength(5);
  });

  it('returns nothing for text without pattern characters, and handles the empty set', () => {
    expect(automaton.findAll('')).toEqual([]);
    expect(automaton.findAll('银行 bank')).toEqual([]);
    const empty = Automaton.build([]);
    expect(empty.patternCount).toBe(0);
    expect(empty.findAll('中华人民共和国')).toEqual([]);
    expect(Automaton.fromBuffer(empty.toBuffer()).findAll('中华')).toEqual([]);
  });

  it('exposes pattern count and lengths in UTF-16 units', () => {
    const withPair = Automaton.build(['𫫇', '人民']);
    expect(withPair.patternCount).toBe(2);
    expect(withPair.patternLength(0)).toBe(2);
    expect(withPair.patternLength(1)).toBe(2);
    expect(() => withPair.patternLength(2)).toThrow(RangeError);
  });

  it('is re-entrant: a sink may scan again with the same instance', () => {
    const outer: string[] = [];
    automaton.scan('中华人民', (id, end) => {
      outer.push(`${id}@${end}`);
      // A nested scan must neither disturb nor be disturbed by the outer one.
      expect(automaton.findAll('人民')).toEqual([
        { id: 1, start: 0, end: 2 },
        { id: 2, start: 1, end: 2 },
      ]);
    });
    expect(outer).toEqual(['3@2', '1@4', '2@4']);
  });

  it('refuses empty and duplicate patterns with a clear message', () => {
    expect(() => Automaton.build(['人民', ''])).toThrow(/pattern #1 is empty/);
    expect(() => Automaton.build(['人民', '中华', '人民'])).toThrow(/duplicate pattern "人民" at #0 and #2/);
  });
});

describe('Automaton: against the naive reference on seeded random sets', () => {
  it('finds exactly the naive occurrences on small alphabets (overlaps, suffixes, surrogates, case, width)', () => {
    const rand = prng(20261124);
    for (let round = 0; round < 60; round++) {
      const tokens = TOKENS.slice(0, 3 + Math.floor(rand() * (TOKENS.length - 3)));
      const terms = randomTermSet(rand, 1 + Math.floor(rand() * 40), tokens);
      const automaton = Automaton.build(terms);
      for (let t = 0; t < 5; t++) {
        const text = randomString(rand, tokens, 0, 200);
        expect(automatonOccurrences(automaton, text), `round ${round} text ${JSON.stringify(text)}`).toEqual(
          naiveOccurrences(terms, text),
        );
      }
    }
  });

  it('finds exactly the naive occurrences with thousands of CJK terms and planted hits', () => {
    const rand = prng(7);
    const cjk = Array.from({ length: 300 }, (_, i) => String.fromCharCode(0x4e00 + i * 7));
    const tokens = [...cjk, '😀', '𫫇', 'A', 'ａ'];
    const terms = randomTermSet(rand, 3000, tokens);
    const automaton = Automaton.build(terms);
    let text = '';
    while (text.length < 20_000) {
      text += rand() < 0.2 ? terms[Math.floor(rand() * terms.length)] : randomString(rand, tokens, 1, 3);
    }
    const expected = naiveOccurrences(terms, text);
    expect(expected.length).toBeGreaterThan(1000);
    expect(automatonOccurrences(automaton, text)).toEqual(expected);
  });

  it('stays exact at 20k terms, where the base search has to skip crowded cells and grow', () => {
    const rand = prng(11);
    const cjk = Array.from({ length: 800 }, (_, i) => String.fromCharCode(0x4e00 + i));
    // Skewed draws: a few characters are in most terms, so many states have many children.
    const draw = () => cjk[Math.floor(cjk.length * rand() ** 2)];
    const set = new Set<string>();
    while (set.size < 20_000) {
      let term = '';
      for (let n = 2 + Math.floor(rand() * 5); n > 0; n--) term += draw();
      set.add(term);
    }
    const terms = [...set];
    const automaton = Automaton.build(terms);
    let text = '';
    while (text.length < 30_000) text += rand() < 0.1 ? terms[Math.floor(rand() * terms.length)] : draw();
    // Reference by lookup of every substring of length 2..6 (the naive indexOf would take too long here).
    const idOf = new Map(terms.map((term, id) => [term, id]));
    const expected: Occurrence[] = [];
    for (let start = 0; start < text.length; start++) {
      for (let length = 2; length <= 6 && start + length <= text.length; length++) {
        const id = idOf.get(text.slice(start, start + length));
        if (id !== undefined) expected.push(`${id}@${start}-${start + length}`);
      }
    }
    expect(expected.length).toBeGreaterThan(3000);
    expect(automatonOccurrences(automaton, text)).toEqual(expected.sort());
  });

  it('reports occurrences in order of end offset', () => {
    const rand = prng(99);
    const terms = randomTermSet(rand, 200, TOKENS);
    const automaton = Automaton.build(terms);
    const ends: number[] = [];
    automaton.scan(randomString(rand, TOKENS, 500, 500), (_id, end) => ends.push(end));
    expect(ends.length).toBeGreaterThan(0);
    expect(ends).toEqual([...ends].sort((a, b) => a - b));
  });
});

describe('Automaton: serialisation', () => {
  const rand = prng(42);
  const terms = randomTermSet(rand, 500, TOKENS);
  const automaton = Automaton.build(terms);
  const buffer = automaton.toBuffer();
  const texts = Array.from({ length: 20 }, () => randomString(rand, TOKENS, 0, 300));

  it('round-trips to an identical automaton', () => {
    const loaded = Automaton.fromBuffer(buffer);
    expect(loaded.patternCount).toBe(automaton.patternCount);
    for (let id = 0; id < terms.length; id++) expect(loaded.patternLength(id)).toBe(terms[id].length);
    for (const text of texts) expect(automatonOccurrences(loaded, text)).toEqual(naiveOccurrences(terms, text));
    expect(sameBytes(loaded.toBuffer(), buffer)).toBe(true);
  });

  it('loads from a Uint8Array, also at an offset the typed views cannot use directly', () => {
    const shifted = new Uint8Array(buffer.byteLength + 1);
    shifted.set(new Uint8Array(buffer), 1);
    for (const bytes of [new Uint8Array(buffer), shifted.subarray(1)]) {
      const loaded = Automaton.fromBuffer(bytes);
      for (const text of texts) expect(automatonOccurrences(loaded, text)).toEqual(naiveOccurrences(terms, text));
    }
  });

  it('is deterministic: the same terms compile to the same bytes', () => {
    expect(sameBytes(Automaton.build(terms).toBuffer(), buffer)).toBe(true);
  });

  const corrupt = (edit: (bytes: Uint8Array) => Uint8Array) => () =>
    Automaton.fromBuffer(edit(new Uint8Array(buffer).slice()));

  it('refuses a wrong magic', () => {
    expect(corrupt((b) => ((b[0] ^= 0xff), b))).toThrow(/not a compiled automaton/);
  });

  it('refuses another format version', () => {
    const otherVersion = corrupt((b) => {
      new DataView(b.buffer).setUint32(4, AUTOMATON_FORMAT_VERSION + 1, true);
      return b;
    });
    expect(otherVersion).toThrow(new RegExp(`format version ${AUTOMATON_FORMAT_VERSION + 1}`));
  });

  it('refuses truncated and oversized buffers', () => {
    expect(corrupt((b) => b.subarray(0, b.length - 4))).toThrow(/truncated/);
    expect(corrupt((b) => b.subarray(0, 10))).toThrow(/truncated/);
    expect(() => Automaton.fromBuffer(new ArrayBuffer(0))).toThrow(/truncated/);
    const longer = new Uint8Array(buffer.byteLength + 4);
    longer.set(new Uint8Array(buffer));
    expect(() => Automaton.fromBuffer(longer)).toThrow(/oversized/);
  });

  it('refuses a corrupted payload anywhere', () => {
    for (const at of [32, 100, Math.floor(buffer.byteLength / 2), buffer.byteLength - 1]) {
      expect(corrupt((b) => ((b[at] ^= 0x10), b)), `byte ${at}`).toThrow(/checksum mismatch/);
    }
  });
});
