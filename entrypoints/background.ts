/**
 * Background service worker: thin wiring only. Each service module registers its own message handlers
 * (lib/ext/*-service.ts); the message protocol is the union in lib/ext/messages.ts.
 */
import { registerRulesetService } from '../lib/ext/ruleset-service';
import { registerReviewService } from '../lib/ext/review-service';
import { registerPictureService } from '../lib/ext/picture-service';

export default defineBackground(() => {
  registerRulesetService();
  registerReviewService();
  registerPictureService();
  // services register here, one line each
});
