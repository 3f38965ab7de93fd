/**
 * The content script's side of the review service (lib/ext/messages/review.ts). Every call degrades to
 * `undefined` when the service does not answer (not installed yet, or the worker restarting), and the gate
 * then falls back to "held while any block finding is unresolved".
 */
import { browser } from 'wxt/browser';
import type { Draft, Finding, Platform } from '@/lib/core/types';
import type { Reply } from '@/lib/ext/messages';
import type { ReviewMessage, ReviewResponses, ReviewStatus } from '@/lib/ext/messages/review';

async function ask<T extends ReviewMessage['type']>(
  message: Extract<ReviewMessage, { type: T }>,
): Promise<ReviewResponses[T] | undefined> {
  try {
    const reply = (await browser.runtime.sendMessage(message)) as Reply<ReviewResponses[T]> | undefined;
    return reply && reply.ok ? reply.value : undefined;
  } catch {
    return undefined;
  }
}

export interface DraftContext {
  draftKey: string;
  platform: Platform;
  title: string;
  draft: Draft;
  findings: Finding[];
}

export const reviewStatus = (c: DraftContext): Promise<ReviewStatus | undefined> =>
  ask({ type: 'review:status', draftKey: c.draftKey, platform: c.platform, title: c.title, draft: c.draft, findings: c.findings });

/**
 * review:resolve, keeping the service's refusal (e.g. "你编辑过本稿，不能自行接受问题"): the sidebar shows it
 * and drops its local mark. `unavailable` means the service did not answer at all.
 */
export type ResolveResult = { ok: true; status: ReviewStatus } | { ok: false; error: string; unavailable: boolean };

export async function reviewResolve(
  draftKey: string,
  draftHash: string,
  finding: Finding,
  resolution: 'fixed' | 'accepted',
  reason: string,
): Promise<ResolveResult> {
  const message: ReviewMessage = { type: 'review:resolve', draftKey, draftHash, finding, resolution, reason };
  try {
    const reply = (await browser.runtime.sendMessage(message)) as Reply<ReviewStatus> | undefined;
    if (!reply) return { ok: false, error: '审核服务未响应，请稍后再试', unavailable: true };
    return reply.ok ? { ok: true, status: reply.value } : { ok: false, error: reply.error, unavailable: false };
  } catch (err) {
    return { ok: false, error: `审核服务不可用：${err instanceof Error ? err.message : String(err)}`, unavailable: true };
  }
}

export const reviewEdited = (draftKey: string) => ask({ type: 'review:edited', draftKey });

export const reviewSubmit = (c: DraftContext, allowed: boolean) =>
  ask({ type: 'review:submit', draftKey: c.draftKey, draft: c.draft, findings: c.findings, allowed });
