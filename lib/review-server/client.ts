/**
 * Browser-safe client of the review server: login, bearer tokens with transparent refresh, the review calls,
 * and live events (server-sent events read from a fetch stream, so the Authorization header can be sent —
 * EventSource cannot — and it works in a service worker). Pure: fetch, AbortSignal and TextDecoder only.
 */
import { createParser } from 'eventsource-parser';
import type { Level } from '../review/types';
import { reviewEventSchema, type ReviewEvent, type SignedApproval, type Submission } from './schemas';

export interface Tokens {
  accessToken: string;
  refreshToken: string;
  /** ms since epoch when the access token expires (server clock as received). */
  expiresAt: number;
}

export interface Membership {
  unit: string;
  unitName: string;
  roles: string[];
}

export interface Me {
  id: number;
  username: string;
  name: string;
  memberships: Membership[];
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export interface ClientOptions {
  baseUrl: string;
  tokens?: Tokens;
  /** Called whenever tokens change (login, refresh, logout → undefined), so the caller can persist them. */
  onTokens?: (tokens: Tokens | undefined) => void;
  fetch?: typeof fetch;
}

export interface ApprovalEnvelope {
  draftId: number;
  approval: SignedApproval;
  signature: string;
}

export class ReviewServerClient {
  private tokens?: Tokens;
  private refreshing?: Promise<void>;
  private readonly fetchImpl: typeof fetch;
  readonly baseUrl: string;

  constructor(private readonly options: ClientOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.tokens = options.tokens;
    this.fetchImpl = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  }

  get loggedIn(): boolean {
    return this.tokens !== undefined;
  }

  private setTokens(tokens: Tokens | undefined): void {
    this.tokens = tokens;
    this.options.onTokens?.(tokens);
  }

  async login(username: string, password: string): Promise<Me> {
    const body = await this.raw('POST', '/api/auth/login', { username, password }, false);
    this.setTokens(toTokens(body));
    return body.me as Me;
  }

  async logout(): Promise<void> {
    const refreshToken = this.tokens?.refreshToken;
    this.setTokens(undefined);
    if (refreshToken) await this.raw('POST', '/api/auth/logout', { refreshToken }, false).catch(() => undefined);
  }

  /** One refresh at a time: parallel 401s wait for the same new token. */
  private refresh(): Promise<void> {
    if (!this.refreshing) {
      const refreshToken = this.tokens?.refreshToken;
      this.refreshing = (async () => {
        if (!refreshToken) throw new ApiError(401, 'unauthenticated', '登录已过期，请重新登录');
        try {
          const body = await this.raw('POST', '/api/auth/refresh', { refreshToken }, false);
          this.setTokens(toTokens(body));
        } catch (error) {
          if (error instanceof ApiError && error.status === 401) this.setTokens(undefined);
          throw error;
        }
      })().finally(() => {
        this.refreshing = undefined;
      });
    }
    return this.refreshing;
  }

  private async authHeader(): Promise<Record<string, string>> {
    if (this.tokens && this.tokens.expiresAt - Date.now() < 5_000) await this.refresh();
    if (!this.tokens) throw new ApiError(401, 'unauthenticated', '尚未登录审核服务器');
    return { authorization: `Bearer ${this.tokens.accessToken}` };
  }

  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  private async raw(method: string, path: string, body?: unknown, auth = true): Promise<any> {
    const headers: Record<string, string> = auth ? await this.authHeader() : {};
    if (body !== undefined) headers['content-type'] = 'application/json';
    const response = await this.fetchImpl(this.baseUrl + path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const type = response.headers.get('content-type') ?? '';
    const payload = type.includes('json') ? await response.json().catch(() => undefined) : await response.text();
    if (!response.ok) {
      const error = (payload && typeof payload === 'object' && payload.error) || {};
      throw new ApiError(response.status, error.code ?? 'http', error.message ?? `审核服务器返回 HTTP ${response.status}`);
    }
    return payload;
  }

  /** Authenticated call; an expired access token is refreshed once and the call repeated. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  async call(method: string, path: string, body?: unknown): Promise<any> {
    try {
      return await this.raw(method, path, body);
    } catch (error) {
      if (!(error instanceof ApiError) || error.status !== 401 || !this.tokens) throw error;
      await this.refresh();
      return this.raw(method, path, body);
    }
  }

  me(): Promise<Me> {
    return this.call('GET', '/api/me');
  }
  publicKey(): Promise<{ publicKey: string }> {
    return this.raw('GET', '/api/public-key', undefined, false);
  }
  submit(submission: Submission): Promise<{ draftId: number; status: string; nextLevel: Level | null }> {
    return this.call('POST', '/api/drafts', submission);
  }
  queue(): Promise<{ drafts: DraftSummary[] }> {
    return this.call('GET', '/api/queue');
  }
  mine(): Promise<{ drafts: DraftSummary[] }> {
    return this.call('GET', '/api/drafts?mine=1');
  }
  /** The latest submission of this extension draft key in the caller's units (404 when none). */
  draftByKey(draftKey: string): Promise<DraftDetail> {
    return this.call('GET', `/api/drafts/by-key?draftKey=${encodeURIComponent(draftKey)}`);
  }
  draft(id: number): Promise<DraftDetail> {
    return this.call('GET', `/api/drafts/${id}`);
  }
  accept(id: number, findingId: string, reason: string): Promise<DraftDetail> {
    return this.call('POST', `/api/drafts/${id}/accept`, { findingId, reason });
  }
  decide(id: number, level: Level, decision: 'approve' | 'return', opinion: string): Promise<DraftDetail> {
    return this.call('POST', `/api/drafts/${id}/decision`, { level, decision, opinion });
  }
  override(id: number, reason: string): Promise<DraftDetail> {
    return this.call('POST', `/api/drafts/${id}/override`, { reason });
  }
  approval(id: number): Promise<ApprovalEnvelope> {
    return this.call('GET', `/api/drafts/${id}/approval`);
  }

  /**
   * Live events until `signal` aborts. Reconnects (with a growing pause) after a dropped stream and refreshes
   * an expired token; `onState` tells the UI whether the stream is up.
   */
  async subscribe(
    onEvent: (event: ReviewEvent) => void,
    options: { signal: AbortSignal; onState?: (connected: boolean) => void },
  ): Promise<void> {
    let pause = 500;
    while (!options.signal.aborted) {
      try {
        const headers = { ...(await this.authHeader()), accept: 'text/event-stream' };
        const response = await this.fetchImpl(`${this.baseUrl}/api/events`, { headers, signal: options.signal });
        if (response.status === 401) {
          await this.refresh();
          continue;
        }
        if (!response.ok || !response.body) throw new ApiError(response.status, 'http', `实时事件连接失败：HTTP ${response.status}`);
        options.onState?.(true);
        pause = 500;
        const parser = createParser({
          onEvent: (message) => {
            if (message.event !== 'review') return;
            const parsed = reviewEventSchema.safeParse(JSON.parse(message.data));
            if (parsed.success) onEvent(parsed.data);
          },
        });
        const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          parser.feed(value);
        }
      } catch (error) {
        if (options.signal.aborted) break;
        if (error instanceof ApiError && error.status === 401) throw error;
      }
      options.onState?.(false);
      await new Promise((resolve) => setTimeout(resolve, pause));
      pause = Math.min(pause * 2, 10_000);
    }
    options.onState?.(false);
  }
}

export interface DraftSummary {
  id: number;
  unit: string;
  draftKey: string;
  title: string;
  platform: string;
  status: string;
  nextLevel: Level | null;
  editor: string;
  blockCount: number;
  findingCount: number;
  createdAt: string;
  updatedAt: string;
}

export interface DraftDetail extends DraftSummary {
  draftHash: string;
  account?: string;
  fields: Record<string, string> | null;
  pictures: NonNullable<import('./schemas').WireDraft['pictures']>;
  findings: import('./schemas').WireFinding[];
  acceptances: { findingId: string; person: string; reason: string; at: string }[];
  decisions: { level: Level; person: string; decision: 'approve' | 'return'; opinion: string; at: string }[];
  requiredLevels: Level[];
  /** What the caller may do now, with the server's reason when not (zh-CN). */
  can: { decideLevel: Level | null; approve: boolean; approveRefusal?: string; accept: boolean; acceptRefusal?: string; override: boolean };
  approval?: { approval: SignedApproval; signature: string };
  purged: boolean;
}

function toTokens(body: { accessToken: string; refreshToken: string; expiresIn: number }): Tokens {
  return { accessToken: body.accessToken, refreshToken: body.refreshToken, expiresAt: Date.now() + body.expiresIn * 1000 };
}
