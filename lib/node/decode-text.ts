/**
 * Text files as Windows editors write them: UTF-8 (with or without BOM), UTF-16 (Notepad's "Unicode") and
 * GBK/GB18030 (Notepad's "ANSI" on a Chinese system). Fuzzing found GBK and UTF-16 drafts screened as
 * mojibake with exit 0; a draft must be read as written or refused, never screened garbled.
 *
 * Decision procedure (every decoder is the platform's TextDecoder with fatal: true, so a wrong guess fails
 * instead of producing replacement characters):
 *   1. A BOM decides: EF BB BF -> UTF-8, FF FE -> UTF-16LE, FE FF -> UTF-16BE.
 *   2. Valid UTF-8 without NUL bytes -> UTF-8 (ASCII included; GBK text practically never validates).
 *   3. Otherwise GB18030, UTF-16LE and UTF-16BE are tried; each result that decodes is scored by the share
 *      of its characters that are plausible in a Chinese document (ASCII text, the GB2312 repertoire of
 *      common hanzi and punctuation, CJK and full-width punctuation). The best wins if it scores at least
 *      MIN_SCORE and beats the next by MARGIN; mis-decoded text scatters over rare hanzi, Hangul, private
 *      use and control codes and scores far lower.
 *   4. Anything else is refused with an EncodingError (exit 2 in the CLI): the user re-saves as UTF-8.
 */
export class EncodingError extends Error {
  override name = 'EncodingError';
}

export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

export interface DecodedText {
  text: string;
  encoding: TextEncodingName;
  /** How it was decided. */
  by: 'bom' | 'valid-utf8' | 'detected';
}

const MIN_SCORE = 0.9;
const MARGIN = 0.2;

function decode(encoding: TextEncodingName, bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return undefined;
  }
}

let gb2312: Set<number> | undefined;
/** Code points of GB2312 (rows A1-F7, cells A1-FE): the characters of ordinary simplified Chinese text. */
function gb2312Repertoire(): Set<number> {
  if (gb2312) return gb2312;
  const bytes: number[] = [];
  for (let row = 0xa1; row <= 0xf7; row++) for (let cell = 0xa1; cell <= 0xfe; cell++) bytes.push(row, cell);
  const text = new TextDecoder('gb18030').decode(new Uint8Array(bytes));
  gb2312 = new Set<number>();
  for (const ch of text) if (ch !== '\ufffd') gb2312.add(ch.codePointAt(0)!);
  return gb2312;
}

function plausible(code: number, repertoire: Set<number>): boolean {
  if (code === 0x09 || code === 0x0a || code === 0x0d) return true;
  if (code >= 0x20 && code < 0x7f) return true;
  if (code >= 0x3000 && code <= 0x303f) return true; // CJK punctuation
  if (code >= 0xff01 && code <= 0xff5e) return true; // full-width forms
  if (code >= 0x2010 && code <= 0x2027) return true; // dashes, quotes, ellipsis
  return repertoire.has(code);
}

/** Share of plausible characters (0..1). */
export function plausibility(text: string): number {
  const repertoire = gb2312Repertoire();
  let good = 0;
  let total = 0;
  for (const ch of text) {
    total++;
    if (plausible(ch.codePointAt(0)!, repertoire)) good++;
  }
  return total ? good / total : 1;
}

export function decodeText(bytes: Uint8Array, name: string): DecodedText {
  const bom: [number[], TextEncodingName][] = [
    [[0xef, 0xbb, 0xbf], 'utf-8'],
    [[0xff, 0xfe], 'utf-16le'],
    [[0xfe, 0xff], 'utf-16be'],
  ];
  for (const [mark, encoding] of bom) {
    if (mark.every((b, i) => bytes[i] === b)) {
      const text = decode(encoding, bytes);
      if (text === undefined) throw new EncodingError(`${name}: 文件以 ${encoding.toUpperCase()} 的 BOM 开头，但内容不是有效的 ${encoding.toUpperCase()} 文本 (invalid ${encoding} after its BOM)`);
      return { text, encoding, by: 'bom' };
    }
  }
  const utf8 = decode('utf-8', bytes);
  if (utf8 !== undefined && !utf8.includes('\u0000')) return { text: utf8, encoding: 'utf-8', by: 'valid-utf8' };

  const candidates = (['gb18030', 'utf-16le', 'utf-16be'] as const)
    .filter((encoding) => !encoding.startsWith('utf-16') || bytes.length % 2 === 0)
    .map((encoding) => ({ encoding, text: decode(encoding, bytes) }))
    .filter((c): c is { encoding: TextEncodingName & typeof c.encoding; text: string } => c.text !== undefined)
    .map((c) => ({ ...c, score: plausibility(c.text) }))
    .sort((a, b) => b.score - a.score);
  const [best, next] = candidates;
  if (best && best.score >= MIN_SCORE && best.score - (next?.score ?? 0) >= MARGIN) {
    return { text: best.text, encoding: best.encoding, by: 'detected' };
  }
  throw new EncodingError(
    `${name}: 无法判断文件编码（不是 UTF-8，也不像 GBK/GB18030 或 UTF-16 文本）。请在编辑器中“另存为” UTF-8 编码后重试 (cannot tell the encoding; save the file as UTF-8)`,
  );
}
