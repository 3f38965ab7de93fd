/** Background service worker: thin wiring only (lib/ext/background-main.ts). */
import { startBackground } from '../lib/ext/background-main';

export default defineBackground(() => startBackground());
