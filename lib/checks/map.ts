/**
 * map: a published map must be a standard map or carry its approval number and source
 * (004 新媒体 第三十一条(四): 采用…标准地图或依法取得审图号的地图; 004 网站 第二十二条: 须注明地图来源和审图号).
 *
 * Text cannot show whether a map's borders are right, but it can show that the post has a map (map words of the
 * `map-words` list in any field: captions, alt text, 文末附图) and no 审图号 anywhere: one finding on the first
 * map mention.
 */
import type { CheckContext, CheckDef, RawFinding } from '../core/check';
import { sourceOf, unguarded } from './util/lists';

const LIST = 'map-words';
const CLAUSE = '004_ffa469a3430680ee.txt 第三十一条';

const PROVINCES = '京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼';
/**
 * 审图号 (rules.md 4): GS(2024)0650号, GS京(2022)1061号, 皖S(2021)012号, 鲁SG(2015)088号, full- or half-width
 * brackets (folded to ASCII) and spaces. Runs on the folded text, which is lower case.
 */
export const APPROVAL_RE = new RegExp(
  `(?:gs[${PROVINCES}]?|[${PROVINCES}]s[a-z]?)\\s{0,2}[(\\[〔【]\\s{0,2}(?:19|20)\\d{2}\\s{0,2}[)\\]〕】]\\s{0,2}(?:第\\s{0,2})?\\d{1,5}\\s{0,2}号`,
);
/** 审图号 followed by a number-like value is also accepted: some captions write 审图号：GS（2023）2762. */
export const APPROVAL_LABEL_RE = /审图号\s{0,2}[:：为是]?\s{0,2}[a-z\u4e00-\u9fa5]{0,3}\s{0,2}[(\[〔【（]?\s{0,2}\d{4}/;

function hasApprovalNumber(ctx: CheckContext): boolean {
  return ctx.fields.some((f) => APPROVAL_RE.test(f.folded.text) || APPROVAL_LABEL_RE.test(f.folded.text));
}

function run(ctx: CheckContext): RawFinding[] {
  // Title first, then body, in reading order: the first mention is what the editor sees first.
  for (const field of ctx.fields) {
    if (field.name === 'sourceUrl') continue;
    const hits = unguarded(field.hits(LIST)).filter((h) => h.entry.tag === 'map');
    if (!hits.length) continue;
    if (hasApprovalNumber(ctx)) return [];
    const h = hits[0];
    const word = field.text.slice(h.start, h.end);
    return [
      {
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

export const map: CheckDef = {
  id: 'map',
  category: 'map',
  severity: 'review',
  clause: CLAUSE,
  description: '地图未标注审图号：稿件含地图、示意图、区位图、行政区划图、分布图等而全文无审图号',
  lists: [LIST],
  examples: {
    positive: [
      { draft: '视频中的累计降雨量分布图显示，南部山区降雨量可达100毫米。', expect: [{ text: '分布图' }] },
      { draft: '视频最后附上手绘景区地 图，建议收藏', expect: [{ text: '地 图' }] },
      { draft: '文末附：桐溪县乡镇行政区划图', expect: [{ text: '行政区划图' }] },
      { draft: '从青石镇行政區劃圖上可以看到，老街正处于两条古驿道的交汇处。', expect: [{ text: '行政區劃圖' }] },
      { draft: '一张“特色农产品分\u200B布图”带你看遍桐溪好物。', expect: [{ text: '分\u200B布图' }] },
      { draft: { title: '学区划分示意图公布', body: '具体范围以示意图为准。' }, expect: [{ text: '示意图', field: 'title' }] },
    ],
    guard: [
      { draft: '《安澜市全域旅游地图》免费发放，审图号：皖S（2025）021号。' },
      { draft: '视频中地图审图号：GS(2023)2762号。' },
      { draft: '底图来源：标准地图服务，审图号GS京(2022)1061号，项目区位图如下。' },
      { draft: '打开高德地图或百度地图搜索“青石古镇”即可导航前往。' },
      { draft: '根据《地图管理条例》，向社会公开的地图应当报送审核。审图号为GS(2024)0650号。' },
      { draft: '会议明确了任务书、时间表、路线图，绘就产业发展新版图。' },
    ],
  },
  run,
};
