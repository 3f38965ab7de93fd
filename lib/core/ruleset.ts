/**
 * A ruleset is the enabled wordlists compiled into ONE Aho-Corasick automaton, so every field is scanned once
 * for all lists. It is compiled once per wordlist version (in the background) and shared with every tab as a
 * JSON-safe snapshot that loads in milliseconds (DESIGN.md "compiled once and shared").
 */
import { Automaton } from './matcher';
import { normalizeTerm } from './normalize';
import { base64ToBytes, bytesToBase64 } from './base64';
import type { WordList } from './wordlist';

/** Bump when the serialised layout changes; older snapshots are then rebuilt from their lists. */
export const RULESET_FORMAT = 'xianshen-ruleset/1';

export interface EntryRef {
  list: number;
  entry: number;
}

export interface Ruleset {
  lists: WordList[];
  automaton: Automaton;
  /** For each automaton pattern id: the list entries that normalise to it. */
  refs: EntryRef[][];
}

export interface SerializedRuleset {
  format: typeof RULESET_FORMAT;
  lists: WordList[];
  /** Automaton.toBuffer(), base64. */
  automaton: string;
  /** Flattened refs, base64 of an Int32Array: per pattern [count, list, entry, list, entry, …]. */
  refs: string;
}

export class RulesetError extends Error {
  override name = 'RulesetError';
}

/** Compiles the enabled lists (lists with enabled: false are left out). */
export function compileRuleset(allLists: readonly WordList[]): Ruleset {
  const lists = allLists.filter((l) => l.enabled !== false);
  const patternIds = new Map<string, number>();
  const patterns: string[] = [];
  const refs: EntryRef[][] = [];
  lists.forEach((list, li) => {
    list.entries.forEach((entry, ei) => {
      const norm = normalizeTerm(entry.term);
      if (!norm) return; // a term made only of punctuation cannot be matched on the skeleton
      let id = patternIds.get(norm);
      if (id === undefined) {
        id = patterns.length;
        patternIds.set(norm, id);
        patterns.push(norm);
        refs.push([]);
      }
      refs[id].push({ list: li, entry: ei });
    });
  });
  return { lists, automaton: Automaton.build(patterns), refs };
}

export function serializeRuleset(r: Ruleset): SerializedRuleset {
  let size = 0;
  for (const group of r.refs) size += 1 + group.length * 2;
  const flat = new Int32Array(size);
  let k = 0;
  for (const group of r.refs) {
    flat[k++] = group.length;
    for (const ref of group) {
      flat[k++] = ref.list;
      flat[k++] = ref.entry;
    }
  }
  return {
    format: RULESET_FORMAT,
    lists: r.lists,
    automaton: bytesToBase64(new Uint8Array(r.automaton.toBuffer())),
    refs: bytesToBase64(new Uint8Array(flat.buffer)),
  };
}

export function loadRuleset(s: SerializedRuleset): Ruleset {
  if (!s || s.format !== RULESET_FORMAT)
    throw new RulesetError(`规则集格式不符 (ruleset format ${String(s?.format)}, expected ${RULESET_FORMAT})`);
  const automaton = Automaton.fromBuffer(base64ToBytes(s.automaton));
  const bytes = base64ToBytes(s.refs);
  const flat = new Int32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength >> 2);
  const refs: EntryRef[][] = [];
  for (let k = 0; k < flat.length; ) {
    const count = flat[k++];
    const group: EntryRef[] = [];
    for (let j = 0; j < count; j++, k += 2) group.push({ list: flat[k], entry: flat[k + 1] });
    refs.push(group);
  }
  if (refs.length !== automaton.patternCount)
    throw new RulesetError(`规则集已损坏 (ruleset corrupt: ${refs.length} ref groups for ${automaton.patternCount} patterns)`);
  return { lists: s.lists, automaton, refs };
}

/** Version label of a ruleset for finding sources and the UI, e.g. 'sensitive@2026.11.24'. */
export function listSource(list: WordList): string {
  return `${list.id}@${list.version ?? 'bundled'}`;
}
