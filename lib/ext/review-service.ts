/**
 * Background glue for the review service: opens the review IndexedDB, answers 'review:*' messages, and
 * drains the collector queue on startup and on an alarm. Everything else lives in lib/review/service.ts.
 */
import { browser } from 'wxt/browser';
import { openReviewDb } from '../review/db';
import { ReviewService } from '../review/service';
import { getEffectiveSettings } from '../settings/store';
import { isReviewMessage } from './messages/review';

export const FORWARD_ALARM = 'xianshen-review-forward';

let service: Promise<ReviewService> | undefined;

/** The background's one review service (also handy for tests and for other background modules). */
export function reviewService(factory: IDBFactory = globalThis.indexedDB): Promise<ReviewService> {
  service ??= openReviewDb(factory).then(
    (db) => new ReviewService({ db, getSettings: async () => (await getEffectiveSettings()).settings }),
  );
  return service;
}

export function registerReviewService(factory?: IDBFactory): void {
  // Listeners are added synchronously: an MV3 worker woken by a message must find them on its first run.
  browser.runtime.onMessage.addListener((message: unknown, _sender, sendResponse) => {
    if (!isReviewMessage(message)) return undefined;
    reviewService(factory)
      .then((s) => s.handle(message))
      .then(sendResponse, (error: unknown) => sendResponse({ ok: false, error: `审核服务出错：${String(error)}` }));
    return true;
  });

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
