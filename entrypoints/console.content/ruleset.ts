/**
 * The ruleset a tab screens with: the background's compiled binary snapshot (lib/ext/ruleset-tab.ts: bytes
 * from the ruleset frame, no JSON), or, when there is none yet, the bundled lists compiled here once: a tab
 * never screens with nothing.
 */
import { compileRuleset, type Ruleset } from '@/lib/core/ruleset';
import { BUNDLED_LISTS } from '@/lib/ext/bundled-lists';
import { fetchTabRuleset, watchTabRuleset } from '@/lib/ext/ruleset-tab';

export async function loadTabRuleset(): Promise<Ruleset> {
  return (await fetchTabRuleset()) ?? compileRuleset(BUNDLED_LISTS);
}

/** Calls back with each newly published ruleset; returns the unsubscribe function. */
export const watchRuleset = watchTabRuleset;
