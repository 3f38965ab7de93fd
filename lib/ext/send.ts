/**
 * The one place that sends protocol messages (lib/ext/messages.ts). Never throws: a background that does not
 * answer, or a transport error, becomes `{ ok: false, unavailable: true }` with a zh-CN error.
 */
import { browser } from 'wxt/browser';
import type { Message, MessageType, Reply, Response } from './messages';

export const NO_ANSWER = '后台服务没有响应，请稍后重试';

export async function send<T extends MessageType>(message: Message<T>): Promise<Reply<Response<T>>> {
  try {
    const reply = (await browser.runtime.sendMessage(message)) as Reply<Response<T>> | undefined;
    return reply ?? { ok: false, error: NO_ANSWER, unavailable: true };
  } catch (error) {
    return { ok: false, error: `${NO_ANSWER}：${error instanceof Error ? error.message : String(error)}`, unavailable: true };
  }
}

/** `send`, unwrapped: the value, or throws the reply's zh-CN error (for callers that show errors in one place). */
export async function ask<T extends MessageType>(message: Message<T>): Promise<Response<T>> {
  const reply = await send<T>(message);
  if (!reply.ok) throw new Error(reply.error);
  return reply.value;
}

/** The signature of `send`, for components that take it injected (tests route it to a real service). */
export type Send = typeof send;
