import { describe, expect, it } from 'vitest';
import type { CheckDef } from '../../lib/core/check';
import { compileRuleset } from '../../lib/core/ruleset';
import { decodeRuleset, encodeRuleset } from '../../lib/core/ruleset-snapshot';
import { screen } from '../../lib/core/screen';
import type { Draft } from '../../lib/core/types';
import type { WordList } from '../../lib/core/wordlist';
import { hostileText, HOSTILE_PIECES, seededRandom } from './helpers/random-text';

/** A minimal list-driven check, so these tests exercise screen() itself rather than the shipped checks. */
const listCheck: CheckDef = {
  id: 'test-list',
  category: 'sensitive',
  severity: 'block',
  clause: '004_ffa469a3430680ee.txt 第三十一条',
  description: '测试',
  examples: { positive: [], guard: [] },
  run: (ctx) => ctx.fields.flatMap((f) => f.hits('t').map((h) => ({ field: f.name, start: h.start, end: h.end, message: `「${h.entry.term}」` }))),
};

function list(terms: string[]): WordList {
  return { id: 't', name: 't', category: 'sensitive', severity: 'block', clause: 'x', entries: terms.map((term) => ({ term })) };
}

const draft = (body: string, title?: string): Draft => ({ platform: 'generic', fields: title ? { title, body } : { body } });

describe('screen()', () => {
  const ruleset = compileRuleset([list(['冰毒', '中华人民共和国', '人民', '臺灣總統'])]);

  it('reports every match, overlaps included, with original offsets', () => {
    const found = screen(draft('中华人民共和国的人民'), ruleset, [listCheck]);
    expect(found.map((f) => [f.text, f.start, f.end])).toEqual([
      ['中华人民共和国', 0, 7],
      ['人民', 2, 4],
      ['人民', 8, 10],
    ]);
  });

  it('sorts by field (title first) and gives stable ids that survive unrelated edits', () => {
    const a = screen(draft('开头第一段。\n第二段里他说冰毒很贵。结尾', '冰毒'), ruleset, [listCheck]);
    expect(a.map((f) => f.field)).toEqual(['title', 'body']);
    const b = screen(draft('完全不同的开头，还有更多文字。\n第二段里他说冰毒很贵。结尾', '冰毒'), ruleset, [listCheck]);
    expect(b[1].id).toBe(a[1].id);
    expect(new Set(a.map((f) => f.id)).size).toBe(a.length);
  });

  it('matches traditional terms in simplified text and highlights inserted characters', () => {
    const [f] = screen(draft('他是台 湾-总\u200B统'), ruleset, [listCheck]);
    expect(f.text).toBe('台 湾-总\u200B统');
  });

  it('loads a serialised ruleset that screens identically', () => {
    const copy = decodeRuleset(encodeRuleset(ruleset));
    const text = '冰 毒与中华人民共和国';
    expect(screen(draft(text), copy, [listCheck])).toEqual(screen(draft(text), ruleset, [listCheck]));
  });

  it('rejects a snapshot of another format', () => {
    const bytes = encodeRuleset(ruleset);
    new DataView(bytes.buffer).setUint32(4, 1, true); // format version 1
    expect(() => decodeRuleset(bytes)).toThrow(/规则集格式不符/);
  });

  it('keeps field.slice(start, end) === text for every finding on random hostile inputs', () => {
    const rand = seededRandom(42);
    for (let round = 0; round < 200; round++) {
      const terms = new Set<string>();
      for (let k = 0; k < 8; k++) terms.add(hostileText(rand, 1 + Math.floor(rand() * 3)));
      const valid = [...terms].filter((t) => t.trim() && !t.includes('\n'));
      const rs = compileRuleset([list(valid)]);
      const body = hostileText(rand, 120);
      const title = HOSTILE_PIECES.slice(0, 20).join('');
      for (const f of screen(draft(body, title), rs, [listCheck])) {
        const field = f.field === 'title' ? title : body;
        expect(field.slice(f.start, f.end)).toBe(f.text);
      }
    }
  });
});
