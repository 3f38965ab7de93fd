/**
 * Shared table-driven suite for the content checks (pii, ad, repost, map, secret, clickbait):
 * 1. every positive example is flagged on its text and field, every guard example produces nothing of the check's
 *    category at review or block;
 * 2. robustness: the same inputs written in traditional characters, full-width digits and letters, with zero-width
 *    characters, spaces or symbols inserted are still caught, and the finding's offsets land on the original
 *    characters (field.slice(start, end) === text, and the span covers the variant);
 * 3. 1 MB of adversarial input per check completes (no timing assertion: the benchmark reports time).
 */
import * as OpenCC from 'opencc-js';
import { describe, expect, it } from 'vitest';
import type { CheckDef } from '../../../lib/core/check';
import { CHECKS } from '../../../lib/checks/index';
import { screen } from '../../../lib/core/screen';
import type { Draft, FieldName } from '../../../lib/core/types';
import { adversarialInputs } from './adversarial';
import { describeCheckExamples } from './check-examples';
import { shippedRuleset } from './shipped-lists';

export { shippedRuleset };

/** The sub-checks of a family (`ad` -> ad.soft-ad, ad.ecommerce-link, …, ad.medical), as registered. */
export function family(prefix: string): CheckDef[] {
  return CHECKS.filter((c) => c.id === prefix || c.id.startsWith(`${prefix}.`));
}


export type Variant = 'traditional' | 'fullwidth' | 'zero-width' | 'spaces' | 'symbols';
export const ALL_VARIANTS: readonly Variant[] = ['traditional', 'fullwidth', 'zero-width', 'spaces', 'symbols'];

export interface RobustCase {
  /** Field text with `target` somewhere in it. */
  text: string;
  target: string;
  field?: FieldName;
  /** Other fields of the draft. */
  other?: Partial<Record<FieldName, string>>;
  /** Variants that do not apply (e.g. spaces inside a URL end the URL). */
  skip?: Variant[];
  /** The finding must span exactly the (transformed) target. */
  exact?: boolean;
}

const toTraditional = OpenCC.Converter({ from: 'cn', to: 'tw' });
const FULLWIDTH = (s: string) => s.replace(/[0-9A-Za-z%]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
const interleave = (s: string, sep: string) => [...s].join(sep);
const HAN = /\p{Script=Han}/u;
/** Insert `sep` only between two Han characters or two digits (what editors and evaders do). */
const between = (s: string, sep: string) => {
  const cps = [...s];
  let out = cps[0] ?? '';
  for (let i = 1; i < cps.length; i++) {
    const a = cps[i - 1];
    const b = cps[i];
    const same = (HAN.test(a) && HAN.test(b)) || (/\d/.test(a) && /\d/.test(b));
    out += (same ? sep : '') + b;
  }
  return out;
};

export function transform(v: Variant, s: string): string {
  switch (v) {
    case 'traditional':
      return toTraditional(s);
    case 'fullwidth':
      return FULLWIDTH(s);
    case 'zero-width':
      return interleave(s, '\u200b');
    case 'spaces':
      return between(s, ' ');
    case 'symbols':
      return between(s, '·');
  }
}

export function describeContentCheck(checks: CheckDef[], robust: RobustCase[]): void {
  const ruleset = shippedRuleset();
  const name = checks[0].id.split('.')[0];

  for (const check of checks) describeCheckExamples(check, ruleset);

  describe(`${name}: robustness`, () => {
    for (const c of robust) {
      for (const v of ALL_VARIANTS) {
        if (c.skip?.includes(v)) continue;
        it(`${v}: ${c.target}`, () => {
          const target = transform(v, c.target);
          const fieldName = c.field ?? 'body';
          const text = c.text.replace(c.target, target);
          const at = text.indexOf(target);
          expect(at).toBeGreaterThanOrEqual(0);
          const draft: Draft = { platform: 'generic', fields: { ...c.other, [fieldName]: text } };
          const findings = screen(draft, ruleset, checks).filter((f) => f.severity !== 'info' || c.exact);
          for (const f of findings) expect(draft.fields[f.field]!.slice(f.start, f.end)).toBe(f.text);
          const covering = findings.filter((f) => f.field === fieldName && f.start < at + target.length && at < f.end);
          expect(covering.length, `no finding on 「${target}」 in 「${text}」`).toBeGreaterThan(0);
          if (c.exact) expect(covering.some((f) => f.start === at && f.end === at + target.length), JSON.stringify(covering)).toBe(true);
        });
      }
    }
  });

  describe(`${name}: adversarial input`, () => {
    for (const [name, text] of Object.entries(adversarialInputs())) {
      it(`1 MB of ${name} completes`, () => {
        const draft: Draft = { platform: 'generic', fields: { title: text.slice(0, 200), body: text } };
        const findings = screen(draft, ruleset, checks);
        for (const f of findings.slice(0, 50)) expect(draft.fields[f.field]!.slice(f.start, f.end)).toBe(f.text);
      });
    }
  });
}
