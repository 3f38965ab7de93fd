/**
 * The check contract (DESIGN.md convention 3): one kebab-case file per check exporting a CheckDef.
 * A check only sees a CheckContext; it never normalises or matches by itself, so every check gets the
 * same robustness (traditional characters, full-width forms, inserted characters) for free.
 */
import type { Category, Draft, FieldName, Occurrence, Severity } from './types';
import type { NormText } from './normalize';
import type { TextContext } from './context';
import type { WordEntry, WordList } from './wordlist';

/** A wordlist entry found in a field, already mapped to ORIGINAL offsets. */
export interface ListHit {
  list: WordList;
  entry: WordEntry;
  /** Original UTF-16 offsets: field.slice(start, end) is what the user sees (inserted characters included). */
  start: number;
  end: number;
  /** Offsets in the field's skeleton text (see normalize.ts). */
  normStart: number;
  normEnd: number;
}

export interface FieldContext {
  name: FieldName;
  /** The original field text. */
  text: string;
  /** Width/case/traditional folded, invisibles dropped; punctuation and spaces kept. For regex checks. */
  readonly folded: NormText;
  /** `folded` minus inserted spaces/punctuation/symbols/emoji, with barriers at sentence ends. For list matching. */
  readonly skeleton: NormText;
  /** Every entry of the given list found in this field (one Aho-Corasick pass serves all lists). */
  hits(listId: string): ListHit[];
  /** Sentences, clauses, quotations, titles, headings, rows and cue scopes (lib/core/context.ts), built once. */
  readonly context: TextContext;
  /** Does a word (normalised like a list term) occur in this field's skeleton? Memoised per field. */
  contains(normalizedWord: string): boolean;
}

export interface CheckContext {
  draft: Draft;
  fields: FieldContext[];
  field(name: FieldName): FieldContext | undefined;
  /** A list by id, if the ruleset has it enabled. */
  list(listId: string): WordList | undefined;
  /** Every enabled list, shipped or added by an admin. */
  lists: readonly WordList[];
  /** Ids of the lists some running check declares in CheckDef.lists (the rest are screened generically). */
  claimedListIds: ReadonlySet<string>;
}

/** What a check returns; screen() fills in id, category, text and the defaults from the CheckDef. */
export interface RawFinding {
  field: FieldName;
  start: number;
  end: number;
  message: string;
  severity?: Severity;
  suggestion?: string;
  clause?: string;
  source?: string;
  /** Sub-check id, e.g. 'pii.id-card'; defaults to the CheckDef id. */
  check?: string;
  /** Only for checks that report on behalf of a wordlist: the list's own category. */
  category?: Category;
  /**
   * Further places of the same thing (one aggregated finding, e.g. every drug name in a crackdown report as one
   * reminder). screen() also merges findings of one check with equal text in a field on its own.
   */
  occurrences?: Occurrence[];
}

/** A draft given as a body string or as fields. */
export type ExampleDraft = string | (Partial<Record<FieldName, string>> & { platform?: Draft['platform'] });

export interface CheckExample {
  draft: ExampleDraft;
  /** Positive examples: texts (exact substrings of the field) that must be flagged. */
  expect?: { text: string; field?: FieldName; severity?: Severity }[];
  /** Extra wordlists (e.g. an admin's list) screened together with the shipped ones for this example. */
  lists?: WordList[];
  note?: string;
}

export interface CheckDef {
  id: string;
  category: Category;
  /** Default severity; a finding may override it. */
  severity: Severity;
  /** The clause it enforces (see ../shared/regulations/README.md), e.g. '003_54205cdec66d062b.txt 第九条'. */
  clause: string;
  /** zh-CN one-line description shown in the options page. */
  description: string;
  /** Wordlists this check reads (ids), so the ruleset knows which lists are in use. */
  lists?: string[];
  examples: { positive: CheckExample[]; guard: CheckExample[] };
  run(ctx: CheckContext): RawFinding[];
}

/**
 * A sub-check is one file made with defineCheck (DESIGN.md convention 3). The identity function exists so a
 * sub-check's object literal is checked against CheckDef where it is written, with its id, clause and examples.
 */
export function defineCheck(def: CheckDef): CheckDef {
  return def;
}
