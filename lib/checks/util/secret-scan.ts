/**
 * secret: classification marks and not-for-publication markers (001 第十一条: 涉及国家秘密、工作秘密…审慎处理;
 * 003 第十一条: 不得…泄露国家秘密).
 *
 * - A 密级 (绝密/机密/秘密) followed by ★ (秘密★1年, 绝密★启用前), written as a header (机 密 on its own line,
 *   【机密】, 机密级 as a header), or in a 密级：秘密 line -> block. Not a mark: the word inside a book or law title
 *   (《保守国家秘密法》), as the tail of a word on a heading (什么是国家秘密？), in a sentence that explains it, or
 *   机密级 in running prose (a leak-case story). A bare 秘密 in prose (秘密投票, 商业秘密) is nothing; a bare
 *   绝密/机密/机密级 in prose is an info reminder.
 * - Internal markers (内部资料, 注意保存, 不得外传, 此件不公开…) written as a marker (own line, short bracketed note)
 *   -> block; in running prose -> review, or info where the paragraph is about keeping secrets (严禁泄露内部资料).
 * - Draft-status markers (征求意见稿, 讨论稿, 送审稿) as a marker -> review, unless the post is a public consultation.
 * - Disclosure vocabulary (不予公开, 不宜公开, 非公开) is a finding only as a marking (own line, bracketed note, or the
 *   marking phrase 此件不予公开); a count after it (不予公开3件, 不予公开：2条) is a disclosure-report statistic.
 * - A marker word must be a word of the text: 内部 in 村内|部分 or 机密 in 手机|密码 matches across a word boundary
 *   and is dropped (util/words.ts). A bare 内部 is no marker at all (内部控制、内部审计).
 * All words come from the `secret-markers` list (matched on the skeleton: 機 密, 内部\u200B资料 are caught).
 */
import type { CheckContext, FieldContext, ListHit, RawFinding } from '../../core/check';
import type { Severity } from '../../core/types';
import { sourceOf, tagKind, unguarded } from './lists';
import { MAX_FINDINGS_PER_FIELD, isMarkerPosition, lineAround, capFindings } from './text';
import { crossesWordBoundary } from './words';

const LIST = 'secret-markers';

/** How many characters after a 密级 may separate it from ★ (spaces, zero-width, a stray bracket). */
const STAR_GAP = 3;
const STARS = '★☆*＊✩✭✮✯⭐';
/** Words that make a paragraph about keeping secrets rather than a marker left in the draft. */
const SECRECY_TALK = /保密|泄露|泄密|外泄|涉密|严禁|禁止|防止|违反|教育|培训|意识|宣传|加强.{0,8}管理/;
/** A post that openly asks for comments on a draft: its 征求意见稿 is public by design. */
const CONSULTATION = /公开征求|征求意见的(?:公告|通知)|征求.{0,8}意见|意见反馈|反馈意见|欢迎.{0,6}提出.{0,4}意见/;
/**
 * A count right after the word (不予公开3件, 不予公开：2条, a table cell 不予公开 | 1): a row of a 政府信息公开
 * annual report or of a statistics table, not a marking on the document.
 */
const COUNT_AFTER =
  /^[ \t\u3000:：|｜]{0,3}(?:(?:[0-9０-９]+|[一二两三四五六七八九十]+)\s?(?:件|条|项|个|份|次|宗|起|户|%|％)|[0-9０-９]+(?![0-9０-９.．\p{Script=Han}]))/u;

function starAfter(text: string, end: number): number {
  for (let i = end; i < text.length && i - end <= STAR_GAP; i++) {
    if (STARS.includes(text[i])) return i + 1;
    if (!/[\s\u200b-\u200f\u2060\ufeff（(]/.test(text[i])) return -1;
  }
  return -1;
}

/** The paragraph (line) around a hit, bounded: secrecy talk usually spans a few sentences. */
function paragraphOf(text: string, pos: number): string {
  const { start, end } = lineAround(text, pos);
  return text.slice(start, end);
}

/** A Han character right before a span: the word continues to the left (国家|秘密). */
const HAN_BEFORE = /\p{Script=Han}$/u;

function levelFinding(field: FieldContext, h: ListHit): RawFinding | undefined {
  const text = field.text;
  const level = h.entry.term;
  const star = starAfter(text, h.end);
  if (star > 0) {
    return {
      field: field.name,
      start: h.start,
      end: star,
      check: 'secret.classification-mark',
      severity: 'block',
      message: `“${text.slice(h.start, star)}”是国家秘密标志（密级★保密期限）：涉密内容严禁在政务新媒体发布，请立即撤下该内容并按保密规定报告；如系误标，请删除标志并经保密审查`,
    };
  }
  const next = text[h.end] ?? '';
  const marker = isMarkerPosition(text, h, 8);
  // 国家秘密、工作秘密 on a heading line name a concept (什么是国家秘密？): a mark stands alone, not after a Han word.
  const compound = HAN_BEFORE.test(text.slice(Math.max(0, h.start - 1), h.start));
  const explains = field.context.sentenceHas(h.start, 'definition');
  if (marker && !compound && !explains) {
    return {
      field: field.name,
      start: h.start,
      end: next === '级' ? h.end + 1 : h.end,
      check: 'secret.classification-mark',
      severity: 'block',
      message: `“${level}”密级标识：涉密文件及其内容严禁在政务新媒体发布，请删除并经保密审查确认内容可以公开`,
    };
  }
  if (level === '秘密') return undefined; // 秘密投票、保守秘密: ordinary prose
  // 机密级文件 in a leak-case story, 工作单位机密 in a warning: prose about secrets, a reminder at most.
  return {
    field: field.name,
    start: h.start,
    end: h.end,
    check: 'secret.classification-mark',
    severity: 'info',
    message: `正文提到“${level}”：请确认未引用涉密文件或其内容`,
  };
}

function levelField(field: FieldContext, h: ListHit): RawFinding | undefined {
  // 密级：秘密 / 密级: 机密 — a classification line of an official document.
  const text = field.text;
  const line = lineAround(text, h.start);
  const rest = text.slice(h.end, Math.min(line.end, h.end + 8));
  const m = /^[\s:：]{0,3}(绝\s?密|机\s?密|秘\s?密)/.exec(rest);
  if (!m) return undefined;
  return {
    field: field.name,
    start: h.start,
    end: h.end + m[0].length,
    check: 'secret.classification-mark',
    severity: 'block',
    message: '密级标注：涉密文件及其内容严禁在政务新媒体发布，请删除并经保密审查',
  };
}

function run(ctx: CheckContext): RawFinding[] {
  const out: RawFinding[] = [];
  const source = sourceOf(ctx, LIST);
  const consultation = ctx.fields.some((f) => CONSULTATION.test(f.folded.text));
  for (const field of ctx.fields) {
    if (field.name === 'sourceUrl') continue;
    const text = field.text;
    // Findings per sub-check in this field: past the cap (see capFindings) a hit would be dropped anyway, so a pasted
    // megabyte of markers stops costing marker-position and word-boundary look-ups.
    const count = new Map<string, number>();
    for (const h of unguarded(field.hits(LIST))) {
      const tag = tagKind(h.entry.tag);
      const sub = tag === 'draft' ? 'draft' : tag === 'level' || tag === 'level-field' ? 'level' : 'internal';
      if ((count.get(sub) ?? 0) >= MAX_FINDINGS_PER_FIELD) continue;
      if (crossesWordBoundary(field, h)) continue;
      // Inside a book or law title (《保守国家秘密法》, 《…（征求意见稿）》) the words name a document, they mark nothing.
      if (field.context.inTitle(h.start, h.end)) continue;
      let f: RawFinding | undefined;
      if (tag === 'level') f = levelFinding(field, h);
      else if (tag === 'level-field') f = levelField(field, h);
      else if (tag === 'internal' || tag === 'internal-weak') {
        if (COUNT_AFTER.test(text.slice(h.end, h.end + 12))) continue;
        const marker = isMarkerPosition(text, h);
        if (!marker && tag === 'internal-weak') continue;
        let severity: Severity = 'block';
        if (!marker) severity = SECRECY_TALK.test(paragraphOf(text, h.start).replace(text.slice(h.start, h.end), '')) ? 'info' : 'review';
        const word = text.slice(h.start, h.end);
        f = {
          field: field.name,
          start: h.start,
          end: h.end,
          check: 'secret.internal-marker',
          severity,
          message: `“${word}”是内部或不宜公开标识：带此类标识的材料不得上网发布，请删除相关内容或经保密审查、确认可公开后删除该标识`,
        };
      } else if (tag === 'draft') {
        if (consultation || !isMarkerPosition(text, h, 16)) continue;
        const word = text.slice(h.start, h.end);
        f = {
          field: field.name,
          start: h.start,
          end: h.end,
          check: 'secret.draft-status',
          severity: 'review',
          message: `“${word}”表明内容尚未定稿：未经批准公开的草稿不得发布，请改用正式印发的版本，或确认属公开征求意见`,
        };
      }
      if (f) {
        out.push({ ...f, source });
        count.set(sub, (count.get(sub) ?? 0) + 1);
      }
    }
  }
  return capFindings(out);
}

const memo = new WeakMap<CheckContext, RawFinding[]>();
/** Every finding of the secret family for this screen, computed once and shared by its sub-checks (secret/*.ts). */
export function secretFindings(ctx: CheckContext): RawFinding[] {
  let found = memo.get(ctx);
  if (!found) memo.set(ctx, (found = run(ctx)));
  return found;
}
