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
}

export interface SerializedRuleset {
  format: typeof RULESET_FORMAT;
  lists: WordList[];
  /** Automaton.toBuffer(), base64. */
  automaton: string;
  /** refStart, refList and refEntry concatenated, base64 of an Int32Array. */
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

export function serializeRuleset(r: Ruleset): SerializedRuleset {
  const flat = new Int32Array(r.refStart.length + r.refList.length * 2);
  flat.set(r.refStart, 0);
  flat.set(r.refList, r.refStart.length);
  flat.set(r.refEntry, r.refStart.length + r.refList.length);
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
  const patterns = automaton.patternCount;
  const refCount = (flat.length - patterns - 1) / 2;
  const corrupt = (why: string) => new RulesetError(`规则集已损坏 (ruleset corrupt: ${why})`);
  if (!Number.isInteger(refCount) || refCount < 0) throw corrupt(`${flat.length} ref cells for ${patterns} patterns`);
  const refStart = flat.subarray(0, patterns + 1);
  const refList = flat.subarray(patterns + 1, patterns + 1 + refCount);
  const refEntry = flat.subarray(patterns + 1 + refCount);
  if (refStart[patterns] !== refCount) throw corrupt('ref table does not add up');
  for (let i = 0; i < refCount; i++) {
    const list = s.lists[refList[i]];
    if (!list || refEntry[i] < 0 || refEntry[i] >= list.entries.length) throw corrupt(`ref ${i} points outside the lists`);
  }
  return { lists: s.lists, automaton, refStart, refList, refEntry };
}

/** Version label of a ruleset for finding sources and the UI, e.g. 'sensitive@2026.11.24'. */
export function listSource(list: WordList): string {
  return `${list.id}@${list.version ?? 'bundled'}`;
}
