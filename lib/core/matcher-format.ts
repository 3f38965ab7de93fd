/**
 * The serialised form of an Automaton: one ArrayBuffer, built once (background) and loaded by every tab.
 *
 * Layout (little-endian, every section 4-byte aligned):
 *   header  8 x uint32: MAGIC, FORMAT_VERSION, alphabetSize, cellCount, patternCount, payloadChecksum, 0, 0
 *   alphabet        uint16 x alphabetSize, padded to 4 bytes
 *   base, check, fail, output, outputLink   int32 x cellCount each
 *   patternLengths  int32 x patternCount
 * The checksum covers everything after the header, so a corrupted payload is refused instead of sending
 * scan() into a loop through a broken failure link.
 */
import type { AutomatonTables } from './matcher-build';

/** 'XSAC' read as a little-endian uint32. */
export const MAGIC = 0x43415358;
/** Bump on any change to the layout or to the meaning of a table. */
export const FORMAT_VERSION = 1;

const HEADER_WORDS = 8;
const HEADER_BYTES = HEADER_WORDS * 4;

function alphabetBytes(alphabetSize: number): number {
  return Math.ceil((alphabetSize * 2) / 4) * 4;
}

function payloadBytes(alphabetSize: number, cellCount: number, patternCount: number): number {
  return alphabetBytes(alphabetSize) + cellCount * 4 * 5 + patternCount * 4;
}

/**
 * FNV-1a over 32-bit words with an xor-shift so high bits feed back down: one pass over a few MB costs a
 * couple of ms and catches bit rot. Not a defence against a crafted buffer (the ruleset is compiled locally
 * from signature-verified lists).
 */
function checksum(words: Uint32Array): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < words.length; i++) {
    hash = Math.imul(hash ^ words[i], 0x01000193);
    hash ^= hash >>> 15;
  }
  return hash >>> 0;
}

function littleEndianHost(): boolean {
  return new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
}

export function encodeTables(tables: AutomatonTables): ArrayBuffer {
  if (!littleEndianHost()) throw new Error('Automaton.toBuffer: big-endian hosts are not supported');
  const alphabetSize = tables.alphabet.length;
  const cellCount = tables.base.length;
  const patternCount = tables.patternLengths.length;
  const buffer = new ArrayBuffer(HEADER_BYTES + payloadBytes(alphabetSize, cellCount, patternCount));
  let offset = HEADER_BYTES;
  new Uint16Array(buffer, offset, alphabetSize).set(tables.alphabet);
  offset += alphabetBytes(alphabetSize);
  for (const table of [tables.base, tables.check, tables.fail, tables.output, tables.outputLink]) {
    new Int32Array(buffer, offset, cellCount).set(table);
    offset += cellCount * 4;
  }
  new Int32Array(buffer, offset, patternCount).set(tables.patternLengths);
  const header = new Uint32Array(buffer, 0, HEADER_WORDS);
  header.set([MAGIC, FORMAT_VERSION, alphabetSize, cellCount, patternCount, 0, 0, 0]);
  header[5] = checksum(new Uint32Array(buffer, HEADER_BYTES));
  return buffer;
}

/**
 * `verifyChecksum: false` skips the checksum (the header and sizes are still checked): for bytes that were
 * verified by the same code moments before, e.g. by the ruleset frame before it hands them to a tab.
 */
export function decodeTables(input: ArrayBuffer | Uint8Array, { verifyChecksum = true }: { verifyChecksum?: boolean } = {}): AutomatonTables {
  if (!littleEndianHost()) throw new Error('Automaton.fromBuffer: big-endian hosts are not supported');
  const bytes = input instanceof Uint8Array ? input : new Uint8Array(input);
  if (bytes.byteLength < HEADER_BYTES) {
    throw new Error(`Automaton.fromBuffer: truncated buffer (${bytes.byteLength} bytes, header needs ${HEADER_BYTES})`);
  }
  // Zero-copy: the tables are views onto the caller's memory (copying 7 MB costs more than all the rest of
  // the load, mostly page faults). Copy only when the views could not be aligned.
  const aligned = bytes.byteOffset % 4 === 0 && bytes.buffer instanceof ArrayBuffer;
  const source = aligned ? bytes : bytes.slice();
  const buffer = source.buffer as ArrayBuffer;
  const start = source.byteOffset;
  const header = new Uint32Array(buffer, start, HEADER_WORDS);
  const [magic, version, alphabetSize, cellCount, patternCount, storedChecksum] = header;
  if (magic !== MAGIC) {
    throw new Error(`Automaton.fromBuffer: not a compiled automaton (magic 0x${magic.toString(16)}, expected 0x${MAGIC.toString(16)})`);
  }
  if (version !== FORMAT_VERSION) {
    throw new Error(`Automaton.fromBuffer: format version ${version}, this build reads version ${FORMAT_VERSION}; recompile the ruleset`);
  }
  if (alphabetSize > 65536 || cellCount < alphabetSize + 1) {
    throw new Error(`Automaton.fromBuffer: corrupt header (alphabet ${alphabetSize}, cells ${cellCount})`);
  }
  const expected = HEADER_BYTES + payloadBytes(alphabetSize, cellCount, patternCount);
  if (source.byteLength !== expected) {
    throw new Error(
      `Automaton.fromBuffer: ${source.byteLength < expected ? 'truncated' : 'oversized'} buffer ` +
        `(${source.byteLength} bytes, header says ${expected})`,
    );
  }
  let offset = start + HEADER_BYTES;
  if (verifyChecksum && checksum(new Uint32Array(buffer, offset, (expected - HEADER_BYTES) / 4)) !== storedChecksum) {
    throw new Error('Automaton.fromBuffer: checksum mismatch (corrupted buffer)');
  }
  const alphabet = new Uint16Array(buffer, offset, alphabetSize);
  offset += alphabetBytes(alphabetSize);
  const cells = () => {
    const table = new Int32Array(buffer, offset, cellCount);
    offset += cellCount * 4;
    return table;
  };
  const base = cells();
  const check = cells();
  const fail = cells();
  const output = cells();
  const outputLink = cells();
  const patternLengths = new Int32Array(buffer, offset, patternCount);
  return { alphabet, base, check, fail, output, outputLink, patternLengths };
}
