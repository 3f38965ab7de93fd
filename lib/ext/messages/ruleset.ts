/**
 * Messages of the ruleset service (lib/ext/ruleset-service.ts): wordlist status, update checks, local import.
 * Part of the one message union in lib/ext/messages.ts.
 */
import { browser } from 'wxt/browser';
import type { Reply } from '../messages';
import type { InstalledBundle, ListInfo } from '../../bundle/merge';
import type { RulesetSnapshot } from '../ruleset-store';

export type RulesetMessage =
  | { type: 'ruleset:status' }
  /** For content scripts (via lib/ext/ruleset-store.ts): the compiled snapshot in force, or null. */
  | { type: 'ruleset:snapshot' }
  | { type: 'ruleset:check-now' }
  /** The file's exact bytes travel as base64: the signature is over bytes, and a text round-trip may alter them. */
  | { type: 'ruleset:import'; fileName: string; bundleBase64: string; sigText?: string };

export type CheckOutcome = 'applied' | 'up-to-date' | 'rejected' | 'failed' | 'no-urls';
export type CheckTrigger = 'install' | 'startup' | 'alarm' | 'manual' | 'settings' | 'import';

export interface CheckResult {
  outcome: CheckOutcome;
  /** zh-CN, ready to show. */
  message: string;
  /** Failure code (lib/bundle/verify.ts, lib/bundle/fetch.ts, or 'compile-failed'). */
  code?: string;
  version?: number;
}

export interface UpdateStatus {
  lastCheckAt?: string;
  lastTrigger?: CheckTrigger;
  lastOutcome?: CheckOutcome;
  lastMessage?: string;
  /** Kept until a later check succeeds or finds the installed version current. */
  lastError?: { code: string; reason: string; at: string; origin?: string };
  lastAppliedAt?: string;
}

export interface RulesetStatus {
  /** The update or import in force; null while only the bundled lists are. */
  installed: Omit<InstalledBundle, 'bundle'> & { version: number; issuer: string; issuedAt: string } | null;
  /** Every known list (bundled or from the bundle), with counts, source and whether it screens now. */
  lists: ListInfo[];
  appliedAt?: string;
  update: UpdateStatus;
  checking: boolean;
  /** ISO time of the next periodic check. */
  nextCheckAt?: string;
}

export interface RulesetReplies {
  'ruleset:status': RulesetStatus;
  'ruleset:snapshot': RulesetSnapshot | null;
  'ruleset:check-now': CheckResult;
  'ruleset:import': CheckResult;
}

export function isRulesetMessage(message: unknown): message is RulesetMessage {
  const type = (message as { type?: unknown } | null)?.type;
  return typeof type === 'string' && type.startsWith('ruleset:');
}

/** For the popup and options page: sends a ruleset message and unwraps the reply (throws the zh-CN error). */
export async function sendRulesetMessage<M extends RulesetMessage>(message: M): Promise<RulesetReplies[M['type']]> {
  const reply = (await browser.runtime.sendMessage(message)) as Reply<RulesetReplies[M['type']]> | undefined;
  if (!reply) throw new Error('后台服务没有响应，请稍后重试。');
  if (!reply.ok) throw new Error(reply.error);
  return reply.value;
}
