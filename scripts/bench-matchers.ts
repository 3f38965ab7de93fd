/**
 * Bench section 1: our double-array Aho-Corasick against raw mint-filter, same data, same run.
 */
import { Mint } from 'mint-filter';
import { Automaton } from '../lib/core/matcher';
import {
  fmtMB,
  fmtMs,
  fmtRatio,
  printTable,
  retainedBytes,
  section,
  target,
  time,
  timeOnce,
  type Timing,
} from './bench-measure';

const utf8Bytes = (text: string) => Buffer.byteLength(text, 'utf8');
const mbPerSecond = (bytes: number, ms: number) => (bytes / 1e6 / (ms / 1000)).toFixed(0) + ' MB/s';

/** Independent reference count: every substring of a term length looked up in a Set (exact, simple). */
function referenceOccurrences(terms: readonly string[], text: string): number {
  const set = new Set(terms);
  const lengths = [...new Set(terms.map((t) => t.length))];
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    for (const length of lengths) if (i + length <= text.length && set.has(text.slice(i, i + length))) count++;
  }
  return count;
}

function countOurs(automaton: Automaton, text: string): number {
  let count = 0;
  automaton.scan(text, () => count++);
  return count;
}

/** Raw mint-filter as its README uses it, minus the masking work (replace: false) to be fair to it. */
const countMint = (mint: Mint, text: string) => mint.filter(text, { replace: false }).words.length;

function buildRow(terms: readonly string[], runs: number, warmup: number): string[] {
  const ours = time(() => Automaton.build(terms), runs, warmup);
  const mint = time(() => new Mint([...terms]), runs, warmup);
  return [
    `build ${terms.length / 1000}k terms`,
    fmtMs(ours.median),
    fmtMs(mint.median),
    fmtRatio(mint.median / ours.median),
    `median of ${runs}`,
  ];
}

export interface MatcherBenchResult {
  automaton: Automaton;
  scanMedianMs: number;
}

export function benchMatchers(terms: readonly string[], article: string, bigText: string): MatcherBenchResult {
  section(`Matcher: ours (double-array Aho-Corasick) vs raw mint-filter ${terms.length / 1000}k terms`);
  const rows: string[][] = [['', 'ours', 'mint-filter', 'mint/ours', 'note']];

  // Warm-up so both sides are JIT-compiled: a cold 1k build is mostly compilation, not work.
  rows.push(buildRow(terms.slice(0, 1_000), 5, 10));
  rows.push(buildRow(terms.slice(0, 10_000), 5, 2));
  rows.push(buildRow(terms, 3, 0)); // the earlier sizes warmed the code; 100k builds are slow for mint-filter

  const builtOurs = retainedBytes(() => Automaton.build(terms));
  const automaton = builtOurs.value;
  const builtMint = retainedBytes(() => new Mint([...terms]));
  const mint = builtMint.value;
  const heapOk = builtOurs.bytes !== undefined && builtOurs.bytes < 15e6;
  rows.push([
    'heap after GC (retained)',
    fmtMB(builtOurs.bytes),
    fmtMB(builtMint.bytes),
    builtOurs.bytes && builtMint.bytes ? fmtRatio(builtMint.bytes / builtOurs.bytes) : 'n/a',
    builtOurs.bytes === undefined ? 'run with --expose-gc' : target('heap', fmtMB(builtOurs.bytes), '< 15 MB', heapOk),
  ]);
  rows.push(['automaton typed arrays', fmtMB(automaton.byteLength), '-', '', `${automaton.cellCount} cells`]);

  const buffer = automaton.toBuffer();
  const firstLoad = timeOnce(() => Automaton.fromBuffer(buffer));
  const load = time(() => Automaton.fromBuffer(buffer), 30, 3);
  rows.push(['serialised size', fmtMB(buffer.byteLength), 'no format', '', 'toBuffer()']);
  rows.push([
    'fromBuffer load',
    fmtMs(load.median),
    'rebuild',
    '',
    `first (cold) ${fmtMs(firstLoad.ms)}; ` + target('load of serialised 100k automaton', fmtMs(load.median), '< 20 ms', load.median < 20),
  ]);
  const loaded = firstLoad.value;

  // Scan of the 20k article: median and p95 after warm-up.
  const ours: Timing = time(() => countOurs(loaded, article), 200, 30);
  const theirs: Timing = time(() => countMint(mint, article), 60, 10);
  const articleBytes = utf8Bytes(article);
  const speedup = theirs.median / ours.median;
  rows.push([
    `scan ${article.length / 1000}k-char article, median`,
    fmtMs(ours.median),
    fmtMs(theirs.median),
    fmtRatio(speedup),
    target('scan', fmtMs(ours.median), '< 1 ms', ours.median < 1) +
      ' ' +
      target('speed-up vs mint-filter', fmtRatio(speedup), '>= 15x', speedup >= 15),
  ]);
  rows.push([`scan ${article.length / 1000}k-char article, p95`, fmtMs(ours.p95), fmtMs(theirs.p95), fmtRatio(theirs.p95 / ours.p95), `${ours.runs} / ${theirs.runs} runs`]);
  rows.push(['throughput (UTF-8 bytes)', mbPerSecond(articleBytes, ours.median), mbPerSecond(articleBytes, theirs.median), '', `${(articleBytes / 1e3).toFixed(0)} KB article`]);

  const reference = referenceOccurrences(terms, article);
  const oursFound = countOurs(loaded, article);
  const mintFound = countMint(mint, article);
  rows.push([
    'occurrences in article',
    String(oursFound),
    String(mintFound),
    '',
    `reference ${reference}; ours ${oursFound === reference ? 'exact' : 'WRONG'}; ` +
      `mint-filter misses ${reference - mintFound} (${(((reference - mintFound) / reference) * 100).toFixed(1)}%)`,
  ]);

  // A bigger text: steadier throughput and a larger sample of mint-filter's misses.
  const bigOurs = time(() => countOurs(loaded, bigText), 5, 1);
  const bigMint = time(() => countMint(mint, bigText), 3, 1);
  const bigBytes = utf8Bytes(bigText);
  const bigReference = referenceOccurrences(terms, bigText);
  const bigMintFound = countMint(mint, bigText);
  rows.push([
    `scan ${(bigText.length / 1e6).toFixed(0)}M chars, median`,
    `${fmtMs(bigOurs.median)}`,
    `${fmtMs(bigMint.median)}`,
    fmtRatio(bigMint.median / bigOurs.median),
    `${mbPerSecond(bigBytes, bigOurs.median)} vs ${mbPerSecond(bigBytes, bigMint.median)}`,
  ]);
  rows.push([
    `occurrences in ${(bigText.length / 1e6).toFixed(0)}M chars`,
    String(countOurs(loaded, bigText)),
    String(bigMintFound),
    '',
    `reference ${bigReference}; mint-filter misses ${bigReference - bigMintFound} ` +
      `(${(((bigReference - bigMintFound) / bigReference) * 100).toFixed(1)}%)`,
  ]);

  const chainTerms = ['中华人民共和国', '人民'];
  const chainText = '中华人民银行';
  rows.push([
    'failure-chain case',
    String(countOurs(Automaton.build(chainTerms), chainText)),
    String(countMint(new Mint(chainTerms), chainText)),
    '',
    `${chainText} with terms ${chainTerms.join(', ')}`,
  ]);

  printTable(rows[0], rows.slice(1));
  return { automaton: loaded, scanMedianMs: ours.median };
}
