/**
 * The one way a ruleset is made from what is installed, for the background and the CLI alike (so `scan
 * --wordlists bundle.json` screens exactly as a browser with that bundle does). Pure.
 *
 * bundled lists (the floor) + the installed bundle (replaces lists by id) - disabled lists -> one compiled
 * ruleset. See merge.ts for the precedence rules.
 */
import { compileRuleset, type Ruleset } from '../core/ruleset';
import type { WordList } from '../core/wordlist';
import { resolveLists, type InstalledBundle, type ListInfo } from './merge';

export interface ResolvedRuleset {
  ruleset: Ruleset;
  /** Every known list with its source and whether it screens now (options page, popup). */
  infos: ListInfo[];
  /** Entries per active list id. */
  counts: Record<string, number>;
}

export function resolveRuleset(
  bundled: readonly WordList[],
  installed: Pick<InstalledBundle, 'bundle' | 'source'> | undefined,
  disabledLists: readonly string[],
): ResolvedRuleset {
  const { active, infos } = resolveLists(bundled, installed, disabledLists);
  const counts: Record<string, number> = {};
  for (const list of active) counts[list.id] = list.entries.length;
  return { ruleset: compileRuleset(active), infos, counts };
}
