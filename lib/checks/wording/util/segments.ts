/**
 * Word boundaries from the platform's own segmenter (Intl.Segmenter, ICU's dictionary word breaker; already used by
 * lib/checks/util/words.ts). Segmenting a small window per question is cheap; when a field raises many questions
 * (a pasted megabyte of 是不是不是), the whole text is segmented once instead, so the cost stays linear.
 */
import { getSegmenter, type Segmenter } from '../../util/words';

const WINDOW = 10;
const WINDOWED_QUESTIONS = 64;
const CHUNK = 256;
const SOFT_BREAK = /[\s\p{P}]/u;

export class Boundaries {
  private questions = 0;
  private full?: Uint8Array;
  constructor(private readonly text: string) {}

  /** Is there a word boundary before text[pos] (pos = 0 and pos = length always are)? Without a segmenter: true. */
  at(pos: number): boolean {
    return this.all(pos, pos);
  }

  /** Are all of the given positions word boundaries? One window covers them all. */
  all(...positions: number[]): boolean {
    const seg = getSegmenter();
    if (!seg) return true;
    const lo = Math.min(...positions);
    const hi = Math.max(...positions);
    if (this.full || ++this.questions > WINDOWED_QUESTIONS) {
      const full = (this.full ??= this.segmentAll(seg));
      return positions.every((p) => p <= 0 || p >= this.text.length || full[p] === 1);
    }
    let from = lo;
    while (from > 0 && lo - from < WINDOW && this.text[from - 1] !== '\n') from--;
    let to = hi;
    while (to < this.text.length && to - hi < WINDOW && this.text[to] !== '\n') to++;
    const marks = new Set<number>();
    for (const { index } of seg.segment(this.text.slice(from, to))) marks.add(from + index);
    return positions.every((p) => p <= 0 || p >= this.text.length || p === from || p === to || marks.has(p));
  }

  /**
   * The whole text, in chunks of at most CHUNK characters cut at a line break or punctuation where possible: ICU's
   * dictionary breaker is not linear on one unbroken megabyte of Han characters, so it never sees one.
   */
  private segmentAll(seg: Segmenter): Uint8Array {
    const t = this.text;
    const marks = new Uint8Array(t.length + 1);
    for (let from = 0; from < t.length; ) {
      let to = Math.min(t.length, from + CHUNK);
      if (to < t.length) {
        let cut = to;
        while (cut > from + CHUNK / 2 && !SOFT_BREAK.test(t[cut - 1])) cut--;
        if (cut > from + CHUNK / 2) to = cut;
      }
      for (const { index } of seg.segment(t.slice(from, to))) marks[from + index] = 1;
      from = to;
    }
    marks[t.length] = 1;
    return marks;
  }
}

/**
 * Many boundary questions at once: the windows around all of them are joined with line breaks (a boundary for the
 * segmenter) and segmented in ONE call — each call to the segmenter costs far more than the characters it reads.
 * Returns, per question, whether every one of its positions is a word boundary (true without a segmenter).
 */
export function boundariesAll(text: string, questions: readonly (readonly number[])[]): boolean[] {
  const seg = getSegmenter();
  if (!seg || questions.length === 0) return questions.map(() => true);
  const windows: { from: number; to: number; at: number }[] = [];
  const parts: string[] = [];
  let at = 0;
  for (const q of questions) {
    const lo = Math.min(...q);
    const hi = Math.max(...q);
    let from = lo;
    while (from > 0 && lo - from < WINDOW && text[from - 1] !== '\n') from--;
    let to = hi;
    while (to < text.length && to - hi < WINDOW && text[to] !== '\n') to++;
    windows.push({ from, to, at });
    parts.push(text.slice(from, to));
    at += to - from + 1;
  }
  const joined = parts.join('\n');
  const marks = new Uint8Array(joined.length + 1);
  for (const { index } of seg.segment(joined)) marks[index] = 1;
  return questions.map((q, i) => {
    const w = windows[i];
    return q.every((p) => p <= 0 || p >= text.length || p === w.from || p === w.to || marks[w.at + p - w.from] === 1);
  });
}
