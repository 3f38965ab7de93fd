/**
 * Lays out a picture's read text: OCR lines in reading order, one per line, then one `二维码：<payload>` line per
 * decoded code. Every line and payload keeps its exact offsets, so a finding in the text points back to a box
 * in the picture.
 */
import type { PixelBox, ReadCode, ReadLine } from './types';

export const CODE_LABEL = '二维码：';

export interface RawLine {
  text: string;
  box: PixelBox;
  confidence: number;
}

export interface RawCode {
  payload: string;
  format: string;
  box: PixelBox;
}

export function composeReadText(rawLines: readonly RawLine[], rawCodes: readonly RawCode[]): { text: string; lines: ReadLine[]; codes: ReadCode[] } {
  let text = '';
  const lines: ReadLine[] = [];
  const codes: ReadCode[] = [];
  const newline = () => {
    if (text.length) text += '\n';
  };
  for (const l of rawLines) {
    const t = l.text.replace(/[\r\n]+/g, ' ').trim();
    if (!t) continue;
    newline();
    const start = text.length;
    text += t;
    lines.push({ text: t, start, end: text.length, box: l.box, confidence: l.confidence });
  }
  for (const c of rawCodes) {
    // A payload with line breaks (vCard, WIFI:) stays one line of read text: offsets stay simple to show.
    const payload = c.payload.replace(/[\r\n]+/g, ' ').trim();
    if (!payload) continue;
    newline();
    text += CODE_LABEL;
    const start = text.length;
    text += payload;
    codes.push({ payload, format: c.format, start, end: text.length, box: c.box });
  }
  return { text, lines, codes };
}

/** The box of the read-text span [start, end): the union of the boxes of the lines or codes it touches. */
export function boxOfSpan(lines: readonly (ReadLine | ReadCode)[], start: number, end: number): PixelBox | undefined {
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (const l of lines) {
    if (l.end <= start || l.start >= end) continue;
    x0 = Math.min(x0, l.box.x);
    y0 = Math.min(y0, l.box.y);
    x1 = Math.max(x1, l.box.x + l.box.width);
    y1 = Math.max(y1, l.box.y + l.box.height);
  }
  return x0 === Infinity ? undefined : { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
}
