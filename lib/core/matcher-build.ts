/**
 * Compiles a pattern set into the typed arrays of a double-array Aho-Corasick automaton (see matcher.ts).
 *
 * The trie is never materialised as objects: patterns are sorted (UTF-16 code-unit order), so every trie
 * node is a contiguous range of sorted patterns sharing a prefix. Nodes are expanded breadth-first, which
 * also makes the failure link of every new state computable on the spot (the states it depends on are
 * shallower, hence already placed).
 */
import { CellStore, FREE } from './matcher-cells';

/** The arrays an Automaton is made of. Cell 0 is the root. */
export interface AutomatonTables {
  /** Dense codes in order: alphabet[code - 1] is the UTF-16 unit with that code. Code 0 = "in no pattern". */
  alphabet: Uint16Array;
  /** Per cell: children of the state live at base + code. Leaves keep 0 (check rejects every probe). */
  base: Int32Array;
  /** Per cell: the parent state, or -1 for a free cell (-2 for the root, so no probe ever matches it). */
  check: Int32Array;
  /** Per cell: the failure state (longest proper suffix of this state's string that is a trie state). */
  fail: Int32Array;
  /** Per cell: the id of the pattern that ends exactly here, or -1. */
  output: Int32Array;
  /** Per cell: nearest state on the failure chain with an output, or 0 (the root never has one). */
  outputLink: Int32Array;
  /** Per pattern id: its length in UTF-16 units. */
  patternLengths: Int32Array;
}

export function validatePatterns(patterns: readonly string[]): void {
  for (let id = 0; id < patterns.length; id++) {
    const pattern = patterns[id];
    if (typeof pattern !== 'string' || pattern.length === 0) {
      throw new Error(`Automaton.build: pattern #${id} is empty (every pattern must be a non-empty string)`);
    }
  }
}

/**
 * Codes by descending frequency: popular units get small codes, so the children of busy states sit close
 * together and the double array packs tightly. Ties break by unit value, keeping the build deterministic.
 */
function buildAlphabet(patterns: readonly string[]): { alphabet: Uint16Array; codeOf: Uint16Array } {
  const counts = new Uint32Array(65536);
  for (const pattern of patterns) {
    for (let i = 0; i < pattern.length; i++) counts[pattern.charCodeAt(i)]++;
  }
  const units: number[] = [];
  for (let unit = 0; unit < 65536; unit++) if (counts[unit] > 0) units.push(unit);
  units.sort((a, b) => counts[b] - counts[a] || a - b);
  const alphabet = Uint16Array.from(units);
  const codeOf = new Uint16Array(65536);
  for (let i = 0; i < alphabet.length; i++) codeOf[alphabet[i]] = i + 1;
  return { alphabet, codeOf };
}

/** Pattern ids in code-unit order; throws on duplicates (ids must identify exactly one list entry). */
function sortPatternIds(patterns: readonly string[]): Int32Array {
  const ids = Array.from(patterns.keys());
  ids.sort((a, b) => (patterns[a] < patterns[b] ? -1 : patterns[a] > patterns[b] ? 1 : a - b));
  for (let i = 1; i < ids.length; i++) {
    if (patterns[ids[i]] === patterns[ids[i - 1]]) {
      throw new Error(
        `Automaton.build: duplicate pattern ${JSON.stringify(patterns[ids[i]])} at #${ids[i - 1]} and #${ids[i]} ` +
          '(patterns must be unique; merge the list entries before building)',
      );
    }
  }
  return Int32Array.from(ids);
}

export function buildTables(patterns: readonly string[]): AutomatonTables {
  validatePatterns(patterns);
  const { alphabet, codeOf } = buildAlphabet(patterns);
  const sortedIds = sortPatternIds(patterns);
  const sorted = Array.from(sortedIds, (id) => patterns[id]);
  const patternLengths = Int32Array.from(patterns, (p) => p.length);

  let totalUnits = 0;
  for (const p of patterns) totalUnits += p.length;
  const store = new CellStore(Math.ceil(totalUnits * 1.1) + alphabet.length + 1);

  // BFS queue of nodes to expand: state, and the range [lo, hi) of sorted patterns that share its prefix.
  let queueState: number[] = [0];
  let queueLo: number[] = [0];
  let queueHi: number[] = [sorted.length];
  const childCodes: number[] = [];
  const childLo: number[] = [];
  const childHi: number[] = [];
  const order: number[] = [];

  for (let depth = 0; queueState.length > 0; depth++) {
    const nextState: number[] = [];
    const nextLo: number[] = [];
    const nextHi: number[] = [];
    for (let q = 0; q < queueState.length; q++) {
      const state = queueState[q];
      let lo = queueLo[q];
      const hi = queueHi[q];
      // A pattern of exactly this length sorts first in the range; its output was recorded by the parent.
      if (lo < hi && sorted[lo].length === depth) lo++;
      if (lo >= hi) continue; // leaf (or the root of an empty set)
      childCodes.length = childLo.length = childHi.length = 0;
      for (let j = lo; j < hi; ) {
        const unit = sorted[j].charCodeAt(depth);
        let end = j + 1;
        while (end < hi && sorted[end].charCodeAt(depth) === unit) end++;
        childCodes.push(codeOf[unit]);
        childLo.push(j);
        childHi.push(end);
        j = end;
      }
      // Sorted by code for findBase, carrying the ranges along.
      order.length = 0;
      for (let k = 0; k < childCodes.length; k++) order.push(k);
      order.sort((a, b) => childCodes[a] - childCodes[b]);
      const codes = order.map((k) => childCodes[k]);
      const base = store.findBase(codes);
      store.grow(base + codes[codes.length - 1] + 1);
      store.base[state] = base;
      for (const k of order) {
        const code = childCodes[k];
        const child = base + code;
        store.takeCell(child);
        store.check[child] = state;
        const firstPattern = childLo[k];
        if (sorted[firstPattern].length === depth + 1) store.output[child] = sortedIds[firstPattern];
        const failState = state === 0 ? 0 : failTarget(store, store.fail[state], code);
        store.fail[child] = failState;
        store.outputLink[child] = store.output[failState] >= 0 ? failState : store.outputLink[failState];
        nextState.push(child);
        nextLo.push(firstPattern);
        nextHi.push(childHi[k]);
      }
    }
    queueState = nextState;
    queueLo = nextLo;
    queueHi = nextHi;
  }

  // Every probe base + code must stay inside the arrays, so scan never reads past the end (no bounds
  // branch, no deoptimisation): keep room for the largest code after the largest base.
  let maxBase = 0;
  for (let cell = 0; cell <= store.maxUsed; cell++) {
    if (store.check[cell] !== FREE && store.base[cell] > maxBase) maxBase = store.base[cell];
  }
  const length = Math.max(store.maxUsed + 1, maxBase + alphabet.length + 1);
  store.grow(length);
  return {
    alphabet,
    base: store.base.slice(0, length),
    check: store.check.slice(0, length),
    fail: store.fail.slice(0, length),
    output: store.output.slice(0, length),
    outputLink: store.outputLink.slice(0, length),
    patternLengths,
  };
}

/** goto(state, code) following failure links; the root absorbs every unknown transition. */
function failTarget(store: CellStore, from: number, code: number): number {
  let state = from;
  for (;;) {
    const target = store.base[state] + code;
    if (target < store.capacity && store.check[target] === state) return target;
    if (state === 0) return 0;
    state = store.fail[state];
  }
}
