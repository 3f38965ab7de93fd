/**
 * Background glue for the review server (服务器模式, settings.reviewServerUrl): this profile's login (tokens in
 * storage), live events while logged in, 提交审核, and the gate facts of a draft from the server, where only an
 * approval that verifies with settings.reviewServerKey for exactly the hash on screen counts
 * (lib/review-server/link.ts). Without a server URL nothing here runs and nothing leaves the machine.
 */
import { ApiError, ReviewServerClient } from '../review-server/client';
import { ServerReviewLink, type ServerDraftState } from '../review-server/link';
import type { GateSettings } from '../review/gate';
import type { Submission } from '../review-server/schemas';
import { getEffectiveSettings } from '../settings/store';
import { Refusal, Unavailable, type Handlers } from './handlers';
import type { ServerState } from './messages/server';
import { items } from './storage';

export const NOT_LOGGED_IN = '尚未登录审核服务器：请在扩展设置页“审核服务器”处登录';

type ServerType = 'server:state' | 'server:login' | 'server:logout' | 'server:submit';

class Connector {
  private url?: string;
  private client?: ReviewServerClient;
  private link?: ServerReviewLink;
  private live?: AbortController;
  private connected = false;
  private me?: ServerState['me'];
  /** settings.reviewServerKey as last read: approvals verify against it. */
  private key?: string;

  /** The client for the configured URL (rebuilt when the URL changes), undefined in 单机模式. */
  async current(): Promise<{ client?: ReviewServerClient; link?: ServerReviewLink; key?: string; url?: string }> {
    const { settings } = await getEffectiveSettings();
    const url = settings.reviewServerUrl;
    if (url !== this.url) {
      this.live?.abort();
      this.url = url;
      this.client = this.link = this.me = undefined;
      this.connected = false;
      if (url) {
        const stored = await items.reviewServerTokens.getValue();
        this.client = new ReviewServerClient({
          baseUrl: url,
          tokens: stored && stored.url === url ? stored : undefined,
          onTokens: (tokens) => void items.reviewServerTokens.setValue(tokens ? { ...tokens, url } : null),
        });
        this.link = new ServerReviewLink(this.client, () => this.key, (draftKey) => void items.reviewServerChange.setValue({ draftKey, at: Date.now() }));
      }
    }
    this.key = settings.reviewServerKey;
    if (this.client?.loggedIn && !this.live) this.startLive();
    return { client: this.client, link: this.link, key: this.key, url };
  }

  private startLive(): void {
    const controller = new AbortController();
    this.live = controller;
    void this.link!.listen(controller.signal, (up) => (this.connected = up)).catch(() => {
      // The login ended (refresh refused): the next state/login call starts over.
      if (this.live === controller) this.live = undefined;
      this.connected = false;
    });
  }

  async state(): Promise<ServerState> {
    const { client, key, url } = await this.current();
    if (client?.loggedIn && !this.me)
      this.me = await client.me().then(
        (me) => ({ username: me.username, name: me.name, units: me.memberships }),
        () => undefined,
      );
    return { configured: !!url, ...(url ? { url } : {}), keyConfigured: !!key, loggedIn: !!client?.loggedIn, ...(this.me ? { me: this.me } : {}), live: this.connected };
  }

  async login(username: string, password: string): Promise<ServerState> {
    const { client } = await this.current();
    if (!client) throw new Refusal('尚未配置审核服务器地址（单机模式）');
    try {
      const me = await client.login(username, password);
      this.me = { username: me.username, name: me.name, units: me.memberships };
    } catch (error) {
      throw new Refusal(error instanceof Error ? error.message : String(error));
    }
    this.live?.abort();
    this.live = undefined;
    return this.state();
  }

  async logout(): Promise<ServerState> {
    const { client } = await this.current();
    this.live?.abort();
    this.live = undefined;
    this.me = undefined;
    this.connected = false;
    await client?.logout();
    return this.state();
  }

  async submit(input: Omit<Submission, 'unit'> & { unit?: string }): Promise<{ draftId: number }> {
    const { link, client } = await this.current();
    if (!link || !client) throw new Refusal('尚未配置审核服务器地址（单机模式）');
    if (!client.loggedIn) throw new Refusal(NOT_LOGGED_IN);
    const me = (await this.state()).me;
    const unit = input.unit ?? me?.units.find((u) => u.roles.includes('editor'))?.unit;
    if (!unit) throw new Refusal('你在审核服务器上没有“编辑”角色，不能提交审核（请联系本单位管理员）');
    try {
      return await link.submit({ ...input, unit });
    } catch (error) {
      throw error instanceof ApiError && error.status < 500 ? new Refusal(error.message) : new Unavailable(`审核服务器无法连接：${error instanceof Error ? error.message : String(error)}`);
    }
  }

  /** undefined in 单机模式; otherwise the server's state of the draft (throws Unavailable when unreachable). */
  async gate(draftKey: string, draftHash: string, settings: GateSettings): Promise<ServerDraftState | undefined> {
    const { link, client } = await this.current();
    if (!link || !client) return undefined;
    if (!client.loggedIn) return { gate: { facts: { approvals: [] }, resolutions: {}, settings }, notes: [NOT_LOGGED_IN] };
    try {
      return await link.state(draftKey, draftHash, settings);
    } catch (error) {
      throw new Unavailable(`审核服务器无法连接：${error instanceof Error ? error.message : String(error)}`);
    }
  }
}

export const reviewServer = new Connector();

export const serverHandlers: Handlers<ServerType> = {
  'server:state': () => reviewServer.state(),
  'server:login': (m) => reviewServer.login(m.username, m.password),
  'server:logout': () => reviewServer.logout(),
  'server:submit': (m) => reviewServer.submit(m.submission),
};
