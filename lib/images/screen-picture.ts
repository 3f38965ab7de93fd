/**
 * Screens what a picture says with the same screen() as a text field (issue 13, 2), plus what only a picture
 * has: decoded QR codes (qr-target.ts) and the map judgement (map-judge.ts). Every finding carries
 * `field: "image:<hash>"` and exact offsets into the picture's read text, so reading.text.slice(start, end) is
 * always the finding's text.
 */
import { fingerprint } from '../core/fingerprint';
import type { Ruleset } from '../core/ruleset';
import { screen } from '../core/screen';
import type { CheckDef } from '../core/check';
import { CHECKS } from '../checks/index';
import type { Finding } from '../core/types';
import { judgeMap, mapFindingSpan, type MapJudgement } from './map-judge';
import { classifyQrTarget, QR_CLAUSE, type QrTarget } from './qr-target';
import { pictureField, type PictureReading } from './types';

const MAP_CLAUSE = '004_ffa469a3430680ee.txt 第三十一条';
const PROBLEM_MAP_CLAUSE = '003_54205cdec66d062b.txt 第九条';
/** Said on every finding from read text: the reader can misread, and only a person sees the picture whole. */
export const READ_TEXT_NOTE = '（据本机识别的图中文字判断，请对照原图核实）';
/** Text checks whose job the picture-level judgement does with more context (caption, whole draft, QR target). */
const REPLACED_CHECKS = new Set(['map.no-approval-number']);
const LINK_CHECKS = new Set(['ad.ecommerce-link', 'ad.short-link']);

export interface PictureContext {
  /** alt text or caption beside the picture in the draft. */
  caption?: string;
  /** The draft's text fields: a 审图号 in the body counts for a map picture. */
  draftTexts?: readonly string[];
  /** The sub-checks in force (settings/policy disabledChecks applied); all registered ones by default. */
  checks?: readonly CheckDef[];
}

export interface PictureScreening {
  field: string;
  findings: Finding[];
  /** One per decoded code, in the order of reading.codes. */
  codes: (QrTarget & { payload: string })[];
  map: MapJudgement;
}

function extraFinding(field: string, text: string, f: Omit<Finding, 'id' | 'field' | 'text'>): Finding {
  const matched = text.slice(f.start, f.end);
  return { id: fingerprint([f.check, field, matched, String(f.start)]), field, text: matched, ...f };
}

export function screenPicture(reading: PictureReading, ruleset: Ruleset, ctx: PictureContext = {}): PictureScreening {
  const field = pictureField(reading.hash);
  const { text } = reading;
  const findings: Finding[] = [];

  const codes = reading.codes.map((c) => ({ ...classifyQrTarget(c.payload, ruleset), payload: c.payload }));
  const inCode = (f: Finding) => reading.codes.some((c) => f.start >= c.start && f.end <= c.end);

  if (text) {
    for (const f of screen({ platform: 'generic', fields: { [field]: text } }, ruleset, ctx.checks ?? CHECKS)) {
      if (REPLACED_CHECKS.has(f.check)) continue;
      // A link inside a decoded code is judged by its target below, once.
      if (LINK_CHECKS.has(f.check) && inCode(f)) continue;
      findings.push({ ...f, message: f.message + READ_TEXT_NOTE });
    }
  }

  reading.codes.forEach((c, i) => {
    const target = codes[i];
    // A payload that screening found harmful (sensitive terms) is already a sensitive finding on its span.
    if (!target.category || !target.severity) return;
    findings.push(
      extraFinding(field, text, {
        check: `ad.qr-${target.kind}`,
        category: target.category,
        severity: target.severity,
        start: c.start,
        end: c.end,
        message: target.message,
        clause: QR_CLAUSE,
      }),
    );
  });

  const map = judgeMap({ text, lines: reading.lines, caption: ctx.caption, draftTexts: ctx.draftTexts });
  const span = map.isMap ? mapFindingSpan(map, reading.lines) : undefined;
  if (span && !map.approvalNumberIn)
    findings.push(
      extraFinding(field, text, {
        check: 'map.picture-no-approval-number',
        category: 'map',
        severity: 'review',
        ...span,
        message: `这张图片像是地图（${map.cues.map((c) => c.label).join('、')}），但图上、图注和正文都未见审图号：请使用标准地图或依法取得审图号的地图，并在图上或图注中标注审图号和地图来源。是否为地图、国界和行政区域界线画法是否正确，须人工看图确认。`,
        clause: MAP_CLAUSE,
      }),
    );
  if (span && (map.missingSouthChinaSea || map.missingTaiwan)) {
    const missing = [map.missingSouthChinaSea ? '南海诸岛插图（或九段线）' : '', map.missingTaiwan ? '台湾' : ''].filter(Boolean).join('、');
    findings.push(
      extraFinding(field, text, {
        check: 'map.possible-problem-map',
        category: 'map',
        severity: 'review',
        ...span,
        message: `这张图片像是全国地图，但本机未在图中读到${missing}的标注：可能是“问题地图”（国界线画法错误、漏绘南海诸岛或重要岛屿）。请人工对照标准地图核对国界、南海诸岛、台湾岛、钓鱼岛和赤尾屿等是否完整正确；文字识别无法判断线条与着色。`,
        clause: PROBLEM_MAP_CLAUSE,
      }),
    );
  }

  findings.sort((a, b) => a.start - b.start || a.end - b.end || a.check.localeCompare(b.check));
  return { field, findings, codes, map };
}
