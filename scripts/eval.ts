/**
 * npm run --silent eval -- FILE.jsonl [--wordlists PATH] [--verbose]
 * Screens every case of a labeled corpus and prints, per category: expected, found, recall, false positives.
 * Then false positives per 10,000 characters of screened text (every field) and how many of them are `block`.
 * The last line is `recall R, false positives F` over all categories.
 */
import { parseArgs } from 'node:util';
import { screen } from '../lib/core/screen';
import { CHECKS } from '../lib/checks/index';
import { CATEGORIES } from '../lib/core/types';
import { caseDraft, emptyScores, readCorpus, scoreCase, type CaseResult } from '../lib/node/corpus';
import { loadCliRuleset } from '../lib/node/load-lists';

const USAGE = 'usage: npm run --silent eval -- FILE.jsonl [--wordlists PATH] [--verbose]';

async function main(): Promise<void> {
  let args;
  try {
    args = parseArgs({ allowPositionals: true, options: { wordlists: { type: 'string' }, verbose: { type: 'boolean', short: 'v' } } });
  } catch (e) {
    process.stderr.write(`${(e as Error).message}\n${USAGE}\n`);
    process.exit(2);
  }
  if (args.positionals.length !== 1) {
    process.stderr.write(`${USAGE}\n`);
    process.exit(2);
  }
  let cases;
  let ruleset;
  try {
    cases = readCorpus(args.positionals[0]);
    ruleset = (await loadCliRuleset({ wordlists: args.values.wordlists })).ruleset;
  } catch (e) {
    process.stderr.write(`${(e as Error).message}\n`);
    process.exit(2);
  }

  const scores = emptyScores();
  const results: CaseResult[] = cases.map((c) => scoreCase(c, screen(caseDraft(c), ruleset, CHECKS), scores));

  const pad = (s: string | number, n: number) => String(s).padStart(n);
  const lines = [`${'category'.padEnd(10)}${pad('expected', 9)}${pad('found', 7)}${pad('recall', 8)}${pad('false+', 8)}${pad('info', 6)}`];
  let expected = 0;
  let found = 0;
  let fp = 0;
  for (const cat of CATEGORIES) {
    const s = scores[cat];
    expected += s.expected;
    found += s.found;
    fp += s.falsePositives;
    const recall = s.expected ? (s.found / s.expected).toFixed(2) : '-';
    lines.push(`${cat.padEnd(10)}${pad(s.expected, 9)}${pad(s.found, 7)}${pad(recall, 8)}${pad(s.falsePositives, 8)}${pad(s.infoInForbidden, 6)}`);
  }
  if (args.values.verbose) {
    for (const r of results) {
      for (const m of r.missed) lines.push(`MISS ${r.id} ${m.category} ${m.field} 「${m.text}」`);
      for (const f of r.falsePositives) lines.push(`FP   ${r.id} ${f.category} ${f.severity} ${f.field} 「${f.text}」 ${f.check}`);
    }
  }
  const chars = cases.reduce((n, c) => n + Object.values(caseDraft(c).fields).reduce((m, v) => m + (v?.length ?? 0), 0), 0);
  const fpBlock = results.reduce((n, r) => n + r.falsePositives.filter((f) => f.severity === 'block').length, 0);
  lines.push(`${cases.length} cases, ${cases.filter((c) => c.expect.length === 0).length} clean, ${chars} characters`);
  lines.push(
    `false positives per 10,000 characters ${(chars ? (fp * 10000) / chars : 0).toFixed(2)}, block ${fpBlock} (${(chars ? (fpBlock * 10000) / chars : 0).toFixed(2)} per 10,000), ` +
      `cases with a false block ${results.filter((r) => r.falsePositives.some((f) => f.severity === 'block')).length}`,
  );
  lines.push(`recall ${(expected ? found / expected : 1).toFixed(3)}, false positives ${fp}`);
  process.stdout.write(`${lines.join('\n')}\n`);
}

void main();
