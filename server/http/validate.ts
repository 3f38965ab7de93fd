/** Request bodies: JSON only, parsed and validated with zod; every failure is a clear 4xx and nothing runs. */
import type { Context } from 'hono';
import type { z } from 'zod';
import { ApiFailure } from '../errors';

export async function body<T extends z.ZodType>(c: Context, schema: T): Promise<z.output<T>> {
  const type = c.req.header('content-type') ?? '';
  if (!/^application\/json\b/i.test(type)) throw new ApiFailure(415, 'unsupported-media-type', '请求体必须是 JSON（Content-Type: application/json）');
  let json: unknown;
  try {
    json = JSON.parse(await c.req.text());
  } catch {
    throw new ApiFailure(400, 'malformed-json', '请求体不是有效的 JSON');
  }
  return parse(schema, json);
}

export function parse<T extends z.ZodType>(schema: T, value: unknown): z.output<T> {
  const result = schema.safeParse(value);
  if (!result.success) {
    const issues = result.error.issues.slice(0, 20).map((i) => ({ path: i.path.join('.'), message: i.message }));
    throw new ApiFailure(400, 'invalid', `请求内容不符合要求：${issues.map((i) => (i.path ? `${i.path} ${i.message}` : i.message)).join('；')}`, { issues });
  }
  return result.data;
}

export function idParam(c: Context): number {
  const raw = c.req.param('id') ?? '';
  if (!/^[1-9][0-9]{0,9}$/.test(raw) || Number(raw) > 2 ** 31 - 1) throw new ApiFailure(404, 'not-found', '稿件不存在或你无权查看');
  return Number(raw);
}
