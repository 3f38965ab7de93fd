/**
 * sensitive.platform: a gambling platform's brand with its call to sign up, the spam that scraped mirror pages
 * carry and editors copy: brand + 体育/娱乐/棋牌/彩票/六合彩 + (官方/正规/最新/app…) + 开户/注册/登录/官网/网址/入口/下载.
 *
 * The parts are cue-list data (wordlists/context-cues.tsv tags brand-kind, brand-mod, brand-action, and offer
 * cues also count as actions); the shape is code. To tell spam from a county sports bureau's 官网, a match needs
 * a spam signal: Latin letters or digits in the brand (M6, 988), a modifier such as 官方/正规/最新, 开户, or a link
 * or sign-up bait (彩金, 返水, 注册即送) on the same line. 游戏/电竞 brands need the strong signals (Latin or digits, 开户, a link). Legal lotteries
 * (中国体育彩票, tag brand-allow) are never brands.
 */
import { defineCheck, type RawFinding } from '../../core/check';
import type { CueTable } from '../../core/context';
import { unitClass } from '../../core/unit-class';

const WEAK_KINDS = new Set(['游戏', '电竞']);
const SIGNAL_MODS = new Set(['官方', '正规', '正版', '最新', '唯一', '指定', 'app', 'APP', 'App']);
const SEPARATOR = /[\s_\-—–|｜·・:：,，]/;
const BRAND_CHAR = /[\p{Script=Han}A-Za-z0-9Ａ-Ｚａ-ｚ０-９]/u;
 /** Zero-width characters inserted inside a brand (鸿\u200b运棋牌). */
const INVISIBLE = /[\u200b-\u200f\u2060\ufeff]/;
const LATIN_OR_DIGIT = /[A-Za-z0-9Ａ-Ｚａ-ｚ０-９]/;
const URL_ON_LINE = /(?:https?:\/\/|www\.)|[a-z0-9-]{2,63}\.(?:com|net|vip|cc|top|xyz|me|co|io)\b/i;
/** Sign-up bait of gambling sites on the same line: 彩金, 返水, 首存, 注册即送38元. */
const GAMBLING_BAIT = /彩金|返水|首存|首充|体验金|注册\s?(?:即|就)?送/;
/** Characters of brand before the kind word (鸿鑫988 in 鸿鑫988体育). */
const MAX_BRAND = 10;
/** Separators allowed between the parts. */
const MAX_GAP = 3;

const isBrandChar = unitClass(BRAND_CHAR);
const isInvisible = unitClass(INVISIBLE);
const isLatinOrDigit = unitClass(LATIN_OR_DIGIT);
const isSeparator = unitClass(SEPARATOR);

/** Of the cues `idx` (indices into `t`, ascending by start), the longest starting at `at` (the first of equals), or -1. */
function longestAt(t: CueTable, idx: readonly number[], at: number): number {
  let lo = 0;
  let hi = idx.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (t.start[idx[mid]] < at) lo = mid + 1;
    else hi = mid;
  }
  let best = -1;
  for (let i = lo; i < idx.length && t.start[idx[i]] === at; i++) if (best < 0 || t.end[idx[i]] > t.end[best]) best = idx[i];
  return best;
}

export const sensitivePlatform = defineCheck({
  id: 'sensitive.platform',
  category: 'sensitive',
  severity: 'block',
  clause: '004_ffa469a3430680ee.txt 第三十一条',
  description: '赌博平台品牌引流：品牌名 + 体育/娱乐/棋牌/彩票 + 官方注册开户、登录、网址、下载',
  examples: {
    positive: [
      { draft: '古镇风光秀丽。金沙888娱乐-官方开户注册-js888.vip 镇上还有百年老街。', expect: [{ text: '金沙888娱乐-官方开户注册', severity: 'block' }] },
      { draft: '星辉体育正规平台入口，点击即玩。', expect: [{ text: '星辉体育正规平台入口' }] },
      { draft: '乐玩游戏最新app官方下载-www.lewan-game.cc 欢迎体验', expect: [{ text: '乐玩游戏最新app官方下载' }] },
      { draft: '比赛精彩纷呈。\n金\u200b豪棋牌网页版登录，首存送彩金', expect: [{ text: '金\u200b豪棋牌网页版登录' }] },
    ],
    guard: [
      { draft: '请登录县体育局官网注册报名全民健身运动会。' },
      { draft: '中国体育彩票官方网站公布了本期开奖结果。' },
      { draft: '全民健身体育平台注册人数突破十万。' },
      { draft: '警惕“××体育官方注册开户”一类链接，网址均已隐去。', note: 'masked brand' },
      { draft: '园区为企业提供工商注册、银行开户等一站式服务。' },
    ],
  },
  run(ctx) {
    const out: RawFinding[] = [];
    for (const field of ctx.fields) {
      const cx = field.context;
      const text = field.text;
      // A link or sign-up bait anywhere on the line: tested once per line, however many brands it holds.
      const lineSignals = new Map<number, boolean>();
      const lineSignal = (line: { start: number; end: number }) => {
        let v = lineSignals.get(line.start);
        if (v === undefined) {
          const t = text.slice(line.start, line.end);
          lineSignals.set(line.start, (v = URL_ON_LINE.test(t) || GAMBLING_BAIT.test(t)));
        }
        return v;
      };
      // Chain words in cue order (ascending start), found by binary search: no map of a hundred thousand arrays.
      const t = cx.cueTable;
      const chain: number[] = [];
      const allowed: number[] = [];
      const kinds: number[] = [];
      for (let i = 0; i < t.length; i++) {
        const cls = t.cls(i);
        if (cls === 'brand-allow') allowed.push(i);
        else if (cls === 'brand-mod' || cls === 'brand-action' || cls === 'offer') chain.push(i);
        else if (cls === 'brand-kind') kinds.push(i);
      }
      let lastEnd = -1;
      // Brands confirmed by a signal somewhere in the field; the same brand elsewhere without one (a keyword line, a
      // caption) is the same spam and joins the finding.
      const confirmed = new Map<string, RawFinding>();
      const pending: { start: number; end: number }[] = [];
      // Allow entries in order of start with the furthest end so far: one pointer, no pairwise comparison.
      let ai = 0;
      let allowReach = -1;
      for (const k of kinds) {
        const kindStart = t.start[k];
        const kindEnd = t.end[k];
        for (; ai < allowed.length && t.start[allowed[ai]] <= kindStart; ai++) allowReach = Math.max(allowReach, t.end[allowed[ai]]);
        if (kindStart < lastEnd || allowReach >= kindEnd) continue;
        // The brand: word characters right before the kind word.
        let b = kindStart;
        while (b > 0 && kindStart - b < MAX_BRAND && (isBrandChar(text.charCodeAt(b - 1)) || isInvisible(text.charCodeAt(b - 1)))) b--;
        while (b < kindStart && isInvisible(text.charCodeAt(b))) b++;
        if (b === kindStart) continue;
        // The chain: modifiers and actions, each after at most MAX_GAP separators, ending with an action.
        let pos = kindEnd;
        let end = -1;
        let signal = false;
        for (let i = b; i < kindStart && !signal; i++) signal = isLatinOrDigit(text.charCodeAt(i));
        let strong = signal;
        for (;;) {
          let p = pos;
          while (p < text.length && p - pos < MAX_GAP && isSeparator(text.charCodeAt(p))) p++;
          const next = longestAt(t, chain, p);
          if (next < 0) break;
          const term = t.term(next);
          if (SIGNAL_MODS.has(term)) signal = true;
          if (term === '开户') signal = strong = true;
          if (t.cls(next) !== 'brand-mod') end = t.end[next];
          pos = t.end[next];
        }
        if (end < 0) continue;
        if (lineSignal(cx.lineAt(kindStart))) signal = strong = true;
        if (!signal || (WEAK_KINDS.has(t.term(k)) && !strong)) {
          pending.push({ start: b, end });
          continue;
        }
        lastEnd = end;
        const brand = text.slice(b, end);
        const known = confirmed.get(brand);
        if (known) {
          known.occurrences!.push({ start: b, end });
          continue;
        }
        confirmed.set(brand, {
          field: field.name,
          start: b,
          end,
          check: 'sensitive.platform',
          severity: 'block',
          message: `「${brand}」是赌博平台的注册、登录引流信息（常见于被篡改网页），请删除；转载内容请核对原始出处。`,
          occurrences: [],
        });
      }
      // One finding per brand, every place of it (with or without its own signal) highlighted.
      for (const p of pending) confirmed.get(text.slice(p.start, p.end))?.occurrences!.push(p);
      out.push(...confirmed.values());
    }
    return out;
  },
});
