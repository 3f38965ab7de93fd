// @vitest-environment node
/**
 * The module graph of the extension (lib, components, entrypoints), read with the TypeScript compiler API:
 * no import cycles (type-only imports included), one place that sends messages, one place that routes them,
 * and storage items defined only where the background runs (WXT runs item migrations where they are defined).
 */
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
const DIRS = ['lib', 'components', 'entrypoints'];

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...sourceFiles(full));
    else if (/\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts')) out.push(full);
  }
  return out;
}

const files = DIRS.flatMap((d) => sourceFiles(path.join(ROOT, d)));
const known = new Set(files);

function resolve(from: string, spec: string): string | undefined {
  let base: string;
  if (spec.startsWith('@/')) base = path.join(ROOT, spec.slice(2));
  else if (spec.startsWith('.')) base = path.resolve(path.dirname(from), spec);
  else return undefined; // a package
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts'), path.join(base, 'index.tsx')])
    if (known.has(candidate)) return candidate;
  return undefined;
}

const graph = new Map<string, string[]>();
for (const file of files) {
  const info = ts.preProcessFile(fs.readFileSync(file, 'utf8'), true, true);
  graph.set(file, [...new Set(info.importedFiles.map((i) => resolve(file, i.fileName)).filter((f): f is string => !!f))]);
}
const rel = (f: string) => path.relative(ROOT, f);

/** Strongly connected components with more than one module (or a self-import): the cycles. */
function cycles(): string[][] {
  let index = 0;
  const stack: string[] = [];
  const on = new Set<string>();
  const idx = new Map<string, number>();
  const low = new Map<string, number>();
  const found: string[][] = [];
  const visit = (v: string) => {
    idx.set(v, index);
    low.set(v, index++);
    stack.push(v);
    on.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!idx.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (on.has(w)) low.set(v, Math.min(low.get(v)!, idx.get(w)!));
    }
    if (low.get(v) === idx.get(v)) {
      const scc: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        on.delete(w);
        scc.push(rel(w));
      } while (w !== v);
      if (scc.length > 1 || (graph.get(v) ?? []).includes(v)) found.push(scc.sort());
    }
  };
  for (const f of files) if (!idx.has(f)) visit(f);
  return found;
}

function reachable(from: string): Set<string> {
  const seen = new Set<string>();
  const todo = [from];
  while (todo.length) {
    const f = todo.pop()!;
    if (seen.has(f)) continue;
    seen.add(f);
    todo.push(...(graph.get(f) ?? []));
  }
  return seen;
}

/** Files whose code (comments stripped) matches the pattern. */
function filesUsing(pattern: RegExp): string[] {
  return files
    .filter((f) => {
      const code = fs.readFileSync(f, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
      return pattern.test(code);
    })
    .map(rel);
}

describe('module graph', () => {
  it('reads a real graph', () => {
    expect(files.length).toBeGreaterThan(50);
    expect(graph.get(path.join(ROOT, 'entrypoints/background.ts'))!.map(rel)).toContain('lib/ext/background-main.ts');
  });

  it('has no import cycles', () => {
    expect(cycles()).toEqual([]);
  });

  it('sends messages in one place and routes them in one place', () => {
    expect(filesUsing(/runtime\.sendMessage\(/)).toEqual(['lib/ext/send.ts']);
    expect(filesUsing(/runtime\.onMessage\.addListener\(/)).toEqual(['lib/ext/router.ts']);
  });

  it('defines storage items only in the background: no page or content script reaches lib/ext/storage.ts', () => {
    const storage = path.join(ROOT, 'lib/ext/storage.ts');
    const pages = files.filter((f) => /entrypoints\/(console\.content\/index|popup\/main|options\/main|log\/main)\.tsx?$/.test(f));
    expect(pages.map(rel).sort()).toEqual([
      'entrypoints/console.content/index.ts',
      'entrypoints/log/main.tsx',
      'entrypoints/options/main.tsx',
      'entrypoints/popup/main.tsx',
    ]);
    for (const page of pages) expect([rel(page), reachable(page).has(storage)]).toEqual([rel(page), false]);
    expect(reachable(path.join(ROOT, 'entrypoints/background.ts')).has(storage)).toBe(true);
    // And nothing but the background writes storage.local directly.
    expect(filesUsing(/storage\.local\.set\(/)).toEqual([]);
  });
});
