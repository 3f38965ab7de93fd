/**
 * npm run --silent scan -- [--json] [--wordlists PATH] FILE...
 * Exit 0: no block finding; 1: a block finding; 2: usage or input error (message on stderr).
 * The ruleset is compiled once for all files.
 */
import { parseArgs } from 'node:util';
import { compileRuleset, type Ruleset } from '../lib/core/ruleset';
import { screen } from '../lib/core/screen';
import type { Finding } from '../lib/core/types';
import { loadLists } from '../lib/node/load-lists';
import { readDraft } from '../lib/node/read-draft';
import { closeImageScanner, isImageFile, scanImageFile } from '../lib/images/node/scan-image';

const USAGE = 'usage: npm run --silent scan -- [--json] [--wordlists PATH] FILE... (FILE: .txt, .json draft, .png/.jpg/.webp picture, or - for stdin)';
const SEVERITY_LABEL = { block: '阻断', review: '复核', info: '提示' } as const;

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(2);
}

function table(file: string, findings: Finding[]): string {
  const count = (s: Finding['severity']) => findings.filter((f) => f.severity === s).length;
  const head = `${file}: ${findings.length} 个问题 (block ${count('block')}, review ${count('review')}, info ${count('info')})`;
  const rows = findings.map(
    (f) =>
      `  [${SEVERITY_LABEL[f.severity]}] ${f.field} ${f.start}-${f.end} ${f.check} 「${f.text}」 ${f.message}` +
      (f.suggestion ? ` → ${f.suggestion}` : '') +
      `  (${f.clause})`,
  );
  return [head, ...rows].join('\n');
}

async function main(): Promise<void> {
  let parsed;
  try {
    parsed = parseArgs({
      allowPositionals: true,
      options: { json: { type: 'boolean', default: false }, wordlists: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    });
  } catch (e) {
    fail(`${(e as Error).message}\n${USAGE}`);
  }
  if (parsed.values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const files = parsed.positionals;
  if (files.length === 0) fail(USAGE);

  let ruleset: Ruleset;
  try {
    ruleset = compileRuleset(loadLists(parsed.values.wordlists));
  } catch (e) {
    fail(`词表无法加载 (cannot load wordlists): ${(e as Error).message}`);
  }

  let anyBlock = false;
  let anyError = false;
  for (const file of files) {
    let findings: Finding[];
    let readText: string | undefined;
    try {
      if (isImageFile(file)) ({ findings, readText } = await scanImageFile(file, ruleset));
      else findings = screen(readDraft(file), ruleset);
    } catch (e) {
      anyError = true;
      process.stderr.write(`${(e as Error).message}\n`);
      continue;
    }
    anyBlock ||= findings.some((f) => f.severity === 'block');
    // Pictures: findings are offsets into the read text, which is printed with them.
    const line = parsed.values.json
      ? JSON.stringify(readText === undefined ? { file, findings } : { file, findings, readText })
      : table(file, findings) + (readText === undefined ? '' : `\n  图中文字（本机识别）：${readText.replace(/\n/g, ' ⏎ ')}`);
    process.stdout.write(`${line}\n`);
  }
  await closeImageScanner();
  process.exitCode = anyError ? 2 : anyBlock ? 1 : 0;
}

void main();
