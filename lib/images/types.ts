/**
 * What reading a picture yields (lib/images/reader.ts) and what the screening of a picture works on.
 * Pure types: the same records travel from the offscreen document, sit in the IndexedDB cache and feed the CLI.
 */

/** Bump when the reader's output for the same pixels can change (models, thresholds, text layout). */
export const READING_FORMAT = 'xianshen-picture-reading/1';

/** Axis-aligned box in picture pixels: the sidebar outlines a span on the thumbnail with it. */
export interface PixelBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** One recognised text line, with its place in the picture's read text. */
export interface ReadLine {
  text: string;
  /** UTF-16 offsets into PictureReading.text. */
  start: number;
  end: number;
  box: PixelBox;
  confidence: number;
}

/** One decoded QR code (or other 2-D code), with its place in the picture's read text. */
export interface ReadCode {
  /** The decoded payload, as the code carries it. */
  payload: string;
  format: string;
  /** UTF-16 offsets of the payload inside PictureReading.text. */
  start: number;
  end: number;
  box: PixelBox;
}

export interface PictureReading {
  format: typeof READING_FORMAT;
  /** SHA-256 of the picture's bytes, lower-case hex: the cache key and the id in `field: "image:<hash>"`. */
  hash: string;
  width: number;
  height: number;
  /**
   * Everything read from the picture, as one text: the OCR lines in reading order, one per line, then one line
   * `二维码：<payload>` per decoded code. Findings carry exact offsets into this text.
   */
  text: string;
  lines: ReadLine[];
  codes: ReadCode[];
  /** Milliseconds spent reading (decode excluded), for the figures. */
  ms: number;
}

/** Raw pixels, RGBA (4 bytes a pixel), as ImageData, @napi-rs/canvas and the offscreen canvas give them. */
export interface Pixels {
  width: number;
  height: number;
  data: Uint8Array | Uint8ClampedArray;
}

/** The picture field name a picture's findings carry. */
export function pictureField(hash: string): string {
  return `image:${hash}`;
}

export function isPictureField(field: string): boolean {
  return field.startsWith('image:');
}

/** Where a picture of the draft stands with the reader. `not-read` carries the zh-CN reason (never a pass). */
export type PictureOutcome =
  | { status: 'reading' }
  | { status: 'read'; reading: PictureReading }
  | { status: 'not-read'; reason: string };
