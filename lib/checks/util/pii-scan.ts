/**
 * pii: personal data that is not de-identified (003 第十一条(三): 除惩戒公示、强制性信息披露外，应去标识化技术性处理).
 *
 * Numbers are found by one linear scan over the folded text (full-width digits already folded) that reads digit
 * groups joined by single separators (138-1234-5678, 6217 0023 1456 0871 433) and then validates each candidate:
 * GB 11643 for ID numbers, the mobile segment table, Luhn for cards. A value with a masking character inside
 * (340104********1234, 138****5678) is already de-identified and passes. Context words (身份证、卡号、护照…),
 * webmail domains and the legal-disclosure words come from the `pii-context` list.
 */
import type { CheckContext, FieldContext, RawFinding } from '../../core/check';
import { toOriginal, type NormText } from '../../core/normalize';
import { matchAllOriginal } from '../../core/spans';
import type { Severity } from '../../core/types';
import { MOBILE_RE, isPlausibleId15, isValidCreditCode, isValidId18, luhn } from './checksum';
import { hitsTagged, hostMatches, sourceOf, termsTagged } from './lists';
import { COMPOUND_SURNAMES, SURNAME_CHARS } from './surnames';
import { findUrls, urlOverlapping } from './urls';
import { MAX_FINDINGS_PER_FIELD, capFindings, sentenceAround, type Span } from './text';

const LIST = 'pii-context';
/** How far before a number a context word may stand (rules.md 1.2: "within 10 chars"; colons and labels need a little more). */
const CONTEXT_WINDOW = 14;
/** Longest digit token read as one number; longer runs are tables or codes, not one identifier. */
const MAX_TOKEN = 32;

const DISCLOSURE_NOTE =
  '本文似为惩戒公示或法定信息披露（如失信被执行人名单），是否公开完整信息由审核人依法判断；一般仍应隐去出生日期等部分号码。';

const isDigit = (c: number) => c >= 48 && c <= 57;
const isAsciiAlnum = (c: number) => isDigit(c) || (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95;
/** Masking characters editors use: 138****5678, 340104××××××××1234, 138●●●●5678. */
const isMask = (c: number) => c === 42 || c === 0xd7 || c === 0x25cf || c === 0x2022;
/** A single separator allowed between digit groups. */
const isSep = (c: number) => c === 32 || c === 45 || c === 0xb7 || c === 0x2010 || c === 0x2011;

interface Token {
  /** Folded offsets. */
  start: number;
  end: number;
  /** Digits (and a final x) without separators. */
  compact: string;
  /** Folded offsets where each group of the token starts/ends (for retrying sub-spans). */
  groups: Span[];
  masked: boolean;
  plus: boolean;
}

/** Shortest token (digits, masks and x, separators not counted) that can be an identifier: an 11-digit mobile. */
const MIN_TOKEN = 11;

/**
 * Every digit token of at least MIN_TOKEN characters in the folded text; linear, no regex. Shorter ones (dates,
 * amounts, 888 in a brand) are skipped before any string or object is made for them. A generator: the caller
 * stops at its cap, and a megabyte of phone numbers is not tokenised past it.
 */
function* digitTokens(t: string): Generator<Token> {
  const n = t.length;
  const bounds: number[] = [];
  let i = 0;
  while (i < n) {
    const c = t.charCodeAt(i);
    if (!isDigit(c) && !isMask(c)) { i++; continue; }
    const prev = i > 0 ? t.charCodeAt(i - 1) : 0;
    // A number glued to letters or a decimal point is part of a code or a measurement, not an identifier.
    const glued = isAsciiAlnum(prev) || (prev === 46 && i > 1 && isDigit(t.charCodeAt(i - 2)));
    let j = i;
    let length = 0;
    let masked = false;
    bounds.length = 0;
    let gs = i;
    while (j < n) {
      const d = t.charCodeAt(j);
      if (isDigit(d)) { length++; j++; continue; }
      if (isMask(d)) { masked = true; length++; j++; continue; }
      // x is a masking character inside a number and the check digit at the end of an ID number.
      if ((d === 120 || d === 88) && length > 0) {
        const next = j + 1 < n ? t.charCodeAt(j + 1) : 0;
        if (isDigit(next) || next === 120 || isMask(next)) masked = true;
        length++;
        j++;
        continue;
      }
      if (isSep(d) && j + 1 < n && (isDigit(t.charCodeAt(j + 1)) || isMask(t.charCodeAt(j + 1)))) {
        bounds.push(gs, j);
        j++;
        gs = j;
        continue;
      }
      break;
    }
    bounds.push(gs, j);
    const next = j < n ? t.charCodeAt(j) : 0;
    if (length >= MIN_TOKEN && !glued && !(isAsciiAlnum(next) && next !== 120)) {
      yield { start: i, end: j, compact: compactOf(t, i, j), groups: spansOf(bounds), masked, plus: prev === 43 };
    }
    i = j + 1;
  }
}

/** The token's characters without separators: digits, '*' for every masking character, 'x'. */
function compactOf(t: string, start: number, end: number): string {
  let compact = '';
  for (let k = start; k < end; k++) {
    const d = t.charCodeAt(k);
    if (isDigit(d)) compact += t[k];
    else if (isMask(d)) compact += '*';
    else if (d === 120 || d === 88) compact += 'x';
  }
  return compact;
}

function spansOf(bounds: readonly number[]): Span[] {
  const spans: Span[] = [];
  for (let k = 0; k < bounds.length; k += 2) spans.push({ start: bounds[k], end: bounds[k + 1] });
  return spans;
}

interface Candidate {
  kind: 'id-card' | 'id-card-15' | 'mobile' | 'bank-card';
  start: number;
  end: number;
  digits: string;
}

class Context {
  private readonly byTag = new Map<string, number[]>();
  constructor(private readonly field: FieldContext) {}
  /** Original end offsets of context words of `tag`. */
  private ends(tag: string): number[] {
    let arr = this.byTag.get(tag);
    if (!arr) this.byTag.set(tag, (arr = hitsTagged(this.field, LIST, tag).map((h) => h.end)));
    return arr;
  }
  /** A context word of `tag` ends within `window` characters before `start`. */
  before(tag: string, start: number, window = CONTEXT_WINDOW): boolean {
    return this.ends(tag).some((e) => e <= start && start - e <= window);
  }
  any(tag: string): boolean {
    return this.ends(tag).length > 0;
  }
}

function classify(digits: string, start: number, end: number, plus: boolean, ctx: Context, origStart: number): Candidate | undefined {
  const len = digits.length;
  if (/[*\u00d7\u25cf\u2022]/.test(digits)) return undefined; // masked: already de-identified
  if (len === 18 && isValidId18(digits)) return { kind: 'id-card', start, end, digits };
  if (digits.includes('x')) return undefined;
  if (len === 18 && isValidCreditCode(digits)) return undefined;
  if (len === 11 && MOBILE_RE.test(digits)) return { kind: 'mobile', start, end, digits };
  if ((len === 13 && digits.startsWith('86')) || (len === 15 && digits.startsWith('0086'))) {
    const rest = digits.slice(len - 11);
    if (MOBILE_RE.test(rest) && (plus || len === 15 || digits.startsWith('86'))) return { kind: 'mobile', start, end, digits: rest };
  }
  if (len === 15 && isPlausibleId15(digits) && ctx.before('id-card', origStart)) return { kind: 'id-card-15', start, end, digits };
  if (len >= 13 && len <= 19 && luhn(digits)) {
    const context = ctx.before('bank', origStart);
    const prefix = len >= 16 && /^(?:62|4|5[1-5]|3[47])/.test(digits);
    if (context || prefix) return { kind: 'bank-card', start, end, digits };
  }
  return undefined;
}

/** Longest run of groups tried as one number: +86 139 5641 2876 is 4 groups, a spaced card 5, a spaced ID 3. */
const MAX_GROUPS = 6;

/**
 * The token as a whole; else, left to right, the longest runs of whole groups that validate, so a line of numbers
 * separated by single spaces (2025 13956412876 13805641297) yields each number.
 */
function classifyToken(tok: Token, norm: NormText, ctx: Context, limit: number): Candidate[] {
  const orig = (s: number) => toOriginal(norm, s, s + 1).start;
  if (tok.compact.length <= MAX_TOKEN) {
    const whole = classify(tok.compact, tok.start, tok.end, tok.plus, ctx, orig(tok.start));
    if (whole) return [whole];
  }
  const g = tok.groups;
  const out: Candidate[] = [];
  if (g.length < 2) return out;
  // Digits of each group, so a run of groups is a concatenation (no re-slicing of the text per attempt).
  const gd = g.map((x) => norm.text.slice(x.start, x.end).replace(/[^0-9x*\u00d7\u25cf\u2022]/g, ''));
  for (let a = 0; a < g.length && out.length < limit; ) {
    let found: Candidate | undefined;
    let used = 1;
    const runs: string[] = [];
    let digits = '';
    for (let size = 1; size <= MAX_GROUPS && a + size <= g.length; size++) runs.push((digits += gd[a + size - 1]));
    for (let size = runs.length; size >= 1 && !found; size--) {
      const len = runs[size - 1].length;
      if (len !== 11 && (len < 13 || len > 19)) continue; // no identifier we validate has this length
      found = classify(runs[size - 1], g[a].start, g[a + size - 1].end, a === 0 && tok.plus, ctx, orig(g[a].start));
      used = size;
    }
    if (found) { out.push(found); a += used; } else a++;
  }
  return out;
}

const maskId = (d: string) => `${d.slice(0, 6)}${'*'.repeat(d.length - 10)}${d.slice(-4).toUpperCase()}`;
const maskMobile = (d: string) => `${d.slice(0, 3)}****${d.slice(-4)}`;
const maskCard = (d: string) => `${d.slice(0, 4)}${'*'.repeat(d.length - 8)}${d.slice(-4)}`;

function numberFinding(c: Candidate, field: FieldContext, disclosure: boolean): RawFinding {
  const { start, end } = toOriginal(field.folded, c.start, c.end);
  let check: string;
  let severity: Severity = 'block';
  let message: string;
  let suggestion: string;
  switch (c.kind) {
    case 'id-card':
      check = 'pii.id-card';
      suggestion = maskId(c.digits);
      message = `身份证号未脱敏：请隐去出生日期等至少8位，如 ${suggestion}`;
      break;
    case 'id-card-15':
      check = 'pii.id-card';
      severity = 'review';
      suggestion = maskId(c.digits);
      message = `疑似15位旧身份证号未脱敏：请隐去出生日期等中间位，如 ${suggestion}`;
      break;
    case 'mobile':
      check = 'pii.mobile';
      suggestion = maskMobile(c.digits);
      message = `手机号码未脱敏：请隐去中间4位，如 ${suggestion}；对外联系请改用办公电话或服务热线`;
      break;
    case 'bank-card':
      check = 'pii.bank-card';
      suggestion = maskCard(c.digits);
      message = `银行卡号未脱敏：请只保留前4位和后4位，如 ${suggestion}`;
      break;
  }
  if (disclosure) {
    severity = 'review';
    message += `。${DISCLOSURE_NOTE}`;
  }
  return { field: field.name, start, end, check, severity, message, suggestion };
}

// Passports (G/E + 8, diplomatic D/S/P) and travel permits (C/W/H/M/L + 8 or 10); only with a context word.
const PASSPORT_RE = /(?<![a-z0-9])(?:g\d{8}|e[a-hj-np-z0-9]\d{7}|[dsp]e?\d{7,8})(?![a-z0-9])/g;
const PERMIT_RE = /(?<![a-z0-9])(?:[cwl]\d{8}|c[a-z]\d{7}|[hm]\d{8}(?:\d{2})?)(?![a-z0-9])/g;

// E-mail: the local part cannot start mid-run (look-behind), every part is bounded.
const EMAIL_RE = /(?<![a-z0-9._%+-])[a-z0-9][a-z0-9._%+-]{0,63}@[a-z0-9-]{1,63}(?:\.[a-z0-9-]{1,63}){1,8}/g;
/** Institutional mail is public: government, schools, party and public organisations. */
const INSTITUTIONAL = ['gov.cn', 'edu.cn', 'org.cn', 'ac.cn', 'gov', 'edu', '12371.cn'];

// Door-level address anchors (rules.md 1.11): road + 号 + building + room; 小区 + building + room; 村 + 组 + 号.
const ROAD_ADDR_RE =
  /(?:路|街|巷|弄|道|胡同)\s?\d{1,5}\s?号(?:院|大院)?\s?(?<mid>[\p{Script=Han}]{1,10}?)?\s?\d{1,4}\s?(?:栋|幢|号楼|座)\s?(?:\d{1,3}\s?单元\s?)?\d{1,5}\s?(?:室|户|号)?/gu;
const ESTATE_ADDR_RE = /(?:小区|花园|苑|公寓|家园|新村)\s?\d{1,4}\s?(?:栋|幢|号楼)\s?(?:\d{1,3}\s?单元\s?)?\d{1,5}\s?(?:室|户)/gu;
const VILLAGE_ADDR_RE = /村\s?\d{1,3}\s?组\s?\d{1,4}\s?号/gu;
/** An office building between the door number and the room: 人民路8号行政中心2号楼301室 is an office. */
const INSTITUTION_RE = /中心|大楼|大厦|局|院|委|政府|医院|学校|服务|市场|馆|办公|园区|产业园/;
/** Where a place name stops when walking back from 路 to the road name: administrative units. */
const ADMIN_UNIT = new Set(['省', '市', '县', '区', '镇', '乡', '村', '旗', '州']);
const HAN = /\p{Script=Han}/u;
/** Punctuation between a label and a value (住址：, 房源：); spaces and dots inserted inside a name do not count. */
const LABEL_GAP = /[:：，,。；;（）()【】[\]\n、"“”'‘’]/;

/**
 * Walk back from the road/estate keyword over at most `max` Han characters of the skeleton, stopping after an
 * administrative unit (凤岭镇|兴华路) or where the original text had punctuation or spaces (安置房源：|滨江路).
 */
function placeStart(norm: NormText, anchor: number, max = 8): number {
  const t = norm.text;
  let s = anchor;
  while (s > 0 && anchor - s < max && HAN.test(t[s - 1]) && !ADMIN_UNIT.has(t[s - 1])) {
    if (LABEL_GAP.test(norm.source.slice(norm.end[s - 1], norm.start[s]))) break;
    s--;
  }
  return s;
}

const NAME_CHARS = `[${SURNAME_CHARS}]|${COMPOUND_SURNAMES.join('|')}`;
// A full name followed by a sex or age descriptor (张小明（男，13岁）), or after a victim/patient noun (患儿张小明).
const NAME_DESCRIBED_RE = new RegExp(`(?<![\\p{Script=Han}])((?:${NAME_CHARS})[\\p{Script=Han}]{1,2})(?=[（(，,]\\s?(?:男|女|\\d{1,3}\\s?岁))`, 'gu');
const NAME_AFTER_ROLE_RE = new RegExp(
  `(?:患者|患儿|受害人|被害人|未成年人|女童|男童|少年|少女|学生)[:：]?\\s?((?:${NAME_CHARS})[\\p{Script=Han}]{1,2})(?=[，,。（(\\s]|$)`,
  'gu',
);

function addresses(field: FieldContext, ctx: Context): RawFinding[] {
  const out: RawFinding[] = [];
  // On the skeleton: inserted spaces and symbols vanish, masked digits (**栋****室) vanish with the asterisks.
  const norm = field.skeleton;
  const text = norm.text;
  if (!/\d(?:室|户|号)/.test(text)) return out;
  const seen: Span[] = [];
  const push = (ns: number, ne: number, kind: string) => {
    const { start, end } = toOriginal(norm, ns, ne);
    if (seen.some((s) => s.start < end && start < s.end)) return;
    seen.push({ start, end });
    if (ctx.before('venue', start, 20) && !ctx.before('residence', start, 20)) return;
    const resident = ctx.before('residence', start, 24);
    const original = field.text.slice(start, end);
    const suggestion = original.replace(/(号|组)([^]*)$/u, (_m, head: string, tail: string) => head + tail.replace(/\d/g, '*'));
    out.push({
      field: field.name,
      start,
      end,
      check: 'pii.address',
      severity: resident ? 'block' : 'review',
      message: `${kind}精确到门牌/房号，属个人住址信息：请隐去楼栋和房号，如 ${suggestion}`,
      suggestion,
    });
  };
  for (const m of matchAllOriginal(norm, ROAD_ADDR_RE)) {
    if (m.match.groups?.mid && INSTITUTION_RE.test(m.match.groups.mid)) continue;
    const s = placeStart(norm, m.match.index);
    if (s === m.match.index) continue; // no road name before 路
    push(s, m.match.index + m.match[0].length, '住址');
  }
  for (const m of matchAllOriginal(norm, ESTATE_ADDR_RE)) {
    const s = placeStart(norm, m.match.index, 6);
    if (s === m.match.index) continue;
    push(s, m.match.index + m.match[0].length, '住址');
  }
  for (const m of matchAllOriginal(norm, VILLAGE_ADDR_RE)) {
    const s = placeStart(norm, m.match.index, 5);
    if (s === m.match.index) continue;
    push(s, m.match.index + m.match[0].length, '农村住址');
  }
  return out;
}

function emails(field: FieldContext, checkCtx: CheckContext, ctx: Context): RawFinding[] {
  const norm = field.folded;
  if (norm.text.indexOf('@') < 0) return [];
  const webmail = termsTagged(checkCtx, LIST, 'webmail');
  const out: RawFinding[] = [];
  for (const m of matchAllOriginal(norm, EMAIL_RE)) {
    const addr = m.match[0];
    const domain = addr.slice(addr.indexOf('@') + 1);
    if (!/\.[a-z]{2,}$/.test(domain) || hostMatches(domain, INSTITUTIONAL)) continue;
    if (!hostMatches(domain, webmail)) continue;
    const local = addr.slice(0, addr.indexOf('@'));
    const suggestion = `${local[0]}***@${domain}`;
    // Many offices publish a webmail box as their submission address (投稿邮箱：xxx@163.com): only a box tied to a
    // person (陈老师的邮箱, 工作人员张莉的邮箱) is a probable leak; the rest is a reminder.
    const personal = ctx.before('person', m.start, 16);
    out.push({
      field: field.name,
      start: m.start,
      end: m.end,
      check: 'pii.email',
      severity: personal ? 'review' : 'info',
      message: personal
        ? `个人邮箱（${domain}）可识别到具体个人：请改用单位公务邮箱或隐去用户名，如 ${suggestion}`
        : `公共邮箱（${domain}）：请确认这是单位公开的投稿/联系邮箱而非个人邮箱；个人邮箱请改用单位公务邮箱`,
      suggestion,
      source: sourceOf(checkCtx, LIST),
    });
  }
  return out;
}

function documents(field: FieldContext, ctx: Context): RawFinding[] {
  const norm = field.folded;
  const out: RawFinding[] = [];
  const scan = (re: RegExp, tag: string, what: string, check: string) => {
    if (!ctx.any(tag)) return;
    for (const m of matchAllOriginal(norm, re)) {
      if (!ctx.before(tag, m.start, 20)) continue;
      const v = field.text.slice(m.start, m.end);
      const suggestion = `${v.slice(0, 2)}${'*'.repeat(Math.max(3, v.length - 4))}${v.slice(-2)}`;
      out.push({ field: field.name, start: m.start, end: m.end, check, severity: 'review', message: `${what}号码未脱敏：请隐去中间位，如 ${suggestion}`, suggestion });
    }
  };
  scan(PASSPORT_RE, 'passport', '护照', 'pii.passport');
  scan(PERMIT_RE, 'permit', '通行证', 'pii.travel-permit');
  return out;
}

/** Full names of minors, patients and victims in a sentence that says so (rules.md 1.12). */
function protectedNames(field: FieldContext): RawFinding[] {
  const hits = hitsTagged(field, LIST, 'protected');
  if (!hits.length) return [];
  const text = field.text;
  const out: RawFinding[] = [];
  const sentences = new Map<number, Span>();
  for (const h of hits) {
    const sent = sentenceAround(text, h.start);
    sentences.set(sent.start, sent);
  }
  for (const sent of sentences.values()) {
    const part = text.slice(sent.start, sent.end);
    for (const re of [NAME_DESCRIBED_RE, NAME_AFTER_ROLE_RE]) {
      re.lastIndex = 0;
      for (let m = re.exec(part); m; m = re.exec(part)) {
        const name = m[1];
        if (name.includes('某') || name.endsWith('某')) continue;
        const start = sent.start + m.index + m[0].indexOf(name);
        const suggestion = `${name.startsWith(COMPOUND_SURNAMES.find((c) => name.startsWith(c)) ?? '\u0000') ? name.slice(0, 2) : name[0]}某`;
        out.push({
          field: field.name,
          start,
          end: start + name.length,
          check: 'pii.protected-name',
          severity: 'review',
          message: `涉及未成年人、患者或受害人等依法应隐去真实姓名的人员：请改用“${suggestion}”，不使用化名`,
          suggestion,
        });
      }
    }
  }
  return out;
}

function run(checkCtx: CheckContext): RawFinding[] {
  const out: RawFinding[] = [];
  const disclosure = checkCtx.fields.some((f) => hitsTagged(f, LIST, 'disclosure').length > 0);
  for (const field of checkCtx.fields) {
    if (field.name === 'sourceUrl') continue;
    const ctx = new Context(field);
    const norm = field.folded;
    // Digits inside links (item ids, tracking parameters) are not personal data.
    const urls = findUrls(norm);
    let numbers = 0;
    for (const tok of digitTokens(norm.text)) {
      // Past the per-field cap (see capFindings) further numbers would be dropped anyway: stop validating.
      if (numbers >= MAX_FINDINGS_PER_FIELD) break;
      for (const c of classifyToken(tok, norm, ctx, MAX_FINDINGS_PER_FIELD - numbers)) {
        numbers++;
        const f = numberFinding(c, field, disclosure);
        if (urlOverlapping(urls, f.start, f.end)) continue;
        out.push(f);
      }
    }
    for (const f of [...addresses(field, ctx), ...documents(field, ctx), ...protectedNames(field)]) {
      if (disclosure && f.severity === 'block') {
        f.severity = 'review';
        f.message += `。${DISCLOSURE_NOTE}`;
      }
      out.push(f);
    }
    out.push(...emails(field, checkCtx, ctx));
  }
  return capFindings(out);
}

const memo = new WeakMap<CheckContext, RawFinding[]>();
/** Every finding of the pii family for this screen, computed once and shared by its sub-checks (pii/*.ts). */
export function piiFindings(ctx: CheckContext): RawFinding[] {
  let found = memo.get(ctx);
  if (!found) memo.set(ctx, (found = run(ctx)));
  return found;
}
