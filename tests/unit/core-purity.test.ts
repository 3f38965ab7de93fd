/**
 * The screening core runs in Node (CLI, bench, eval) and in content scripts alike (DESIGN.md convention 1):
 * no file in the pure directories may touch the DOM or an extension API.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(__dirname, '..', '..');
const PURE_DIRS = ['lib/core', 'lib/checks', 'lib/bundle', 'lib/review'];
/**
 * Uses of the DOM or extension globals (a parameter merely named `window` is fine). Modules in lib/review that
 * store or forward records take IndexedDB and fetch as injected parameters, so they are checked too.
 */
const FORBIDDEN =
  /\b(?:window|document|browser|chrome|navigator|self)\s*(?:\.|\[)|\b(?:localStorage|sessionStorage|indexedDB|HTMLElement|HTMLInputElement|MutationObserver|DOMParser|XMLHttpRequest)\b/;
const FORBIDDEN_IMPORT = /from\s+['"](wxt\/|#imports|webextension-polyfill|react|react-dom|@\/components)/;
/** Review rules stay free of storage and network; only these modules receive IndexedDB and fetch (injected). */
const REVIEW_IO_MODULES = new Set(['db.ts', 'log-store.ts', 'draft-store.ts', 'forwarder.ts', 'service.ts']);
const IO = /\b(?:IDBKeyRange|IDBFactory|fetch)\b/;

function sourceFiles(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names.flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

/** Comments and string literals may mention "browser"; code may not. */
function codeOnly(source: string): string {
  return source
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/(^|[^:\\])\/\/.*$/gm, '$1')
    .replace(/`(?:\\[\s\S]|[^`\\])*`/g, '``')
    .replace(/'(?:\\.|[^'\\\n])*'/g, "''")
    .replace(/"(?:\\.|[^"\\\n])*"/g, '""');
}

describe('pure core', () => {
  const files = PURE_DIRS.flatMap((d) => sourceFiles(join(ROOT, d)));

  it('has files to check', () => {
    expect(files.length).toBeGreaterThan(5);
  });

  for (const file of files) {
    it(`${relative(ROOT, file)} uses no DOM or browser API`, () => {
      const code = codeOnly(readFileSync(file, 'utf8'));
      const lines = code.split('\n');
      const offending = lines
        .map((line, i) => ({ line, no: i + 1 }))
        .filter(({ line }) => FORBIDDEN.test(line.replace(/\.\s*(?:window|document|browser|chrome|navigator|self)\b/g, '')) || FORBIDDEN_IMPORT.test(line));
      expect(offending.map((o) => `${o.no}: ${o.line.trim()}`)).toEqual([]);
      if (relative(ROOT, file).startsWith('lib/review/') && !REVIEW_IO_MODULES.has(basename(file)))
        expect(code).not.toMatch(IO);
    });
  }
});
