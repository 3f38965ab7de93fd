/** Timing, heap and table helpers for scripts/bench.ts. */

export interface Timing {
  median: number;
  p95: number;
  min: number;
  runs: number;
}

/** Runs `fn` `warmup` times unmeasured (JIT), then `runs` times; times in ms. */
export function time(fn: () => void, runs: number, warmup = Math.min(10, runs)): Timing {
  for (let i = 0; i < warmup; i++) fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    samples.push(performance.now() - t0);
  }
  return summarize(samples);
}

export function summarize(samples: number[]): Timing {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
  return { median: at(0.5), p95: at(0.95), min: sorted[0], runs: sorted.length };
}

/** Times one call and returns its result. */
export function timeOnce<T>(fn: () => T): { ms: number; value: T } {
  const t0 = performance.now();
  const value = fn();
  return { ms: performance.now() - t0, value };
}

const gc = (globalThis as { gc?: () => void }).gc;
export const canMeasureHeap = typeof gc === 'function';

/** JS heap plus ArrayBuffer memory (typed arrays live outside the JS heap). */
function liveBytes(): number {
  gc!();
  gc!();
  const usage = process.memoryUsage();
  return usage.heapUsed + usage.arrayBuffers;
}

/**
 * Retained memory of what `make` returns: heap + ArrayBuffers after full GC, minus the same before.
 * Undefined without --expose-gc (the figure would be noise).
 */
export function retainedBytes<T>(make: () => T): { bytes: number | undefined; value: T } {
  if (!canMeasureHeap) return { bytes: undefined, value: make() };
  const before = liveBytes();
  const value = make();
  const after = liveBytes();
  return { bytes: after - before, value };
}

export const fmtMs = (ms: number) => (ms < 1 ? ms.toFixed(3) : ms < 100 ? ms.toFixed(2) : ms.toFixed(0)) + ' ms';
export const fmtMB = (bytes: number | undefined) => (bytes === undefined ? 'n/a' : (bytes / 1e6).toFixed(1) + ' MB');
export const fmtRatio = (x: number) => (x >= 10 ? x.toFixed(0) : x.toFixed(1)) + 'x';

/** Prints rows as an aligned text table (ASCII labels keep the columns straight in any terminal). */
export function printTable(header: string[], rows: string[][]): void {
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => (r[c] ?? '').length)));
  const line = (cells: string[]) =>
    cells.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  ');
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of rows) console.log(line(row));
}

export interface Target {
  name: string;
  figure: string;
  goal: string;
  pass: boolean;
}

/** Every target checked in the run, for the closing summary. */
export const targets: Target[] = [];

/** Records a target and returns the "PASS (goal)" text to print next to the figure. */
export function target(name: string, figure: string, goal: string, pass: boolean): string {
  targets.push({ name, figure, goal, pass });
  return `${pass ? 'PASS' : 'MISS'} (${goal})`;
}

export function section(title: string): void {
  console.log(`\n== ${title} ${'='.repeat(Math.max(0, 96 - title.length))}`);
}
