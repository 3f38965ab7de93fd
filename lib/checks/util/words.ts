/**
 * Word boundaries for list hits. Chinese has no spaces, so a list term can match across two words: 内部 in
 * 村内|部分, 必看 in 务必|看管, 机密 in 手机|密码. Such a hit is not the word the list means.
 *
 * The segmentation is the platform's own (ECMAScript Intl.Segmenter, ICU's dictionary-based word breaker, in
 * Node and in every browser the extension supports), run on a small window of the field's skeleton around the
 * hit, so inserted characters (机 密, 不得\u200b外传) and traditional forms read as the plain word. Only the two
 * ends of the hit are tested: a hit that the segmenter splits inside (内部|资料) is fine; a hit whose first
 * character belongs to a word that starts before it is not. At the end the segmenter often glues a particle to the
 * word (居然是|这样, 惊|呆了), so a word running past the end only counts when it runs on by two or more characters.
 */
import type { FieldContext, ListHit } from '../../core/check';

/** Characters of context on each side: enough for the segmenter to see the neighbouring words. */
const WINDOW = 8;

export type Segmenter = { segment(s: string): Iterable<{ index: number; segment: string }> };
let segmenter: Segmenter | null | undefined;
/** The platform's Chinese word segmenter, made once; null where Intl.Segmenter is missing. */
export function getSegmenter(): Segmenter | null {
  if (segmenter === undefined) {
    const Ctor = (Intl as unknown as { Segmenter?: new (l: string, o: { granularity: string }) => Segmenter }).Segmenter;
    segmenter = Ctor ? new Ctor('zh', { granularity: 'word' }) : null;
  }
  return segmenter;
}

/**
 * True when the hit starts or ends inside a word of the surrounding text (村内部分 for 内部, 务必看管 for 必看).
 * False when the platform has no word segmenter (the hit is then kept: recall over precision).
 */
export function crossesWordBoundary(field: FieldContext, hit: Pick<ListHit, 'normStart' | 'normEnd'>): boolean {
  const seg = getSegmenter();
  if (!seg) return false;
  const t = field.skeleton.text;
  let from = hit.normStart;
  while (from > 0 && hit.normStart - from < WINDOW && t[from - 1] !== '\n') from--;
  let to = hit.normEnd;
  while (to < t.length && to - hit.normEnd < WINDOW && t[to] !== '\n') to++;
  const s = hit.normStart - from;
  const e = hit.normEnd - from;
  const window = t.slice(from, to);
  // The answer depends on the window and the hit's place in it only: a pasted page repeating one phrase asks the
  // segmenter once per distinct window, not once per hit.
  let memo = crossMemo.get(field);
  if (!memo) crossMemo.set(field, (memo = new Map()));
  const key = `${s}\u0000${e}\u0000${window}`;
  let v = memo.get(key);
  if (v === undefined) memo.set(key, (v = crosses(seg, window, s, e)));
  return v;
}

const crossMemo = new WeakMap<FieldContext, Map<string, boolean>>();

function crosses(seg: Segmenter, window: string, s: number, e: number): boolean {
  for (const { index, segment } of seg.segment(window)) {
    const end = index + segment.length;
    if ((index < s && end > s) || (index < e && end - e >= 2)) return true;
    if (index >= e) break;
  }
  return false;
}
