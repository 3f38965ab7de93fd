/**
 * Node-only: reads a CLI input (.txt = body, .json = draft, '-' = stdin) into a Draft. Files are decoded by
 * their BOM or detected encoding (decode-text.ts); messages quote the input only escaped and shortened.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { PLATFORMS, type Draft } from '../core/types';
import { quoteInput, safeErrorMessage } from '../core/safe-text';
import { decodeText, EncodingError } from './decode-text';

export class InputError extends Error {
  override name = 'InputError';
}

const jsonDraftSchema = z
  .object({
    platform: z.enum(PLATFORMS).optional(),
    title: z.string().optional(),
    author: z.string().optional(),
    digest: z.string().optional(),
    sourceUrl: z.string().optional(),
    body: z.string(),
  })
  .catchall(z.unknown());

export function parseJsonDraft(name: string, text: string): Draft {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new InputError(`${quoteInput(name, 200)}: 不是有效的 JSON (invalid JSON): ${safeErrorMessage(e)}`);
  }
  const parsed = jsonDraftSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new InputError(`${quoteInput(name, 200)}: 草稿格式无效 (invalid draft): ${quoteInput(issue.path.join('.') || '(root)')}: ${issue.message}`);
  }
  const { platform = 'generic', ...rest } = parsed.data;
  const fields: Draft['fields'] = {};
  for (const [k, v] of Object.entries(rest)) if (typeof v === 'string') fields[k] = v;
  return { platform, fields };
}

export function readDraft(file: string): Draft {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(file === '-' ? 0 : file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const shown = quoteInput(file, 200);
    throw new InputError(code === 'ENOENT' ? `${shown}: 文件不存在 (no such file)` : `${shown}: 无法读取 (cannot read): ${safeErrorMessage(e)}`);
  }
  let text: string;
  try {
    text = decodeText(bytes, quoteInput(file, 200)).text;
  } catch (e) {
    if (e instanceof EncodingError) throw new InputError(e.message);
    throw e;
  }
  if (file.toLowerCase().endsWith('.json') || (file === '-' && text.trimStart().startsWith('{'))) return parseJsonDraft(file, text);
  return { platform: 'generic', fields: { body: text } };
}
