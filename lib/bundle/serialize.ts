/**
 * Bundle -> file text. One entry per line: a 100k-term bundle stays readable in a text editor and in
 * `git diff`, at a fraction of the size of fully indented JSON.
 */
import type { Bundle } from './schema';

export function serializeBundle(bundle: Bundle): string {
  const { lists, ...header } = bundle;
  const head = Object.entries(header).map(([key, value]) => `  ${JSON.stringify(key)}: ${JSON.stringify(value)}`);
  const listTexts = lists.map((list) => {
    const { entries, ...meta } = list;
    const metaLines = Object.entries(meta).map(([key, value]) => `      ${JSON.stringify(key)}: ${JSON.stringify(value)}`);
    const entryLines = entries.map((entry) => `        ${JSON.stringify(entry)}`);
    const entriesText = entryLines.length ? `[\n${entryLines.join(',\n')}\n      ]` : '[]';
    return `    {\n${[...metaLines, `      "entries": ${entriesText}`].join(',\n')}\n    }`;
  });
  return `{\n${[...head, `  "lists": [\n${listTexts.join(',\n')}\n  ]`].join(',\n')}\n}\n`;
}
