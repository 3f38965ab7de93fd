/**
 * The shared scanner of the sensitive sub-checks: every hit of the sensitive lists in a field, judged once by what
 * the draft does with it (DESIGN.md 3a "Mention is not use"). Memoised per field, so the four sub-checks
 * (offer, contact, platform, mention) pay for one pass.
 *
 * A hit is a USE (block) when
 * - its entry is an offer or service by itself (severity block: 出售冰毒, 代开发票, explicit porn vocabulary), or
 * - it names a harmful thing (severity review: 冰毒, 钢珠枪) and its clause carries an offer or contact cue
 *   (出售, 价格, 同城, 私信, 加微信) while neither its paragraph nor the field reads as a warning or case report,
 *   or it names a cult and its sentence recruits (归向, 得救, 加入我们),
 * and it is NOT in a sentence that warns, reports, explains or denies (警惕, 查获, 是指, 并非 — cue classes from
 * wordlists/context-cues.tsv), NOT inside a book or law title, and NOT quoted (a quoted scam message is mention;
 * only the contact it still carries is a use, see contact.ts). Everything else is a MENTION.
 */
import type { FieldContext, ListHit } from '../../core/check';
import type { CheckContext } from '../../core/check';
import type { QuoteSpan } from '../../core/context';
import { contextHolds, listsOfCategory, reportableHits } from '../list-hits';

export const SENSITIVE_LIST = 'sensitive';

/** zh-CN label per tag (the tag column of the list); unknown tags read as 违法有害信息. */
export const TAG_LABEL: Record<string, string> = {
  gambling: '赌博',
  drugs: '毒品',
  porn: '色情',
  fraud: '诈骗及非法金融服务',
  weapons: '枪支弹药及爆炸物',
  'fake-docs': '假证假票',
  cult: '邪教',
  'illegal-trade': '非法买卖',
};
export const tagLabel = (tag: string | undefined): string => TAG_LABEL[tag ?? ''] ?? '违法有害信息';

/** Sentence classes that make a hit a mention: the draft warns, reports, explains or denies. */
export const MENTION_CUES = ['warning', 'enforcement', 'definition', 'negation'] as const;

/** Enforcement cues in a field that make it a case report (see sensitiveHits). */
export const REPORT_CUES = 3;

export type UseKind = 'offer-term' | 'offer-cue' | 'promotion';
export interface SensitiveUse {
  hit: ListHit;
  kind: UseKind;
}

export interface SensitiveHits {
  uses: SensitiveUse[];
  mentions: ListHit[];
  /** Starts of the sentences holding any sensitive hit (a contact there leads to it). */
  sentences: Set<number>;
  /** Quotation spans holding any sensitive hit (a quoted scam message). */
  quotes: Set<QuoteSpan>;
}

const memo = new WeakMap<FieldContext, SensitiveHits>();

export function sensitiveHits(ctx: CheckContext, field: FieldContext): SensitiveHits {
  let result = memo.get(field);
  if (result) return result;
  const cx = field.context;
  result = { uses: [], mentions: [], sentences: new Set(), quotes: new Set() };
  // A case report or court story narrates sales in sentences of their own (…以20元价格出售淫秽视频…); once the field
  // reports enforcement several times, a NAME next to an offer word is narration. Offer terms and contacts still count.
  const report = cx.cueCount(['enforcement'], REPORT_CUES) >= REPORT_CUES;
  for (const hit of reportableHits(field, listsOfCategory(ctx, 'sensitive'))) {
    result.sentences.add(cx.sentenceAt(hit.start).start);
    for (let q = cx.enclosing(hit.start, hit.end); q; q = q.parent >= 0 ? cx.quotes[q.parent] : undefined) result.quotes.add(q);
    const severity = hit.entry.severity ?? hit.list.severity;
    const named = !contextHolds(field, hit.entry) || severity === 'info';
    const mention = cx.sentenceHas(hit.start, ...MENTION_CUES) || cx.inTitle(hit.start, hit.end) || cx.inQuote(hit.start, hit.end);
    let kind: UseKind | undefined;
    if (!named && !mention) {
      if (severity === 'block') kind = 'offer-term';
      else if (cx.clauseHas(hit.start, 'offer', 'contact') && !report && !cx.lineHas(hit.start, ...MENTION_CUES)) kind = 'offer-cue';
      else if (hit.entry.tag === 'cult' && cx.sentenceHas(hit.start, 'promote')) kind = 'promotion';
    }
    if (kind) result.uses.push({ hit, kind });
    else result.mentions.push(hit);
  }
  memo.set(field, result);
  return result;
}
