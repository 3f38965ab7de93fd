// @vitest-environment node
/**
 * Reads the generated picture set (tests/images/generate.ts) with the real models, once each, with one loaded
 * reader shared by every test, then screens the readings as the extension and the CLI do.
 * Stated accuracy: character error rate at most 5% per picture against the drawn text, digits exact.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentHash } from '../../lib/images/content-hash';
import { decodeImage } from '../../lib/images/node/decode-image';
import { nodeReaderAssets } from '../../lib/images/node/load-assets';
import { createPictureReader, type PictureReader } from '../../lib/images/reader';
import { screenPicture, type PictureScreening } from '../../lib/images/screen-picture';
import type { PictureReading } from '../../lib/images/types';
import { generatePictures, GOV_QR, SHOP_QR, type GeneratedPicture } from '../images/generate';
import { shippedRuleset } from './helpers/shipped-lists';

const MAX_CER = 0.05;

/** Levenshtein distance over code points. */
function editDistance(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const cur = [i];
    for (let j = 1; j <= y.length; j++) cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (x[i - 1] === y[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[y.length];
}

/** Punctuation width and spacing are not reading errors (１． vs 1. , 比例尺 1: vs 比例尺1:). */
const canon = (s: string) => s.normalize('NFKC').replace(/[\s。．.，,]/g, '');

let reader: PictureReader;
const pictures = new Map<string, { pic: GeneratedPicture; reading: PictureReading; screening: PictureScreening }>();

beforeAll(async () => {
  reader = await createPictureReader(await nodeReaderAssets());
  const rs = shippedRuleset();
  for (const pic of await generatePictures()) {
    const reading = await reader.read(await decodeImage(pic.png), await contentHash(pic.png));
    pictures.set(pic.name, { pic, reading, screening: screenPicture(reading, rs, { caption: pic.caption }) });
  }
}, 240_000);

afterAll(async () => {
  await reader?.dispose();
});

const get = (name: string) => pictures.get(name)!;
const checks = (name: string) => get(name).screening.findings.filter((f) => f.severity !== 'info').map((f) => f.check);

describe('reading the generated picture set', () => {
  it.each(['poster-pii', 'long-image', 'map-approved', 'map-no-approval', 'china-map-no-inset', 'qr-shop', 'qr-gov', 'photo-small-text'])(
    '%s: read text within the stated character error rate, digits exact',
    (name) => {
      const { pic, reading } = get(name);
      const expected = canon(pic.drawn.join(''));
      const read = canon(reading.lines.map((l) => l.text).join(''));
      const cer = editDistance(expected, read) / expected.length;
      expect(cer, `read:\n${reading.text}`).toBeLessThanOrEqual(MAX_CER);
      const digits = (s: string) => s.match(/\d{5,}/g) ?? [];
      expect(digits(read)).toEqual(digits(expected));
    },
  );

  it('a poster with a mobile and an ID number: both are PII findings on the picture, spans exact', () => {
    const { reading, screening } = get('poster-pii');
    const pii = screening.findings.filter((f) => f.category === 'pii' && f.severity !== 'info');
    expect(pii.map((f) => f.text).sort()).toEqual(['13912345678', '341802198604171233']);
    for (const f of screening.findings) expect(reading.text.slice(f.start, f.end)).toBe(f.text);
    expect(pii.every((f) => f.field === `image:${reading.hash}`)).toBe(true);
  });

  it('a long image is read to its last line (the mobile at the bottom is found)', () => {
    const { screening } = get('long-image');
    expect(screening.findings.some((f) => f.category === 'pii' && f.text === '13587654321')).toBe(true);
  });

  it('maps: with 审图号 fine, without it a map finding, a China map without 南海诸岛 flagged for review', () => {
    expect(get('map-approved').screening.map.isMap).toBe(true);
    expect(checks('map-approved')).toEqual([]);
    expect(checks('map-no-approval')).toEqual(['map.picture-no-approval-number']);
    expect(checks('china-map-no-inset').sort()).toEqual(['map.picture-no-approval-number', 'map.possible-problem-map']);
  });

  it('QR posters: the shop code is an ad, the government code is fine', () => {
    expect(get('qr-shop').reading.codes.map((c) => c.payload)).toEqual([SHOP_QR]);
    // 扫码进店选购 beside the code also scores as a soft ad: both are the ad category.
    expect(checks('qr-shop')).toContain('ad.qr-ecommerce');
    expect(get('qr-shop').screening.findings.every((f) => f.category === 'ad')).toBe(true);
    expect(get('qr-gov').reading.codes.map((c) => c.payload)).toEqual([GOV_QR]);
    expect(checks('qr-gov')).toEqual([]);
  });

  it('a photo with small text: the mobile on the sign is found', () => {
    expect(get('photo-small-text').screening.findings.filter((f) => f.category === 'pii').map((f) => f.text)).toEqual(['13698765432']);
  });

  it('pictures without a problem have no finding a reviewer must act on', () => {
    expect(checks('qr-gov')).toEqual([]);
    expect(checks('map-approved')).toEqual([]);
  });
});
