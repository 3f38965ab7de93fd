/**
 * The compiled ruleset as ONE binary buffer: what the background stores and hands to every tab. Pure.
 *
 * Why binary: a 100k-term ruleset as JSON (every entry an object) is ~12 MB that a tab must JSON-parse
 * (~70 ms) and then load (~40 ms), on the page's main thread. Here the automaton and the reference tables are
 * typed-array views onto the buffer, every string of every entry sits in one UTF-16 blob, and an entry object
 * is built only when a hit needs it. Loading is a header check, the automaton's checksum and a bounds sweep.
 *
 * Layout (little-endian, every section 4-byte aligned), all counts in the header:
 *   header    uint32 x 8: MAGIC, RULESET_FORMAT_VERSION, metaBytes, automatonBytes, refCount, entryCount,
 *             slotCount, blobUnits
 *   meta      UTF-8 JSON: the lists' metadata (no entries) with their entry counts, padded to 4
 *   automaton Automaton.toBuffer() (own magic, format version and checksum)
 *   refStart  int32 x (patternCount + 1); refList, refEntry int32 x refCount (see Ruleset)
 *   term      int32 x entryCount x 2: start and end of each entry's term in the blob
 *   slotStart int32 x (entryCount + 1): each entry's optional fields are slots [slotStart[e], slotStart[e+1])
 *   slots     int32 x slotCount x 3: field code, start, end in the blob
 *   blob      uint16 x blobUnits, padded to 4
 * Entries are numbered across lists in list order: entry e of list i is global entry listBase[i] + e.
 * snapshotSections() gives the byte range of every section (the automaton's tables included), and
 * snapshotPieces() where to cut the snapshot so that each table reaches a tab in one piece.
 */
import { ByteSource, type ByteInput } from './byte-source';
import { Automaton } from './matcher';
import { automatonSections, type ByteSection } from './matcher-format';
import { RulesetError, type Ruleset } from './ruleset';
import { unitsToString } from './utf16';
import type { WordEntry, WordList, WordListMeta } from './wordlist';

/** 'XSRS' read as a little-endian uint32. */
const MAGIC = 0x53525358;
/** Bump on any change to the layout or the meaning of a section; a stored snapshot of another version is rebuilt. */
export const RULESET_FORMAT_VERSION = 2;
/** Label for stores that record what a snapshot was built with. */
export const RULESET_FORMAT = `xianshen-ruleset/${RULESET_FORMAT_VERSION}`;

const HEADER_WORDS = 8;
const OPTIONAL_FIELDS = ['replacement', 'severity', 'tag', 'note', 'context'] as const;
type OptionalField = (typeof OPTIONAL_FIELDS)[number];

interface ListMetaRecord extends WordListMeta {
  entryCount: number;
}

const pad4 = (n: number) => (n + 3) & ~3;

function corrupt(why: string): RulesetError {
  return new RulesetError(`规则集已损坏 (ruleset snapshot corrupt: ${why})`);
}

/** Runs `read`; any error it throws (a bad piece, a broken automaton) is reported as a corrupt snapshot. */
function corruptOnError<T>(read: () => T): T {
  try {
    return read();
  } catch (error) {
    throw corrupt((error as Error).message);
  }
}

export function encodeRuleset(r: Ruleset): Uint8Array {
  const metas: ListMetaRecord[] = r.lists.map(({ entries, ...meta }) => ({ ...meta, entryCount: entries.length }));
  const metaBytes = new TextEncoder().encode(JSON.stringify(metas));
  const automaton = new Uint8Array(r.automaton.toBuffer());
  const entryCount = metas.reduce((n, m) => n + m.entryCount, 0);

  const parts: string[] = [];
  let blobUnits = 0;
  const put = (text: string): [number, number] => {
    parts.push(text);
    blobUnits += text.length;
    return [blobUnits - text.length, blobUnits];
  };
  const term = new Int32Array(entryCount * 2);
  const slotStart = new Int32Array(entryCount + 1);
  const slots: number[] = [];
  let e = 0;
  for (const list of r.lists) {
    for (const entry of list.entries) {
      [term[2 * e], term[2 * e + 1]] = put(entry.term);
      OPTIONAL_FIELDS.forEach((field, code) => {
        const value = entry[field];
        if (value !== undefined) slots.push(code, ...put(value));
      });
      slotStart[++e] = slots.length / 3;
    }
  }
  const blob = parts.join('');

  const refCount = r.refList.length;
  const sizes = [
    HEADER_WORDS * 4,
    pad4(metaBytes.length),
    automaton.length,
    r.refStart.length * 4 + refCount * 8,
    term.length * 4,
    slotStart.length * 4,
    slots.length * 4,
    pad4(blobUnits * 2),
  ];
  const out = new Uint8Array(sizes.reduce((a, b) => a + b, 0));
  const buffer = out.buffer;
  new Uint32Array(buffer, 0, HEADER_WORDS).set([MAGIC, RULESET_FORMAT_VERSION, metaBytes.length, automaton.length, refCount, entryCount, slots.length / 3, blobUnits]);
  let offset = sizes[0];
  out.set(metaBytes, offset);
  offset += sizes[1];
  out.set(automaton, offset);
  offset += sizes[2];
  for (const table of [r.refStart, r.refList, r.refEntry, term, slotStart, Int32Array.from(slots)]) {
    new Int32Array(buffer, offset, table.length).set(table);
    offset += table.length * 4;
  }
  const units = new Uint16Array(buffer, offset, blobUnits);
  for (let i = 0; i < blobUnits; i++) units[i] = blob.charCodeAt(i);
  return out;
}

/** Short strings straight from the blob; no whole-blob decode (a tab reads a handful of entries per screen). */
function blobString(blob: Uint16Array, start: number, end: number): string {
  return unitsToString(blob.subarray(start, end));
}

/** The int32 tables after the automaton, in order. */
const TABLES = ['refStart', 'refList', 'refEntry', 'term', 'slotStart', 'slots'] as const;

interface SnapshotLayout {
  metaLength: number;
  refCount: number;
  entryCount: number;
  slotCount: number;
  blobUnits: number;
  /** header, meta, automaton, the TABLES, blob: contiguous from 0. */
  sections: ByteSection[];
  /** The automaton's own sections (matcher-format.ts), relative to the snapshot. */
  automatonSections: ByteSection[];
  byteLength: number;
}

/**
 * Reads and checks the header (magic, format version), lays out every section and checks that they add up to the
 * bytes given; the contents of the sections are not checked here.
 */
function readLayout(source: ByteSource): SnapshotLayout {
  if (source.byteLength < HEADER_WORDS * 4) throw corrupt(`${source.byteLength} bytes`);
  const [magic, version, metaLength, automatonLength, refCount, entryCount, slotCount, blobUnits] = source.uint32(0, HEADER_WORDS);
  if (magic !== MAGIC) throw new RulesetError('不是规则集快照 (not a ruleset snapshot)');
  if (version !== RULESET_FORMAT_VERSION)
    throw new RulesetError(`规则集格式不符 (ruleset format ${version}, this build reads ${RULESET_FORMAT_VERSION})`);
  const sections: ByteSection[] = [];
  let offset = 0;
  const add = (name: string, byteLength: number) => {
    sections.push({ name, offset, byteLength });
    offset += byteLength;
  };
  add('header', HEADER_WORDS * 4);
  add('meta', pad4(metaLength));
  add('automaton', automatonLength);
  if (offset > source.byteLength) throw corrupt('truncated');
  const automatonAt = sections[2].offset;
  const inner = corruptOnError(() => automatonSections(source.window(automatonAt, automatonLength)));
  const patternCount = inner[inner.length - 1].byteLength / 4;
  const counts = { refStart: patternCount + 1, refList: refCount, refEntry: refCount, term: entryCount * 2, slotStart: entryCount + 1, slots: slotCount * 3 };
  for (const name of TABLES) add(name, counts[name] * 4);
  add('blob', pad4(blobUnits * 2));
  const automatonSectionsAt = inner.map((s) => ({ ...s, name: `automaton.${s.name}`, offset: automatonAt + s.offset }));
  if (offset !== source.byteLength) throw corrupt(offset > source.byteLength ? 'truncated' : 'trailing bytes');
  return { metaLength, refCount, entryCount, slotCount, blobUnits, sections, automatonSections: automatonSectionsAt, byteLength: offset };
}

/**
 * Every section of a snapshot as byte ranges, in order and contiguous: header, meta, each automaton section
 * (header, alphabet, base, check, fail, output, outputLink, patternLengths), each ruleset table, the blob.
 * Each starts on a 4-byte boundary, so a piece that starts with it can be viewed without a copy.
 */
export function snapshotSections(bytes: ByteInput): ByteSection[] {
  const source = ByteSource.from(bytes);
  const layout = readLayout(source);
  return layout.sections.flatMap((s) => (s.name === 'automaton' ? layout.automatonSections : [s]));
}

/** How snapshotPieces cuts: small sections share a piece up to `packBytes`; a section up to `maxBytes` travels whole. */
export interface PieceSizes {
  packBytes: number;
  maxBytes: number;
}

/**
 * Where to cut a snapshot for sending it in pieces (the ruleset frame): at section boundaries, so every table
 * the decoder views lies inside one piece. Adjacent sections share a piece while it stays within `packBytes`;
 * a section larger than that gets a piece of its own; only one larger than `maxBytes` is cut inside (at 4-byte
 * multiples), and the decoder then copies that one table.
 */
export function snapshotPieces(bytes: ByteInput, { packBytes, maxBytes }: PieceSizes): { offset: number; byteLength: number }[] {
  const step = Math.max(4, maxBytes & ~3);
  const pieces: { offset: number; byteLength: number }[] = [];
  let current: { offset: number; byteLength: number } | undefined;
  for (const section of snapshotSections(bytes)) {
    if (section.byteLength === 0) continue;
    if (current && current.byteLength + section.byteLength <= packBytes) {
      current.byteLength += section.byteLength;
      continue;
    }
    for (let at = 0; at < section.byteLength; at += step) {
      current = { offset: section.offset + at, byteLength: Math.min(step, section.byteLength - at) };
      pieces.push(current);
    }
  }
  return pieces;
}

export interface DecodeOptions {
  /**
   * The bytes were decoded with full checks moments before by this same code (the ruleset frame does that
   * before it hands them to a tab over a private channel): skip the automaton checksum and the bounds sweep,
   * which are most of the load time. Header, format version, section sizes and piece coverage are always checked.
   */
  verified?: boolean;
}

/**
 * Loads a snapshot without copying: the returned ruleset's tables are views onto the bytes, which must not be
 * modified afterwards. `input` is one buffer, or the pieces it arrived in (byte-source.ts): a table inside one
 * piece is a view onto it, a table cut across pieces is copied. Throws a RulesetError for another format
 * version, a corrupted buffer, or pieces that leave a gap or overlap.
 */
export function decodeRuleset(input: ByteInput, { verified = false }: DecodeOptions = {}): Ruleset {
  const source = corruptOnError(() => ByteSource.from(input));
  const layout = readLayout(source);
  const { metaLength, refCount, entryCount, slotCount, blobUnits } = layout;
  const [, metaAt, automatonAt, ...tableAt] = layout.sections;

  let metas: ListMetaRecord[];
  try {
    metas = JSON.parse(new TextDecoder().decode(source.bytes(metaAt.offset, metaLength)));
  } catch {
    throw corrupt('list metadata');
  }
  const automaton = corruptOnError(() => Automaton.fromBuffer(source.window(automatonAt.offset, automatonAt.byteLength), { verifyChecksum: !verified }));
  const patterns = automaton.patternCount;
  const [refStart, refList, refEntry, term, slotStart, slots] = TABLES.map((_, i) => source.int32(tableAt[i].offset, tableAt[i].byteLength / 4));
  const blob = source.uint16(tableAt[TABLES.length].offset, blobUnits);

  if (!Array.isArray(metas)) throw corrupt('list metadata');
  const listBase = new Int32Array(metas.length + 1);
  metas.forEach((m, i) => (listBase[i + 1] = listBase[i] + m.entryCount));
  if (!verified) {
    if (metas.reduce((n, m) => n + (m?.entryCount ?? NaN), 0) !== entryCount) throw corrupt('entry counts');
    for (const meta of metas) {
      const { entryCount: n, ...rest } = meta;
      // Structure only: the lists were validated when they were loaded, before compiling.
      if (!Number.isInteger(n) || n < 0 || typeof rest.id !== 'string' || typeof rest.severity !== 'string') throw corrupt('list metadata');
    }
    // One bounds sweep, so a bad offset is a load error here and never a wrong string at screen time.
    if (refStart[0] !== 0 || refStart[patterns] !== refCount) throw corrupt('ref table does not add up');
    for (let p = 0; p < patterns; p++) if (refStart[p] > refStart[p + 1]) throw corrupt('ref table order');
    for (let i = 0; i < refCount; i++) {
      const li = refList[i];
      if (!(li >= 0 && li < metas.length) || refEntry[i] < 0 || refEntry[i] >= metas[li].entryCount) throw corrupt(`ref ${i} points outside the lists`);
    }
    for (let i = 0; i < entryCount * 2; i += 2) if (!(term[i] >= 0 && term[i] <= term[i + 1] && term[i + 1] <= blobUnits)) throw corrupt('term offsets');
    if (slotStart[0] !== 0 || slotStart[entryCount] !== slotCount) throw corrupt('slot table does not add up');
    for (let e = 0; e < entryCount; e++) if (slotStart[e] > slotStart[e + 1]) throw corrupt('slot order');
    for (let s = 0; s < slotCount * 3; s += 3)
      if (!(slots[s] >= 0 && slots[s] < OPTIONAL_FIELDS.length && slots[s + 1] >= 0 && slots[s + 1] <= slots[s + 2] && slots[s + 2] <= blobUnits))
        throw corrupt('slot offsets');
  }

  const cache: (WordEntry | undefined)[] = new Array(entryCount);
  const entryOf = (g: number): WordEntry => {
    let entry = cache[g];
    if (!entry) {
      entry = { term: blobString(blob, term[2 * g], term[2 * g + 1]) };
      for (let s = slotStart[g] * 3; s < slotStart[g + 1] * 3; s += 3) {
        const field: OptionalField = OPTIONAL_FIELDS[slots[s]];
        (entry as Record<OptionalField, string>)[field] = blobString(blob, slots[s + 1], slots[s + 2]);
      }
      cache[g] = entry;
    }
    return entry;
  };
  const lists: WordList[] = metas.map(({ entryCount: n, ...meta }, li) => {
    let entries: WordEntry[] | undefined;
    // A whole list only for the checks that read one (small cue lists); decoded once, on first use.
    return Object.defineProperty({ ...meta }, 'entries', {
      enumerable: true,
      get: () => (entries ??= Array.from({ length: n }, (_, e) => entryOf(listBase[li] + e))),
    }) as WordList;
  });
  return { lists, automaton, refStart, refList, refEntry, entryAt: (li, e) => entryOf(listBase[li] + e) };
}
