/**
 * The generated picture set of issue 13 (tests and `npm run bench:images`): posters, a long image, maps with and
 * without 审图号, QR posters and a photo with small text, rendered with Debian's Noto CJK fonts through
 * @napi-rs/canvas. Deterministic: the same PNG bytes every run. Every sentence and number is invented.
 */
import { readFileSync } from 'node:fs';
import { createCanvas, GlobalFonts, loadImage, type Canvas, type SKRSContext2D } from '@napi-rs/canvas';
import { prepareZXingModule, writeBarcode } from 'zxing-wasm/writer';
import { resolveAsset } from '../../lib/images/node/load-assets';

// @napi-rs/canvas registers the first face of Debian's Noto CJK collection (JP); SC is asked for first.
const SANS = '"Noto Sans CJK SC", "Noto Sans CJK JP"';

/** Without CJK fonts every picture would render as boxes and every reading test would fail obscurely. */
function requireCjkFont(): void {
  if (!GlobalFonts.families.some((f) => f.family.includes('CJK')))
    throw new Error('测试图片需要中文字体 (CJK fonts missing): apt-get install fonts-noto-cjk (.ci/run does)');
}

export interface GeneratedPicture {
  name: string;
  png: Uint8Array;
  width: number;
  height: number;
  /** Every text line drawn, in reading order: what a perfect reader would read. */
  drawn: string[];
  caption?: string;
}

function lcg(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

function canvas(width: number, height: number, background = '#fffaf0') {
  requireCjkFont();
  const c = createCanvas(width, height);
  const g = c.getContext('2d');
  g.fillStyle = background;
  g.fillRect(0, 0, width, height);
  g.fillStyle = '#1f1f1f';
  g.textBaseline = 'top';
  return { c, g };
}

function text(g: SKRSContext2D, drawn: string[], s: string, x: number, y: number, size: number, bold = false) {
  g.font = `${bold ? 'bold ' : ''}${size}px ${SANS}`;
  g.fillText(s, x, y);
  drawn.push(s);
}

let writerReady = false;
async function qrImage(payload: string) {
  if (!writerReady) {
    const wasm = readFileSync(resolveAsset('zxing-wasm/dist/writer/zxing_writer.wasm'));
    prepareZXingModule({ overrides: { wasmBinary: wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength) as ArrayBuffer }, fireImmediately: true });
    writerReady = true;
  }
  const out = await writeBarcode(payload, { format: 'QRCode', scale: 10 });
  if (!out.image) throw new Error(`QR writer failed: ${out.error}`);
  return loadImage(Buffer.from(await out.image.arrayBuffer()));
}

function finish(name: string, c: Canvas, drawn: string[], caption?: string): GeneratedPicture {
  return { name, png: new Uint8Array(c.toBuffer('image/png')), width: c.width, height: c.height, drawn, caption };
}

/** 1080×1500 recruitment poster with a contact mobile and an unmasked ID number. */
export function posterPii(): GeneratedPicture {
  const { c, g } = canvas(1080, 1500);
  const d: string[] = [];
  text(g, d, '桐溪县秋季公益招聘会', 90, 110, 72, true);
  const lines = [
    '时间：2026年10月18日上午9点',
    '地点：桐溪县体育馆一楼大厅',
    '参会单位：县内企业六十余家',
    '咨询电话：13912345678',
    '报名人身份证号：341802198604171233',
    '请携带个人简历和相关证书',
  ];
  lines.forEach((l, i) => text(g, d, l, 90, 320 + i * 150, 44));
  return finish('poster-pii', c, d);
}

/** 1080×3000 长图: a notice in many paragraphs, a mobile near the bottom (read in bands). */
export function longImage(): GeneratedPicture {
  const { c, g } = canvas(1080, 3000, '#ffffff');
  const d: string[] = [];
  text(g, d, '青石镇冬季防火安全提示', 90, 80, 64, true);
  const para = [
    '冬季天气干燥，火灾风险上升。',
    '请勿在林区野外用火和燃放孔明灯。',
    '使用电暖器时人走断电，远离可燃物。',
    '楼道内不得堆放杂物，保持通道畅通。',
    '电动自行车不得进楼入户充电。',
    '发现火情请立即拨打火警电话。',
  ];
  let y = 260;
  for (let k = 0; k < 3; k++)
    for (const p of para) {
      text(g, d, `${k + 1}．${p}`, 90, y, 42);
      y += 130;
    }
  text(g, d, '镇应急办值班手机：13587654321', 90, y + 40, 44);
  return finish('long-image', c, d);
}

function drawMapBase(g: SKRSContext2D, rnd: () => number, w: number, h: number) {
  g.fillStyle = '#eef5e9';
  g.fillRect(40, 40, w - 80, h - 80);
  g.strokeStyle = '#7a7a7a';
  g.lineWidth = 3;
  for (let k = 0; k < 5; k++) {
    g.beginPath();
    let x = 60 + rnd() * (w - 120);
    let y = 60;
    g.moveTo(x, y);
    while (y < h - 60) {
      x += (rnd() - 0.5) * 80;
      y += 40 + rnd() * 40;
      g.lineTo(x, Math.min(y, h - 60));
    }
    g.stroke();
  }
  g.fillStyle = '#1f1f1f';
}

/** 1080×1080 county map: place labels, 图例, 比例尺, optionally a 审图号 line. */
export function countyMap(withApproval: boolean): GeneratedPicture {
  const { c, g } = canvas(1080, 1080, '#ffffff');
  const d: string[] = [];
  drawMapBase(g, lcg(7), 1080, 1080);
  text(g, d, '桐溪县乡镇分布', 330, 60, 48, true);
  const places = ['青石镇', '白水乡', '东岭镇', '城关街道', '柳塘乡', '南山镇', '石桥乡', '云溪镇'];
  places.forEach((p, i) => text(g, d, p, 120 + (i % 3) * 300, 220 + Math.floor(i / 3) * 220, 36));
  text(g, d, '图例', 90, 860, 34, true);
  text(g, d, '比例尺 1:200000', 600, 860, 34);
  if (withApproval) text(g, d, '审图号：皖S(2024)021号', 90, 960, 34);
  return finish(withApproval ? 'map-approved' : 'map-no-approval', c, d);
}

/** 1080×1080 map of China whose labels name the provinces but no 南海诸岛 inset and no 台湾. */
export function chinaMapMissingInset(): GeneratedPicture {
  const { c, g } = canvas(1080, 1080, '#ffffff');
  const d: string[] = [];
  drawMapBase(g, lcg(11), 1080, 1080);
  text(g, d, '全国特色农产品分布', 300, 60, 48, true);
  const provinces = ['新疆', '西藏', '青海', '四川', '云南', '广东', '山东', '黑龙江', '内蒙古', '湖南', '浙江', '甘肃'];
  provinces.forEach((p, i) => text(g, d, p, 110 + (i % 4) * 230, 200 + Math.floor(i / 4) * 200, 36));
  text(g, d, '图例', 90, 900, 34, true);
  return finish('china-map-no-inset', c, d);
}

/** 1080×1500 poster with a QR code and a line of text under it. */
async function qrPoster(name: string, title: string, note: string, payload: string): Promise<GeneratedPicture> {
  const { c, g } = canvas(1080, 1500);
  const d: string[] = [];
  text(g, d, title, 90, 110, 64, true);
  const qr = await qrImage(payload);
  const size = 480;
  g.drawImage(qr, (1080 - size) / 2, 400, size, size);
  text(g, d, note, 90, 1000, 44);
  return finish(name, c, d);
}

export const SHOP_QR = 'https://item.taobao.com/item.htm?id=640012345678';
export const GOV_QR = 'https://www.tongxi.gov.cn/zwgk/2026/notice.html';

export function shopQrPoster(): Promise<GeneratedPicture> {
  return qrPoster('qr-shop', '桐溪好物年货节', '扫码进店选购特产', SHOP_QR);
}
export function govQrPoster(): Promise<GeneratedPicture> {
  return qrPoster('qr-gov', '桐溪县政务公开', '扫码查看通知全文', GOV_QR);
}

/** 1080×1350 "photo": a noisy gradient scene with a small sign (26 px text) carrying a mobile. */
export function photoSmallText(): GeneratedPicture {
  const { c, g } = canvas(1080, 1350);
  const d: string[] = [];
  const grad = g.createLinearGradient(0, 0, 0, 1350);
  grad.addColorStop(0, '#8fb3d9');
  grad.addColorStop(0.6, '#c9b79c');
  grad.addColorStop(1, '#6b5a45');
  g.fillStyle = grad;
  g.fillRect(0, 0, 1080, 1350);
  const rnd = lcg(3);
  for (let k = 0; k < 4000; k++) {
    const v = Math.floor(rnd() * 255);
    g.fillStyle = `rgba(${v},${v},${v},0.15)`;
    g.fillRect(rnd() * 1080, rnd() * 1350, 3, 3);
  }
  g.fillStyle = '#f4f1e8';
  g.fillRect(300, 700, 480, 150);
  g.fillStyle = '#222';
  text(g, d, '共享单车停放点', 350, 720, 26);
  text(g, d, '管理员：13698765432', 350, 775, 26);
  return finish('photo-small-text', c, d);
}

export async function generatePictures(): Promise<GeneratedPicture[]> {
  return [posterPii(), longImage(), countyMap(true), countyMap(false), chinaMapMissingInset(), await shopQrPoster(), await govQrPoster(), photoSmallText()];
}
