/**
 * Why XianShen has its own matcher (DESIGN.md "Matcher"): mint-filter, named in the original design,
 * never follows the failure chain for outputs and returns no positions. This test keeps that reason
 * visible; if a future mint-filter fixes it, the test fails and the decision can be revisited.
 */
import { Mint } from 'mint-filter';
import { describe, expect, it } from 'vitest';
import { Automaton } from '../../lib/core/matcher';

const TERMS = ['中华人民共和国', '人民'];
const TEXT = '中华人民银行';

describe('mint-filter misses what our Automaton finds', () => {
  it('mint-filter calls 中华人民银行 clean for the terms 中华人民共和国 and 人民', () => {
    const mint = new Mint(TERMS);
    const result = mint.filter(TEXT);
    expect(result.words).toEqual([]);
    expect(result.text).toBe(TEXT); // nothing masked either
    expect(mint.verify(TEXT)).toBe(true); // "clean"
  });

  it('mint-filter returns matched words only, no positions', () => {
    const result = new Mint(TERMS).filter('他说人民');
    expect(result.words).toEqual(['人民']);
    expect(Object.keys(result).sort()).toEqual(['text', 'words']);
  });

  it('Automaton finds 人民 at [2, 4)', () => {
    const automaton = Automaton.build(TERMS);
    expect(automaton.findAll(TEXT)).toEqual([{ id: 1, start: 2, end: 4 }]);
    expect(TEXT.slice(2, 4)).toBe('人民');
  });
});
