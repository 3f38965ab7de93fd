/**
 * Draft keys: what the review service keeps approvals, resolutions and editors under
 * (`<platform>:<id>`, see lib/ext/messages/review.ts).
 *
 * A saved draft has the console's own id in its URL (WeChat `appmsgid`, Weibo `#/draft/<id>`, Douyin
 * `/content/post/<id>`) and is keyed by it. An unsaved new draft has none: the adapters answer `new`, and a
 * plain `wechat:new` would be shared by every new article in every tab, mixing their editors and resolutions.
 * So an unsaved draft is keyed `<platform>:new-<tab id>`, where the tab id is a random id kept in the page
 * origin's sessionStorage (the content script shares the page's storage). sessionStorage belongs to one tab:
 * the id survives reloads and in-page navigation of that tab, a new tab gets its own, and closing the tab
 * forgets it. Once the console assigns a real id (after the first save) the key is `<platform>:<id>`.
 *
 * Known limits: "Duplicate tab" copies sessionStorage, so the copy shares the id; two unsaved new drafts
 * started one after the other in the same tab (without the console saving the first) share it too, which
 * keeps "edit after publish" on the same draft; a page that blocks storage gets an id for the life of this
 * document only.
 */

export const TAB_DRAFT_ID_KEY = 'xianshen:unsaved-draft-id';
/** What the adapters return while the console has not assigned an id. */
export const UNSAVED_DRAFT_ID = 'new';

let memoryId: string | undefined;

function randomId(): string {
  const bytes = new Uint8Array(8);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

function storage(): Storage | undefined {
  try {
    return globalThis.sessionStorage ?? undefined;
  } catch {
    return undefined; // sandboxed or storage disabled
  }
}

/** This tab's id for unsaved drafts (created on first use). */
export function tabDraftId(store: Storage | undefined = storage()): string {
  try {
    const existing = store?.getItem(TAB_DRAFT_ID_KEY);
    if (existing) return existing;
    const id = randomId();
    store?.setItem(TAB_DRAFT_ID_KEY, id);
    if (store) return id;
  } catch {
    // fall through to the per-document id
  }
  return (memoryId ??= randomId());
}

export function draftKeyFor(platform: string, consoleId: string, store?: Storage): string {
  const id = consoleId && consoleId !== UNSAVED_DRAFT_ID ? consoleId : `${UNSAVED_DRAFT_ID}-${tabDraftId(store)}`;
  return `${platform}:${id}`;
}

/**
 * Saving a new draft: the console gives it an id (WeChat's URL gains `appmsgid`), so its key moves from
 * `<platform>:new-<tab id>` to `<platform>:<id>`, and its review state (editors, resolutions, approvals) must
 * move with it, or the person who wrote it could approve it after reopening it.
 *
 * The tab remembers (sessionStorage) the last unsaved key it showed. When it goes from that key straight to
 * a saved one (a URL change in the same page, or a reload within REKEY_WINDOW_MS with no other console page
 * in between) the state moves; then the tab's id is renewed so its next new draft starts empty. Any console
 * page that is not an editor forgets the marker, so a saved draft opened later from the list (by the same or
 * another person) is never given this tab's history: whoever did not edit it can still review it.
 */
export const LAST_NEW_DRAFT_KEY = 'xianshen:last-new-draft';
export const REKEY_WINDOW_MS = 10 * 60_000;

/** Called with the key on screen (undefined off the editor); returns the key to move state from, if any. */
export function trackDraftKey(key: string | undefined, now = Date.now(), store: Storage | undefined = storage()): string | undefined {
  try {
    const raw = store?.getItem(LAST_NEW_DRAFT_KEY);
    const last = raw ? (JSON.parse(raw) as { key: string; at: number }) : undefined;
    if (key === undefined) {
      store?.removeItem(LAST_NEW_DRAFT_KEY);
      return undefined;
    }
    if (key.includes(`:${UNSAVED_DRAFT_ID}-`)) {
      store?.setItem(LAST_NEW_DRAFT_KEY, JSON.stringify({ key, at: now }));
      return undefined;
    }
    if (!last || now - last.at > REKEY_WINDOW_MS || last.key.split(':')[0] !== key.split(':')[0]) return undefined;
    store?.removeItem(LAST_NEW_DRAFT_KEY);
    store?.removeItem(TAB_DRAFT_ID_KEY);
    memoryId = undefined;
    return last.key;
  } catch {
    return undefined; // storage blocked: no carry-over (the draft stays reviewable only by non-editors of the new key)
  }
}
