/**
 * Reading the content-check wordlists: entries are grouped by the `tag` column (each list's header documents its
 * tags), weights are encoded in the tag ('cta:2', 'w3'), and `allow` entries cancel the signals they cover.
 */
import type { CheckContext, FieldContext, ListHit } from '../../core/check';
import type { WordList } from '../../core/wordlist';
import { listSource } from '../../core/ruleset';
import { withoutAllowed } from '../list-hits';

/** Hits of `listId` in `field` whose entry tag is one of `tags`. */
export function hitsTagged(field: FieldContext, listId: string, ...tags: string[]): ListHit[] {
  return field.hits(listId).filter((h) => tags.includes(tagKind(h.entry.tag)));
}

/** 'cta:2' -> 'cta'; 'w3' -> 'w3'; undefined -> ''. */
export function tagKind(tag: string | undefined): string {
  if (!tag) return '';
  const i = tag.indexOf(':');
  return i < 0 ? tag : tag.slice(0, i);
}

/** Weight from a tag: 'cta:2' -> 2, 'w3' -> 3; `fallback` when the tag carries none. */
export function tagWeight(tag: string | undefined, fallback = 1): number {
  const m = tag ? /(?::|^w)(\d+(?:\.\d+)?)$/.exec(tag) : null;
  return m ? Number(m[1]) : fallback;
}

/**
 * Drops hits that an allow entry covers (震惊中外 cancels 震惊; 秘密写票处 cancels 秘密; the one mechanism of
 * list-hits.ts withoutAllowed), and of overlapping signal hits keeps the longest (全国包邮 over 包邮), so each span
 * is counted once.
 */
export function unguarded(all: readonly ListHit[]): ListHit[] {
  const signals = withoutAllowed(all).sort((a, b) => a.start - b.start || b.end - a.end);
  // Keep a hit unless an earlier kept one contains it.
  const kept: ListHit[] = [];
  for (const h of signals) {
    const last = kept[kept.length - 1];
    if (last && last.start <= h.start && h.end <= last.end) continue;
    kept.push(h);
  }
  return kept;
}

/** Entries of a list with the given tag kind, cached per list object (lists are immutable once compiled). */
const termCache = new WeakMap<WordList, Map<string, string[]>>();
export function termsTagged(ctx: CheckContext, listId: string, tag: string): string[] {
  const list = ctx.list(listId);
  if (!list) return [];
  let byTag = termCache.get(list);
  if (!byTag) termCache.set(list, (byTag = new Map()));
  let terms = byTag.get(tag);
  if (!terms) {
    terms = list.entries.filter((e) => tagKind(e.tag) === tag).map((e) => e.term.trim().toLowerCase());
    byTag.set(tag, terms);
  }
  return terms;
}

/** Is `host` one of `domains` or a subdomain of one (item.taobao.com -> taobao.com)? */
export function hostMatches(host: string, domains: readonly string[]): string | undefined {
  const h = host.toLowerCase().replace(/\.$/, '');
  for (const d of domains) if (h === d || h.endsWith('.' + d)) return d;
  return undefined;
}

export function sourceOf(ctx: CheckContext, listId: string): string | undefined {
  const list = ctx.list(listId);
  return list ? listSource(list) : undefined;
}
