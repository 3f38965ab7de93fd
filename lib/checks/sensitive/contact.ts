/**
 * sensitive.contact: a working contact, link or account that leads to illegal content — in the sentence of a
 * sensitive term (used or only named), or inside a quoted message that holds one or that a warning or case
 * report quotes as a scam (“…请添加客服QQ 2863517490办理注销”). Quoting such a message
 * in a warning spreads the contact, so it is a block even there; the fix is to mask it (微信号：****).
 *
 * Masked values (138****6205, bz****, www.****.vip), office lines (0563-6719110) and short hotlines (110, 96110,
 * 12377) lead nowhere a citizen should not go and are never contacts.
 */
import { defineCheck } from '../../core/check';
import { toOriginal } from '../../core/normalize';
import { RepeatMerger } from '../util/repeats';
import { SENSITIVE_LIST, sensitiveHits } from '../util/sensitive-hits';
import { findUrls } from '../util/urls';

/**
 * A contact label (WeChat in its homophones, QQ, Telegram, hotline, site) then an account, a mobile or a link.
 * Every quantifier is bounded; the label anchors the match.
 */
const CONTACT_RE =
  /(?:微信号?|威信|薇信|徽信|v信|vx|wx|weixin|qq号?|扣扣|企鹅号?|飞机号?|电报|telegram|tg|热线|电话|手机号?|联系方式|官网|网址|网站|加\s{0,2}q)\s{0,2}[：:]?\s{0,2}(?<id>(?:https?:\/\/)?[a-z0-9@][a-z0-9_.\-/@]{3,80}|1[3-9]\d(?:[\s-]?\d){8})/g;
/** What may lead into the label (加、联系、私信 客服…), read backwards from it: the pattern itself starts at the label, which keeps it fast. */
const CONTACT_LEAD = /(?:加|添加|联系|私信|私聊)?\s{0,2}(?:客服|官方|老师|导师|助理|人工|专员)?\s{0,2}$/;
/** Classes of a line that quotes a scam message to warn about it (反诈 posts, case reports). */
const SCAM_WARNING = ['warning', 'enforcement'] as const;
/** How far past its zone a contact may run (the longest account or link the pattern reads). */
const CONTACT_TAIL = 100;
const MASK_AFTER = /^[*＊×xX※]/;
const LANDLINE = /^0\d{2,3}-?\d{7,8}$/;
const HOTLINE = /^\d{3,6}$/;

/** First index whose value is >= pos in an ascending array (the folded view's original starts). */
function lowerBound(arr: Int32Array, pos: number): number {
  let lo = 0;
  let hi = arr.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (arr[mid] < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function mergeSpans(spans: { start: number; end: number }[]): { start: number; end: number }[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  const out: { start: number; end: number }[] = [];
  for (const s of sorted) {
    const last = out[out.length - 1];
    if (last && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else out.push({ start: s.start, end: s.end });
  }
  return out;
}

function leadsSomewhere(id: string, next: string): boolean {
  if (MASK_AFTER.test(next) || id.endsWith('.')) return false;
  const bare = id.replace(/[\s-]/g, '');
  if (LANDLINE.test(id) || HOTLINE.test(bare)) return false;
  if (/(^|\.)gov\.cn(\/|$)/.test(id)) return false;
  return /\d/.test(id) || id.length >= 6;
}

export const sensitiveContact = defineCheck({
  id: 'sensitive.contact',
  category: 'sensitive',
  severity: 'block',
  clause: '004_ffa469a3430680ee.txt 第三十一条',
  description: '违法有害信息的联系方式：与违法服务同句或留在所引诈骗信息中的微信、QQ、手机号、网址',
  lists: [SENSITIVE_LIST],
  examples: {
    positive: [
      { draft: '本地有货，摇头丸出售，量大价优，加Ｑ：３０１７７２６４５８', expect: [{ text: '加Ｑ：３０１７７２６４５８', severity: 'block' }] },
      {
        draft: '社区民警提醒，近来有居民收到“驾照代消分，异地也能办，联系微信：xf_66120”的短信，请勿相信。',
        expect: [{ text: '联系微信：xf_66120', severity: 'block' }],
        note: 'a quoted scam message that keeps its contact',
      },
      { draft: '店里也收购银行卡，高价回收，有意者私信vx：card_5521', expect: [{ text: 'vx：card_5521' }] },
      {
        draft: '警惕冒充客服诈骗！市民收到短信：“您的账户异常，请添加客服QQ 3345123908处理。”随后被骗2万元。',
        expect: [{ text: '添加客服QQ 3345123908' }],
        note: 'a scam message quoted in a warning keeps its contact',
      },
      { draft: '民警介绍，对方发来消息：“登录 www.fake-invest88.com 注册账号，稳赚不赔。”目前嫌疑人已被抓获。', expect: [{ text: 'www.fake-invest88.com' }] },
    ],
    guard: [
      { draft: '警惕“代开发票，微信号：****”一类短信，发现请拨打96110。', note: 'masked contact' },
      { draft: '禁毒举报电话0563-6719110，查获冰毒等毒品的线索可随时举报。', note: 'office line' },
      { draft: '欢迎关注县政务服务中心官网：www.tongxi.gov.cn，办事指南随时查询。', note: 'no sensitive term' },
      { draft: '警方提醒：遇到“客服”来电请挂断，核实请拨打“96110”或登录“www.tongxi.gov.cn”。', note: 'hotline and gov.cn in quotes' },
      { draft: '活动主题为“扫码关注 www.qinglan-culture.com 了解更多”，由县文旅局主办。', note: 'a quote in no warning' },
    ],
  },
  run(ctx) {
    const merged = new RepeatMerger();
    for (const field of ctx.fields) {
      const found = sensitiveHits(ctx, field);
      const cx = field.context;
      // Only where a contact could count: sentences with a sensitive term, or quotations on a warning's line.
      // Most drafts have neither, and then the contact patterns are never run.
      const warns = cx.cueCount(SCAM_WARNING, 1) > 0;
      const scamQuotes = warns && cx.quotes.some((q) => q.kind === 'quote' && cx.lineHas(q.start, ...SCAM_WARNING));
      if (found.sentences.size === 0 && !scamQuotes) continue;
      const candidates: { start: number; end: number }[] = [];
      // The patterns run over those zones only (sentences with a term, quotations in a warning), not the field.
      const zones: { start: number; end: number }[] = [...found.sentences].map((at) => cx.sentenceAt(at));
      if (scamQuotes) for (const q of cx.quotes) if (q.kind === 'quote') zones.push(q);
      const norm = field.folded;
      for (const zone of mergeSpans(zones)) {
        // A bounded slice (a contact may run a little past its sentence): a global regex left to run on the whole
        // text would search past the zone for its next match, once per zone.
        const fs = lowerBound(norm.start, zone.start);
        const slice = norm.text.slice(fs, lowerBound(norm.start, zone.end) + CONTACT_TAIL);
        CONTACT_RE.lastIndex = 0;
        for (let m = CONTACT_RE.exec(slice); m; m = CONTACT_RE.exec(slice)) {
          const afterNorm = fs + m.index + m[0].length;
          if (!leadsSomewhere(m.groups!.id, norm.text.slice(afterNorm, afterNorm + 1))) continue;
          const lead = CONTACT_LEAD.exec(slice.slice(Math.max(0, m.index - 8), m.index))?.[0].length ?? 0;
          candidates.push(toOriginal(norm, fs + m.index - lead, afterNorm));
        }
      }
      // A bare link counts inside a quoted scam message (登录 www.x.com 注册账号).
      if (scamQuotes) for (const u of findUrls(field.folded)) if (!/(^|\.)gov\.cn$/.test(u.host)) candidates.push(u);
      candidates.sort((a, b) => a.start - b.start || b.end - a.end);
      let lastEnd = -1;
      for (const m of candidates) {
        if (m.start < lastEnd) continue;
        let near = found.sentences.has(cx.sentenceAt(m.start).start);
        let quoted = false;
        for (let q = cx.enclosing(m.start, m.end); q && !near; q = q.parent >= 0 ? cx.quotes[q.parent] : undefined) {
          near = found.quotes.has(q);
          quoted ||= q.kind === 'quote';
        }
        // A quoted message in a warning or a case report is a scam quoted to warn: its contact still works.
        if (!near && quoted && cx.lineHas(m.start, ...SCAM_WARNING)) near = true;
        if (!near) continue;
        lastEnd = m.end;
        merged.add(field, m.start, m.end, () => ({
          field: field.name,
          start: m.start,
          end: m.end,
          check: 'sensitive.contact',
          severity: 'block',
          message: `「${field.text.slice(m.start, m.end)}」是通往违法服务的联系方式；即使用于警示也会扩散，请删除或打码（如“微信号：****”）。`,
        }));
      }
    }
    return merged.findings();
  },
});
