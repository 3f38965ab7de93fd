/** Node-only: the lists the CLI tools screen with, from a directory, one list file, or a bundle JSON. */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { wordListSchema, type WordList } from '../core/wordlist';
import { loadWordlistDir, loadWordlistFile } from './wordlist-dir';

/** The shipped lists (resolved from a string path: under a DOM test environment `URL` is the DOM's own class). */
export const DEFAULT_WORDLIST_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../wordlists');

export function loadLists(path: string = DEFAULT_WORDLIST_DIR): WordList[] {
  if (!existsSync(path)) throw new Error(`词表路径不存在 (wordlists not found): ${path}`);
  if (statSync(path).isDirectory()) return loadWordlistDir(path);
  if (path.toLowerCase().endsWith('.json')) {
    let json: unknown;
    try {
      json = JSON.parse(readFileSync(path, 'utf8').replace(/^\uFEFF/, ''));
    } catch (e) {
      throw new Error(`词表包不是有效的 JSON (bundle is not valid JSON): ${path}: ${(e as Error).message}`);
    }
    const parsed = z.object({ lists: z.array(wordListSchema) }).safeParse(json);
    if (!parsed.success) throw new Error(`词表包格式无效 (invalid bundle): ${path}: ${parsed.error.issues[0]?.message}`);
    return parsed.data.lists;
  }
  return [loadWordlistFile(path)];
}
