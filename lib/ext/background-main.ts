/**
 * What the background service worker runs (entrypoints/background.ts calls it; unit tests call it over the
 * fake browser): one router for every message of the protocol, then each service's alarms and listeners.
 */
import type { Handlers } from './handlers';
import { registerRouter } from './router';
import { registerRulesetService, rulesetHandlers } from './ruleset-service';
import { registerReviewService, reviewHandlers } from './review-service';
import { settingsHandlers } from '../settings/store';
import { serverHandlers } from './review-server-service';
import { pictureHandlers, registerPictureService } from './picture-service';

export function startBackground(options: { reviewDb?: IDBFactory } = {}): void {
  // Typed as the full map: a message of the protocol without a handler does not compile.
  const handlers: Handlers = {
    ...rulesetHandlers,
    ...reviewHandlers(options.reviewDb),
    ...settingsHandlers,
    ...serverHandlers,
    ...pictureHandlers,
  };
  registerRouter(handlers);
  registerRulesetService();
  registerReviewService(options.reviewDb);
  registerPictureService();
}
