/**
 * clickbait: attention-seeking, vulgar, cute or self-pitying tone (003 第十一条(二): 不得…发布代表个人观点、意见及
 * 情绪的倾向性言论; rules.md 7). Phrases and weights come from the `clickbait-phrases` list (tag wN); stacked
 * punctuation, emoji runs, teaser endings and percentage bait are patterns here. Each field is scored on its own and
 * the title counts double: one mild word (竟然) is not clickbait, 震惊！ or 速看 is.
 */
import type { CheckContext, CheckDef, FieldContext, RawFinding } from '../core/check';
import { matchAllOriginal } from '../core/spans';
import { sourceOf, tagWeight, unguarded } from './util/lists';
import { capFindings } from './util/text';

const LIST = 'clickbait-phrases';
const CLAUSE = '003_54205cdec66d062b.txt 第十一条';

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

interface Signal {
  start: number;
  end: number;
  weight: number;
  phrase: boolean;
}

function signals(field: FieldContext): Signal[] {
  const out: Signal[] = unguarded(field.hits(LIST)).map((h) => ({ start: h.start, end: h.end, weight: tagWeight(h.entry.tag), phrase: true }));
  const norm = field.folded;
  if (norm.text.indexOf('%') >= 0) {
    for (const m of matchAllOriginal(norm, PERCENT_BAIT_RE)) {
      // The list may also hold 99%的人都不知道: keep one signal per span.
      for (let i = out.length - 1; i >= 0; i--) if (out[i].start < m.end && m.start < out[i].end) out.splice(i, 1);
      out.push({ start: m.start, end: m.end, weight: 3, phrase: true });
    }
  }
  if (field.name === 'title' || out.length) {
    for (const m of matchAllOriginal(norm, STACKED_RE)) out.push({ start: m.start, end: m.end, weight: 1, phrase: false });
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
    const sig = signals(field);
    if (!sig.length) continue;
    const factor = field.name === 'title' ? TITLE_FACTOR : 1;
    const score = sig.reduce((s, x) => s + x.weight, 0) * factor;
    if (score < THRESHOLD) continue;
    // Report the phrases; punctuation and emoji are reported only when nothing else carries the score.
    const report = sig.some((s) => s.phrase) ? sig.filter((s) => s.phrase) : sig;
    for (const s of report) {
      const text = field.text.slice(s.start, s.end);
      out.push({
        field: field.name,
        start: s.start,
        end: s.end,
        check: field.name === 'title' ? 'clickbait.title' : 'clickbait.body',
        message: `“${text}”属标题党、煽情或卖萌式表达：政务新媒体应庄重、客观，请改为直接陈述事实（如直接写明时间、地点、事项）`,
        source: s.phrase ? source : undefined,
      });
    }
  }
  return capFindings(out);
}

export const clickbait: CheckDef = {
  id: 'clickbait',
  category: 'clickbait',
  severity: 'review',
  clause: CLAUSE,
  description: '标题党与不当语气：震惊、速看、99%的人都不知道、不转不是中国人、小编卖萌、求转发等，标题加权计分',
  lists: [LIST],
  examples: {
    positive: [
      { draft: { title: '惊呆了！这个小山村藏着百年古树群', body: '在桐溪县凤岭镇柳塘村，有一片古树群。' }, expect: [{ text: '惊呆了', field: 'title' }] },
      { draft: { title: '医保报销这些细节，99%的人都不知道！', body: '今天为大家梳理几个高频问题。' }, expect: [{ text: '99%的人都不知道', field: 'title' }] },
      { draft: '速\u200B看！五一假期出行提醒来了', expect: [{ text: '速\u200B看' }] },
      { draft: '震驚！男子轻信“稳赚”平台，半年输光60万……', expect: [{ text: '震驚' }] },
      { draft: '祖国76岁生日快乐！不转不是中国人！', expect: [{ text: '不转不是中国人' }] },
      { draft: '９９％的人都不知道，老街的青石板路下面还藏着一条暗渠！', expect: [{ text: '９９％的人都不知道' }] },
      { draft: { title: '竟然是这样？？', body: '今天说说社保卡。' }, expect: [{ text: '竟然是', field: 'title' }] },
    ],
    guard: [
      { draft: '南京大屠杀惨案震惊中外，我们要铭记历史、缅怀先烈。' },
      { draft: '第一季度全区地区生产总值同比增长6.8%，重点项目开工率达99%。' },
      { draft: { title: '关于开展2025年度养老保险待遇资格认证的通知', body: '请符合条件的人员在规定时间内完成认证。' } },
      { draft: '请加快推进项目建设，迅速看齐先进地区。' },
      { draft: { title: '高温橙色预警！', body: '预计未来3天最高气温将达37℃以上。' } },
    ],
  },
  run,
};
