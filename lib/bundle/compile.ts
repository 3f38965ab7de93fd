/** Compiles the lists in force into the JSON-safe ruleset tabs load. Pure (lib/core only). */
import { compileRuleset, serializeRuleset, type SerializedRuleset } from '../core/ruleset';
import type { WordList } from '../core/wordlist';

export interface CompiledLists {
  serialized: SerializedRuleset;
  /** Entries per list id. */
  counts: Record<string, number>;
}

export function compileLists(active: readonly WordList[]): CompiledLists {
  const serialized = serializeRuleset(compileRuleset(active));
  const counts: Record<string, number> = {};
  for (const list of active) counts[list.id] = list.entries.length;
  return { serialized, counts };
}
