import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const DIR = path.resolve(import.meta.dirname, '../../lib/review');
/** The IndexedDB-backed modules take their IDBFactory / fetch injected but touch IDB globals (IDBKeyRange). */
const STORAGE_MODULES = new Set(['db.ts', 'log-store.ts', 'draft-store.ts', 'forwarder.ts', 'service.ts']);

function code(file: string): string {
  return fs
    .readFileSync(path.join(DIR, file), 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\/\/.*$/gm, '')
    .replace(/(['"`])(?:\\.|(?!\1).)*\1/g, '""');
}

describe('lib/review stays pure', () => {
  const files = fs.readdirSync(DIR).filter((f) => f.endsWith('.ts'));

  it.each(files)('%s uses no DOM or extension API', (file) => {
    expect(code(file)).not.toMatch(/\b(window|document|browser|chrome|localStorage)\b/);
    expect(fs.readFileSync(path.join(DIR, file), 'utf8')).not.toMatch(/from ['"](wxt|react|@\/components)/);
  });

  it.each(files.filter((f) => !STORAGE_MODULES.has(f)))('%s does not touch storage or the network', (file) => {
    expect(code(file)).not.toMatch(/\b(indexedDB|IDBKeyRange|fetch)\b/);
  });
});
