/**
 * A ruleset is the enabled wordlists compiled into ONE Aho-Corasick automaton, so every field is scanned once
 * for all lists. It is compiled once per wordlist version (in the background) and shared with every tab as a
 * binary snapshot that loads in milliseconds (ruleset-snapshot.ts; DESIGN.md "compiled once and shared").
 */
import { Automaton } from './matcher';
import { normalizeTerm } from './normalize';
import type { WordEntry, WordList } from './wordlist';

export interface Ruleset {
  lists: WordList[];
  automaton: Automaton;
  /**
   * Which list entries each automaton pattern stands for, flat (several entries may normalise to one
   * pattern): entries of pattern p are refList/refEntry[refStart[p] .. refStart[p + 1]).
   */
  refStart: Int32Array;
  refList: Int32Array;
  refEntry: Int32Array;
  /**
   * Present on rulesets decoded from a snapshot: the entry, decoded on first use. Read entries through
   * rulesetEntry(); `lists[i].entries` also works there but decodes the whole list.
   */
  entryAt?: (listIndex: number, entryIndex: number) => WordEntry;
}

export class RulesetError extends Error {
  override name = 'RulesetError';
}

/** Compiles the enabled lists (lists with enabled: false are left out). */
export function compileRuleset(allLists: readonly WordList[]): Ruleset {
  const lists = allLists.filter((l) => l.enabled !== false);
  const patternIds = new Map<string, number>();
  const patterns: string[] = [];
  let total = 0;
  for (const l of lists) total += l.entries.length;
  // Pass 1: the pattern of every entry (-1 for a term made only of punctuation, which cannot match).
  const entryPattern = new Int32Array(total);
  let k = 0;
  for (const list of lists) {
    for (const entry of list.entries) {
      const norm = normalizeTerm(entry.term);
      let id = -1;
      if (norm) {
        id = patternIds.get(norm) ?? -1;
        if (id < 0) {
          id = patterns.length;
          patternIds.set(norm, id);
          patterns.push(norm);
        }
      }
      entryPattern[k++] = id;
    }
  }
  // Pass 2: counting sort of entries by pattern.
  const refStart = new Int32Array(patterns.length + 1);
  for (let i = 0; i < total; i++) if (entryPattern[i] >= 0) refStart[entryPattern[i] + 1]++;
  for (let p = 0; p < patterns.length; p++) refStart[p + 1] += refStart[p];
  const fill = refStart.slice(0, patterns.length);
  const refList = new Int32Array(refStart[patterns.length]);
  const refEntry = new Int32Array(refStart[patterns.length]);
  k = 0;
  lists.forEach((list, li) => {
    for (let ei = 0; ei < list.entries.length; ei++, k++) {
      const p = entryPattern[k];
      if (p < 0) continue;
      refList[fill[p]] = li;
      refEntry[fill[p]++] = ei;
    }
  });
  return { lists, automaton: Automaton.build(patterns), refStart, refList, refEntry };
}

/**
 * The entry a pattern reference stands for. Rulesets loaded from a snapshot decode entries one at a time
 * (a tab never builds 100k entry objects it will not look at); compiled ones hold them as arrays.
 */
export function rulesetEntry(r: Ruleset, listIndex: number, entryIndex: number): WordEntry {
  return r.entryAt ? r.entryAt(listIndex, entryIndex) : r.lists[listIndex].entries[entryIndex];
}

/** Version label of a ruleset for finding sources and the UI, e.g. 'sensitive@2026.11.24'. */
export function listSource(list: WordList): string {
  return `${list.id}@${list.version ?? 'bundled'}`;
}
