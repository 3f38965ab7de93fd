/**
 * Review components take the protocol's `send` injected (component tests route it to a real ReviewService
 * over fake-indexeddb); this unwraps a reply or throws its zh-CN error.
 */
import type { Message, MessageType, Response } from '@/lib/ext/messages';
import { send, type Send } from '@/lib/ext/send';

export type ReviewSend = Send;
export const sendReview: Send = send;

export async function ask<T extends MessageType>(post: Send, message: Message<T>): Promise<Response<T>> {
  const reply = await post<T>(message);
  if (!reply.ok) throw new Error(reply.error);
  return reply.value;
}
