import { describe, expect, it } from 'vitest';
import { formatWordlist, parseWordlistText, WordlistError } from '../../lib/core/wordlist-file';

const HEADER = ['# id: drugs', '# name: 毒品', '# category: sensitive', '# severity: block', '# clause: 004_ffa469a3430680ee.txt 第三十一条'];

function problemOf(fn: () => unknown): WordlistError {
  try {
    fn();
  } catch (e) {
    if (e instanceof WordlistError) return e;
    throw e;
  }
  throw new Error('expected a WordlistError');
}

describe('wordlist files as exported by a spreadsheet', () => {
  it('reads TSV with BOM and CRLF, header metadata and optional columns', () => {
    const text = '\uFEFF' + [...HEADER, 'term\treplacement\tseverity\ttag\tnote', '冰毒出售\t\t\tdrugs\t贩毒', '台湾总统\t台湾地区领导人\treview', ''].join('\r\n');
    const list = parseWordlistText('drugs.tsv', text);
    expect(list).toMatchObject({ id: 'drugs', name: '毒品', category: 'sensitive', severity: 'block' });
    expect(list.entries).toEqual([
      { term: '冰毒出售', tag: 'drugs', note: '贩毒' },
      { term: '台湾总统', replacement: '台湾地区领导人', severity: 'review' },
    ]);
  });

  it('reads TXT, one term per line, and unquotes spreadsheet-quoted cells', () => {
    const list = parseWordlistText('x.txt', [...HEADER, '冰毒', '"代开""发票"""', ''].join('\n'));
    expect(list.entries.map((e) => e.term)).toEqual(['冰毒', '代开"发票"']);
  });

  it('names file, line and problem for a bad severity', () => {
    const e = problemOf(() => parseWordlistText('bad.tsv', [...HEADER, 'term\tseverity', '冰毒\tfatal'].join('\n')));
    expect(e.file).toBe('bad.tsv');
    expect(e.line).toBe(7);
    expect(e.message).toMatch(/^bad\.tsv:7: .*severity/);
  });

  it('rejects a missing header, a duplicate term and an unknown column', () => {
    expect(problemOf(() => parseWordlistText('h.tsv', '冰毒\n')).message).toMatch(/h\.tsv:1: 缺少表头.*# id/);
    expect(problemOf(() => parseWordlistText('d.tsv', [...HEADER, '冰毒', '冰毒'].join('\n'))).message).toMatch(/d\.tsv:7: 重复词条.*第 6 行/);
    expect(problemOf(() => parseWordlistText('c.tsv', [...HEADER, 'term\tweight'].join('\n'))).message).toMatch(/c\.tsv:6: 未知的列.*weight/);
    expect(problemOf(() => parseWordlistText('k.tsv', ['# id: Bad Id', ...HEADER.slice(1), '冰毒'].join('\n'))).message).toMatch(/k\.tsv:1: 表头无效/);
  });

  it('round-trips through formatWordlist', () => {
    const list = parseWordlistText('r.tsv', [...HEADER, 'term\treplacement\tcontext', '中央银行\t台湾地区的“中央银行”\t台湾|台'].join('\n'));
    expect(parseWordlistText('r.tsv', formatWordlist(list))).toEqual(list);
  });
});
