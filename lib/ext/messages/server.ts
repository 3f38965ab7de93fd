/**
 * Review server messages (issue 12): login of this profile, 提交审核, and the server's view of a draft for the
 * sidebar. Answered by lib/ext/review-server-service.ts in the background, the only place that talks to the
 * server. The draft's text travels only in 'server:submit'.
 */
import type { Level } from '../../review/types';
import type { Submission } from '../../review-server/schemas';

export interface ServerState {
  /** settings.reviewServerUrl is set (服务器模式); otherwise 单机模式. */
  configured: boolean;
  url?: string;
  /** The public key is set too (without it no approval can verify). */
  keyConfigured: boolean;
  loggedIn: boolean;
  me?: { username: string; name: string; units: { unit: string; unitName: string; roles: string[] }[] };
  /** Live events connected. */
  live: boolean;
}

export interface ServerDraftView {
  submitted: boolean;
  status?: string;
  nextLevel?: Level | null;
  requiredLevels: Level[];
  decisions: { level: Level; person: string; decision: 'approve' | 'return'; opinion: string; at: string }[];
  /** zh-CN lines: not submitted, edited after submission, returned with the opinion, approval refused. */
  notes: string[];
}

export interface ServerRequests {
  'server:state': { request: object; response: ServerState };
  'server:login': { request: { username: string; password: string }; response: ServerState };
  'server:logout': { request: object; response: ServerState };
  /**
   * 提交审核: the draft exactly as screened, its hash and findings. Without `unit` the background picks this
   * person's (first) unit where they are an editor on the server.
   */
  'server:submit': { request: { submission: Omit<Submission, 'unit'> & { unit?: string } }; response: { draftId: number } };
}
