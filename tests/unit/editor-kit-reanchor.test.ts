/** Findings follow the text while the user types, until the next full screen. */
import { describe, expect, it } from 'vitest';
import { diffText, reanchor } from '@/lib/editor-kit/re-anchor';

const span = (text: string, full: string, from = 0) => {
  const start = full.indexOf(text, from);
  return { start, end: start + text.length, text };
};

describe('reanchor', () => {
  const before = '开头冰毒中间台湾总统结尾';
  it('shifts spans after an insertion and keeps spans before it', () => {
    const after = '开头冰毒中间插入的字台湾总统结尾';
    const moved = reanchor(before, after, [span('冰毒', before), span('台湾总统', before)]);
    expect(moved.map((s) => after.slice(s.start, s.end))).toEqual(['冰毒', '台湾总统']);
  });

  it('drops a span the edit touched (its verdict waits for the re-screen)', () => {
    const after = '开头冰毒中间台弯总统结尾';
    const moved = reanchor(before, after, [span('冰毒', before), span('台湾总统', before)]);
    expect(moved.map((s) => s.text)).toEqual(['冰毒']);
  });

  it('handles deletions before a span', () => {
    const after = '冰毒中间台湾总统结尾';
    const moved = reanchor(before, after, [span('冰毒', before), span('台湾总统', before)]);
    expect(moved.map((s) => after.slice(s.start, s.end))).toEqual(['冰毒', '台湾总统']);
  });

  it('moves every place of a repeated finding and drops only the places the edit touched', () => {
    const text = '冰毒一，冰毒二，冰毒三';
    const places = [0, 4, 8].map((start) => ({ start, end: start + 2 }));
    const after = '冰毒一，冰糖二，冰毒三';
    const [moved] = reanchor(text, after, [{ start: 0, end: 2, text: '冰毒', occurrences: places }]);
    expect(moved.occurrences!.map((o) => after.slice(o.start, o.end))).toEqual(['冰毒', '冰毒']);
  });

  it('diffText finds the one changed region', () => {
    expect(diffText('abcdef', 'abXYef')).toEqual({ from: 2, oldTo: 4, newTo: 4 });
    expect(diffText('aaa', 'aaaa')).toEqual({ from: 3, oldTo: 3, newTo: 4 });
    expect(diffText('same', 'same')).toBeNull();
  });
});
