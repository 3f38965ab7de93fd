/** The shipped wordlists (wordlists/), compiled once per test file. Tests never read ../shared. */
import { join } from 'node:path';
import { compileRuleset, type Ruleset } from '../../../lib/core/ruleset';
import type { WordList } from '../../../lib/core/wordlist';
import { loadWordlistDir } from '../../../lib/node/wordlist-dir';

// The happy-dom environment gives import.meta.url an http: scheme, so resolve from the project root vitest runs in.
export const WORDLIST_DIR = join(process.cwd(), 'wordlists');

let lists: WordList[] | undefined;
let ruleset: Ruleset | undefined;

export function shippedLists(): WordList[] {
  return (lists ??= loadWordlistDir(WORDLIST_DIR));
}

export function shippedRuleset(): Ruleset {
  return (ruleset ??= compileRuleset(shippedLists()));
}
