/**
 * The default wordlists shipped inside the extension (wordlists/*.tsv|txt), parsed at build time by Vite's
 * glob import. They are the fallback and the floor: a tab with no compiled snapshot screens with these.
 */
import { parseWordlistText } from '../core/wordlist-file';
import type { WordList } from '../core/wordlist';

const files = import.meta.glob('/wordlists/*.{tsv,txt}', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;

export const BUNDLED_LISTS: WordList[] = Object.keys(files)
  .sort()
  .map((path) => parseWordlistText(path.split('/').pop()!, files[path]));
