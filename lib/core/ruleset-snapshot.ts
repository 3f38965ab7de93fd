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
 */
import { Automaton } from './matcher';
import { RulesetError, type Ruleset } from './ruleset';
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
  let out = '';
  for (let i = start; i < end; i += 4096) out += String.fromCharCode.apply(null, blob.subarray(i, Math.min(end, i + 4096)) as unknown as number[]);
  return out;
}

export interface DecodeOptions {
  /**
   * The bytes were decoded with full checks moments before by this same code (the ruleset frame does that
   * before it hands them to a tab over a private channel): skip the automaton checksum and the bounds sweep,
   * which are most of the load time. Header, format version and section sizes are always checked.
   */
  verified?: boolean;
}

/**
 * Loads a snapshot without copying: the returned ruleset's tables are views onto `bytes`, which must not be
 * modified afterwards. Throws a RulesetError for another format version or a corrupted buffer.
 */
export function decodeRuleset(bytes: Uint8Array, { verified = false }: DecodeOptions = {}): Ruleset {
  // Views need 4-byte alignment; a buffer from IndexedDB, a transfer or base64 decoding starts at offset 0.
  const source = bytes.byteOffset % 4 === 0 && bytes.buffer instanceof ArrayBuffer ? bytes : bytes.slice();
  const buffer = source.buffer as ArrayBuffer;
  const base = source.byteOffset;
  if (source.byteLength < HEADER_WORDS * 4) throw corrupt(`${source.byteLength} bytes`);
  const [magic, version, metaLength, automatonLength, refCount, entryCount, slotCount, blobUnits] = new Uint32Array(buffer, base, HEADER_WORDS);
  if (magic !== MAGIC) throw new RulesetError('不是规则集快照 (not a ruleset snapshot)');
  if (version !== RULESET_FORMAT_VERSION)
    throw new RulesetError(`规则集格式不符 (ruleset format ${version}, this build reads ${RULESET_FORMAT_VERSION})`);
  let offset = base + HEADER_WORDS * 4;
  const end = base + source.byteLength;
  const take = (byteLength: number) => {
    if (offset + byteLength > end) throw corrupt('truncated');
    const at = offset;
    offset += byteLength;
    return at;
  };

  let metas: ListMetaRecord[];
  try {
    metas = JSON.parse(new TextDecoder().decode(new Uint8Array(buffer, take(pad4(metaLength)), metaLength)));
  } catch {
    throw corrupt('list metadata');
  }
  const automaton = Automaton.fromBuffer(new Uint8Array(buffer, take(automatonLength), automatonLength), { verifyChecksum: !verified });
  const patterns = automaton.patternCount;
  const ints = (count: number) => new Int32Array(buffer, take(count * 4), count);
  const refStart = ints(patterns + 1);
  const refList = ints(refCount);
  const refEntry = ints(refCount);
  const term = ints(entryCount * 2);
  const slotStart = ints(entryCount + 1);
  const slots = ints(slotCount * 3);
  const blob = new Uint16Array(buffer, take(pad4(blobUnits * 2)), blobUnits);
  if (offset !== end) throw corrupt('trailing bytes');

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
