/**
 * screen(draft, ruleset, checks) -> Finding[]: the given checks over every field, sorted, one finding per repeated
 * thing, each with a stable id and exact original offsets. Pure: runs in the content script, the CLI, the
 * benchmark and the tests alike. The caller chooses the checks (lib/checks/index.ts CHECKS, minus the sub-checks
 * settings or policy switch off), so the core never imports the registry.
 */
import type { CheckContext, CheckDef, FieldContext, ListHit, RawFinding } from './check';
import { isCueList, TextContext, type CueTable } from './context';
import { fingerprint } from './fingerprint';
import { folded, skeleton, toOriginal, type NormText } from './normalize';
import { rulesetEntry, type Ruleset } from './ruleset';
import { SEVERITY_RANK, type Draft, type FieldName, type Finding, type Occurrence } from './types';
import type { WordList } from './wordlist';

/** Field order in results and in the sidebar. */
export const FIELD_ORDER: readonly string[] = ['title', 'author', 'digest', 'sourceUrl', 'body'];
/**
 * At most this many findings per field and sub-check. A real draft never comes near it; a pasted table of a
 * thousand markers would otherwise bury the sidebar (and the review log) under rows.
 */
export const MAX_FINDINGS_PER_FIELD = 200;
/** Places kept per finding (the highlight and the count stop there; the finding still covers the thing). */
export const MAX_OCCURRENCES = 1000;

export class ScreenError extends Error {
  override name = 'ScreenError';
}

class Field implements FieldContext {
  private foldedView?: NormText;
  private skeletonView?: NormText;
  /** Raw automaton matches per list id, STRIDE numbers each (list index, entry index, start, end, normStart, normEnd). */
  private rawByList?: Map<string, Records>;
  /** ListHit objects, made per list when a check first asks for it (cue lists become CueHits without them). */
  private readonly hitsByList = new Map<string, ListHit[]>();
  private contextView?: TextContext;
  private readonly seen = new Map<string, boolean>();
  constructor(readonly name: FieldName, readonly text: string, private readonly ruleset: Ruleset) {}

  get folded(): NormText {
    return (this.foldedView ??= folded(this.text));
  }
  get skeleton(): NormText {
    return (this.skeletonView ??= skeleton(this.text));
  }
  get context(): TextContext {
    return (this.contextView ??= new TextContext(this.text, this.cueTable()));
  }
  /** The cue lists' records as a CueTable: numbers copied out of the records, one entry lookup per cue asked about. */
  private cueTable(): CueTable {
    const parts: Records[] = [];
    for (const list of this.ruleset.lists) {
      if (!isCueList(list)) continue;
      const records = this.raw().get(list.id);
      if (records && records.length) parts.push(records);
    }
    let n = 0;
    for (const p of parts) n += p.length / STRIDE;
    const start = new Int32Array(n);
    const end = new Int32Array(n);
    const listIndex = new Int32Array(n);
    const entryIndex = new Int32Array(n);
    let k = 0;
    for (const records of parts) {
      const raw = records.data;
      const order = recordOrder(records);
      for (let j = 0, m = records.length / STRIDE; j < m; j++, k++) {
        const r = order ? order[j] : j * STRIDE;
        listIndex[k] = raw[r];
        entryIndex[k] = raw[r + 1];
        start[k] = raw[r + 2];
        end[k] = raw[r + 3];
      }
    }
    // Several cue lists (an admin's context-cues-…) arrive list by list: merge them by start, stably.
    let sorted = true;
    for (let i = 1; i < n && sorted; i++) sorted = start[i - 1] <= start[i];
    const at = sorted ? undefined : Int32Array.from(Array.from({ length: n }, (_, i) => i).sort((a, b) => start[a] - start[b] || a - b));
    const pick = (arr: Int32Array) => (at ? Int32Array.from(at, (i) => arr[i]) : arr);
    const li = pick(listIndex);
    const ei = pick(entryIndex);
    const entry = (i: number) => rulesetEntry(this.ruleset, li[i], ei[i]);
    return { length: n, start: pick(start), end: pick(end), cls: (i) => entry(i).tag ?? '', term: (i) => entry(i).term };
  }
  contains(word: string): boolean {
    let v = this.seen.get(word);
    if (v === undefined) this.seen.set(word, (v = word.length > 0 && this.skeleton.text.includes(word)));
    return v;
  }
  hits(listId: string): ListHit[] {
    let hits = this.hitsByList.get(listId);
    if (hits) return hits;
    const records = this.raw().get(listId);
    if (!records) return [];
    const raw = records.data;
    const { lists } = this.ruleset;
    const order = recordOrder(records);
    const n = records.length / STRIDE;
    hits = new Array<ListHit>(n);
    for (let k = 0; k < n; k++) {
      const r = order ? order[k] : k * STRIDE;
      hits[k] = {
        list: lists[raw[r]],
        entry: rulesetEntry(this.ruleset, raw[r], raw[r + 1]),
        start: raw[r + 2],
        end: raw[r + 3],
        normStart: raw[r + 4],
        normEnd: raw[r + 5],
      };
    }
    this.hitsByList.set(listId, hits);
    return hits;
  }
  private raw(): Map<string, Records> {
    return (this.rawByList ??= this.scan());
  }
  /**
   * One automaton pass over the skeleton serves every list. Matches are kept as numbers, not objects: a pasted
   * megabyte can hold hundreds of thousands of them, and cue lists never need a ListHit.
   */
  private scan(): Map<string, Records> {
    const byList = new Map<string, Records>();
    const { automaton, refStart, refList, refEntry, lists } = this.ruleset;
    const norm = this.skeleton;
    const byIndex: (Records | undefined)[] = [];
    automaton.scan(norm.text, (id, end) => {
      const normStart = end - automaton.patternLength(id);
      // toOriginal without its result object (one per match adds up on a megabyte).
      let start: number;
      let origEnd: number;
      if (end > normStart) {
        start = norm.start[normStart];
        origEnd = norm.end[end - 1];
      } else ({ start, end: origEnd } = toOriginal(norm, normStart, end));
      for (let r = refStart[id]; r < refStart[id + 1]; r++) {
        const li = refList[r];
        let arr = byIndex[li];
        if (!arr) {
          const listId = lists[li].id;
          arr = byList.get(listId);
          if (!arr) byList.set(listId, (arr = { data: new Int32Array(STRIDE * 16), length: 0 }));
          byIndex[li] = arr;
        }
        if (arr.length + STRIDE > arr.data.length) {
          const grown = new Int32Array(arr.data.length * 2);
          grown.set(arr.data);
          arr.data = grown;
        }
        const d = arr.data;
        const at = arr.length;
        d[at] = li;
        d[at + 1] = refEntry[r];
        d[at + 2] = start;
        d[at + 3] = origEnd;
        d[at + 4] = normStart;
        d[at + 5] = end;
        arr.length = at + STRIDE;
      }
    });
    return byList;
  }
}

const STRIDE = 6;
/** Matches of one list id: STRIDE int32 per match in a buffer that doubles (offsets and indices fit in int32). */
interface Records {
  data: Int32Array;
  length: number;
}
/**
 * Offsets of the records of one list in order of start, longer first, then in order found (a stable sort, as the
 * ListHit arrays were always sorted); null when they are in that order already, as they usually are (then no
 * array at all: a pasted megabyte of cue words holds hundreds of thousands of records).
 */
function recordOrder(records: Records): Int32Array | null {
  const raw = records.data;
  let sorted = true;
  for (let r = STRIDE; r < records.length && sorted; r += STRIDE) {
    if (raw[r + 2] < raw[r - STRIDE + 2] || (raw[r + 2] === raw[r - STRIDE + 2] && raw[r + 3] > raw[r - STRIDE + 3])) sorted = false;
  }
  if (sorted) return null;
  const order: number[] = [];
  for (let r = 0; r < records.length; r += STRIDE) order.push(r);
  order.sort((x, y) => raw[x + 2] - raw[y + 2] || raw[y + 3] - raw[x + 3]);
  return Int32Array.from(order);
}

function fieldRank(name: string): number {
  const i = FIELD_ORDER.indexOf(name);
  return i < 0 ? FIELD_ORDER.length : i;
}

function checkSpan(check: CheckDef, field: Field, start: number, end: number): void {
  if (!(Number.isInteger(start) && Number.isInteger(end) && start >= 0 && start < end && end <= field.text.length))
    throw new ScreenError(`check ${check.id} reported an invalid span [${start}, ${end}) in field ${field.name} (length ${field.text.length})`);
}

function complete(check: CheckDef, raw: RawFinding, field: Field): Finding {
  const { start, end } = raw;
  checkSpan(check, field, start, end);
  const finding: Finding = {
    id: '',
    check: raw.check ?? check.id,
    category: raw.category ?? check.category,
    severity: raw.severity ?? check.severity,
    field: raw.field,
    start,
    end,
    text: field.text.slice(start, end),
    message: raw.message,
    clause: raw.clause ?? check.clause,
  };
  if (raw.suggestion !== undefined) finding.suggestion = raw.suggestion;
  if (raw.source !== undefined) finding.source = raw.source;
  if (raw.occurrences?.length) {
    for (const o of raw.occurrences) checkSpan(check, field, o.start, o.end);
    finding.occurrences = [{ start, end }, ...raw.occurrences];
  }
  return finding;
}

/**
 * Ids: a finding is the one of its check with this text in this field (repeats are merged), so the id is the hash of
 * check, field and text, and stays the same however the rest of the draft changes and however often the thing
 * recurs. Two findings that still share all three (a check that reports the same word at two severities) are
 * numbered in order.
 */
function assignIds(findings: Finding[]): void {
  const seen = new Map<string, number>();
  for (const f of findings) {
    const key = fingerprint([f.check, f.field, f.text]);
    const n = seen.get(key) ?? 0;
    seen.set(key, n + 1);
    f.id = n === 0 ? key : `${key}-${n}`;
  }
}

/** Sorted, de-duplicated places of a finding; undefined when there is only one. */
function normaliseOccurrences(list: Occurrence[]): Occurrence[] | undefined {
  list.sort((a, b) => a.start - b.start || a.end - b.end);
  const out: Occurrence[] = [];
  for (const o of list) {
    const last = out[out.length - 1];
    if (last && last.start === o.start && last.end === o.end) continue;
    out.push({ start: o.start, end: o.end });
    if (out.length === MAX_OCCURRENCES) break;
  }
  return out.length > 1 ? out : undefined;
}

export function draftFields(draft: Draft): [FieldName, string][] {
  return Object.entries(draft.fields).filter((e): e is [FieldName, string] => typeof e[1] === 'string' && e[1].length > 0);
}

export function screen(draft: Draft, ruleset: Ruleset, checks: readonly CheckDef[]): Finding[] {
  const fields = new Map<string, Field>();
  for (const [name, text] of draftFields(draft)) fields.set(name, new Field(name, text, ruleset));
  const listsById = new Map<string, WordList>(ruleset.lists.map((l) => [l.id, l]));
  const ctx: CheckContext = {
    draft,
    fields: [...fields.values()],
    field: (name) => fields.get(name),
    list: (id) => listsById.get(id),
    lists: ruleset.lists,
    claimedListIds: new Set([...checks.flatMap((c) => c.lists ?? []), ...ruleset.lists.filter(isCueList).map((l) => l.id)]),
  };

  // One finding per check, field, text and severity: repeats become occurrences of the first; a stronger severity
  // for the same span wins over a weaker one.
  const groups = new Map<string, { finding: Finding; places: Occurrence[] }>();
  const perFieldCheck = new Map<string, number>();
  for (const check of checks) {
    for (const raw of check.run(ctx)) {
      const field = fields.get(raw.field);
      if (!field) throw new ScreenError(`check ${check.id} reported field "${raw.field}" which the draft does not have`);
      const f = complete(check, raw, field);
      const key = `${f.check}\u0000${f.field}\u0000${f.severity}\u0000${f.text}`;
      const group = groups.get(key);
      const places = f.occurrences ?? [{ start: f.start, end: f.end }];
      if (group) {
        // A loop, not push(...places): a check may hand over a hundred thousand places, more than a call takes arguments.
        if (group.places.length < MAX_OCCURRENCES) for (const p of places) group.places.push(p);
        if (f.start < group.finding.start) Object.assign(group.finding, { start: f.start, end: f.end, message: f.message });
        continue;
      }
      const capKey = `${f.check}\u0000${f.field}`;
      const n = (perFieldCheck.get(capKey) ?? 0) + 1;
      perFieldCheck.set(capKey, n);
      if (n > MAX_FINDINGS_PER_FIELD) continue;
      groups.set(key, { finding: f, places: [...places] });
    }
  }
  // The same span reported by one check at two severities: keep the stronger.
  const strongest = new Map<string, Finding>();
  for (const { finding, places } of groups.values()) {
    const occurrences = normaliseOccurrences(places);
    if (occurrences) {
      finding.occurrences = occurrences;
      finding.start = occurrences[0].start;
      finding.end = occurrences[0].end;
      finding.text = fields.get(finding.field)!.text.slice(finding.start, finding.end);
    } else delete finding.occurrences;
    const spanKey = `${finding.check}\u0000${finding.field}\u0000${finding.start}\u0000${finding.end}`;
    const prev = strongest.get(spanKey);
    if (!prev || SEVERITY_RANK[finding.severity] < SEVERITY_RANK[prev.severity]) strongest.set(spanKey, finding);
  }
  const findings = [...strongest.values()].sort(
    (a, b) =>
      fieldRank(a.field) - fieldRank(b.field) ||
      a.field.localeCompare(b.field) ||
      a.start - b.start ||
      a.end - b.end ||
      SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
      a.check.localeCompare(b.check),
  );
  assignIds(findings);
  return findings;
}
