/**
 * The pure part of picture screening (lib/images): read-text layout, QR targets, the map judgement and
 * screenPicture over hand-made readings. No model here: tests/unit/images-reader.test.ts reads real pictures.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { judgeMap } from '../../lib/images/map-judge';
import { classifyQrTarget } from '../../lib/images/qr-target';
import { boxOfSpan, CODE_LABEL, composeReadText, type RawCode, type RawLine } from '../../lib/images/read-text';
import { screenPicture } from '../../lib/images/screen-picture';
import { bandsFor } from '../../lib/images/tiles';
import { READING_FORMAT, type PictureReading } from '../../lib/images/types';
import { shippedRuleset } from './helpers/shipped-lists';

const box = (y: number) => ({ x: 10, y, width: 200, height: 40 });
const rawLines = (texts: string[]): RawLine[] => texts.map((text, i) => ({ text, box: box(i * 60), confidence: 0.95 }));

function reading(texts: string[], codes: string[] = []): PictureReading {
  const rawCodes: RawCode[] = codes.map((payload) => ({ payload, format: 'QRCode', box: { x: 300, y: 300, width: 200, height: 200 } }));
  return { format: READING_FORMAT, hash: 'ab'.repeat(32), width: 1080, height: 1500, ms: 0, ...composeReadText(rawLines(texts), rawCodes) };
}

describe('read text layout', () => {
  it('keeps exact offsets for every line and code payload', () => {
    const r = reading(['  第一行  ', '', '电话：13912345678'], ['https://m.tb.cn/h.abc']);
    expect(r.text).toBe(`第一行\n电话：13912345678\n${CODE_LABEL}https://m.tb.cn/h.abc`);
    for (const l of r.lines) expect(r.text.slice(l.start, l.end)).toBe(l.text);
    for (const c of r.codes) expect(r.text.slice(c.start, c.end)).toBe(c.payload);
    expect(boxOfSpan(r.lines, r.lines[1].start + 3, r.lines[1].end)).toEqual(box(120));
  });
});

describe('long images are read in bands', () => {
  it('covers every row once with overlapping bands', () => {
    expect(bandsFor(1080, 1500)).toHaveLength(1);
    const bands = bandsFor(1080, 3000);
    expect(bands.length).toBeGreaterThan(1);
    expect(bands[0].ownTop).toBe(0);
    expect(bands.at(-1)!.bottom).toBe(3000);
    expect(bands.at(-1)!.ownBottom).toBe(3000);
    for (let i = 1; i < bands.length; i++) {
      expect(bands[i].ownTop).toBe(bands[i - 1].ownBottom);
      expect(bands[i].top).toBeLessThan(bands[i - 1].bottom);
    }
  });
});

describe('QR targets', () => {
  const rs = shippedRuleset();
  it.each([
    ['wxp://f2f0a1b2c3d4e5', 'payment', 'block'],
    ['https://qr.alipay.com/fkx12345abcde', 'payment', 'block'],
    ['https://u.wechat.com/EAbcdEFgh1234', 'personal-wechat', 'review'],
    ['https://weixin.qq.com/g/AbCdEfGh123', 'personal-wechat', 'review'],
    ['https://item.taobao.com/item.htm?id=1', 'ecommerce', 'block'],
    ['m.tb.cn/h.5ZqYx2k', 'ecommerce', 'block'],
    ['https://t.cn/A6abcdE', 'short-link', 'review'],
  ])('%s is an ad (%s)', (payload, kind, severity) => {
    const t = classifyQrTarget(payload, rs);
    expect(t.kind).toBe(kind);
    expect(t.category).toBe('ad');
    expect(t.severity).toBe(severity);
  });
  it.each([
    ['https://www.tongxi.gov.cn/zwgk/notice.html', 'government'],
    ['http://www.gov.cn/zhengce/', 'government'],
    ['https://www.people.com.cn/n1/2026/a.html', 'approved-source'],
  ])('%s is fine (%s)', (payload, kind) => {
    const t = classifyQrTarget(payload, rs);
    expect(t.kind).toBe(kind);
    expect(t.category).toBeUndefined();
  });
  it('plain text in a code is screened as text, not judged as a link', () => {
    expect(classifyQrTarget('桐溪县图书馆借阅证 0012', rs).kind).toBe('text');
  });
});

describe('map judgement (from read text and caption only)', () => {
  const places = ['青石镇', '白水乡', '东岭镇', '城关街道', '柳塘乡', '南山镇'];
  const judge = (texts: string[], caption?: string, draftTexts?: string[]) => {
    const r = reading(texts);
    return judgeMap({ text: r.text, lines: r.lines, caption, draftTexts });
  };
  it('place labels with a legend make a map; its 审图号 may be on the picture, the caption or in the text', () => {
    expect(judge([...places, '图例']).isMap).toBe(true);
    expect(judge([...places, '图例']).approvalNumberIn).toBeUndefined();
    expect(judge([...places, '图例', '审图号：皖S(2024)021号']).approvalNumberIn).toBe('picture');
    expect(judge([...places, '图例'], '桐溪县乡镇图 审图号GS(2023)2762号').approvalNumberIn).toBe('caption');
    expect(judge([...places, '图例'], undefined, ['底图来源：标准地图服务，审图号GS京(2022)1061号']).approvalNumberIn).toBe('text');
  });
  it('a scale and a legend make a map without place names; a caption alone does too', () => {
    expect(judge(['图例', '比例尺 1:50000']).isMap).toBe(true);
    expect(judge(['青石古镇旅游'], '青石古镇导览图').isMap).toBe(true);
  });
  it('a poster that names a few places in sentences is not a map', () => {
    expect(judge(['活动覆盖青石镇、白水乡和东岭镇三个乡镇的村民', '咨询电话：0551-1234567']).isMap).toBe(false);
    expect(judge(['打开高德地图搜索青石古镇'], '高德地图截图').isMap).toBe(false);
  });
  it('a map of China without the 南海诸岛 inset and 台湾 is a possible problem map', () => {
    const provinces = ['新疆', '西藏', '青海', '四川', '云南', '广东', '山东', '黑龙江', '内蒙古', '湖南'];
    const j = judge([...provinces, '图例']);
    expect(j.chinaMap).toBe(true);
    expect(j.missingSouthChinaSea).toBe(true);
    expect(j.missingTaiwan).toBe(true);
    const ok = judge([...provinces, '台湾', '南海诸岛', '图例']);
    expect(ok.missingSouthChinaSea).toBe(false);
    expect(ok.missingTaiwan).toBe(false);
  });
});

describe('screenPicture', () => {
  const rs = shippedRuleset();
  it('screens read text like a field: PII on a poster, with exact offsets into the read text', () => {
    const r = reading(['桐溪县招聘会', '咨询电话：13912345678', '身份证号：341802198604171233']);
    const { findings, field } = screenPicture(r, rs);
    expect(field).toBe(`image:${r.hash}`);
    const pii = findings.filter((f) => f.category === 'pii');
    expect(pii.map((f) => f.text).sort()).toEqual(['13912345678', '341802198604171233']);
    for (const f of findings) {
      expect(f.field).toBe(field);
      expect(r.text.slice(f.start, f.end)).toBe(f.text);
      expect(f.message).toContain('请对照原图核实');
    }
  });
  it('a shop QR code is one ad finding on its payload; a government QR code is none', () => {
    const shop = reading(['年货节', '扫码进店'], ['https://item.taobao.com/item.htm?id=640012345678']);
    const ads = screenPicture(shop, rs).findings.filter((f) => f.category === 'ad' && f.severity !== 'info');
    expect(ads).toHaveLength(1);
    expect(ads[0]).toMatchObject({ check: 'ad.qr-ecommerce', severity: 'block', text: 'https://item.taobao.com/item.htm?id=640012345678' });
    const gov = screenPicture(reading(['政务公开', '扫码查看'], ['https://www.tongxi.gov.cn/a.html']), rs);
    expect(gov.findings).toEqual([]);
    expect(gov.codes[0].kind).toBe('government');
  });
  it('a harmful payload is a sensitive finding from screening the read text', () => {
    const r = reading(['扫码'], ['代开发票 电话13912345678']);
    const s = screenPicture(r, rs);
    expect(s.findings.some((f) => f.category === 'sensitive' && f.start >= r.codes[0].start)).toBe(true);
  });
  it('a map picture without 审图号 anywhere is a map finding; with one in the body it is not', () => {
    const r = reading(['桐溪县乡镇分布', '青石镇', '白水乡', '东岭镇', '城关街道', '柳塘乡', '南山镇', '图例']);
    const s = screenPicture(r, rs);
    expect(s.findings.map((f) => f.check)).toEqual(['map.picture-no-approval-number']);
    expect(s.findings[0].text).toBe('青石镇');
    expect(s.findings[0].message).toContain('须人工看图确认');
    expect(screenPicture(r, rs, { draftTexts: ['附图审图号：皖S(2024)021号'] }).findings).toEqual([]);
  });
  it('ids are stable across re-screens', () => {
    const r = reading(['咨询电话：13912345678'], ['https://u.wechat.com/EAbcdEFgh1234']);
    expect(screenPicture(r, rs).findings.map((f) => f.id)).toEqual(screenPicture(r, rs).findings.map((f) => f.id));
  });
});

describe('lib/images stays free of the DOM and extension APIs', () => {
  const FORBIDDEN = /\b(?:window|document|browser|chrome|navigator)\s*(?:\.|\[)|\b(?:localStorage|indexedDB|HTMLElement|MutationObserver)\b|from\s+['"](?:wxt\/|#imports|react)/;
  const files = (dir: string): string[] =>
    readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? files(join(dir, n)) : n.endsWith('.ts') ? [join(dir, n)] : []));
  it.each(files(join(__dirname, '..', '..', 'lib', 'images')))('%s', (file) => {
    const code = readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:])\/\/.*$/gm, '$1');
    expect(code).not.toMatch(FORBIDDEN);
  });
});
