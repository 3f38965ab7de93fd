/**
 * ad: commercial advertising and links to ad pages (000 第十五条: 不得刊登商业广告或链接商业广告页面).
 *
 * Government posts legitimately mention prices, fees, 消费券 and 助农直播, so single words never decide: the
 * signals of the `ad-signals` list (tag 'kind:weight') and the structured patterns below are scored over the
 * whole draft (rules.md 6). A link to an e-commerce page (`ad-domains`, body or the 原文链接 field) is a finding
 * on its own.
 */
import type { CheckContext, FieldContext, RawFinding } from '../../core/check';
import { matchAllOriginal } from '../../core/spans';
import type { Severity } from '../../core/types';
import { hostMatches, sourceOf, tagKind, tagWeight, termsTagged, unguarded } from './lists';
import { capFindings, MAX_FINDINGS_PER_FIELD } from './text';
import { findUrls } from './urls';

const SIGNALS = 'ad-signals';
const DOMAINS = 'ad-domains';

/** rules.md 6: total score >= 3 is a probable soft ad (review), >= 5 a certain one (block). */
const REVIEW_SCORE = 3;
const BLOCK_SCORE = 5;
/**
 * Per-kind caps: several absolute terms or several discounts are still one weak signal (广告法 terms are a weak
 * signal for a government account, which is not an advertiser).
 */
const KIND_CAP: Record<string, number> = { absolute: 1, urgency: 1, discount: 2, price: 1 };
const DEFAULT_CAP = 3;

/** Link to a commercial page: scored 3 (rules.md 6) and reported on its own. */
const LINK_WEIGHT = 3;
/** 淘口令 symbols: ￥AbC123xyZ9￥ (rules.md 6). */
const TAOKOULING_RE = /[¥$€₤¢₳₰][a-z0-9]{8,13}[¥$€₤¢₳₰]/g;
/** Price with selling words: 仅需98元, 只要9.9元, 到手价 59 元 (weight 2). */
const SALES_PRICE_RE = /(?:仅需|只需|仅售|仅要|低至|秒杀价|特价|到手价|券后价?|折后价?|活动价|团购价|优惠价|原价|现价)[:：]?\s?[¥]?\s?\d{1,7}(?:\.\d{1,2})?\s?(?:元|块)?/g;
/** Price per unit of goods (98元/盒, ¥59): weight 1. A fee per person or per visit (20元/人·次) is not goods. */
const GOODS_PRICE_RE = /[¥]\s?\d{1,7}(?:\.\d{1,2})?|\d{1,7}(?:\.\d{1,2})?\s?元\s?[/／每]\s?(?:斤|盒|箱|件|瓶|袋|套|份|罐|包|提|支|条|只|台)/g;
/** Discount patterns (weight 1): 8折, 打5折, 满100减20. */
const DISCOUNT_RE = /\d(?:\.\d)?\s?折(?!扣|算|叠|合|返)|打\s?\d\s?折|满\s?\d{1,6}\s?减\s?\d{1,6}/g;
/**
 * A discount code with its value (优惠码WGFM88, 折扣码：SPRING25, 券码 8D2K9Q): a shop's promotion, weight 2. The
 * words alone (优惠码 in the list) are a weak discount signal; 优惠政策、优惠券发放 by a government are not codes.
 * Runs on the folded text (lower case, half width).
 */
const DISCOUNT_CODE_RE = /(?:优惠码|折扣码|促销码|优惠券码|券码|优惠口令|折扣口令|红包码)[\s:：为是]{0,3}[“"「]?[a-z0-9]{4,16}(?![a-z0-9])/g;

interface Signal {
  field: string;
  start: number;
  end: number;
  kind: string;
  weight: number;
  label: string;
  source?: string;
}

const LABEL: Record<string, string> = {
  cta: '购买号召',
  contact: '私下联系方式诱导',
  taokouling: '淘口令',
  salesprice: '促销价格',
  price: '商品标价',
  shipping: '包邮',
  discount: '折扣促销',
  code: '优惠码',
  urgency: '促销紧迫话术',
  absolute: '广告法绝对化用语',
  link: '商业链接',
};

/** Signal kinds a procurement or fee notice states as facts. */
const PRICE_KINDS = new Set(['price', 'salesprice', 'discount']);

function listSignals(field: FieldContext, ctx: CheckContext): Signal[] {
  const source = sourceOf(ctx, SIGNALS);
  return unguarded(field.hits(SIGNALS)).map((h) => ({
    field: field.name,
    start: h.start,
    end: h.end,
    kind: tagKind(h.entry.tag),
    weight: tagWeight(h.entry.tag),
    label: LABEL[tagKind(h.entry.tag)] ?? '广告信号',
    source,
  }));
}

function patternSignals(field: FieldContext): Signal[] {
  const out: Signal[] = [];
  const norm = field.folded;
  const add = (re: RegExp, kind: string, weight: number) => {
    for (const m of matchAllOriginal(norm, re)) out.push({ field: field.name, start: m.start, end: m.end, kind, weight, label: LABEL[kind] });
  };
  add(TAOKOULING_RE, 'taokouling', 3);
  if (/\d/.test(norm.text)) {
    add(SALES_PRICE_RE, 'salesprice', 2);
    add(GOODS_PRICE_RE, 'price', 1);
    add(DISCOUNT_RE, 'discount', 1);
  }
  add(DISCOUNT_CODE_RE, 'code', 2);
  return out;
}

function linkFindings(field: FieldContext, ctx: CheckContext, signals: Signal[]): RawFinding[] {
  const out: RawFinding[] = [];
  const ecommerce = termsTagged(ctx, DOMAINS, 'ecommerce');
  const shortlinks = termsTagged(ctx, DOMAINS, 'shortlink');
  const source = sourceOf(ctx, DOMAINS);
  const where = field.name === 'sourceUrl' ? '“原文链接”' : '正文';
  for (const u of findUrls(field.folded)) {
    const shop = hostMatches(u.host, ecommerce);
    if (shop) {
      signals.push({ field: field.name, start: u.start, end: u.end, kind: 'link', weight: LINK_WEIGHT, label: LABEL.link });
      out.push({
        field: field.name,
        start: u.start,
        end: u.end,
        check: 'ad.ecommerce-link',
        severity: 'block',
        message: `${where}链接指向电商/店铺页面（${shop}），属于链接商业广告页面：请删除该链接；确需助农推介的，请改为文字介绍并经审核`,
        suggestion: '',
        source,
      });
    } else if (hostMatches(u.host, shortlinks)) {
      out.push({
        field: field.name,
        start: u.start,
        end: u.end,
        check: 'ad.short-link',
        severity: 'info',
        message: `短链接（${u.host}）无法核实跳转目标：请确认不指向商业页面，或改用原始链接`,
        source,
      });
    }
  }
  return out;
}

function run(ctx: CheckContext): RawFinding[] {
  const out: RawFinding[] = [];
  const signals: Signal[] = [];
  for (const field of ctx.fields) {
    out.push(...linkFindings(field, ctx, signals));
    if (field.name === 'sourceUrl') continue;
    const cx = field.context;
    // Mention is not use: ad copy quoted to explain the 广告法 or to report a case (“不得使用‘第一品牌’”) advertises
    // nothing, and a price in a procurement or fee notice (预算金额 98 万元, 收费标准 20元/人) sells nothing.
    const sig = [...listSignals(field, ctx), ...patternSignals(field)].filter((x) => {
      if ((PRICE_KINDS.has(x.kind)) && cx.sentenceHas(x.start, 'procurement')) return false;
      const quoted = cx.inQuote(x.start, x.end) || cx.inTitle(x.start, x.end);
      return !(quoted && cx.sentenceHas(x.start, 'warning', 'enforcement', 'definition'));
    });
    // A span matched both as a list phrase and as a pattern counts once (the longer one).
    sig.sort((a, b) => a.start - b.start || b.end - a.end);
    for (const s of sig) {
      const last = signals[signals.length - 1];
      // Contained: the longer span stands for both, at the stronger weight (秒杀价9.9元 carries 秒杀价's weight).
      if (last && last.field === s.field && last.start <= s.start && s.end <= last.end) {
        if (last.kind === s.kind) last.weight = Math.max(last.weight, s.weight);
        continue;
      }
      signals.push(s);
    }
  }
  // Score: sum of the weights of distinct terms per kind, each kind capped.
  const perKind = new Map<string, Map<string, number>>();
  for (const s of signals) {
    const text = ctx.field(s.field)!.text.slice(s.start, s.end);
    let terms = perKind.get(s.kind);
    if (!terms) perKind.set(s.kind, (terms = new Map()));
    terms.set(text, Math.max(terms.get(text) ?? 0, s.weight));
  }
  let score = 0;
  for (const [kind, terms] of perKind) {
    let sum = 0;
    for (const w of terms.values()) sum += w;
    score += Math.min(sum, KIND_CAP[kind] ?? DEFAULT_CAP);
  }
  if (score < REVIEW_SCORE) return out;
  const severity: Severity = score >= BLOCK_SCORE ? 'block' : 'review';
  const kinds = [...new Set(signals.map((s) => s.label))].join('、');
  // capFindings keeps the first MAX_FINDINGS_PER_FIELD per field and sub-check: past that, build no message at all
  // (a pasted megabyte of ad copy holds a hundred thousand signals). Link findings have sub-checks of their own.
  const built = new Map<string, number>();
  for (const s of signals) {
    if (s.kind === 'link') continue; // reported above
    const check = `ad.${s.kind === 'absolute' ? 'absolute-term' : s.kind === 'contact' ? 'contact-bait' : 'soft-ad'}`;
    const capKey = `${s.field}\u0000${check}`;
    const n = (built.get(capKey) ?? 0) + 1;
    built.set(capKey, n);
    if (n > MAX_FINDINGS_PER_FIELD) continue;
    const text = ctx.field(s.field)!.text.slice(s.start, s.end);
    out.push({
      field: s.field,
      start: s.start,
      end: s.end,
      check,
      severity,
      message: `疑似商业广告/软文（${s.label}“${text}”；全文信号：${kinds}，得分${score}）：政务新媒体不得刊登商业广告，请删除购买引导、价格促销和联系方式等内容，或改为客观的政务信息`,
      source: s.source,
    });
  }
  return capFindings(out);
}

const memo = new WeakMap<CheckContext, RawFinding[]>();
/** Every finding of the ad family for this screen, computed once and shared by its sub-checks (ad/*.ts). */
export function adFindings(ctx: CheckContext): RawFinding[] {
  let found = memo.get(ctx);
  if (!found) memo.set(ctx, (found = run(ctx)));
  return found;
}
