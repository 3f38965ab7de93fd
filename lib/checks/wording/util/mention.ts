/**
 * Mention is not use (corpus policy): a wording explainer quotes the words it warns about — 广告不得使用“最佳”等用语,
 * 不要把“登录”写成“登陆”. A hit wrapped in quotation marks in a sentence that states a rule about words is a mention
 * and is not reported. (A local helper: the shared context layer of issue 10 may later replace it.)
 */
import { sentenceAround } from '../../util/text';

const OPEN = new Set(['“', '"', '「', '『', '‘', "'", '〝']);
const CLOSE = new Set(['”', '"', '」', '』', '’', "'", '〞']);
/** A sentence that talks about words: a ban, a correction or a list of terms. */
const RULE_TALK = /不得|禁止|严禁|不能|不宜|不要|不应|避免|慎用|禁用|等用语|等词语|等字样|等表述|等说法|之类|写成|写作|误写|错写|误用|应为|应改为|改为|规范写法|正确写法|而不是|不是“|不说|不用/;

export function isQuotedMention(text: string, start: number, end: number): boolean {
  if (!OPEN.has(text[start - 1] ?? '') || !CLOSE.has(text[end] ?? '')) return false;
  const s = sentenceAround(text, start);
  return RULE_TALK.test(text.slice(s.start, s.end));
}
