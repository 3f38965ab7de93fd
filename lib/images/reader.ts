/**
 * The picture reader: QR codes first (zxing-wasm), then text (PP-OCR detection + recognition through the
 * `paddleocr` runtime on onnxruntime-web's WASM backend, one thread). No DOM and no browser API: the offscreen
 * document, the CLI, the benchmark and the tests run this same code, each handing it the assets and raw pixels.
 *
 * One reader holds about 350 MB once loaded (the WASM heap never shrinks): the extension keeps it in an offscreen
 * document and closes that document when idle (entrypoints/offscreen), and reads one picture at a time.
 */
import * as ort from 'onnxruntime-web/wasm';
import { PaddleOcrService } from 'paddleocr';
import { prepareZXingModule, readBarcodes } from 'zxing-wasm/reader';
import type { ReaderAssets } from './assets';
import { composeReadText, type RawCode, type RawLine } from './read-text';
import { bandsFor } from './tiles';
import { READING_FORMAT, type PictureReading, type PixelBox, type Pixels } from './types';

/** Recognised lines below this confidence are dropped (PaddleOCR's drop_score). */
const MIN_CONFIDENCE = 0.5;

export interface PictureReader {
  read(pixels: Pixels, hash: string): Promise<PictureReading>;
  dispose(): Promise<void>;
}

function boxOf(points: readonly { x: number; y: number }[]): PixelBox {
  const xs = points.map((p) => p.x);
  const ys = points.map((p) => p.y);
  const x = Math.min(...xs);
  const y = Math.min(...ys);
  return { x: Math.round(x), y: Math.round(y), width: Math.round(Math.max(...xs) - x), height: Math.round(Math.max(...ys) - y) };
}

async function readCodes(pixels: Pixels): Promise<RawCode[]> {
  const results = await readBarcodes(
    { width: pixels.width, height: pixels.height, data: pixels.data } as unknown as ImageData,
    { formats: ['QRCode', 'MicroQRCode', 'DataMatrix', 'PDF417'], tryHarder: true, maxNumberOfSymbols: 8 },
  );
  return results
    .filter((r) => r.isValid && r.text)
    .map((r) => ({
      payload: r.text,
      format: r.format,
      box: boxOf([r.position.topLeft, r.position.topRight, r.position.bottomRight, r.position.bottomLeft]),
    }));
}

export async function createPictureReader(assets: ReaderAssets): Promise<PictureReader> {
  // One thread: two were slower on the 2-core machine, and threads would need cross-origin isolation.
  ort.env.wasm.numThreads = 1;
  ort.env.wasm.proxy = false;
  // The WASM comes from the caller's bytes, never from a CDN or a path guessed by the runtime.
  ort.env.wasm.wasmBinary = new Uint8Array(assets.ortWasm);
  prepareZXingModule({ overrides: { wasmBinary: assets.zxingWasm }, fireImmediately: true });

  const dictionary = assets.dictionary.replace(/\r/g, '').replace(/\n+$/, '').split('\n');
  dictionary.push(' '); // PP-OCR dictionaries are trained with use_space_char: the space is the last class.
  const ocr = await PaddleOcrService.createInstance({
    ort: ort as never,
    // PP-OCRv4 mobile shares PP-OCRv5 mobile's pre/post-processing (DB 960 max side, BGR, 48 px rec height).
    modelPreset: 'PP-OCRv5_mobile',
    detection: { modelBuffer: assets.detModel },
    recognition: { modelBuffer: assets.recModel, charactersDictionary: dictionary },
  });

  return {
    async read(pixels, hash) {
      const t0 = performance.now();
      const codes = await readCodes(pixels);
      const lines: RawLine[] = [];
      const { width, height } = pixels;
      for (const band of bandsFor(width, height)) {
        const data = new Uint8Array(pixels.data.buffer, pixels.data.byteOffset + band.top * width * 4, (band.bottom - band.top) * width * 4);
        const results = await ocr.recognize({ width, height: band.bottom - band.top, data });
        for (const r of results) {
          if (!r.text.trim() || r.confidence < MIN_CONFIDENCE) continue;
          const box = { x: Math.round(r.box.x), y: Math.round(r.box.y + band.top), width: Math.round(r.box.width), height: Math.round(r.box.height) };
          const centre = box.y + box.height / 2;
          if (centre < band.ownTop || centre >= band.ownBottom) continue;
          lines.push({ text: r.text, box, confidence: r.confidence });
        }
      }
      const composed = composeReadText(lines, codes);
      return { format: READING_FORMAT, hash, width, height, ...composed, ms: Math.round(performance.now() - t0) };
    },
    async dispose() {
      await ocr.destroy();
    },
  };
}
