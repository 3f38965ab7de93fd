/**
 * Handler maps and their dispatch, without any browser API (the review service and unit tests use them
 * directly; lib/ext/router.ts puts them on runtime.onMessage).
 */
import type { Message, MessageType, Reply, Response } from './messages';

export type Handler<T extends MessageType> = (message: Message<T>) => Promise<Response<T>> | Response<T>;
export type Handlers<K extends MessageType = MessageType> = { [T in K]: Handler<T> };

/** A refusal in the service's own words (not logged as an error). */
export class Refusal extends Error {}

/** The service's store cannot be reached: callers guarding publishing hold and retry. */
export class Unavailable extends Error {}

/** Runs the handler for `message` and wraps the outcome as a Reply. */
export async function dispatch(handlers: Partial<Handlers>, message: Message): Promise<Reply<unknown>> {
  const handler = handlers[message.type] as Handler<MessageType> | undefined;
  if (!handler) return { ok: false, error: `未知的消息类型 ${message.type}` };
  try {
    return { ok: true, value: await handler(message as never) };
  } catch (error) {
    if (!(error instanceof Refusal)) console.error('[xianshen]', message.type, error);
    const text = error instanceof Error ? error.message : String(error);
    return error instanceof Unavailable ? { ok: false, error: text, unavailable: true } : { ok: false, error: text };
  }
}
