/**
 * The HTTP API (Hono) and the review page. Errors are JSON `{"error":{"code","message"}}` with the right 4xx;
 * bodies are size-limited before they are read; every request except health, public key and login carries a
 * bearer token, and every draft is looked up through the caller's own units (another unit's id gives 404).
 */
import { getConnInfo } from '@hono/node-server/conninfo';
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import { HTTPException } from 'hono/http-exception';
import { streamSSE } from 'hono/streaming';
import { z } from 'zod';
import {
  acceptSchema,
  decisionSchema,
  loginSchema,
  overrideSchema,
  refreshSchema,
  submissionSchema,
  type ServerRole,
} from '../../lib/review-server/schemas';
import { describePerson, loadPerson, LoginGuard, type Person } from '../auth/session';
import { issueTokens, revokeRefreshToken, rotateRefreshToken, verifyAccessToken } from '../auth/tokens';
import type { ServerConfig } from '../config';
import type { Db } from '../db';
import { ApiFailure, forbidden } from '../errors';
import type { EventHub } from '../events';
import type { ServerKeys } from '../keys';
import { adminRoutes } from './admin-routes';
import { idParam, body, parse } from './validate';
import { acceptFinding, decide, getApproval, getDraft, latestByKey, myDrafts, override, queue, submitDraft } from '../review/service';
import { draftForm } from '../review/exports';
import { loadUnitById } from '../review/service';
import { webRoutes } from './web';

export interface AppDeps {
  db: Db;
  keys: ServerKeys;
  config: ServerConfig;
  hub: EventHub;
}

export type Env = { Variables: { person: Person } };

function errorBody(code: string, message: string, extra: Record<string, unknown> = {}) {
  return { error: { code, message, ...extra } };
}

function originAllowed(patterns: string[], origin: string): boolean {
  return patterns.some((p) => (p.endsWith('*') ? origin.startsWith(p.slice(0, -1)) : origin === p));
}

export function createApp(deps: AppDeps) {
  const { db, keys, config, hub } = deps;
  const guard = new LoginGuard(db.db, config);
  const review = { db: db.db, keys };
  const app = new Hono<Env>();

  app.onError((error, c) => {
    if (error instanceof ApiFailure) {
      if (error.status === 429 && typeof error.extra.retryAfter === 'number') c.header('Retry-After', String(error.extra.retryAfter));
      return c.json(errorBody(error.code, error.message, error.extra), error.status);
    }
    if (error instanceof HTTPException) return c.json(errorBody('http', error.message || '请求无效'), error.status);
    console.error('[server]', error);
    return c.json(errorBody('internal', '服务器内部错误，请稍后重试或联系管理员'), 500);
  });
  app.notFound((c) => c.json(errorBody('not-found', '没有这个接口'), 404));

  const origins = config.CORS_ORIGINS.split(',').map((s) => s.trim()).filter(Boolean);
  app.use('/api/*', cors({ origin: (origin) => (origin && originAllowed(origins, origin) ? origin : null), allowHeaders: ['Authorization', 'Content-Type'], maxAge: 600 }));
  app.use(
    '/api/*',
    bodyLimit({ maxSize: config.MAX_BODY_BYTES, onError: (c) => c.json(errorBody('too-large', `请求体超过上限 ${Math.round(config.MAX_BODY_BYTES / 1024)} KB`), 413) }),
  );

  app.get('/api/health', (c) => c.json({ ok: true, db: db.kind }));
  app.get('/api/public-key', (c) => c.json({ algorithm: 'Ed25519', publicKey: keys.publicKeyBase64 }));

  app.post('/api/auth/login', async (c) => {
    const input = await body(c, loginSchema);
    const address = getConnInfo(c).remote.address ?? 'unknown';
    const personId = await guard.login(input.username, input.password, address);
    const person = await loadPerson(db.db, personId);
    if (!person) throw new ApiFailure(401, 'bad-credentials', '账号已停用，请联系管理员');
    return c.json({ ...(await issueTokens(db.db, config, keys.tokenSecret, personId)), me: describePerson(person) });
  });
  app.post('/api/auth/refresh', async (c) => {
    const input = await body(c, refreshSchema);
    return c.json(await rotateRefreshToken(db.db, config, keys.tokenSecret, input.refreshToken));
  });
  app.post('/api/auth/logout', async (c) => {
    const input = await body(c, refreshSchema);
    await revokeRefreshToken(db.db, input.refreshToken);
    return c.json({ ok: true });
  });

  // Everything below needs a valid access token of an enabled account.
  const authed = new Hono<Env>();
  authed.use('*', async (c, next) => {
    const header = c.req.header('authorization') ?? '';
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match) throw new ApiFailure(401, 'unauthenticated', '缺少登录令牌（Authorization: Bearer …）');
    const personId = await verifyAccessToken(keys.tokenSecret, match[1]);
    const person = await loadPerson(db.db, personId);
    if (!person) throw new ApiFailure(401, 'unauthenticated', '账号不存在或已停用');
    c.set('person', person);
    await next();
  });

  authed.get('/me', (c) => c.json(describePerson(c.get('person'))));
  authed.post('/drafts', async (c) => c.json(await submitDraft(review, c.get('person'), await body(c, submissionSchema)), 201));
  authed.get('/drafts', async (c) => c.json({ drafts: await myDrafts(review, c.get('person')) }));
  authed.get('/queue', async (c) => c.json({ drafts: await queue(review, c.get('person')) }));
  authed.get('/drafts/by-key', async (c) => {
    const draftKey = parse(z.string().min(1).max(300), c.req.query('draftKey'));
    return c.json(await latestByKey(review, c.get('person'), draftKey));
  });
  authed.get('/drafts/:id', async (c) => c.json(await getDraft(review, c.get('person'), idParam(c))));
  authed.post('/drafts/:id/accept', async (c) => {
    const input = await body(c, acceptSchema);
    return c.json(await acceptFinding(review, c.get('person'), idParam(c), input.findingId, input.reason));
  });
  authed.post('/drafts/:id/decision', async (c) => {
    const input = await body(c, decisionSchema);
    return c.json(await decide(review, c.get('person'), idParam(c), input.level, input.decision, input.opinion));
  });
  authed.post('/drafts/:id/override', async (c) => {
    const input = await body(c, overrideSchema);
    return c.json(await override(review, c.get('person'), idParam(c), input.reason));
  });
  authed.get('/drafts/:id/approval', async (c) => c.json(await getApproval(review, c.get('person'), idParam(c))));
  authed.get('/drafts/:id/form', async (c) => {
    const id = idParam(c);
    const draft = await getDraft(review, c.get('person'), id); // 404 unless the caller's unit
    const person = c.get('person');
    const membership = [...person.units.values()].find((m) => m.code === draft.unit)!;
    if (![...membership.roles].some((r: ServerRole) => r !== 'editor')) throw forbidden('只有审核人和管理员可以导出审批表');
    const unit = await loadUnitById(db.db, membership.unitId);
    return c.html(await draftForm(db.db, unit, id));
  });

  authed.get('/events', (c: Context<Env>) => {
    const person = c.get('person');
    const units = new Set([...person.units.values()].map((m) => m.code));
    return streamSSE(c, async (stream) => {
      const queueOut: string[] = [];
      let wake: (() => void) | undefined;
      const unsubscribe = hub.subscribe({
        units,
        send(event) {
          queueOut.push(JSON.stringify(event));
          wake?.();
        },
      });
      let open = true;
      stream.onAbort(() => {
        open = false;
        wake?.();
      });
      try {
        await stream.writeSSE({ event: 'ready', data: JSON.stringify({ units: [...units] }) });
        while (open) {
          // Everything queued goes out in one write (one syscall per subscriber however many events are waiting).
          // Each event is one line of JSON, so the SSE framing is just "event:" and "data:" lines.
          if (queueOut.length) await stream.write(queueOut.splice(0).map((data) => `event: review\ndata: ${data}\n\n`).join(''));
          if (!open) break;
          // Wait for an event or send a comment every 20 s so proxies keep the stream open.
          await new Promise<void>((resolve) => {
            const done = () => {
              clearTimeout(timer);
              wake = undefined;
              resolve();
            };
            const timer = setTimeout(done, 20_000);
            wake = done;
          });
          if (!queueOut.length && open) await stream.write(': ping\n\n');
        }
      } finally {
        unsubscribe();
      }
    });
  });

  authed.route('/admin', adminRoutes(deps));
  app.route('/api', authed);
  app.route('/', webRoutes());
  return app;
}

export const zId = z.coerce.number().int().positive();
