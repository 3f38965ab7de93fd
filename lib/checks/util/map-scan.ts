/**
 * map: a published map must be a standard map or carry its approval number and source
 * (004 新媒体 第三十一条(四): 采用…标准地图或依法取得审图号的地图; 004 网站 第二十二条: 须注明地图来源和审图号).
 *
 * Text cannot show whether a map's borders are right, but it can show that the post has a map (map words of the
 * `map-words` list in any field: captions, alt text, 文末附图) and no 审图号 anywhere: one finding on the first
 * map mention, with the others as its further places.
 *
 * Mention is not use: a map word inside the title of a rule (《公开地图内容表示规范》), in a sentence about the map rules
 * (规范使用标准地图, 测绘法宣传日), in a case report (经查…发布含有不完整地图的广告) or an explanation, or anywhere in
 * a text that keeps returning to the rules (two or more map-rules cues), names maps and shows none — unless the
 * sentence shows one (如下, 见文末《…全图》, 这两张卫星影像图: cue class show).
 */
import type { CheckContext, RawFinding } from '../../core/check';
import { sourceOf, unguarded } from './lists';

const LIST = 'map-words';

/** A title naming a rule or a document about maps (《地图管理条例》, 《公开地图内容表示规范》), not a map. */
const RULE_TITLE_RE = /(?:条例|法|规定|办法|规范|标准|通知|意见|决定|细则|指南|解读|公告)[)）]?》$/;
/** Map-rule cues (wordlists/context-cues.tsv, tag map-rules) that make a whole field a text about the rules. */
const RULES_TEXT_CUES = 2;

const PROVINCES = '京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼';
/**
 * 审图号 (rules.md 4): GS(2024)0650号, GS京(2022)1061号, 皖S(2021)012号, 鲁SG(2015)088号, full- or half-width
 * brackets (folded to ASCII) and spaces. Runs on the folded text, which is lower case.
 */
export const APPROVAL_RE = new RegExp(
  `(?:gs[${PROVINCES}]?|[${PROVINCES}]s[a-z]?)\\s{0,2}[(\\[〔【]\\s{0,2}(?:19|20)\\d{2}\\s{0,2}[)\\]〕】]\\s{0,2}(?:第\\s{0,2})?\\d{1,5}\\s{0,2}号`,
);
/** 审图号 followed by a number-like value is also accepted: some captions write 审图号：GS（2023）2762. */
export const APPROVAL_LABEL_RE = /审图号\s{0,2}[:：为是]?\s{0,2}[a-z\u4e00-\u9fa5]{0,3}\s{0,2}[([〔【（]?\s{0,2}\d{4}/;

function hasApprovalNumber(ctx: CheckContext): boolean {
  return ctx.fields.some((f) => APPROVAL_RE.test(f.folded.text) || APPROVAL_LABEL_RE.test(f.folded.text));
}

function run(ctx: CheckContext): RawFinding[] {
  // Title first, then body, in reading order: the first mention is what the editor sees first.
  for (const field of ctx.fields) {
    if (field.name === 'sourceUrl') continue;
    const cx = field.context;
    // A text about the map rules (测绘法 publicity, a 问题地图 case, a new 规范) names maps without showing one.
    const aboutRules = cx.cueCount(['map-rules'], RULES_TEXT_CUES) >= RULES_TEXT_CUES;
    const hits = unguarded(field.hits(LIST)).filter((h) => {
      if (h.entry.tag !== 'map') return false;
      const title = cx.enclosing(h.start, h.end);
      if (title?.kind === 'title' && RULE_TITLE_RE.test(field.text.slice(title.start, title.end))) return false;
      // 见文末《…全图》, 对比这两张卫星影像图: the post shows the map, whatever else the sentence says.
      if (cx.sentenceHas(h.start, 'show')) return true;
      return !aboutRules && !cx.sentenceHas(h.start, 'map-rules', 'enforcement', 'definition');
    });
    if (!hits.length) continue;
    if (hasApprovalNumber(ctx)) return [];
    const [h, ...rest] = hits;
    const word = field.text.slice(h.start, h.end);
    return [
      {
        // One finding for the post's maps: every map word of the field is a place of it.
        occurrences: rest.map((o) => ({ start: o.start, end: o.end })),
        field: field.name,
        start: h.start,
        end: h.end,
        check: 'map.no-approval-number',
        message: `稿件含“${word}”但全文未见审图号：请使用标准地图服务系统等主管部门发布的标准地图或依法取得审图号的地图，并在图上或图注中标注审图号（如 GS(2024)0650号）及地图来源；示意性图件也须符合《地图管理条例》`,
        source: sourceOf(ctx, LIST),
      },
    ];
  }
  return [];
}

const memo = new WeakMap<CheckContext, RawFinding[]>();
/** Every finding of the map family for this screen, computed once and shared by its sub-checks (map/*.ts). */
export function mapFindings(ctx: CheckContext): RawFinding[] {
  let found = memo.get(ctx);
  if (!found) memo.set(ctx, (found = run(ctx)));
  return found;
}
