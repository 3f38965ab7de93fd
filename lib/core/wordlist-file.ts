/**
 * Parses one wordlist file as an admin exports it from a spreadsheet: TSV (or TXT, one term per line),
 * UTF-8 with or without BOM, CRLF or LF. Metadata sits in `# key: value` lines at the top:
 *
 *   # id: sensitive
 *   # name: 违法有害信息
 *   # category: sensitive
 *   # severity: block
 *   # clause: 004_ffa469a3430680ee.txt 第三十一条
 *   term	replacement	severity	tag	note	context
 *   冰毒出售			block	drugs
 *
 * Every problem is a WordlistError naming the file, the line and what is wrong, in Chinese and English.
 */
import { wordEntrySchema, wordListSchema, type WordEntry, type WordList } from './wordlist';
import { quoteInput } from './safe-text';

export class WordlistError extends Error {
  constructor(readonly file: string, readonly line: number, readonly problem: string) {
    super(`${file}:${line}: ${problem}`);
    this.name = 'WordlistError';
  }
}

const COLUMNS = ['term', 'replacement', 'severity', 'tag', 'note', 'context'] as const;
type Column = (typeof COLUMNS)[number];
const META_KEYS = ['id', 'name', 'category', 'severity', 'clause', 'version', 'description', 'enabled'] as const;

/** Spreadsheet programs quote a cell that contains quotes or tabs: "a ""b""" -> a "b". */
function unquote(cell: string): string {
  const t = cell.trim();
  if (t.length >= 2 && t.startsWith('"') && t.endsWith('"')) return t.slice(1, -1).replaceAll('""', '"');
  return t;
}

function zodProblem(error: { issues: { path: PropertyKey[]; message: string }[] }): string {
  return error.issues.map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message)).join('; ');
}

export function parseWordlistText(fileName: string, text: string): WordList {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  const meta: Record<string, unknown> = {};
  let columns: Column[] = [...COLUMNS];
  const entries: WordEntry[] = [];
  const seen = new Map<string, number>();
  let inHeader = true;

  lines.forEach((raw, index) => {
    const lineNo = index + 1;
    const line = raw.replace(/\t+$/, (tabs) => (raw.trim() ? tabs : ''));
    if (!line.trim()) return;
    if (line.trimStart().startsWith('#')) {
      const m = /^#\s*([a-zA-Z]+)\s*[:：]\s*(.*?)\s*$/.exec(line.trim().replace(/\t+/g, ' '));
      if (inHeader && m && (META_KEYS as readonly string[]).includes(m[1].toLowerCase())) {
        const key = m[1].toLowerCase();
        meta[key] = key === 'enabled' ? !/^(false|no|0|否)$/i.test(m[2]) : m[2];
      }
      return; // other '#' lines are comments
    }
    const cells = line.split('\t').map(unquote);
    if (inHeader && cells[0].toLowerCase() === 'term') {
      inHeader = false;
      const unknown = cells.filter((c) => c && !(COLUMNS as readonly string[]).includes(c.toLowerCase()));
      if (unknown.length) throw new WordlistError(fileName, lineNo, `未知的列 (unknown column): ${quoteInput(unknown.join(', '))}；可用列：${COLUMNS.join(', ')}`);
      columns = cells.map((c) => c.toLowerCase() as Column);
      return;
    }
    inHeader = false;
    const row: Record<string, string> = {};
    cells.forEach((cell, i) => {
      const col = columns[i];
      if (cell && col) row[col] = cell;
    });
    if (cells.length > columns.length && cells.slice(columns.length).some(Boolean))
      throw new WordlistError(fileName, lineNo, `列数过多 (too many columns): 第 ${columns.length + 1} 列起没有列名`);
    if (!row.term) throw new WordlistError(fileName, lineNo, '词条为空 (empty term)');
    const parsed = wordEntrySchema.safeParse(row);
    if (!parsed.success)
      throw new WordlistError(fileName, lineNo, `词条「${quoteInput(row.term)}」无效 (invalid entry): ${zodProblem(parsed.error)}`);
    const previous = seen.get(parsed.data.term);
    if (previous !== undefined)
      throw new WordlistError(fileName, lineNo, `重复词条「${quoteInput(parsed.data.term)}」(duplicate term), 与第 ${previous} 行重复`);
    seen.set(parsed.data.term, lineNo);
    entries.push(parsed.data);
  });

  const result = wordListSchema.safeParse({ ...meta, entries });
  if (!result.success) {
    const missing = ['id', 'name', 'category', 'severity', 'clause'].filter((k) => !meta[k]);
    const problem = missing.length
      ? `缺少表头 (missing header): ${missing.map((k) => `# ${k}: …`).join(', ')}`
      : `表头无效 (invalid header): ${zodProblem(result.error)}`;
    throw new WordlistError(fileName, 1, problem);
  }
  return result.data;
}

/** Writes a list back in the same format (used by the admin tool and tests). */
export function formatWordlist(list: WordList): string {
  const head = META_KEYS.filter((k) => list[k as keyof WordList] !== undefined).map((k) => `# ${k}: ${String(list[k as keyof WordList])}`);
  const rows = list.entries.map((e) => COLUMNS.map((c) => (e as Record<Column, string | undefined>)[c] ?? '').join('\t').replace(/\t+$/, ''));
  return [...head, COLUMNS.join('\t'), ...rows].join('\n') + '\n';
}
