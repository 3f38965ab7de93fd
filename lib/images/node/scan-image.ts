/**
 * Node-only: `npm run scan` on PNG/JPEG/WebP files. The reader (models loaded once, about 1–3 s) is shared by
 * every image of one call, so a folder of posters pays the start-up once.
 */
import { readFile } from 'node:fs/promises';
import type { Ruleset } from '../../core/ruleset';
import type { Finding } from '../../core/types';
import { contentHash } from '../content-hash';
import { createPictureReader, type PictureReader } from '../reader';
import { screenPicture } from '../screen-picture';
import { decodeImage } from './decode-image';
import { nodeReaderAssets } from './load-assets';

export { isImageFile } from './decode-image';

let reader: Promise<PictureReader> | undefined;

export interface ImageScan {
  findings: Finding[];
  /** What was read from the picture (OCR lines, then 二维码：payload lines); findings are offsets into it. */
  readText: string;
  hash: string;
}

export async function scanImageFile(file: string, ruleset: Ruleset): Promise<ImageScan> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new Error(code === 'ENOENT' ? `${file}: 文件不存在 (no such file)` : `${file}: 无法读取 (cannot read): ${(e as Error).message}`);
  }
  let pixels;
  try {
    pixels = await decodeImage(bytes);
  } catch (e) {
    throw new Error(`${file}: 无法解码图片 (cannot decode image, PNG/JPEG/WebP expected): ${(e as Error).message}`);
  }
  reader ??= nodeReaderAssets().then(createPictureReader);
  const reading = await (await reader).read(pixels, await contentHash(bytes));
  return { findings: screenPicture(reading, ruleset).findings, readText: reading.text, hash: reading.hash };
}

/** Frees the models so the process can exit promptly. */
export async function closeImageScanner(): Promise<void> {
  if (reader) await (await reader).dispose();
  reader = undefined;
}
