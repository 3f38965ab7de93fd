/** The shipped wordlists (wordlists/), compiled once per test file. Tests never read ../shared. */
import { compileRuleset, type Ruleset } from '../../../lib/core/ruleset';
import type { WordList } from '../../../lib/core/wordlist';
import { DEFAULT_WORDLIST_DIR, loadLists } from '../../../lib/node/load-lists';

export const WORDLIST_DIR = DEFAULT_WORDLIST_DIR;

let lists: WordList[] | undefined;
let ruleset: Ruleset | undefined;

export function shippedLists(): WordList[] {
  return (lists ??= loadLists(WORDLIST_DIR));
}

export function shippedRuleset(): Ruleset {
  return (ruleset ??= compileRuleset(shippedLists()));
}
