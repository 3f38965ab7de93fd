/**
 * Server configuration from the environment (validated; a bad value stops start-up with a clear message).
 * PORT and DATA_DIR are the fixed operator contract; DATABASE_URL switches from embedded PGlite to PostgreSQL.
 */
import path from 'node:path';
import { z } from 'zod';

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8787),
  HOST: z.string().default('0.0.0.0'),
  DATA_DIR: z.string().default('./data'), // the embedded PGlite database and the pid file
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL 应以 postgres:// 开头')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  /** Days a draft's text is kept after submission; then it is purged and the log keeps only hashes. */
  RETENTION_DAYS: z.coerce.number().min(0).default(180),
  ACCESS_TOKEN_TTL_SECONDS: z.coerce.number().int().min(5).max(86_400).default(600),
  REFRESH_TOKEN_TTL_SECONDS: z.coerce.number().int().min(60).default(7 * 86_400),
  /** Failed logins before an account is locked, and for how long. */
  LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).default(5),
  LOGIN_LOCK_SECONDS: z.coerce.number().int().min(1).default(15 * 60),
  /** Login attempts one client address may make in 5 minutes (in each process), whatever the account. */
  LOGIN_ADDRESS_LIMIT: z.coerce.number().int().min(1).default(30),
  /** Largest request body (a 提交审核 with a long article and its findings). */
  MAX_BODY_BYTES: z.coerce.number().int().min(1024).default(4 * 1024 * 1024),
  /** Comma-separated origins allowed to call the API from a page (the extension sends its own origin). */
  CORS_ORIGINS: z.string().default('chrome-extension://*'),
  /** How often housekeeping runs (daily checkpoint, retention purge). */
  HOUSEKEEPING_SECONDS: z.coerce.number().min(1).default(3600),
});

export type ServerConfig = z.infer<typeof envSchema> & { dataDir: string; dbKind: 'pglite' | 'postgres' };

export function loadConfig(env: Record<string, string | undefined> = process.env): ServerConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`服务器配置有误：\n${lines.join('\n')}`);
  }
  const value = parsed.data;
  return { ...value, dataDir: path.resolve(value.DATA_DIR), dbKind: value.DATABASE_URL ? 'postgres' : 'pglite' };
}
