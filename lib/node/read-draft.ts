/** Node-only: reads a CLI input (.txt = body, .json = draft, '-' = stdin) into a Draft. */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { PLATFORMS, type Draft } from '../core/types';

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
    throw new InputError(`${name}: 不是有效的 JSON (invalid JSON): ${(e as Error).message}`);
  }
  const parsed = jsonDraftSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new InputError(`${name}: 草稿格式无效 (invalid draft): ${issue.path.join('.') || '(root)'}: ${issue.message}`);
  }
  const { platform = 'generic', ...rest } = parsed.data;
  const fields: Draft['fields'] = {};
  for (const [k, v] of Object.entries(rest)) if (typeof v === 'string') fields[k] = v;
  return { platform, fields };
}

export function readDraft(file: string): Draft {
  let text: string;
  try {
    text = readFileSync(file === '-' ? 0 : file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new InputError(code === 'ENOENT' ? `${file}: 文件不存在 (no such file)` : `${file}: 无法读取 (cannot read): ${(e as Error).message}`);
  }
  if (file.toLowerCase().endsWith('.json') || (file === '-' && text.trimStart().startsWith('{'))) return parseJsonDraft(file, text);
  return { platform: 'generic', fields: { body: text.replace(/^\uFEFF/, '') } };
}
