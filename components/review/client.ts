/**
 * Sending review messages from extension UI (sidebar panel, log page). Injected into the components as
 * `send`, so component tests can route messages to a real ReviewService over fake-indexeddb.
 */
import { browser } from 'wxt/browser';
import type { Reply } from '@/lib/ext/messages';
import type { ReviewMessage, ReviewMessageType, ReviewResponses } from '@/lib/ext/messages/review';

export type ReviewSend = <T extends ReviewMessageType>(
  message: Extract<ReviewMessage, { type: T }>,
) => Promise<Reply<ReviewResponses[T]>>;

export const sendReview: ReviewSend = async (message) => {
  try {
    const reply = await browser.runtime.sendMessage(message);
    return (reply ?? { ok: false, error: '审核服务未响应，请稍后再试' }) as never;
  } catch (error) {
    return { ok: false, error: `审核服务不可用：${error instanceof Error ? error.message : String(error)}` };
  }
};

/** Unwraps a reply or throws its zh-CN error (for handlers that show errors in one place). */
export async function ask<T extends ReviewMessageType>(
  send: ReviewSend,
  message: Extract<ReviewMessage, { type: T }>,
): Promise<ReviewResponses[T]> {
  const reply = await send<T>(message);
  if (!reply.ok) throw new Error(reply.error);
  return reply.value;
}
