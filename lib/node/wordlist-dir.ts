/**
 * Node-only: loads every wordlist file (*.tsv, *.txt) of a directory, in name order. Files are decoded by BOM
 * or detected encoding like drafts (Excel's "Unicode text" export is UTF-16LE, WPS may write GBK).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parseWordlistText, WordlistError } from '../core/wordlist-file';
import type { WordList } from '../core/wordlist';
import { decodeText, EncodingError } from './decode-text';

export const WORDLIST_FILE = /\.(tsv|txt)$/i;

export function loadWordlistFile(path: string): WordList {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    throw new WordlistError(basename(path), 0, `无法读取词表文件 (cannot read): ${(e as NodeJS.ErrnoException).code ?? 'error'}`);
  }
  let text: string;
  try {
    text = decodeText(bytes, basename(path)).text;
  } catch (e) {
    if (e instanceof EncodingError) throw new WordlistError(basename(path), 0, e.message.slice(basename(path).length + 2));
    throw e;
  }
  return parseWordlistText(basename(path), text);
}

export function loadWordlistDir(dir: string): WordList[] {
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => WORDLIST_FILE.test(n)).sort();
  } catch (e) {
    throw new WordlistError(dir, 0, `无法读取词表目录 (cannot read directory): ${(e as Error).message}`);
  }
  const lists = names.filter((n) => statSync(join(dir, n)).isFile()).map((n) => loadWordlistFile(join(dir, n)));
  const ids = new Map<string, string>();
  lists.forEach((l, i) => {
    const other = ids.get(l.id);
    if (other) throw new WordlistError(names[i], 1, `词表 id「${l.id}」与 ${other} 重复 (duplicate list id)`);
    ids.set(l.id, names[i]);
  });
  return lists;
}
