/**
 * The one typed message protocol between UI (content script, sidebar, popup, options, log page) and the
 * background service worker (DESIGN.md convention 8). Each service owns its variants in its own file
 * (lib/ext/messages/<service>.ts) and this file unions them, so there is one place to look.
 *
 * Transport: browser.runtime.sendMessage (JSON-serialised by Chrome: no ArrayBuffer, no Map, no Date).
 * Handlers answer `{ ok: true, value }` or `{ ok: false, error }` (zh-CN error text first).
 */
import type { RulesetMessage } from './messages/ruleset';
import type { ReviewMessage } from './messages/review';
import type { PictureMessage } from './messages/picture';

export type Reply<T> = { ok: true; value: T } | { ok: false; error: string };

// Each service file exports a union named <Service>Message; add it to this union.
export type Message = RulesetMessage | ReviewMessage | PictureMessage;
