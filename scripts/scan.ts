/**
 * npm run --silent scan -- [--json] [--wordlists PATH] [--key PUBLIC_KEY] [--disable LIST_ID]... FILE...
 * Exit 0: no block finding; 1: a block finding; 2: usage or input error (message on stderr).
 * The ruleset is made once for all files, the way the extension makes it (lib/node/load-lists.ts).
 * Everything printed from the input is escaped (control, bidi and zero-width characters as \uXXXX).
 */
import { existsSync, readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { Ruleset } from '../lib/core/ruleset';
import { screen } from '../lib/core/screen';
import { CHECKS } from '../lib/checks/index';
import type { Finding } from '../lib/core/types';
import { escapeControls, quoteInput, safeErrorMessage } from '../lib/core/safe-text';
import { loadCliRuleset } from '../lib/node/load-lists';
import { readDraft } from '../lib/node/read-draft';
import { closeImageScanner, isImageFile, scanImageFile } from '../lib/images/node/scan-image';

const USAGE = `usage: npm run --silent scan -- [--json] [--wordlists PATH] [--key PUBLIC_KEY] [--disable LIST_ID]... FILE...
  FILE             .txt (the whole text is the body), .json draft, .png/.jpg/.webp picture (read locally),
                   or - for stdin; text in UTF-8, UTF-16 or GBK
  --wordlists PATH a directory or .tsv/.txt list (instead of the shipped lists), or a bundle .json
                   (on top of the shipped lists, as the extension applies it)
  --key KEY        verify the bundle's .sig with this public key (file or base64) before using it
  --disable ID     switch a list off (like disabledLists in the extension); repeatable or comma-separated`;
const SEVERITY_LABEL = { block: '阻断', review: '复核', info: '提示' } as const;

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(2);
}

function table(file: string, findings: Finding[]): string {
  const count = (s: Finding['severity']) => findings.filter((f) => f.severity === s).length;
  const head = `${escapeControls(file)}: ${findings.length} 个问题 (block ${count('block')}, review ${count('review')}, info ${count('info')})`;
  const rows = findings.map((f) =>
    escapeControls(
      `  [${SEVERITY_LABEL[f.severity]}] ${f.field} ${f.start}-${f.end} ${f.check} 「${f.text}」 ${f.message}` +
        (f.suggestion ? ` → ${f.suggestion}` : '') +
        `  (${f.clause})`,
    ),
  );
  return [head, ...rows].join('\n');
}

/** A key file (keygen's public.key) or the base64 key itself. */
function readKey(arg: string): string {
  return existsSync(arg) ? readFileSync(arg, 'utf8').trim() : arg.trim();
}

async function main(): Promise<void> {
  let parsed;
  try {
    parsed = parseArgs({
      allowPositionals: true,
      options: {
        json: { type: 'boolean', default: false },
        wordlists: { type: 'string' },
        key: { type: 'string' },
        disable: { type: 'string', multiple: true },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (e) {
    fail(`${safeErrorMessage(e)}\n${USAGE}`);
  }
  if (parsed.values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const files = parsed.positionals;
  if (files.length === 0) fail(USAGE);

  let ruleset: Ruleset;
  try {
    const disabledLists = (parsed.values.disable ?? []).flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean);
    const publicKey = parsed.values.key === undefined ? undefined : readKey(parsed.values.key);
    ruleset = (await loadCliRuleset({ wordlists: parsed.values.wordlists, publicKey, disabledLists })).ruleset;
  } catch (e) {
    fail(`词表无法加载 (cannot load wordlists): ${quoteInput((e as Error).message, 400)}`);
  }

  let anyBlock = false;
  let anyError = false;
  for (const file of files) {
    let findings: Finding[];
    let readText: string | undefined;
    try {
      if (isImageFile(file)) ({ findings, readText } = await scanImageFile(file, ruleset));
      else findings = screen(readDraft(file), ruleset, CHECKS);
    } catch (e) {
      anyError = true;
      // InputError messages are escaped where they quote input; anything else is escaped here.
      process.stderr.write(`${quoteInput((e as Error).message, 400)}\n`);
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
