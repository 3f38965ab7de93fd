/**
 * The eval acceptance on the labeled corpus (tests/corpus/dev.jsonl, a copy of ../shared/corpus/dev.jsonl):
 * recall >= 0.95 in every category and no review/block finding in a category a case forbids.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileRuleset } from '../../lib/core/ruleset';
import { screen } from '../../lib/core/screen';
import { CATEGORIES } from '../../lib/core/types';
import { caseDraft, emptyScores, readCorpus, scoreCase } from '../../lib/node/corpus';
import { loadLists } from '../../lib/node/load-lists';

describe('labeled corpus', () => {
  const cases = readCorpus(join(__dirname, '..', 'corpus', 'dev.jsonl'));
  const ruleset = compileRuleset(loadLists());
  const scores = emptyScores();
  const results = cases.map((c) => scoreCase(c, screen(caseDraft(c), ruleset), scores));

  for (const category of CATEGORIES) {
    it(`${category}: recall >= 0.95`, () => {
      const s = scores[category];
      const missed = results.flatMap((r) => r.missed.filter((m) => m.category === category).map((m) => `${r.id} 「${m.text}」`));
      expect(s.found / s.expected, `missed: ${missed.join(', ')}`).toBeGreaterThanOrEqual(0.95);
    });
  }

  it('no review or block finding in a category the case forbids', () => {
    const fps = results.flatMap((r) => r.falsePositives.map((f) => `${r.id} ${f.category}/${f.check} 「${f.text}」`));
    expect(fps).toEqual([]);
  });

  it('every finding quotes its field exactly', () => {
    for (const c of cases) {
      const draft = caseDraft(c);
      for (const f of screen(draft, ruleset)) expect(draft.fields[f.field]!.slice(f.start, f.end)).toBe(f.text);
    }
  });
});
