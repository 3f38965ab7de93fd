import { describe, expect, it } from 'vitest';
import type { CheckDef, RawFinding } from '../../lib/core/check';
import { compileRuleset } from '../../lib/core/ruleset';
import { screen } from '../../lib/core/screen';
import { RepeatMerger } from '../../lib/checks/util/repeats';
import { seededRandom } from './helpers/random-text';

/**
 * A check may merge its repeats itself (to build one message per distinct text on a pasted megabyte); the
 * findings a user sees must be exactly those screen() makes from one raw finding per place.
 */
type Place = { start: number; end: number };

function checkOf(places: (text: string) => Place[], merge: boolean): CheckDef {
  return {
    id: 'test-repeats',
    category: 'sensitive',
    severity: 'block',
    clause: 'x',
    description: '测试',
    examples: { positive: [], guard: [] },
    run(ctx) {
      const merged = new RepeatMerger();
      const out: RawFinding[] = [];
      for (const field of ctx.fields) {
        for (const p of places(field.text)) {
          // The message names the place, so a wrong "earliest" message would show.
          const raw = (): RawFinding => ({ field: field.name, start: p.start, end: p.end, message: `「${field.text.slice(p.start, p.end)}」@${p.start}` });
          if (merge) merged.add(field, p.start, p.end, raw);
          else out.push(raw());
        }
      }
      return merge ? merged.findings() : out;
    },
  };
}

const ruleset = compileRuleset([]);
const screenBoth = (body: string, places: (text: string) => Place[]) =>
  [false, true].map((merge) => screen({ platform: 'generic', fields: { body } }, ruleset, [checkOf(places, merge)]));

describe('RepeatMerger', () => {
  it('gives the same findings as one raw finding per place, in order', () => {
    const body = '加微信abc123，'.repeat(1500);
    const [plain, merged] = screenBoth(body, (t) => [...t.matchAll(/abc123/g)].map((m) => ({ start: m.index, end: m.index + 6 })));
    expect(merged).toEqual(plain);
    expect(merged).toHaveLength(1);
    expect(merged[0].occurrences).toHaveLength(1000);
  });

  it('gives the same findings when places come out of order, repeat, and pass both caps', () => {
    const random = seededRandom(7);
    const words = ['甲乙', '甲乙', '甲乙', '丙丁'];
    let body = '';
    for (let i = 0; i < 4000; i++) body += random() < 0.5 ? words[Math.floor(random() * words.length)] : `号${i}，`;
    const all: Place[] = [];
    for (const m of body.matchAll(/甲乙|丙丁|戊己|号\d+/g)) all.push({ start: m.index, end: m.index + m[0].length });
    // Shuffled, with duplicates: an earlier place can arrive after the first thousand of its text.
    const places = shuffle(all.concat(all.slice(0, 50)), random);
    const [plain, merged] = screenBoth(body, () => places);
    expect(merged).toEqual(plain);
    expect(merged.length).toBe(200);
    // Past the occurrence cap (the thousand places kept include a few duplicates, as screen() keeps them).
    expect(merged.find((f) => f.text === '甲乙')?.occurrences?.length).toBeGreaterThan(900);
  });
});

function shuffle(p: Place[], random: () => number): Place[] {
  for (let i = p.length - 1; i > 0; i--) {
    const k = Math.floor(random() * (i + 1));
    [p[i], p[k]] = [p[k], p[i]];
  }
  return p;
}
