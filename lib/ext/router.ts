/**
 * The one background router: one runtime.onMessage listener dispatching on `type` through a handler map
 * (lib/ext/handlers.ts). Each service contributes its handlers; entrypoints/background.ts passes the union of
 * all of them, typed `Handlers` so a message of the protocol without a handler does not compile.
 */
import { browser } from 'wxt/browser';
import type { Message, Reply } from './messages';
import { dispatch, type Handlers } from './handlers';

function isMessage(value: unknown): value is { type: string } {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}

/**
 * Adds the listener (synchronously: an MV3 worker woken by a message must find it on its first run).
 * Messages without a handler here are left to other listeners. Returns the remover.
 */
export function registerRouter(handlers: Partial<Handlers>): () => void {
  const listener = (message: unknown, _sender: unknown, sendResponse: (reply: Reply<unknown>) => void) => {
    if (!isMessage(message) || !Object.hasOwn(handlers, message.type)) return undefined;
    void dispatch(handlers, message as Message).then(sendResponse);
    return true;
  };
  browser.runtime.onMessage.addListener(listener);
  return () => browser.runtime.onMessage.removeListener(listener);
}
