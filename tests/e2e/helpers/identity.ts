/**
 * Who sits at this test browser: sets the identity (and any other settings) in the extension's storage, as the
 * options page would through the background, for the review tests that switch between an editor and reviewers.
 */
import type { browser } from 'wxt/browser';
import type { Person } from '../../../lib/settings/schema';
import type { LaunchedExtension } from './launch';

/** The extension API inside `serviceWorker.evaluate` callbacks (typed as WXT's browser). */
declare const chrome: typeof browser;

export async function actAs(ext: LaunchedExtension, person: Person, extra: Record<string, unknown> = {}): Promise<void> {
  await ext.serviceWorker.evaluate(
    async ({ person, extra }) => {
      const key = 'xs:settings';
      const current = (await chrome.storage.local.get(key))[key] ?? {};
      await chrome.storage.local.set({ [key]: { ...(current as object), ...extra, identity: person } });
    },
    { person, extra },
  );
}
