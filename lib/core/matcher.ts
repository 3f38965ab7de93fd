/**
 * The matcher: a double-array Aho-Corasick automaton over UTF-16 code units, in typed arrays.
 *
 * Why our own (DESIGN.md "Matcher"): mint-filter returns no positions and never follows the failure chain
 * for outputs, so with the terms 中华人民共和国 and 人民 it calls 中华人民银行 clean. For a screening product
 * a missed term is the worst failure. This automaton reports EVERY occurrence of every pattern, overlaps
 * included, with its end offset, and serialises to one ArrayBuffer so a tab loads 100k terms in
 * milliseconds instead of rebuilding them.
 *
 * Patterns and text are expected to be normalised already (normalize.ts): matching is exact on code
 * units, so a surrogate pair is simply two units and only ever matches itself.
 */
import { buildTables, type AutomatonTables } from './matcher-build';
import { decodeTables, encodeTables } from './matcher-format';

export { FORMAT_VERSION as AUTOMATON_FORMAT_VERSION } from './matcher-format';

/** Receives one occurrence: the pattern id and the exclusive end offset (UTF-16) in the scanned text. */
export type MatchSink = (id: number, end: number) => void;

export class Automaton {
  readonly patternCount: number;
  /** UTF-16 unit -> dense alphabet code; 0 = the unit occurs in no pattern, so scanning returns to the root. */
  private readonly codeOf: Uint16Array;
  private readonly tables: AutomatonTables;

  private constructor(tables: AutomatonTables) {
    this.tables = tables;
    this.patternCount = tables.patternLengths.length;
    const codeOf = new Uint16Array(65536);
    const { alphabet } = tables;
    for (let i = 0; i < alphabet.length; i++) codeOf[alphabet[i]] = i + 1;
    this.codeOf = codeOf;
  }

  /**
   * Compiles already-normalised, non-empty, unique patterns; pattern id = index in `patterns`.
   * Throws on an empty or duplicate pattern, because an id must name exactly one list entry.
   */
  static build(patterns: readonly string[]): Automaton {
    return new Automaton(buildTables(patterns));
  }

  /**
   * Loads what toBuffer() produced. Throws on a wrong magic, another format version, truncation or
   * corruption. The tables are views onto `buffer` (no copy, so a load costs about a checksum pass):
   * do not write into it afterwards.
   */
  /** `options.verifyChecksum: false` only for bytes already verified in this session (see decodeRuleset). */
  static fromBuffer(buffer: Parameters<typeof decodeTables>[0], options?: { verifyChecksum?: boolean }): Automaton {
    return new Automaton(decodeTables(buffer, options));
  }

  /** One self-describing buffer: header (magic, format version, sizes, checksum) and every table. */
  toBuffer(): ArrayBuffer {
    return encodeTables(this.tables);
  }

  /** Length of pattern `id` in UTF-16 units (start = end - length). */
  patternLength(id: number): number {
    if (!(id >= 0 && id < this.patternCount)) throw new RangeError(`Automaton: no pattern #${id}`);
    return this.tables.patternLengths[id];
  }

  /** Number of double-array cells (states plus the holes between them). */
  get cellCount(): number {
    return this.tables.base.length;
  }

  /** Bytes held by the automaton's typed arrays, including the 64K code table. */
  get byteLength(): number {
    const t = this.tables;
    return (
      this.codeOf.byteLength +
      t.alphabet.byteLength +
      t.base.byteLength * 5 +
      t.patternLengths.byteLength
    );
  }

  /**
   * Calls sink(id, end) for EVERY occurrence of every pattern in `text`, overlaps included, in order of
   * `end`; occurrences sharing an end come longest first. Re-entrant: all state is local, so one instance
   * serves every caller (and a sink may itself call scan).
   */
  scan(text: string, sink: MatchSink): void {
    const codeOf = this.codeOf;
    const { base, check, fail, output, outputLink } = this.tables;
    const length = text.length;
    let state = 0;
    for (let i = 0; i < length; i++) {
      const code = codeOf[text.charCodeAt(i)];
      if (code === 0) {
        state = 0;
        continue;
      }
      for (;;) {
        const next = base[state] + code;
        if (check[next] === state) {
          state = next;
          break;
        }
        if (state === 0) break;
        state = fail[state];
      }
      if (state === 0) continue;
      const id = output[state];
      if (id >= 0) sink(id, i + 1);
      for (let link = outputLink[state]; link !== 0; link = outputLink[link]) sink(output[link], i + 1);
    }
  }

  /** Convenience for tests and tools: every occurrence as {id, start, end}. */
  findAll(text: string): { id: number; start: number; end: number }[] {
    const lengths = this.tables.patternLengths;
    const found: { id: number; start: number; end: number }[] = [];
    this.scan(text, (id, end) => found.push({ id, start: end - lengths[id], end }));
    return found;
  }
}
