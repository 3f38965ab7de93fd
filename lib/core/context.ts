/**
 * The context layer (DESIGN.md 3a, "Mention is not use"): computed once per field and shared by every check, so a
 * check can ask what a draft DOES with a word rather than whether it names it.
 *
 * - sentences (up to 。！？!?； or a line break) and clauses (also up to ， 、 or a comma; a colon does not end a
 *   clause: 联系微信：xxx is one);
 * - quotation spans (“” ‘’ 「」 『』, ASCII " within a line) and book-title spans 《》〈〉, nested;
 * - lines, with headings (short standalone lines) and list or table rows (numbered items, cells split by | or tab);
 * - cue classes with their scope: which classes occur in a hit's clause and sentence. Cues are list data
 *   (wordlists/context-cues.tsv, tag = class) matched by the same automaton pass as every other list, so an
 *   admin extends them in a spreadsheet and they cost no extra scan.
 *
 * Every query is O(log n) or O(1): a megabyte of hostile text must not make any check quadratic.
 */
import { unitClass } from './unit-class';
import type { WordList } from './wordlist';

export interface Span {
  start: number;
  end: number;
}

/** The cue classes checks read; a list entry's tag names its class. Unknown tags are kept as-is (admin additions). */
export const CUE_CLASSES = [
  'warning', // 警惕, 谨防, 严禁, 不得, 切勿, 提醒: the sentence warns against the thing
  'enforcement', // 查获, 抓获, 破获, 判处, 涉嫌, 案件: the sentence reports a crackdown or a case
  'definition', // 什么是, 是指, 所谓: the sentence explains the thing
  'negation', // 并非, 不是, 没有: the sentence denies it
  'offer', // 出售, 有售, 代办, 价格, 包邮, 开户: the clause offers or sells
  'contact', // 加微信, 联系, 私信: the clause leads the reader to a seller
  'promote', // 归向, 得救, 加入: the sentence recruits for a cause
] as const;
export type CueClass = (typeof CUE_CLASSES)[number];

/** Cue lists: the shipped `context-cues` and any an admin adds as `context-cues-…`. Their hits are cues, never findings. */
export const CUE_LIST = 'context-cues';
export function isCueList(list: Pick<WordList, 'id'>): boolean {
  return list.id === CUE_LIST || list.id.startsWith(`${CUE_LIST}-`);
}

/** A cue found in the field: original offsets and its class (the entry's tag). */
export interface CueHit extends Span {
  cls: string;
  term: string;
}

/**
 * A field's cues in order of start as parallel arrays: a megabyte of cue words makes no object per cue (the
 * masks only need each cue's start and class). `cues` on TextContext materialises objects for those who want them.
 */
export interface CueTable {
  readonly length: number;
  readonly start: Int32Array;
  readonly end: Int32Array;
  cls(i: number): string;
  term(i: number): string;
}

/** A CueTable over cue objects (tests and small callers), sorted by start (stable). */
export function cueTableOf(cues: readonly CueHit[]): CueTable {
  let sorted = cues;
  for (let i = 1; i < cues.length; i++) {
    if (cues[i - 1].start > cues[i].start) {
      sorted = [...cues].sort((a, b) => a.start - b.start);
      break;
    }
  }
  return {
    length: sorted.length,
    start: Int32Array.from(sorted, (c) => c.start),
    end: Int32Array.from(sorted, (c) => c.end),
    cls: (i) => sorted[i].cls,
    term: (i) => sorted[i].term,
  };
}

export interface QuoteSpan extends Span {
  /** 'quote' for “”‘’「」『』"; 'title' for 《》〈〉. */
  kind: 'quote' | 'title';
  /** Index of the enclosing span, or -1. */
  parent: number;
}

export interface LineInfo extends Span {
  /** A short standalone line: a heading, a label, a marker line. */
  heading: boolean;
  /** A numbered item or a table row (cells split by | ｜ or tab). */
  row: boolean;
}

const OPEN_TO_CLOSE: Record<string, string> = { '“': '”', '‘': '’', '「': '」', '『': '』', '《': '》', '〈': '〉', '﹁': '﹂', '﹃': '﹄' };
const CLOSERS = new Set(Object.values(OPEN_TO_CLOSE));
const TITLE_OPEN = new Set(['《', '〈']);
/** A heading has at most this many letters, digits or Han characters. */
export const HEADING_MAX_CHARS = 30;
/** Nesting depth of quotations kept (deeper opens are ignored): bounds the fill cost. */
const MAX_QUOTE_DEPTH = 6;
const isHanOrAlnum = unitClass(/[\p{Script=Han}\p{L}\p{N}]/u);
const ROW_START = /^\s*(?:[一二三四五六七八九十]+[、．.]|[(（][一二三四五六七八九十\d]+[)）]|\d{1,3}[、．.)）](?!\d)|[①-⑳•·●○▪■◆\-*]\s?|第[一二三四五六七八九十百\d]+[条章节项])/u;
const CELL_SEPARATORS = /[|｜\t]/g;

/** Per-UTF-16-unit flags: 1 ends a sentence, 2 ends a clause, 4 ends a line (a lookup, not a regex per character). */
const SENTENCE = 1;
const CLAUSE = 2;
const LINE = 4;
const ENDS = new Uint8Array(0x10000);
for (const ch of '\n\r\u2028\u2029') ENDS[ch.charCodeAt(0)] |= SENTENCE | CLAUSE | LINE;
for (const ch of '。！？!?；;') ENDS[ch.charCodeAt(0)] |= SENTENCE | CLAUSE;
for (const ch of '，,、') ENDS[ch.charCodeAt(0)] |= CLAUSE;

/** Units the quotation scan stops at: marks and line ends. */
const QUOTE_UNIT = new Uint8Array(0x10000);
for (const ch of '"“”‘’「」『』《》〈〉﹁﹂﹃﹄\n\r\u2028\u2029') QUOTE_UNIT[ch.charCodeAt(0)] = 1;
/** Per opening mark's code unit: its closing mark's (codes, so the scan makes no one-character strings). */
const CLOSE_OF = new Uint16Array(0x10000);
for (const [open, close] of Object.entries(OPEN_TO_CLOSE)) CLOSE_OF[open.charCodeAt(0)] = close.charCodeAt(0);
const IS_CLOSER = new Uint8Array(0x10000);
for (const close of CLOSERS) IS_CLOSER[close.charCodeAt(0)] = 1;
const TITLE_OPEN_CODES = new Set([...TITLE_OPEN].map((c) => c.charCodeAt(0)));

/** Spans of text split after every unit carrying `flag` (the separator stays with the span it ends). */
function splitSpans(text: string, flag: number): Span[] {
  const out: Span[] = [];
  let s = 0;
  for (let i = 0; i < text.length; i++) {
    if (ENDS[text.charCodeAt(i)] & flag) {
      out.push({ start: s, end: i + 1 });
      s = i + 1;
    }
  }
  if (s < text.length || out.length === 0) out.push({ start: s, end: text.length });
  return out;
}

/** Index of the span containing pos (spans are contiguous and sorted). */
function spanIndex(spans: readonly Span[], pos: number): number {
  let lo = 0;
  let hi = spans.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (spans[mid].start <= pos) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

function wordChars(text: string, start: number, end: number, cap: number): number {
  let n = 0;
  for (let i = start; i < end && n <= cap; i++) if (isHanOrAlnum(text.charCodeAt(i))) n++;
  return n;
}

export class TextContext {
  readonly cueTable: CueTable;
  private cueObjects?: CueHit[];
  private readonly classBit = new Map<string, number>();
  // Every part is built on first use: a field without hits never needs its sentences, and the screen of a
  // 20k-character article must stay within its 3 ms budget.
  private sentenceSpans?: Span[];
  private clauseSpans?: Span[];
  private lineSpans?: LineInfo[];
  private quoteSpans?: QuoteSpan[];
  private sentenceMaskArr?: Uint32Array;
  private clauseMaskArr?: Uint32Array;
  /** Innermost quotation or title span per UTF-16 unit, -1 outside (built lazily: most fields have none). */
  private quoteOf?: Int32Array;
  private lineMask?: Uint32Array;

  constructor(readonly text: string, cues: CueTable | readonly CueHit[]) {
    this.cueTable = Array.isArray(cues) ? cueTableOf(cues) : (cues as CueTable);
  }

  /** Every cue as an object, in order of start (built on first use; checks that only count or test use cueCount). */
  get cues(): CueHit[] {
    if (!this.cueObjects) {
      const t = this.cueTable;
      this.cueObjects = Array.from({ length: t.length }, (_, i) => ({ cls: t.cls(i), term: t.term(i), start: t.start[i], end: t.end[i] }));
    }
    return this.cueObjects;
  }

  /** How many cues of these classes the field holds, counting no further than `atMost`. */
  cueCount(classes: readonly string[], atMost = Infinity): number {
    const t = this.cueTable;
    let n = 0;
    for (let i = 0; i < t.length && n < atMost; i++) if (classes.includes(t.cls(i))) n++;
    return n;
  }

  get sentences(): Span[] {
    return (this.sentenceSpans ??= splitSpans(this.text, SENTENCE));
  }
  get clauses(): Span[] {
    return (this.clauseSpans ??= splitSpans(this.text, CLAUSE));
  }
  get lines(): LineInfo[] {
    return (this.lineSpans ??= splitSpans(this.text, LINE).map((l) => this.describeLine(l)));
  }
  get quotes(): QuoteSpan[] {
    return (this.quoteSpans ??= this.findQuotes());
  }
  private get sentenceMask(): Uint32Array {
    return (this.sentenceMaskArr ??= this.cueMask(this.sentences));
  }
  private get clauseMask(): Uint32Array {
    return (this.clauseMaskArr ??= this.cueMask(this.clauses));
  }
  private cueMask(spans: Span[]): Uint32Array {
    const mask = new Uint32Array(spans.length);
    const t = this.cueTable;
    // Cues are in order of start: walk the spans along instead of a binary search per cue.
    let si = 0;
    for (let i = 0; i < t.length; i++) {
      const at = t.start[i];
      while (si < spans.length - 1 && spans[si].end <= at) si++;
      mask[si] |= this.bit(t.cls(i));
    }
    return mask;
  }

  /** Bit of a cue class (classes beyond 31 share the last bit; admins rarely add more than a few). */
  bit(cls: string): number {
    let b = this.classBit.get(cls);
    if (b === undefined) {
      const known = (CUE_CLASSES as readonly string[]).indexOf(cls);
      b = 1 << (known >= 0 ? known : Math.min(31, CUE_CLASSES.length + this.classBit.size));
      this.classBit.set(cls, b);
    }
    return b;
  }

  mask(...classes: string[]): number {
    return classes.reduce((m, c) => m | this.bit(c), 0);
  }

  sentenceAt(pos: number): Span {
    return this.sentences[spanIndex(this.sentences, pos)];
  }
  clauseAt(pos: number): Span {
    return this.clauses[spanIndex(this.clauses, pos)];
  }
  lineAt(pos: number): LineInfo {
    return this.lines[spanIndex(this.lines, pos)];
  }

  /** Does the sentence containing pos hold a cue of one of these classes? */
  sentenceHas(pos: number, ...classes: string[]): boolean {
    return (this.sentenceMask[spanIndex(this.sentences, pos)] & this.mask(...classes)) !== 0;
  }
  /** Does the clause containing pos hold a cue of one of these classes? */
  clauseHas(pos: number, ...classes: string[]): boolean {
    return (this.clauseMask[spanIndex(this.clauses, pos)] & this.mask(...classes)) !== 0;
  }
  /** Does the line containing pos hold a cue of one of these classes (a few sentences of one paragraph)? */
  lineHas(pos: number, ...classes: string[]): boolean {
    const li = spanIndex(this.lines, pos);
    this.lineMask ??= this.buildLineMask();
    return (this.lineMask[li] & this.mask(...classes)) !== 0;
  }

  /** Cue classes per line, OR of its sentences' (built once: a megabyte line of quotes must not re-walk its sentences). */
  private buildLineMask(): Uint32Array {
    const masks = new Uint32Array(this.lines.length);
    let li = 0;
    this.sentences.forEach((s, i) => {
      while (li < this.lines.length - 1 && this.lines[li].end <= s.start) li++;
      masks[li] |= this.sentenceMask[i];
    });
    return masks;
  }

  /** The innermost quotation or title span enclosing [start, end), if any. */
  enclosing(start: number, end: number): QuoteSpan | undefined {
    if (this.quotes.length === 0) return undefined;
    this.quoteOf ??= this.fillQuotes();
    for (let q = this.quoteOf[start]; q >= 0; q = this.quotes[q].parent) {
      const s = this.quotes[q];
      if (s.start <= start && end <= s.end) return s;
    }
    return undefined;
  }
  /** Inside a book or law title 《…》 at any depth. */
  inTitle(start: number, end: number): boolean {
    for (let s = this.enclosing(start, end); s; s = s.parent >= 0 ? this.quotes[s.parent] : undefined) if (s.kind === 'title') return true;
    return false;
  }
  /** Inside quotation marks (not a title). */
  inQuote(start: number, end: number): boolean {
    for (let s = this.enclosing(start, end); s; s = s.parent >= 0 ? this.quotes[s.parent] : undefined) if (s.kind === 'quote') return true;
    return false;
  }

  private describeLine(l: Span): LineInfo {
    const t = this.text;
    let end = l.end;
    while (end > l.start && /\s/.test(t[end - 1])) end--;
    const last = t[end - 1] ?? '';
    const short = wordChars(t, l.start, end, HEADING_MAX_CHARS) <= HEADING_MAX_CHARS;
    const heading = short && end > l.start && !/[。，,；;、：:]/.test(last);
    const head = t.slice(l.start, Math.min(end, l.start + 12));
    const cells = (t.slice(l.start, Math.min(end, l.start + 400)).match(CELL_SEPARATORS) ?? []).length;
    return { start: l.start, end: l.end, heading, row: ROW_START.test(head) || cells >= 2 };
  }

  /** Pairs quotation marks per line with a stack; unclosed marks at a line end are dropped. */
  private findQuotes(): QuoteSpan[] {
    const quotes: QuoteSpan[] = [];
    const t = this.text;
    const stack: { open: number; at: number }[] = [];
    let asciiOpen = -1;
    for (let i = 0; i < t.length; i++) {
      const cu = t.charCodeAt(i);
      if (!QUOTE_UNIT[cu]) continue;
      if (ENDS[cu] & LINE) {
        stack.length = 0;
        asciiOpen = -1;
        continue;
      }
      if (cu === 0x22) {
        if (asciiOpen < 0) asciiOpen = i;
        else {
          quotes.push({ start: asciiOpen, end: i + 1, kind: 'quote', parent: -1 });
          asciiOpen = -1;
        }
        continue;
      }
      if (CLOSE_OF[cu] !== 0 && stack.length < MAX_QUOTE_DEPTH) {
        stack.push({ open: cu, at: i });
        continue;
      }
      if (IS_CLOSER[cu]) {
        for (let k = stack.length - 1; k >= 0; k--) {
          if (CLOSE_OF[stack[k].open] === cu) {
            quotes.push({ start: stack[k].at, end: i + 1, kind: TITLE_OPEN_CODES.has(stack[k].open) ? 'title' : 'quote', parent: -1 });
            stack.length = k;
            break;
          }
        }
      }
    }
    // Parents: sort by start (outer first on ties), then a stack sweep.
    quotes.sort((a, b) => a.start - b.start || b.end - a.end);
    const open: number[] = [];
    quotes.forEach((q, i) => {
      while (open.length && quotes[open[open.length - 1]].end <= q.start) open.pop();
      q.parent = open.length ? open[open.length - 1] : -1;
      open.push(i);
    });
    return quotes;
  }

  private fillQuotes(): Int32Array {
    const of = new Int32Array(this.text.length + 1).fill(-1);
    // Outer spans first, inner ones overwrite: nesting depth is bounded, so this is linear.
    this.quotes.forEach((q, i) => of.fill(i, q.start, q.end));
    return of;
  }
}
