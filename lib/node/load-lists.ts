/**
 * Node-only: the ruleset the CLI tools screen with, made the way the extension makes it (resolveRuleset):
 *   - no --wordlists: the shipped lists;
 *   - --wordlists DIR or a .tsv/.txt file: those source lists instead of the shipped ones (an admin trying
 *     out lists before building a bundle);
 *   - --wordlists bundle.json: the shipped lists as the floor plus the bundle, read by the extension's own
 *     parser (parseBundleBytes) and, with --key, verified against bundle.json.sig like a download;
 * and in every case minus the lists switched off (--disable, the CLI's disabledLists).
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { WordList } from '../core/wordlist';
import { quoteInput } from '../core/safe-text';
import type { Bundle } from '../bundle/schema';
import { parseBundleBytes, verifyBundle } from '../bundle/verify';
import { resolveRuleset, type ResolvedRuleset } from '../bundle/resolve';
import { loadWordlistDir, loadWordlistFile } from './wordlist-dir';

/** The shipped lists (resolved from a string path: under a DOM test environment `URL` is the DOM's own class). */
export const DEFAULT_WORDLIST_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../wordlists');

/** Source lists from a directory or one list file (not bundles). */
export function loadLists(path: string = DEFAULT_WORDLIST_DIR): WordList[] {
  if (!existsSync(path)) throw new Error(`词表路径不存在 (wordlists not found): ${quoteInput(path, 200)}`);
  if (statSync(path).isDirectory()) return loadWordlistDir(path);
  return [loadWordlistFile(path)];
}

export function isBundlePath(path: string): boolean {
  return path.toLowerCase().endsWith('.json');
}

/** Reads a bundle file; with a public key (base64 text), verifies FILE.sig first as the extension does. */
export async function readBundleFile(path: string, publicKey?: string): Promise<Bundle> {
  const shown = quoteInput(path, 200);
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    throw new Error(`无法读取词库包 (cannot read bundle): ${shown}: ${(e as NodeJS.ErrnoException).code ?? 'error'}`);
  }
  if (publicKey !== undefined) {
    const sigPath = `${path}.sig`;
    const sigText = existsSync(sigPath) ? readFileSync(sigPath, 'utf8') : undefined;
    const verdict = await verifyBundle(bytes, sigText, [publicKey], { installedVersion: 0, maxBytes: Number.MAX_SAFE_INTEGER });
    if (!verdict.ok) throw new Error(`${shown}${verdict.line ? `:${verdict.line}` : ''}: ${verdict.reason}`);
    return verdict.bundle;
  }
  const parsed = parseBundleBytes(bytes);
  if (!parsed.ok) throw new Error(`${shown}${parsed.line ? `:${parsed.line}` : ''}: ${parsed.reason}`);
  return parsed.bundle;
}

export interface CliRulesetOptions {
  /** A directory or list file (replaces the shipped lists) or a bundle .json (on top of them). */
  wordlists?: string;
  /** Public key (base64) to verify a bundle's .sig with. */
  publicKey?: string;
  disabledLists?: readonly string[];
}

export async function loadCliRuleset(options: CliRulesetOptions = {}): Promise<ResolvedRuleset> {
  const { wordlists, publicKey, disabledLists = [] } = options;
  if (publicKey !== undefined && !(wordlists && isBundlePath(wordlists))) throw new Error('--key 只用于验证词库包（--wordlists bundle.json）');
  if (wordlists && isBundlePath(wordlists)) {
    const bundle = await readBundleFile(wordlists, publicKey);
    return resolveRuleset(loadLists(DEFAULT_WORDLIST_DIR), { bundle, source: 'import' }, disabledLists);
  }
  return resolveRuleset(loadLists(wordlists), undefined, disabledLists);
}
