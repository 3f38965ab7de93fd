/**
 * Settings for pages and tabs (options, popup, sidebar, content scripts): read and changed through the
 * background (only it writes storage), and watched through storage change events.
 */
import { browser } from 'wxt/browser';
import { ask } from '../ext/send';
import { STORAGE_KEYS } from '../ext/storage-keys';
import { fromView, type EffectiveSettings } from './effective';
import type { Settings, SettingsKey } from './schema';

export type { EffectiveSettings } from './effective';

export async function getEffectiveSettings(): Promise<EffectiveSettings> {
  return fromView(await ask({ type: 'settings:get' }));
}

/** Throws the background's zh-CN refusal (locked key, invalid value); `undefined` clears a key. */
export async function updateUserSettings(patch: Partial<Settings>): Promise<void> {
  const wire: Partial<Record<SettingsKey, unknown>> = {};
  // JSON drops undefined: null carries "clear this key".
  for (const [key, value] of Object.entries(patch)) wire[key as SettingsKey] = value === undefined ? null : value;
  await ask({ type: 'settings:update', patch: wire });
}

/** Calls back with the new effective settings whenever the user's settings or the policy change. */
export function onSettingsChanged(cb: (settings: Settings, effective: EffectiveSettings) => void): () => void {
  const listener = (changes: Record<string, unknown>, area: string) => {
    if (area !== 'managed' && !(area === 'local' && (STORAGE_KEYS.settings in changes || STORAGE_KEYS.policy in changes))) return;
    getEffectiveSettings().then(
      (effective) => cb(effective.settings, effective),
      (error) => console.error('[xianshen] settings reload failed', error),
    );
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
