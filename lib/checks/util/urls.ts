/**
 * Finding links in draft text. Chinese drafts glue URLs to the surrounding text (链接https://m.tb.cn/h.x坏果包赔),
 * so a URL ends at the first CJK character, space or CJK punctuation. Every quantifier is bounded and the start is
 * anchored by a look-behind, so no input can make the scan backtrack badly.
 */
import { lastStartingBefore } from './disjoint-spans';
import { matchAllOriginal } from '../../core/spans';
import type { NormText } from '../../core/normalize';

export interface FoundUrl {
  /** Original offsets of the whole URL. */
  start: number;
  end: number;
  /** Folded URL text (lower case). */
  url: string;
  host: string;
}

// scheme://host… or a bare host with a known-looking TLD followed by a path (m.tb.cn/h.5ZqYx2k, u.jd.com/x).
const URL_RE =
  /(?<![a-z0-9.@/-])(?:(?:https?:\/\/)(?<h1>[a-z0-9-]{1,63}(?:\.[a-z0-9-]{1,63}){0,9})|(?:www\.)?(?<h2>(?:[a-z0-9-]{1,63}\.){1,9}(?:com|cn|net|org|hk|io|me|cc|co|top|vip|shop|xyz|im|ly|com\.cn|net\.cn|org\.cn|gov\.cn))(?=[/:?#]|(?![a-z0-9.-])))(?::\d{1,5})?(?:[/?#][\x21-\x7e]{0,2000})?/g;

/** Trailing ASCII punctuation that belongs to the sentence, not the URL. */
const TRAILING = new Set([...'.,;:!?\'")]}>']);

const found = new WeakMap<NormText, FoundUrl[]>();

/**
 * Every link in a normalised field text, in order. Memoised per text: the pii, ad, medical and contact checks all
 * ask for the same field's links (callers only read the array).
 */
export function findUrls(norm: NormText): readonly FoundUrl[] {
  let urls = found.get(norm);
  if (!urls) found.set(norm, (urls = scanUrls(norm)));
  return urls;
}

/** The first of `urls` (in order, disjoint) overlapping [start, end), by binary search. */
export function urlOverlapping(urls: readonly FoundUrl[], start: number, end: number): FoundUrl | undefined {
  // Disjoint and in order: only the last one starting before `end` can reach past `start`.
  const last = lastStartingBefore(urls, end);
  return last >= 0 && urls[last].end > start ? urls[last] : undefined;
}

function scanUrls(norm: NormText): FoundUrl[] {
  const t = norm.text;
  // Cheap pre-check: no dot, no URL (most titles and short fields).
  if (t.indexOf('.') < 0) return [];
  const out: FoundUrl[] = [];
  for (const m of matchAllOriginal(norm, URL_RE)) {
    let text = m.match[0];
    // Trim from the end, one character at a time: an unanchored /[…]+$/ retries from every start and is quadratic
    // on a 2,000-character punctuation path.
    let keep = text.length;
    while (keep > 0 && TRAILING.has(text[keep - 1])) keep--;
    let end = m.match.index + text.length;
    if (keep < text.length) {
      end -= text.length - keep;
      text = text.slice(0, keep);
    }
    if (!text) continue;
    const host = (m.match.groups?.h1 ?? m.match.groups?.h2 ?? '').toLowerCase();
    if (!host.includes('.')) continue;
    const orig = norm.end[end - 1];
    out.push({ start: m.start, end: orig, url: text, host });
  }
  return out;
}
