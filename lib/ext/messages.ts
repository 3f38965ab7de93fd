/**
 * The one message protocol between the extension's UI (content scripts, sidebar, popup, options, log page)
 * and the background service worker (DESIGN.md convention 8). A leaf module: types only.
 *
 * Each service declares its entries as a request → response map in lib/ext/messages/<service>.ts and this
 * file joins them. `send()` (lib/ext/send.ts) is the one place that sends, `registerRouter()`
 * (lib/ext/router.ts) the one place that routes; both are typed from this map.
 *
 * Adding a message:
 *  1. add `'svc:name': { request: {...}; response: R }` to the service's map (a new service: a new file whose
 *     map is added to `Protocol` below);
 *  2. add its handler to the service's handler map (the background's router refuses to compile without it);
 *  3. call `send({ type: 'svc:name', ... })` where it is needed.
 *
 * Transport: browser.runtime.sendMessage (JSON-serialised by Chrome: no ArrayBuffer, no Map, no Date).
 */
import type { ReviewRequests } from './messages/review';
import type { RulesetRequests } from './messages/ruleset';
import type { ServerRequests } from './messages/server';
import type { SettingsRequests } from './messages/settings';
import type { PictureRequests } from './messages/picture';

export interface Protocol extends ReviewRequests, RulesetRequests, SettingsRequests, ServerRequests, PictureRequests {}

export type MessageType = keyof Protocol;
/** The message of one type (or, without a type argument, the union of all messages). */
export type Message<T extends MessageType = MessageType> = T extends MessageType ? { type: T } & Protocol[T]['request'] : never;
export type Response<T extends MessageType> = Protocol[T]['response'];

/**
 * Every answer. `unavailable`: the service could not be reached or its store could not be opened (as opposed
 * to a refusal in the service's own words); callers that guard publishing treat it as "hold and retry".
 */
export type Reply<T> = { ok: true; value: T } | { ok: false; error: string; unavailable?: boolean };
