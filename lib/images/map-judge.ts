/**
 * Is a picture a map, and does it show what a published map must (issue 13, 3; 003 第九条, 004 第三十一条)?
 * Judged only from text: what the reader recognised in the picture (legend, scale, north arrow labels, place
 * names, the 南海诸岛 inset label) and the picture's caption. Whether borders, islands and colours are drawn
 * right cannot be told from text: a human must still look at every map.
 */
import { APPROVAL_LABEL_RE, APPROVAL_RE } from '../checks/util/map-scan';
import { folded, toOriginal } from '../core/normalize';
import type { ReadLine } from './types';

/** Map furniture whose label the reader can see. */
const FURNITURE = ['图例', '比例尺', '指北针', '南海诸岛', '审图号', '九段线', '国界', '省界', '县界', '界线'];
/** A scale: 1:50000, 1：2 000 000, or a scale bar's 0 10 20 千米 / 50km label. */
const SCALE_RE = /1\s?[:：]\s?\d[\d,， ]{2,}\d|(?:^|\s)\d{1,4}\s?(?:km|千米|公里)(?:$|\s)/m;
/** Words in a caption that say the picture is a map (the map-words list covers the body; captions are short). */
const CAPTION_MAP_RE = /地图|示意图|区位图|区划图|分布图|线路图|导览图|导游图|游览图|交通图|位置图|地形图|影像图|卫星图|全图/;
const CAPTION_GUARD_RE = /高德地图|百度地图|腾讯地图|苹果地图|地图导航|地图管理条例/;
const PROVINCES = [
  '北京', '天津', '上海', '重庆', '河北', '山西', '辽宁', '吉林', '黑龙江', '江苏', '浙江', '安徽', '福建', '江西', '山东',
  '河南', '湖北', '湖南', '广东', '海南', '四川', '贵州', '云南', '陕西', '甘肃', '青海', '台湾', '内蒙古', '广西', '西藏',
  '宁夏', '新疆', '香港', '澳门',
];
/** A label that is only a place name: 青石镇, 安澜市, 黑龙江省, 城关街道. */
const PLACE_LABEL_RE = /^[\u4e00-\u9fa5]{1,6}(?:省|市|县|区|镇|乡|街道|村|州|盟|旗|自治区|自治州|自治县)$/;
/** Map labels are short; a poster's sentences are not. */
const LABEL_MAX = 8;
/** Distinct place labels that make a picture a map of places (a poster names two or three). */
const DENSE_PLACES = 6;
/** Distinct province-level names that make it a map of China. */
const CHINA_PROVINCES = 8;
const CHINA_MAP_RE = /中国地图|中华人民共和国地图|全国地图|中国政区图/;

export interface MapCue {
  /** What was seen, zh-CN, e.g. '图例', '比例尺 1:50000', '地名 12 处'. */
  label: string;
  /** Offsets into the read text, when the cue is in the picture (not the caption). */
  start?: number;
  end?: number;
}

export interface MapJudgement {
  isMap: boolean;
  /** What made it a map (or the weak cues seen when it is not). */
  cues: MapCue[];
  /** The picture looks like a map of the whole of China. */
  chinaMap: boolean;
  /** Where a 审图号 was found: in the picture, its caption, or the draft's text. */
  approvalNumberIn?: 'picture' | 'caption' | 'text';
  /** A China map on which the reader saw no 南海诸岛 inset label. */
  missingSouthChinaSea: boolean;
  /** A China map on which the reader saw no 台湾 label. */
  missingTaiwan: boolean;
}

export function hasApprovalNumber(text: string): boolean {
  const f = folded(text).text;
  return APPROVAL_RE.test(f) || APPROVAL_LABEL_RE.test(f);
}

export interface MapInput {
  text: string;
  lines: readonly ReadLine[];
  caption?: string;
  /** The draft's own text fields, which may carry the 审图号 for the picture. */
  draftTexts?: readonly string[];
}

export function judgeMap({ text, lines, caption = '', draftTexts = [] }: MapInput): MapJudgement {
  const cues: MapCue[] = [];
  let strong = 0;
  for (const word of FURNITURE) {
    const at = text.indexOf(word);
    if (at < 0) continue;
    strong++;
    cues.push({ label: word, start: at, end: at + word.length });
  }
  const norm = folded(text);
  const scale = SCALE_RE.exec(norm.text);
  if (scale) {
    const normStart = scale.index + (scale[0].length - scale[0].trimStart().length);
    const { start, end } = toOriginal(norm, normStart, scale.index + scale[0].trimEnd().length);
    // The word 比例尺 and its ratio are one cue.
    if (!text.includes('比例尺')) strong++;
    cues.push({ label: `比例 ${text.slice(start, end)}`, start, end });
  }

  const shortLines = lines.filter((l) => l.text.length <= LABEL_MAX);
  const placeLines = shortLines.filter((l) => PLACE_LABEL_RE.test(l.text) || PROVINCES.some((p) => l.text === p || l.text.startsWith(p)));
  const places = new Set(placeLines.map((l) => l.text));
  const dense = places.size >= DENSE_PLACES;
  if (dense) cues.push({ label: `地名标注 ${places.size} 处`, start: placeLines[0].start, end: placeLines[0].end });

  const provinces = new Set(PROVINCES.filter((p) => shortLines.some((l) => l.text.startsWith(p) || (l.text.length <= 4 && l.text.includes(p)))));
  const chinaNamed = CHINA_MAP_RE.test(text) || CHINA_MAP_RE.test(caption);
  const captionMap = CAPTION_MAP_RE.test(caption) && !CAPTION_GUARD_RE.test(caption);
  if (captionMap) cues.push({ label: `图注“${caption.trim().slice(0, 20)}”` });

  const isMap = strong >= 2 || (strong >= 1 && (dense || captionMap)) || (dense && captionMap) || captionMap || places.size >= 2 * DENSE_PLACES || chinaNamed;
  const chinaMap = isMap && (provinces.size >= CHINA_PROVINCES || chinaNamed);

  let approvalNumberIn: MapJudgement['approvalNumberIn'];
  if (hasApprovalNumber(text)) approvalNumberIn = 'picture';
  else if (caption && hasApprovalNumber(caption)) approvalNumberIn = 'caption';
  else if (draftTexts.some(hasApprovalNumber)) approvalNumberIn = 'text';

  return {
    isMap,
    cues,
    chinaMap,
    approvalNumberIn,
    missingSouthChinaSea: chinaMap && !/南海诸岛|九段线/.test(text),
    missingTaiwan: chinaMap && !text.includes('台湾'),
  };
}

/** The span a map finding points at: the first cue seen in the picture, else its first line. */
export function mapFindingSpan(j: MapJudgement, lines: readonly ReadLine[]): { start: number; end: number } | undefined {
  const inPicture = j.cues.filter((c) => c.start !== undefined && c.end !== undefined).sort((a, b) => a.start! - b.start!);
  if (inPicture.length) return { start: inPicture[0].start!, end: inPicture[0].end! };
  return lines.length ? { start: lines[0].start, end: lines[0].end } : undefined;
}
