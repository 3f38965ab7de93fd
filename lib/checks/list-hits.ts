/**
 * Shared plumbing for the list-driven checks (sensitive, wording): which hits of a field count, and at what
 * severity. Pure: it only reads the FieldContext the core hands in.
 *
 * Why each rule exists:
 * - `allow` entries (tag 'allow'; 'guard' is read as an old name for it) are ordinary words that contain a list
 *   term (办证大厅 contains 办证, 人大常委会 contains 人大常委). They are never reported, and they drop a hit only
 *   when they COVER it: 办证服务 covers 办证 but not 刻章办证 in 专业刻章办证服务, which overlaps it and stays a
 *   finding. Data, not code, so an admin can add the next one in the spreadsheet.
 * - Latin terms (PK, NB, K粉) match inside longer Latin words (APK, 10k粉丝): a term that starts or ends with a
 *   Latin letter or digit needs a non-alphanumeric neighbour on that side in the original text.
 * - Longest only: 台湾总统 and 总统 at the same place is one problem, not two.
 * - Quotation marks: where the rule's fix is to quote the term (“台独”, 台湾“立法院”), a hit already inside
 *   quotation marks is compliant.
 */
import type { CheckContext, FieldContext, ListHit, RawFinding } from '../core/check';
import { isCueList } from '../core/context';
import { normalizeTerm } from '../core/normalize';
import { listSource } from '../core/ruleset';
import type { Category, Severity } from '../core/types';
import type { WordEntry } from '../core/wordlist';

export const ALLOW_TAG = 'allow';
/** One mechanism for "this longer ordinary word is not the listed term": 'guard' is the old name of 'allow'. */
export function isAllowEntry(entry: WordEntry): boolean {
  return entry.tag === ALLOW_TAG || entry.tag === 'guard';
}

/**
 * Hits minus those an allow entry covers (an allow entry starting at or before the hit and ending at or after it),
 * and minus the allow entries themselves. One sort and a binary search per hit: a megabyte of hits stays fast.
 */
export function withoutAllowed<H extends Pick<ListHit, 'entry' | 'normStart' | 'normEnd'>>(all: readonly H[]): H[] {
  const allow = all.filter((h) => isAllowEntry(h.entry)).sort((a, b) => a.normStart - b.normStart);
  if (allow.length === 0) return all.filter((h) => !isAllowEntry(h.entry));
  const reach: number[] = [];
  for (const a of allow) reach.push(Math.max(a.normEnd, reach[reach.length - 1] ?? -1));
  return all.filter((h) => {
    if (isAllowEntry(h.entry)) return false;
    const i = lastStartingAtOrBefore(allow, h.normStart);
    return i < 0 || reach[i] < h.normEnd;
  });
}

const ALNUM = /^[a-z0-9]$/;
const OPEN_QUOTES = new Set(['“', '"', '「', '『', '‘', "'", '《', '〈', '＂']);
const CLOSE_QUOTES = new Set(['”', '"', '」', '』', '’', "'", '》', '〉', '＂']);

function foldChar(ch: string | undefined): string {
  return ch === undefined ? '' : ch.normalize('NFKC').toLowerCase();
}

/** The code point just before `at` / starting at `at` in the original text (surrogate-pair aware). */
function charBefore(text: string, at: number): string | undefined {
  if (at <= 0) return undefined;
  const lo = text.charCodeAt(at - 1);
  if (lo >= 0xdc00 && lo <= 0xdfff && at >= 2) return text.slice(at - 2, at);
  return text[at - 1];
}
function charAt(text: string, at: number): string | undefined {
  if (at >= text.length) return undefined;
  return String.fromCodePoint(text.codePointAt(at)!);
}

const normCache = new Map<string, string>();
/** A term or context word through the same normalisation as the field skeleton (cached: lists are static). */
export function norm(term: string): string {
  let n = normCache.get(term);
  if (n === undefined) normCache.set(term, (n = normalizeTerm(term)));
  return n;
}

/** Which edges of a term are Latin/digit (bit 1: first, bit 2: last), once per entry: a megabyte holds 300k hits. */
const latinEdgeCache = new WeakMap<WordEntry, number>();
function latinEdges(entry: WordEntry): number {
  let v = latinEdgeCache.get(entry);
  if (v === undefined) {
    const t = norm(entry.term);
    v = (ALNUM.test(t[0] ?? '') ? 1 : 0) | (ALNUM.test(t[t.length - 1] ?? '') ? 2 : 0);
    latinEdgeCache.set(entry, v);
  }
  return v;
}

/** A Latin/digit edge of a term must not continue a Latin word in the text (PK is not inside APK). */
function latinBoundaryOk(field: FieldContext, hit: ListHit): boolean {
  const edges = latinEdges(hit.entry);
  if (edges === 0) return true;
  if (edges & 1 && ALNUM.test(foldChar(charBefore(field.text, hit.start)))) return false;
  if (edges & 2 && ALNUM.test(foldChar(charAt(field.text, hit.end)))) return false;
  return true;
}

/**
 * The rule's own fix is to put the term in quotation marks: an instruction saying 加引号, or an alternative
 * whose quoted part is the term (“台独”, 台湾“立法院”).
 */
const quotingCache = new WeakMap<WordEntry, boolean>();
export function quotingIsAFix(entry: WordEntry): boolean {
  let v = quotingCache.get(entry);
  if (v === undefined) quotingCache.set(entry, (v = computeQuotingIsAFix(entry)));
  return v;
}

function computeQuotingIsAFix(entry: WordEntry): boolean {
  const r = entry.replacement ?? '';
  if (/加引号/.test(r)) return true;
  return splitAlternatives(r).some((alt) => /[“"]([^”"]+)[”"]/.exec(alt)?.[1] === entry.term);
}

function isQuoted(field: FieldContext, hit: ListHit): boolean {
  let i = hit.start;
  while (i > 0 && /\s/.test(field.text[i - 1])) i--;
  let j = hit.end;
  while (j < field.text.length && /\s/.test(field.text[j])) j++;
  return OPEN_QUOTES.has(field.text[i - 1] ?? '') && CLOSE_QUOTES.has(field.text[j] ?? '');
}

/** Index of the last of `sorted` (ascending normStart) starting at or before `pos`, or -1. */
function lastStartingAtOrBefore(sorted: readonly { normStart: number }[], pos: number): number {
  let lo = 0;
  let hi = sorted.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid].normStart <= pos) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/**
 * The hits of the given lists in one field that should become findings: allow entries and the hits they
 * cover removed, Latin-boundary misses removed, quoted terms whose fix is quoting removed, and of hits
 * covering one another only the longest (first list wins on an exact tie). Sorted sweeps, not pairwise
 * comparisons: a pasted megabyte can hold a hundred thousand hits.
 */
export function reportableHits(field: FieldContext, listIds: readonly string[], opts: { quotes?: boolean } = {}): ListHit[] {
  // Several sub-checks ask for the same lists of the same field: compute once (callers only read the array).
  const key = `${opts.quotes ? 'q' : '-'}\u0000${listIds.join('\u0000')}`;
  let perField = reportableMemo.get(field);
  if (!perField) reportableMemo.set(field, (perField = new Map()));
  let hits = perField.get(key);
  if (!hits) perField.set(key, (hits = computeReportableHits(field, listIds, opts)));
  return hits;
}

const reportableMemo = new WeakMap<FieldContext, Map<string, ListHit[]>>();

function computeReportableHits(field: FieldContext, listIds: readonly string[], opts: { quotes?: boolean }): ListHit[] {
  const all: ListHit[] = [];
  for (const id of listIds) for (const h of field.hits(id)) if (latinBoundaryOk(field, h)) all.push(h);
  let hits = withoutAllowed(all);
  if (opts.quotes) hits = hits.filter((h) => !(quotingIsAFix(h.entry) && isQuoted(field, h)));
  // Longest only: in order of start, longer first, earlier list first, a hit is covered exactly when some hit
  // before it reaches at least as far. The hits usually arrive in that order already (one list, sorted by the
  // scan): then one sweep, no sort and no index arrays.
  const before = (i: number, k: number): number => {
    const a = hits[i];
    const b = hits[k];
    return a.normStart - b.normStart || b.normEnd - a.normEnd || i - k;
  };
  let sorted = true;
  for (let i = 1; i < hits.length && sorted; i++) if (before(i - 1, i) > 0) sorted = false;
  if (sorted) {
    const out: ListHit[] = [];
    let reach = -1;
    for (const h of hits) {
      if (h.normEnd > reach) out.push(h);
      reach = Math.max(reach, h.normEnd);
    }
    return out;
  }
  const order = hits.map((_, i) => i);
  order.sort(before);
  const keep = new Uint8Array(hits.length);
  let reach = -1;
  for (const i of order) {
    if (hits[i].normEnd > reach) keep[i] = 1;
    reach = Math.max(reach, hits[i].normEnd);
  }
  return hits.filter((_, i) => keep[i] === 1);
}

const contextWordCache = new WeakMap<WordEntry, string[]>();
export function contextWords(entry: WordEntry): string[] {
  let words = contextWordCache.get(entry);
  if (!words) {
    words = (entry.context ?? '').split('|').map((w) => w.trim()).filter(Boolean).map(norm).filter(Boolean);
    contextWordCache.set(entry, words);
  }
  return words;
}

/**
 * True when the entry has no context qualifier, or one of its words occurs in the field. field.contains() memoises
 * each word per field, so 20,000 hits of one qualified entry cost one scan, not 20,000.
 */
export function contextHolds(field: FieldContext, entry: WordEntry): boolean {
  const words = contextWords(entry);
  return words.length === 0 || words.some((w) => field.contains(w));
}

/** Entry severity override, else the list's; downgraded to info when the context qualifier fails. */
export function hitSeverity(field: FieldContext, hit: ListHit): Severity {
  if (!contextHolds(field, hit.entry)) return 'info';
  return hit.entry.severity ?? hit.list.severity;
}

/** Replacement alternatives: 'A / B' or 'A/B'; an instruction in parentheses is one alternative. */
export function splitAlternatives(replacement: string): string[] {
  const r = replacement.trim();
  if (!r) return [];
  if (isInstruction(r)) return [r];
  return r.split(/\s*\/\s*/).map((s) => s.trim()).filter(Boolean);
}

/** '(删除)', '（不使用）': what to do, not text to insert. */
export function isInstruction(replacement: string): boolean {
  return /^[(（]/.test(replacement.trim());
}

const suggestionCache = new WeakMap<WordEntry, { value: string | undefined }>();
/** A literal one-click fix: the first alternative without its trailing full-width remark (村主任（村民委员会主任）). */
export function literalSuggestion(entry: WordEntry): string | undefined {
  let cached = suggestionCache.get(entry);
  if (!cached) suggestionCache.set(entry, (cached = { value: computeSuggestion(entry) }));
  return cached.value;
}

function computeSuggestion(entry: WordEntry): string | undefined {
  const r = entry.replacement?.trim();
  if (!r || isInstruction(r)) return undefined;
  const first = splitAlternatives(r)[0];
  const bare = first.replace(/（[^（）]*）\s*$/, '').trim();
  return bare || undefined;
}

export function sourceOf(hit: ListHit): string {
  return listSource(hit.list);
}

/**
 * Ids of every enabled list of a category, so lists an admin adds under a new id are screened too (cue lists,
 * read by the context layer, never produce findings).
 */
export function listsOfCategory(ctx: CheckContext, category: Category): string[] {
  return ctx.lists.filter((l) => l.category === category && !isCueList(l)).map((l) => l.id);
}

/**
 * The finding for one list hit, on the list's own clause and version. With `fix`, a literal replacement becomes
 * the one-click suggestion (never for info reminders, never for instructions such as (删除)).
 */
export function listHitFinding(
  field: FieldContext,
  hit: ListHit,
  f: { severity: Severity; message: string; check: string; fix?: boolean; category?: Category },
): RawFinding {
  const finding: RawFinding = {
    field: field.name,
    start: hit.start,
    end: hit.end,
    severity: f.severity,
    message: f.message,
    clause: hit.list.clause,
    source: sourceOf(hit),
    check: f.check,
  };
  if (f.category) finding.category = f.category;
  const suggestion = f.fix && f.severity !== 'info' ? literalSuggestion(hit.entry) : undefined;
  if (suggestion !== undefined) finding.suggestion = suggestion;
  return finding;
}

/**
 * List hits grouped by entry and severity, in order of first appearance: a list check builds ONE finding (message,
 * suggestion) per group and passes the other places as occurrences, so a megabyte that repeats one term costs one
 * message, not a hundred thousand (screen() would merge them anyway, after paying for each).
 */
export function groupHits(field: FieldContext, hits: readonly ListHit[]): { hit: ListHit; severity: Severity; rest: ListHit[] }[] {
  const groups = new Map<WordEntry, Map<Severity, { hit: ListHit; severity: Severity; rest: ListHit[] }>>();
  const out: { hit: ListHit; severity: Severity; rest: ListHit[] }[] = [];
  for (const hit of hits) {
    const severity = hitSeverity(field, hit);
    let bySeverity = groups.get(hit.entry);
    if (!bySeverity) groups.set(hit.entry, (bySeverity = new Map()));
    const g = bySeverity.get(severity);
    if (g) g.rest.push(hit);
    else {
      const created = { hit, severity, rest: [] };
      bySeverity.set(severity, created);
      out.push(created);
    }
  }
  return out;
}
