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

  it('reports every match, overlaps included, with original offsets; a repeated term is one finding with every place', () => {
    const found = screen(draft('中华人民共和国的人民'), ruleset, [listCheck]);
    expect(found.map((f) => [f.text, f.start, f.end, f.occurrences])).toEqual([
      ['中华人民共和国', 0, 7, undefined],
      ['人民', 2, 4, [{ start: 2, end: 4 }, { start: 8, end: 10 }]],
    ]);
  });

  it('keeps the id of a repeated term when it recurs or text elsewhere changes', () => {
    const once = screen(draft('他说冰毒很贵。'), ruleset, [listCheck]);
    const twice = screen(draft('开头改了。他说冰毒很贵，冰毒害人。'), ruleset, [listCheck]);
    expect(twice).toHaveLength(1);
    expect(twice[0].occurrences).toHaveLength(2);
    expect(twice[0].id).toBe(once[0].id);
  });

  it('caps findings per field and sub-check, and places per finding', () => {
    const many = Array.from({ length: 300 }, (_, i) => `第${i}段提到冰毒。`).join('');
    const [f] = screen(draft(many), ruleset, [listCheck]);
    expect(f.occurrences).toHaveLength(300);
    for (const o of f.occurrences!) expect(many.slice(o.start, o.end)).toBe('冰毒');
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
        for (const o of f.occurrences ?? []) expect(o.end).toBeGreaterThan(o.start);
      }
    }
  });
});

describe('disabledChecks', () => {
  it('switches off one sub-check by id or a family by its prefix', async () => {
    const { CHECKS, enabledChecks } = await import('../../lib/checks/index');
    const ids = (d: string[]) => enabledChecks(d).map((c) => c.id);
    expect(ids([])).toEqual(CHECKS.map((c) => c.id));
    expect(ids(['pii.mobile'])).not.toContain('pii.mobile');
    expect(ids(['pii.mobile'])).toContain('pii.id-card');
    expect(ids(['ad']).filter((id) => id.startsWith('ad.'))).toEqual([]);
    const rs = compileRuleset((await import('../../lib/node/load-lists')).loadLists());
    const body = '联系人王先生，电话13912345678。';
    expect(screen(draft(body), rs, enabledChecks([])).some((f) => f.check === 'pii.mobile')).toBe(true);
    expect(screen(draft(body), rs, enabledChecks(['pii.mobile'])).some((f) => f.check === 'pii.mobile')).toBe(false);
  });
});
