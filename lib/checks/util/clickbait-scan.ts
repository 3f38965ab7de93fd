/**
 * clickbait: attention-seeking, vulgar, cute or self-pitying tone (003 第十一条(二): 不得…发布代表个人观点、意见及
 * 情绪的倾向性言论; rules.md 7). Phrases and weights come from the `clickbait-phrases` list (tag wN); stacked
 * punctuation, emoji runs, teaser endings and percentage bait are patterns here. Each field is scored on its own and
 * the title counts double: one mild word (竟然) is not clickbait, 震惊！ or 速看 is.
 *
 * - The 【…】 headline that opens a Weibo/Douyin body (after its #话题#) is that post's title and counts double
 *   too, stacked punctuation included: 【刚刚！！！县城公交线路有调整】 is flagged, 【高温橙色预警！】 is not.
 * - Cute or colloquial forms of address (家人们、宝子们、亲们, tag address:N) count only where they address the
 *   reader: at the start of a clause and followed by punctuation (家人们，今晚…), not in 和家人们团聚 or 乡亲们.
 * - A phrase must be a word of the text: 必看 in 务必|看管 matches across a word boundary and is dropped
 *   (util/words.ts).
 */
import type { CheckContext, FieldContext, RawFinding } from '../../core/check';
import { matchAllOriginal } from '../../core/spans';
import { sourceOf, tagKind, tagWeight, unguarded } from './lists';
import { capFindings, type Span } from './text';
import { crossesWordBoundary } from './words';

const LIST = 'clickbait-phrases';

/** rules.md 7: a field scoring >= 3 is flagged (review). */
const THRESHOLD = 3;
/** Headlines are where clickbait works: title signals count double (issue: "title-weighted scoring"). */
const TITLE_FACTOR = 2;

/** 99%的人都不知道, 90%的人会做错 (weight 3). Runs on the folded text, so ９９％ is caught. */
const PERCENT_BAIT_RE = /\d{2}(?:\.\d{1,2})?\s?%\s?的人\s?(?:都|竟然|居然)?\s?(?:不知道|不懂|不了解|没听说过?|想不到|做错|搞错|会犯|忽略了?|不会)/g;
/** Stacked exclamation/question marks (weight 1). */
const STACKED_RE = /[!?]{2,8}/g;
/** A teaser ending: the title trails off (weight 1). */
const TEASER_END_RE = /(?:\.{3,6}|…{1,3}|。{3})\s?$/;
const EMOJI_RE = /\p{Extended_Pictographic}/gu;
/** The 【…】 headline opening a body, after any #话题# tags: a Weibo/Douyin post's title. Run on the folded text. */
const BODY_HEADLINE_RE = /^(?:\s*#[^#\n]{1,30}#)*\s*【[^【】\n]{1,60}】/u;
/** Words before an address term that keep it vocative (各位家人们, 亲爱的宝子们). */
const VOCATIVE_LEAD = /(?:各位|亲爱的|亲爱滴|我的|嗨|哈喽|大家好)$/;
const INVISIBLE = /[\s\u200b-\u200f\u2060\ufeff]/;

interface Signal {
  start: number;
  end: number;
  weight: number;
  phrase: boolean;
}

/** Does the hit address the reader: clause start before it (or 各位/亲爱的), punctuation, emoji or line end after it? */
function isVocative(text: string, start: number, end: number): boolean {
  let i = start;
  while (i > 0 && INVISIBLE.test(text[i - 1]) && text[i - 1] !== '\n') i--;
  const before = text[i - 1];
  const leadOk = before === undefined || !/[\p{Script=Han}\p{L}\p{N}]/u.test(before) || VOCATIVE_LEAD.test(text.slice(Math.max(0, i - 4), i));
  if (!leadOk) return false;
  let j = end;
  while (j < text.length && INVISIBLE.test(text[j]) && text[j] !== '\n') j++;
  const after = text[j];
  return after === undefined || after === '\n' || /[\p{P}\p{Extended_Pictographic}~～]/u.test(after);
}

/** The body's opening 【…】 headline (original offsets), if any. */
function headline(field: FieldContext): Span | undefined {
  if (field.name !== 'body') return undefined;
  const m = BODY_HEADLINE_RE.exec(field.folded.text);
  if (!m) return undefined;
  const open = m[0].lastIndexOf('【');
  return { start: field.folded.start[open], end: field.folded.start[m[0].length - 1] + 1 };
}

function signals(field: FieldContext, head: Span | undefined): Signal[] {
  const text = field.text;
  const out: Signal[] = [];
  for (const h of unguarded(field.hits(LIST))) {
    if (crossesWordBoundary(field, h)) continue;
    if (tagKind(h.entry.tag) === 'address' && !isVocative(text, h.start, h.end)) continue;
    out.push({ start: h.start, end: h.end, weight: tagWeight(h.entry.tag), phrase: true });
  }
  const norm = field.folded;
  if (norm.text.indexOf('%') >= 0) {
    for (const m of matchAllOriginal(norm, PERCENT_BAIT_RE)) {
      // The list may also hold 99%的人都不知道: keep one signal per span.
      for (let i = out.length - 1; i >= 0; i--) if (out[i].start < m.end && m.start < out[i].end) out.splice(i, 1);
      out.push({ start: m.start, end: m.end, weight: 3, phrase: true });
    }
  }
  if (field.name === 'title' || out.length || head) {
    for (const m of matchAllOriginal(norm, STACKED_RE)) {
      // In a body, punctuation counts next to other signals or inside the headline.
      if (field.name !== 'title' && !out.length && !(head && m.start >= head.start && m.end <= head.end)) continue;
      out.push({ start: m.start, end: m.end, weight: 1, phrase: false });
    }
  }
  if (field.name === 'title') {
    const teaser = TEASER_END_RE.exec(norm.text);
    if (teaser) {
      const s = norm.start[teaser.index];
      out.push({ start: s, end: field.text.length, weight: 1, phrase: false });
    }
    const emoji = [...field.text.matchAll(EMOJI_RE)];
    if (emoji.length >= 2) out.push({ start: emoji[0].index!, end: emoji[0].index! + emoji[0][0].length, weight: 1, phrase: false });
  }
  return out;
}

function run(ctx: CheckContext): RawFinding[] {
  const out: RawFinding[] = [];
  const source = sourceOf(ctx, LIST);
  for (const field of ctx.fields) {
    if (field.name === 'sourceUrl' || field.name === 'author') continue;
    const head = headline(field);
    const sig = signals(field, head);
    if (!sig.length) continue;
    const inTitle = (x: Signal) => field.name === 'title' || (!!head && x.start >= head.start && x.end <= head.end);
    const score = sig.reduce((s, x) => s + x.weight * (inTitle(x) ? TITLE_FACTOR : 1), 0);
    if (score < THRESHOLD) continue;
    // Report the phrases; punctuation and emoji are reported only when nothing else carries the score.
    const report = sig.some((s) => s.phrase) ? sig.filter((s) => s.phrase) : sig;
    for (const s of report) {
      // Punctuation stacked right after a phrase is part of it (刚刚！！！): one finding, one fix.
      const tail = s.phrase ? sig.find((x) => !x.phrase && x.start === s.end) : undefined;
      const end = tail ? tail.end : s.end;
      const text = field.text.slice(s.start, end);
      out.push({
        field: field.name,
        start: s.start,
        end,
        check: field.name === 'title' ? 'clickbait.title' : 'clickbait.body',
        message: `“${text}”属标题党、煽情或卖萌式表达：政务新媒体应庄重、客观，请改为直接陈述事实（如直接写明时间、地点、事项）`,
        source: s.phrase ? source : undefined,
      });
    }
  }
  return capFindings(out);
}

const memo = new WeakMap<CheckContext, RawFinding[]>();
/** Every finding of the clickbait family for this screen, computed once and shared by its sub-checks (clickbait/*.ts). */
export function clickbaitFindings(ctx: CheckContext): RawFinding[] {
  let found = memo.get(ctx);
  if (!found) memo.set(ctx, (found = run(ctx)));
  return found;
}
