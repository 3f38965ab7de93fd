/**
 * `npm run --silent bench`: the matcher against raw mint-filter, normalisation + matching, and the full
 * screen, on deterministic generated data (DESIGN.md "Benchmark"). Targets are printed next to the figures
 * and summarised at the end; the exit code stays 0 (figures depend on the machine, so this informs, it
 * does not gate). Run with --expose-gc (the npm script does) for heap figures.
 */
import { availableParallelism, loadavg } from 'node:os';
import { generateArticle, generateTerms } from './bench-data';
import { benchMatchers } from './bench-matchers';
import { canMeasureHeap, targets } from './bench-measure';
import { benchFullScreen, benchNormaliseAndMatch } from './bench-pipeline';

const TERM_COUNT = 100_000;
const ARTICLE_LENGTH = 20_000;

async function main(): Promise<void> {
  const started = performance.now();
  const terms = generateTerms(TERM_COUNT, 1);
  const article = generateArticle(ARTICLE_LENGTH, terms, 2);
  const bigText = generateArticle(1_000_000, terms, 3);
  console.log(
    `XianShen benchmark: node ${process.version}, ${process.platform}/${process.arch}; ` +
      `${TERM_COUNT} terms of 2-6 chars from 5000 common CJK, ${ARTICLE_LENGTH}-char article (seeded)` +
      (canMeasureHeap ? '' : '\n(heap figures need node --expose-gc)'),
  );
  const [load1] = loadavg();
  if (load1 > availableParallelism()) {
    console.log(`NOTE: load average ${load1.toFixed(1)} on ${availableParallelism()} cores: wall-clock figures (p95 most) are inflated.`);
  }

  const { automaton } = benchMatchers(terms, article, bigText);
  await benchNormaliseAndMatch(automaton, article);
  await benchFullScreen(terms, article);

  console.log(`\n== Targets ${'='.repeat(88)}`);
  for (const t of targets) console.log(`${t.pass ? 'PASS' : 'MISS'}  ${t.name}: ${t.figure} (${t.goal})`);
  const missed = targets.filter((t) => !t.pass).length;
  console.log(
    `\n${targets.length - missed} of ${targets.length} targets met; bench took ${((performance.now() - started) / 1000).toFixed(0)} s`,
  );
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
