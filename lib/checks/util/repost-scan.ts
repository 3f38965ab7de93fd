/**
 * repost: reposts must name their source, and only approved sources may be reposted
 * (001 第十七条: 注明稿件来源…来源不明…不得转载; 003 第七条: 原则上只转载党委政府网站、主流媒体和确定的稿源单位).
 *
 * - unacceptable sources (来源：网络, 图片来源于网络, 转自朋友圈, 来源：自媒体…) from `repost-markers` -> block, the
 *   whole source line is reported;
 * - self-media disclaimers (如有侵权请联系删除) -> review;
 * - agency datelines and bylines (新华社北京3月5日电, 本报讯, 某某网讯, 记者 王晓东, （记者刘建威）, 本报记者 alone on a
 *   line, 某某商报记者 李萌, （撰稿：某某）, 本报集体采写, 央视网消息, XX客户端消息, 据新华社消息, 据人民日报报道) and
 *   原标题 lines in a draft with no source line -> review; a media byline followed by 据… names its source;
 * - a source line may follow a timestamp or a separator (2024-01-05 08:33 | 来源：…); one that names nothing
 *   (来源：sp20241118) is unacceptable;
 * - a source line naming a source that is not on `approved-sources` -> review when it looks like self-media, info
 *   otherwise (local party and government units are approved by their name's suffix, see the list header).
 */
import type { CheckContext, FieldContext, ListHit, RawFinding } from '../../core/check';
import { matchAllOriginal } from '../../core/spans';
import { toOriginal } from '../../core/normalize';
import { hitsTagged, hostMatches, sourceOf, termsTagged } from './lists';
import { MAX_FINDINGS_PER_FIELD, lineAround, trimSpan, wordChars, type Span, capFindings } from './text';
import { DisjointSpans } from './disjoint-spans';
import { COMPOUND_SURNAMES, SURNAME_CHARS } from './surnames';

const MARKERS = 'repost-markers';
const APPROVED = 'approved-sources';
const CLAUSE_ATTRIBUTION = '001_c25ab7322e23089b.txt 第十七条';
const CLAUSE_SOURCES = '003_54205cdec66d062b.txt 第七条';

/** A source line is short: a long line that mentions 来源 is prose (资金来源…), not an attribution. */
const MAX_SOURCE_LINE = 60;
/** Characters allowed before a source keyword on its line: 图片/素材/本文/（ (rules.md 5.1 "caption lines"). */
const MAX_KEY_PREFIX = 6;
/** A reported line longer than this is cut down to the marker itself. */
const MAX_REPORT = 80;

// Datelines (rules.md 5.2): 新华社北京3月5日电, 人民网安澜4月9日电, 本报讯, 本台讯. The scan is anchored on the
// date (…月…日电) or on 本报讯; the agency is then read backwards from the anchor, so prose costs one cheap pass.
// Both run on the skeleton, so 本·报·讯 and 新華社 北京 3月5日電 read the same.
const DATELINE_ANCHOR_RE = /\d{1,2}月\d{1,2}日(?:电|讯)|本(?:报|台|网)讯|(?<=\p{Script=Han})(?:网|报|台)讯/gu;
/** The outlet of a 某某网讯 / 某某日报讯 dateline: Han characters from the line start (or a bracket or space). */
const OUTLET_BEFORE_RE = /(?:^|[\n【[\s])([\p{Script=Han}]{2,12})$/u;
const AGENCY_BEFORE_RE =
  /(?:新华社|中新社|中新网|人民网|新华网|央视网|央广网|光明网|中国新闻网|国际在线|[\p{Script=Han}]{2,8}?(?:日报|晚报|报|网|社|台))[\p{Script=Han}]{0,6}$/u;
// Bylines: 记者 王晓东 / 记者：王晓东 / 本报记者 王晓东 周敏 / 记者王晓东报道, at a line start or inside （…）.
// Tried (sticky) only where 记者 occurs, so prose costs one indexOf pass.
const BYLINE_AT_RE =
  /记者(?:[ \t\u3000:：]{1,3}[\p{Script=Han}]{2,4}(?:[ \t\u3000、]{1,2}[\p{Script=Han}]{2,4}){0,3}|[\p{Script=Han}]{2,3}(?=\s?报道))/uy;
const BYLINE_BEFORE = /[\n（(【\s。]/;
/** An outlet name ending like a medium right before 记者 (安徽商报融媒体记者). */
const OUTLET_BEFORE_BYLINE_RE = /(?:^|[\s。（(【])([\p{Script=Han}]{1,10}?(?:日报|晚报|商报|报|网|电视台|台|融媒体|融媒体中心|新闻))$/u;
/** A name right after 记者 inside brackets, up to the bracket, a space or the next role. */
const BRACKET_NAME_RE = /([\p{Script=Han}]{2,4}?)(?=[）)\s、]|通讯员|摄影|实习)/uy;
/** A reporter's bare name in brackets right after a sentence end, closing its line: （王小东）. Sticky, tried per bracket. */
const BARE_NAME_RE = new RegExp(`[（(](?:${COMPOUND_SURNAMES.join('|')}|[${SURNAME_CHARS}])[\\p{Script=Han}]{1,2}[）)](?=\\s*(?:\\n|$))`, 'uy');
const SENTENCE_CLOSE = new Set([...'。！？!?”']);
/**
 * The next （ or ( at or after a position. Each kind's next index is remembered, so a text with thousands of one kind
 * and none of the other does not re-search to the end for the missing one at every step.
 */
class BracketCursor {
  private full = -2;
  private ascii = -2;
  constructor(private readonly t: string) {}
  next(from: number): number {
    if (this.full !== -1 && this.full < from) this.full = this.t.indexOf('（', from);
    if (this.ascii !== -1 && this.ascii < from) this.ascii = this.t.indexOf('(', from);
    const a = this.full;
    const b = this.ascii;
    return a < 0 ? b : b < 0 ? a : Math.min(a, b);
  }
}

/** Writing credits: （撰稿：某某）/（采写 某某） in brackets, or a line 本报集体采写 / 本台记者采写. */
const CREDIT_RE = /(?<=[（(])\s?(?:撰稿|采写|供稿)\s?[:：]?\s?[\p{Script=Han}]{2,4}(?=\s?[）)])|(?<=^|\n)\s?本[报台网][\p{Script=Han}]{0,4}(?:采写|撰稿)(?=\s*(?:\n|$))/gu;
// Media bylines (rules.md 5.2): 央视网消息：… / 人民日报客户端消息，… at a clause start, and 据新华社消息 / 据央视新闻报道.
// The name must read as a news medium (an agency, or a name ending in 网/报/客户端/电视台/新闻…): 据气象部门消息 and
// 据县气象台消息 quote a government unit, not another medium. Tried only where 消息 or 报道 occurs.
const MEDIA_NAME =
  String.raw`(?:新华社|中新社|央视新闻|央视|央广|中央广播电视总台|[\p{Script=Han}A-Za-z]{0,10}?(?:日报|晚报|早报|时报|商报|报社|新闻网|网|客户端|电视台|广播电台|广播电视台|融媒体中心|融媒|新闻|app|APP|App))`;
const MEDIA_BYLINE_RE = new RegExp(
  String.raw`(?<![\p{Script=Han}A-Za-z0-9])(?:${MEDIA_NAME})(?:[\p{Script=Han}]{0,6}\d{1,2}月\d{1,2}日)?\s?消息(?=\s|[:：，,])|据\s?(?:${MEDIA_NAME})\s?(?:消息|报道)(?=\s|[:：，,。])`,
  'gu',
);
/** Names that end like a medium but are not one (国家电网, 城市管网) or say no medium (相关新闻, 有关报道). */
const NOT_MEDIA_RE = /(?:电网|管网|路网|水网|互联网)$|^(?:据\s?)?(?:相关|有关|多家|各大|网络|媒体)/;

/** Prefixes allowed before a source keyword on its line: 图片来源、本文来源、素材来源于网络. */
const KEY_PREFIX_RE = /^(?:本文|文章|部分|文中|本期)?(?:图片|素材|文字|视频|内容|配图|图文|图|资料|音乐)?$/;

/** Platform suffixes dropped before comparing a source name with the list (rules.md 5.3). */
const PLATFORM_SUFFIX = /(?:微信公众号|微信公众平台|公众号|客户端|官方微博|官微|微博|抖音号|视频号|官方抖音|app|网站|官网|头条号)$/i;

interface SourceLine {
  field: FieldContext;
  line: Span;
  /** The claimed source (original offsets), after the keyword and separator. */
  value: Span;
  key: ListHit;
}

/** Source lines: a source keyword near the start of a short line, followed by a separator or the name. */
function sourceLines(field: FieldContext): SourceLine[] {
  const out: SourceLine[] = [];
  const text = field.text;
  for (const key of hitsTagged(field, MARKERS, 'source-key')) {
    const line = trimSpan(text, lineAround(text, key.start));
    if (wordChars(text, line.start, line.end, MAX_SOURCE_LINE) > MAX_SOURCE_LINE) continue;
    if (!keyPrefixOk(text, line.start, key.start)) continue;
    // The value: skip separators (：:|/ spaces) and 于/自, stop at the end of line or a closing bracket.
    let s = key.end;
    while (s < line.end && /[\s:：|｜/／\-—于自为是]/.test(text[s])) s++;
    let e = s;
    while (e < line.end && !/[）)】\]。；;，,]/.test(text[e])) e++;
    if (e <= s) continue;
    out.push({ field, line, value: { start: s, end: e }, key });
  }
  return out;
}

/** End (last index) of a date or date-time in `head`, or -1: 2024-11-18 16:19:38, 2024年11月18日 08:33. */
function TIMESTAMP_END(head: string): number {
  const m = /(?:\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?)(?:\s{0,2}\d{1,2}:\d{2}(?::\d{2})?)?\s*$/.exec(head.slice(-40));
  return m ? head.length - 1 : -1;
}

/** Only bracket/punctuation and words like 图片、素材、本文 may precede a source keyword on its line. */
function keyPrefixOk(text: string, lineStart: number, keyStart: number): boolean {
  // 「2024-01-05 08:33 | 来源：…」, 「发布时间：2024-11-18 16:19:38 来源：…」: a timestamp or a separator before the
  // keyword starts a new field of the line.
  const head = text.slice(lineStart, keyStart);
  const cut = Math.max(head.lastIndexOf('|'), head.lastIndexOf('｜'), TIMESTAMP_END(head));
  if (cut >= 0) lineStart += cut + 1;
  let prefix = '';
  for (let i = keyStart - 1; i >= lineStart; i--) {
    const ch = text[i];
    if (/[\s\p{P}\p{S}]/u.test(ch)) continue;
    if (prefix.length === MAX_KEY_PREFIX) return false;
    prefix = ch + prefix;
  }
  return KEY_PREFIX_RE.test(prefix);
}

/** Datelines: each date anchor with an agency name right before it on the same line, or 本报讯. */
function datelines(field: FieldContext): Span[] {
  const out: Span[] = [];
  const norm = field.skeleton;
  const t = norm.text;
  if (t.indexOf('讯') < 0 && t.indexOf('电') < 0) return out;
  for (const m of matchAllOriginal(norm, DATELINE_ANCHOR_RE)) {
    const at = m.match.index;
    if (t[at] === '本') { out.push(m); continue; }
    if (m.match[0].length === 2) {
      // 平顶山新闻网讯, 惠州日报讯: the outlet opens its line (skeleton: no spaces, so read the folded line start).
      let from = at;
      while (from > 0 && at - from < 12 && /\p{Script=Han}/u.test(t[from - 1])) from--;
      const lineStart = from === 0 || t[from - 1] === '\n';
      if (at - from >= 2 && lineStart && OUTLET_BEFORE_RE.test(t.slice(Math.max(0, from - 1), at))) out.push({ start: norm.start[from], end: m.end });
      continue;
    }
    let from = at;
    while (from > 0 && at - from < 20 && t[from - 1] !== '\n') from--;
    const agency = AGENCY_BEFORE_RE.exec(t.slice(from, at));
    if (!agency) continue;
    const ns = from + agency.index;
    out.push({ start: norm.start[ns], end: m.end });
  }
  return out;
}

/** Reporter bylines at a line start, after a bracket (（记者 周敏）) or after 本报/本台/本网. */
function bylines(field: FieldContext): Span[] {
  const out: Span[] = [];
  const norm = field.folded;
  const t = norm.text;
  for (let at = t.indexOf('记者'); at >= 0; at = t.indexOf('记者', at + 2)) {
    let from = at;
    if (at >= 2 && /^本[报台网]$/.test(t.slice(at - 2, at))) from = at - 2;
    else {
      // 安徽商报融媒体记者 李萌: the outlet's name right before 记者.
      const outlet = OUTLET_BEFORE_BYLINE_RE.exec(t.slice(Math.max(0, at - 14), at));
      if (outlet) from = at - outlet[1].length;
    }
    if (from > 0 && !BYLINE_BEFORE.test(t[from - 1])) continue;
    BYLINE_AT_RE.lastIndex = at;
    const m = BYLINE_AT_RE.exec(t);
    if (m) {
      out.push(toOriginal(norm, from, at + m[0].length));
      continue;
    }
    // （记者刘建威） and （记者某某 通讯员某某）: inside brackets a name may follow without a separator; the span
    // stops at the name.
    if (from > 0 && /[（(]/.test(t[from - 1])) {
      BRACKET_NAME_RE.lastIndex = at + 2;
      const n = BRACKET_NAME_RE.exec(t);
      if (n) {
        out.push(toOriginal(norm, from, at + 2 + n[1].length));
        continue;
      }
    }
    // 本报记者 alone on its line (the names in a caption elsewhere).
    if (from !== at && /^\s*(?:\n|$)/.test(t.slice(at + 2, at + 6))) out.push(toOriginal(norm, from, at + 2));
  }
  // Credits: （撰稿：某某）, （采写 某某）, a line 本报集体采写 (tried only where the words occur).
  if (t.includes('撰稿') || t.includes('采写') || t.includes('供稿'))
    for (const m of t.matchAll(CREDIT_RE)) out.push(toOriginal(norm, m.index!, m.index! + m[0].length));
  // A bare name in brackets closing a news paragraph: …正在进一步办理之中。（王小东） — tried at each bracket that
  // follows a sentence end, not at every position.
  const brackets = new BracketCursor(t);
  for (let at = brackets.next(0); at >= 0; at = brackets.next(at + 1)) {
    let p = at;
    if (p > 0 && t[p - 1] === ' ') p--;
    if (p === 0 || !SENTENCE_CLOSE.has(t[p - 1])) continue;
    BARE_NAME_RE.lastIndex = at;
    const m = BARE_NAME_RE.exec(t);
    if (m) out.push(toOriginal(norm, p, at + m[0].length));
  }
  return out;
}

/** Media bylines: 央视网消息, 人民日报客户端消息, 据新华社消息, 据央视新闻报道 (on the folded text). */
function mediaBylines(field: FieldContext): Span[] {
  const norm = field.folded;
  const t = norm.text;
  if (t.indexOf('消息') < 0 && t.indexOf('报道') < 0) return [];
  const out: Span[] = [];
  for (const m of matchAllOriginal(norm, MEDIA_BYLINE_RE)) {
    const name = m.match[0].replace(/\s?(?:消息|报道)$/, '');
    if (NOT_MEDIA_RE.test(name)) continue;
    // 央视网消息：据“某某”微信公众号消息 — the outlet names its own source in the same sentence.
    if (!name.startsWith('据') && /^[\s:：，,]{0,3}据/.test(t.slice(m.match.index + m.match[0].length, m.match.index + m.match[0].length + 5))) continue;
    out.push({ start: m.start, end: m.end });
    if (out.length >= MAX_FINDINGS_PER_FIELD) break; // the rest would be capped away (capFindings)
  }
  return out;
}

/** Is the source name on the approved list: a listed name as its prefix, a listed domain, or a party/government unit. */
function isApproved(ctx: CheckContext, sl: SourceLine): boolean {
  const raw = sl.field.text.slice(sl.value.start, sl.value.end);
  const name = raw.replace(/[“”"‘’'《》「」\s]/g, '').replace(PLATFORM_SUFFIX, '');
  const hits = sl.field.hits(APPROVED).filter((h) => h.start >= sl.value.start && h.end <= sl.value.end);
  for (const h of hits) {
    if (h.entry.tag === 'org-suffix' || h.entry.tag === 'domain') continue;
    // Prefix of the value; "X报" followed by 道/讯 is 报道, not the paper (rules.md 5.3).
    const lead = sl.field.text.slice(sl.value.start, h.start).replace(/[“”"‘’'《》「」\s]/g, '');
    const after = sl.field.text[h.end] ?? '';
    if (lead === '' && !(/报$/.test(h.entry.term) && /[道讯]/.test(after))) return true;
  }
  const domains = termsTagged(ctx, APPROVED, 'domain');
  for (const host of raw.toLowerCase().match(/[a-z0-9-]{1,63}(?:\.[a-z0-9-]{1,63}){1,8}/g) ?? []) {
    if (hostMatches(host, domains)) return true;
  }
  const suffixes = termsTagged(ctx, APPROVED, 'org-suffix');
  return suffixes.some((s) => name.length > s.length && name.endsWith(s));
}

function lineFinding(field: FieldContext, span: Span, marker: Span): Span {
  const text = field.text;
  const line = trimSpan(text, lineAround(text, marker.start));
  if (line.end - line.start <= MAX_REPORT) return line;
  return marker;
}

function run(ctx: CheckContext): RawFinding[] {
  const out: RawFinding[] = [];
  const markersSource = sourceOf(ctx, MARKERS);
  const flagged = new DisjointSpans();
  const isFlagged = (field: string, s: Span) => flagged.overlaps(field, s);

  // 1. Unacceptable sources and disclaimers.
  for (const field of ctx.fields) {
    if (field.name === 'sourceUrl') continue;
    const text = field.text;
    for (const h of hitsTagged(field, MARKERS, 'bad-source')) {
      const line = trimSpan(text, lineAround(text, h.start));
      // Only as an attribution: near the start of its line (图片/素材/（ may precede) and not followed by a name
      // (来源：网络安全宣传周组委会 names a real source).
      if (!keyPrefixOk(text, line.start, h.start)) continue;
      const next = text.slice(h.end, Math.min(line.end, h.end + 3));
      if (/^[\p{Script=Han}A-Za-z0-9]/u.test(next) && !/^(?:等|的|图片|素材|视频)/.test(next)) continue;
      const span = lineFinding(field, line, h);
      if (isFlagged(field.name, span)) continue;
      flagged.add(field.name, span);
      out.push({
        field: field.name,
        ...span,
        check: 'repost.unacceptable-source',
        severity: 'block',
        clause: CLAUSE_ATTRIBUTION,
        message: `来源“${text.slice(h.start, h.end)}”属于来源不明或不可接受的稿源：请核实原始出处，只转载党委政府网站、主流媒体和确定的稿源单位并注明来源；无法核实的内容（含图片）请删除或替换`,
        source: markersSource,
      });
    }
    for (const h of hitsTagged(field, MARKERS, 'disclaimer')) {
      if (isFlagged(field.name, h)) continue;
      flagged.add(field.name, h);
      out.push({
        field: field.name,
        start: h.start,
        end: h.end,
        check: 'repost.unacceptable-source',
        severity: 'review',
        clause: CLAUSE_ATTRIBUTION,
        message: '“如有侵权请联系删除”一类声明说明内容未获授权、来源不明：请删除该声明，核实并注明可转载的来源，或改用自有素材',
        source: markersSource,
      });
    }
  }

  // 2. Source lines: is the named source approved?
  const lines = ctx.fields.filter((f) => f.name !== 'sourceUrl').flatMap(sourceLines);
  // A self-media tell names the kind of account (公众号“X”, 网友, 抖音): it ends the value or precedes a quote or
  // bracket; followed by more Han characters it is part of a name (网络安全宣传周组委会).
  const selfMedia = (sl: SourceLine) =>
    hitsTagged(sl.field, MARKERS, 'self-media').some((h) => {
      if (h.start < sl.value.start || h.end > sl.value.end) return false;
      if (/^(?:自媒体|网友|博主)$/.test(h.entry.term)) return true;
      return h.end === sl.value.end || !/\p{Script=Han}/u.test(sl.field.text[h.end]);
    });
  for (const sl of lines) {
    const span = lineFinding(sl.field, sl.line, sl.key);
    if (isFlagged(sl.field.name, span)) continue;
    if (isApproved(ctx, sl)) continue;
    const value = sl.field.text.slice(sl.value.start, sl.value.end);
    // A value with no name in it (sp20241118, 123): the line claims a source and names none.
    const isSelf = selfMedia(sl) || !/[\p{Script=Han}]/u.test(value) && !/\.[a-z]{2,}/i.test(value);
    flagged.add(sl.field.name, span);
    out.push({
      field: sl.field.name,
      ...span,
      check: isSelf ? 'repost.unacceptable-source' : 'repost.unapproved-source',
      severity: isSelf ? 'review' : 'info',
      clause: CLAUSE_SOURCES,
      message: isSelf
        ? `来源“${value}”是自媒体或商业平台账号：政务新媒体一般不转载自媒体信息，确需转载须经单位主要负责人审核同意并核实真实性`
        : `来源“${value}”不在可转载稿源名单内：请核实是否为党委政府网站、主流媒体或确定的稿源单位`,
      source: sourceOf(ctx, APPROVED),
    });
  }

  // 3. Datelines, bylines and 原标题 in a draft that names no source at all.
  // A line attributes the draft when it names a source: an approved one, or a name (Han characters) that is not a
  // bare id (sp20241118) or a link to an unknown site (a spam mirror's 本文来源：某某app下载-www.x.com).
  const names = (sl: SourceLine) => {
    const value = sl.field.text.slice(sl.value.start, sl.value.end);
    return isApproved(ctx, sl) || (/\p{Script=Han}/u.test(value) && !/[a-z0-9-]\.[a-z]{2,}/i.test(value));
  };
  const attributed = lines.some(names) || out.some((f) => f.check === 'repost.unacceptable-source' && f.severity === 'block');
  for (const field of ctx.fields) {
    if (field.name === 'sourceUrl') continue;
    const text = field.text;
    const marks: { span: Span; what: string }[] = [];
    for (const span of datelines(field)) marks.push({ span, what: '电头' });
    for (const span of bylines(field)) marks.push({ span, what: '记者署名' });
    for (const span of mediaBylines(field)) marks.push({ span, what: '媒体电头' });
    // Past the per-field cap further marks would be dropped anyway.
    if (marks.length > MAX_FINDINGS_PER_FIELD) marks.length = MAX_FINDINGS_PER_FIELD;
    for (const h of hitsTagged(field, MARKERS, 'headline-key')) {
      const line = trimSpan(text, lineAround(text, h.start));
      if (wordChars(text, line.start, h.start, 2) > 2) continue;
      marks.push({ span: lineFinding(field, line, h), what: '原标题' });
    }
    for (const { span, what } of marks) {
      if (isFlagged(field.name, span)) continue;
      flagged.add(field.name, span);
      const original = text.slice(span.start, span.end);
      if (attributed) {
        if (what !== '原标题') continue;
        out.push({
          field: field.name,
          ...span,
          check: 'repost.original-title',
          severity: 'info',
          clause: CLAUSE_ATTRIBUTION,
          message: '转载稿改动了标题：新标题不得歪曲、篡改原标题原意和信息内容',
        });
        continue;
      }
      out.push({
        field: field.name,
        ...span,
        check: 'repost.missing-attribution',
        severity: 'review',
        clause: CLAUSE_ATTRIBUTION,
        message: `“${original}”表明这是转载或他方采写的稿件（${what}），但全文没有来源行：请在文末注明“来源：XX”（如 来源：新华社），并确认该来源在可转载稿源名单内`,
      });
    }
  }
  return capFindings(out);
}

const memo = new WeakMap<CheckContext, RawFinding[]>();
/** Every finding of the repost family for this screen, computed once and shared by its sub-checks (repost/*.ts). */
export function repostFindings(ctx: CheckContext): RawFinding[] {
  let found = memo.get(ctx);
  if (!found) memo.set(ctx, (found = run(ctx)));
  return found;
}
