/**
 * Background glue for the review service: opens the review IndexedDB, contributes the 'review:*' handlers to
 * the router, and drains the collector queue on startup and on an alarm. Everything else lives in
 * lib/review/service.ts.
 *
 * Fails closed: when the database cannot be opened, every review message answers `unavailable` (the tab
 * then holds publishing with 「审核服务不可用」 and retries), and the failed open is NOT kept: the next
 * message tries again. A connection closed under us (another version of the database took over) is dropped
 * the same way.
 */
import { browser } from 'wxt/browser';
import { openReviewDb } from '../review/db';
import { ReviewService, type ReviewType } from '../review/service';
import { getEffectiveSettings } from '../settings/store';
import { Unavailable, type Handler, type Handlers } from './handlers';
import { reviewServer } from './review-server-service';

export const FORWARD_ALARM = 'xianshen-review-forward';

let service: Promise<ReviewService> | undefined;

/** The background's one review service; a failed open is forgotten so the next call retries. */
export function reviewService(factory: IDBFactory = globalThis.indexedDB): Promise<ReviewService> {
  if (service) return service;
  const opening = openReviewDb(factory).then((db) => {
    db.addEventListener('close', () => {
      if (service === opening) service = undefined;
    });
    db.addEventListener('versionchange', () => {
      if (service === opening) service = undefined;
    });
    return new ReviewService({
      db,
      getSettings: async () => (await getEffectiveSettings()).settings,
      serverGate: (draftKey, draftHash, settings) => reviewServer.gate(draftKey, draftHash, settings),
    });
  });
  service = opening;
  opening.catch(() => {
    if (service === opening) service = undefined;
  });
  return opening;
}

/** For tests: forget the open service. */
export function resetReviewService(): void {
  service = undefined;
}

async function openService(factory?: IDBFactory): Promise<ReviewService> {
  try {
    return await reviewService(factory);
  } catch (error) {
    const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    throw new Unavailable(`审核数据库无法打开（${detail}）`);
  }
}

const REVIEW_TYPES: ReviewType[] = [
  'review:status',
  'review:resolve',
  'review:decide',
  'review:override',
  'review:edited',
  'review:rekey',
  'review:refresh',
  'review:submit',
  'review:log-query',
  'review:log-record',
  'review:verify',
  'review:forward',
];

/** The review handlers for the router: each opens (or reuses) the service, then lets it answer. */
export function reviewHandlers(factory?: IDBFactory): Handlers<ReviewType> {
  const handlers = {} as Record<ReviewType, Handler<ReviewType>>;
  for (const type of REVIEW_TYPES) {
    handlers[type] = async (message) => {
      const s = await openService(factory);
      return (s.handlers[type] as Handler<ReviewType>)(message);
    };
  }
  return handlers as Handlers<ReviewType>;
}

/** Alarms and the startup drain of the forwarding queue. */
export function registerReviewService(factory?: IDBFactory): void {
  const drain = () =>
    reviewService(factory)
      .then((s) => s.forwarder.drain())
      .catch((error: unknown) => console.warn('[xianshen] review forwarding', error));
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === FORWARD_ALARM) void drain();
  });
  void browser.alarms.get(FORWARD_ALARM).then((existing) => {
    if (!existing) void browser.alarms.create(FORWARD_ALARM, { periodInMinutes: 1 });
  });
  void drain();
}
