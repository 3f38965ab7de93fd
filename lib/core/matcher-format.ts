/**
 * The serialised form of an Automaton: one ArrayBuffer, built once (background) and loaded by every tab.
 *
 * Layout (little-endian, every section 4-byte aligned):
 *   header  8 x uint32: MAGIC, FORMAT_VERSION, alphabetSize, cellCount, patternCount, payloadChecksum, 0, 0
 *   alphabet        uint16 x alphabetSize, padded to 4 bytes
 *   base, check, fail, output, outputLink   int32 x cellCount each
 *   patternLengths  int32 x patternCount
 * The checksum covers everything after the header, so a corrupted payload is refused instead of sending
 * scan() into a loop through a broken failure link. Every table starts on a 4-byte boundary, so the ruleset
 * frame can hand a tab each one as a piece of its own (automatonSections).
 */
import { ByteSource, type ByteInput } from './byte-source';
import type { AutomatonTables } from './matcher-build';
import { LITTLE_ENDIAN_HOST } from './utf16';

/** 'XSAC' read as a little-endian uint32. */
export const MAGIC = 0x43415358;
/** Bump on any change to the layout or to the meaning of a table. */
export const FORMAT_VERSION = 1;

const HEADER_WORDS = 8;
const HEADER_BYTES = HEADER_WORDS * 4;

function alphabetBytes(alphabetSize: number): number {
  return Math.ceil((alphabetSize * 2) / 4) * 4;
}

/** A named byte range of a serialised buffer (relative to its start). */
export interface ByteSection {
  name: string;
  offset: number;
  byteLength: number;
}

const CELL_TABLES = ['base', 'check', 'fail', 'output', 'outputLink'] as const;

/** Every section of an automaton buffer with these counts, in order; the last one ends the buffer. */
function layout(alphabetSize: number, cellCount: number, patternCount: number): ByteSection[] {
  const sections: ByteSection[] = [];
  let offset = 0;
  const add = (name: string, byteLength: number) => {
    sections.push({ name, offset, byteLength });
    offset += byteLength;
  };
  add('header', HEADER_BYTES);
  add('alphabet', alphabetBytes(alphabetSize));
  for (const name of CELL_TABLES) add(name, cellCount * 4);
  add('patternLengths', patternCount * 4);
  return sections;
}

const endOf = (s: ByteSection) => s.offset + s.byteLength;

/**
 * FNV-1a over 32-bit words with an xor-shift so high bits feed back down: one pass over a few MB costs a
 * couple of ms and catches bit rot. Not a defence against a crafted buffer (the ruleset is compiled locally
 * from signature-verified lists). Runs over the tables in order, so pieces need not be contiguous in memory
 * (an Int32Array gives the same words as a Uint32Array: ^ and imul work on the 32 bits).
 */
function checksum(tables: readonly (Uint32Array | Int32Array)[]): number {
  let hash = 0x811c9dc5;
  for (const words of tables) {
    for (let i = 0; i < words.length; i++) {
      hash = Math.imul(hash ^ words[i], 0x01000193);
      hash ^= hash >>> 15;
    }
  }
  return hash >>> 0;
}

export function encodeTables(tables: AutomatonTables): ArrayBuffer {
  if (!LITTLE_ENDIAN_HOST) throw new Error('Automaton.toBuffer: big-endian hosts are not supported');
  const alphabetSize = tables.alphabet.length;
  const cellCount = tables.base.length;
  const patternCount = tables.patternLengths.length;
  const sections = layout(alphabetSize, cellCount, patternCount);
  const buffer = new ArrayBuffer(endOf(sections[sections.length - 1]));
  const at = (name: string) => sections.find((s) => s.name === name)!.offset;
  new Uint16Array(buffer, at('alphabet'), alphabetSize).set(tables.alphabet);
  for (const name of CELL_TABLES) new Int32Array(buffer, at(name), cellCount).set(tables[name]);
  new Int32Array(buffer, at('patternLengths'), patternCount).set(tables.patternLengths);
  const header = new Uint32Array(buffer, 0, HEADER_WORDS);
  header.set([MAGIC, FORMAT_VERSION, alphabetSize, cellCount, patternCount, 0, 0, 0]);
  header[5] = checksum([new Uint32Array(buffer, HEADER_BYTES)]);
  return buffer;
}

/** The header's counts, checked: magic, format version, plausible sizes. */
function readHeader(source: ByteSource) {
  if (source.byteLength < HEADER_BYTES) {
    throw new Error(`Automaton.fromBuffer: truncated buffer (${source.byteLength} bytes, header needs ${HEADER_BYTES})`);
  }
  const [magic, version, alphabetSize, cellCount, patternCount, storedChecksum] = source.uint32(0, HEADER_WORDS);
  if (magic !== MAGIC) {
    throw new Error(`Automaton.fromBuffer: not a compiled automaton (magic 0x${magic.toString(16)}, expected 0x${MAGIC.toString(16)})`);
  }
  if (version !== FORMAT_VERSION) {
    throw new Error(`Automaton.fromBuffer: format version ${version}, this build reads version ${FORMAT_VERSION}; recompile the ruleset`);
  }
  if (alphabetSize > 65536 || cellCount < alphabetSize + 1) {
    throw new Error(`Automaton.fromBuffer: corrupt header (alphabet ${alphabetSize}, cells ${cellCount})`);
  }
  return { alphabetSize, cellCount, patternCount, storedChecksum, sections: layout(alphabetSize, cellCount, patternCount) };
}

/**
 * The sections (header, alphabet, each table) of the automaton buffer in `input`, read from its header: where
 * the ruleset frame may cut the bytes so that every table reaches a tab in one piece.
 */
export function automatonSections(input: ByteInput): ByteSection[] {
  return readHeader(ByteSource.from(input)).sections;
}

/**
 * `input` is one buffer or the pieces it arrived in (byte-source.ts). The tables are views onto the caller's
 * memory (copying 7 MB costs more than all the rest of the load, mostly page faults); a table is copied only
 * when it straddles two pieces or could not be aligned.
 * `verifyChecksum: false` skips the checksum (the header and sizes are still checked): for bytes that were
 * verified by the same code moments before, e.g. by the ruleset frame before it hands them to a tab.
 */
export function decodeTables(input: ByteInput, { verifyChecksum = true }: { verifyChecksum?: boolean } = {}): AutomatonTables {
  if (!LITTLE_ENDIAN_HOST) throw new Error('Automaton.fromBuffer: big-endian hosts are not supported');
  const source = ByteSource.from(input);
  const { alphabetSize, storedChecksum, sections } = readHeader(source);
  const expected = endOf(sections[sections.length - 1]);
  if (source.byteLength !== expected) {
    throw new Error(
      `Automaton.fromBuffer: ${source.byteLength < expected ? 'truncated' : 'oversized'} buffer ` +
        `(${source.byteLength} bytes, header says ${expected})`,
    );
  }
  const [, alphabetAt, ...rest] = sections;
  const alphabetWords = source.uint32(alphabetAt.offset, alphabetAt.byteLength / 4);
  const alphabet = new Uint16Array(alphabetWords.buffer, alphabetWords.byteOffset, alphabetSize);
  const [base, check, fail, output, outputLink, patternLengths] = rest.map((s) => source.int32(s.offset, s.byteLength / 4));
  if (verifyChecksum && checksum([alphabetWords, base, check, fail, output, outputLink, patternLengths]) !== storedChecksum) {
    throw new Error('Automaton.fromBuffer: checksum mismatch (corrupted buffer)');
  }
  return { alphabet, base, check, fail, output, outputLink, patternLengths };
}
