/**
 * Effective settings for the extension (background, popup, options, content scripts).
 *
 * Precedence (DESIGN.md convention 7): enterprise policy (storage.managed, via lib/policy) > the user's own
 * settings (storage.local 'xs:settings') > defaults. Every key the policy sets, and every key it lists in
 * `locked`, is locked: a locked key without a policy value stays at its default, so every managed browser
 * behaves the same whatever the user had stored before.
 */
import { browser } from 'wxt/browser';
import { readPolicy, onPolicyChanged } from '../policy/read';
import { lockedKeys, type Policy } from '../policy/parse';
import { lockedKeyMessage, SETTING_LABELS } from '../policy/keys';
import { DEFAULT_SETTINGS, settingsSchema, type Settings, type SettingsKey } from './schema';

export const USER_SETTINGS_KEY = 'xs:settings';

export interface EffectiveSettings {
  settings: Settings;
  locked: Set<string>;
  policy: Partial<Settings>;
  /** zh-CN notes about ignored or invalid policy values (shown on the options page). */
  policyProblems: string[];
}

function isSettingsKey(key: string): key is SettingsKey {
  return key in settingsSchema.shape;
}

/** Stored user settings, keeping only keys that still validate (a schema change must not brick settings). */
async function readUserSettings(): Promise<Partial<Settings>> {
  const stored = (await browser.storage.local.get(USER_SETTINGS_KEY))[USER_SETTINGS_KEY];
  const user: Record<string, unknown> = {};
  if (!stored || typeof stored !== 'object') return user;
  for (const [key, value] of Object.entries(stored as Record<string, unknown>)) {
    if (!isSettingsKey(key) || key === 'locked') continue;
    const result = settingsSchema.shape[key].safeParse(value);
    if (result.success) user[key] = result.data;
  }
  return user as Partial<Settings>;
}

export function mergeSettings(user: Partial<Settings>, policy: Policy): { settings: Settings; locked: Set<string> } {
  const locked = lockedKeys(policy);
  const merged: Record<string, unknown> = { ...DEFAULT_SETTINGS };
  for (const [key, value] of Object.entries(user)) if (!locked.has(key)) merged[key] = value;
  for (const [key, value] of Object.entries(policy)) merged[key] = value;
  merged.locked = [...locked];
  return { settings: merged as Settings, locked };
}

export async function getEffectiveSettings(): Promise<EffectiveSettings> {
  const [{ policy, problems }, user] = await Promise.all([readPolicy(), readUserSettings()]);
  const { settings, locked } = mergeSettings(user, policy);
  return { settings, locked, policy, policyProblems: problems };
}

/**
 * Changes the user's own settings. Throws a zh-CN error naming the key when policy locks it or the value is
 * invalid; nothing is written unless every key in the patch is acceptable.
 */
export async function updateUserSettings(patch: Partial<Settings>): Promise<void> {
  const { policy } = await readPolicy();
  const locked = lockedKeys(policy);
  const valid: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(patch)) {
    if (!isSettingsKey(key)) throw new Error(`未知的设置项 ${key}`);
    if (key === 'locked' || locked.has(key)) throw new Error(lockedKeyMessage(key));
    if (value === undefined) {
      valid[key] = undefined;
      continue;
    }
    const result = settingsSchema.shape[key].safeParse(value);
    if (!result.success) {
      const why = result.error.issues.map((i) => i.message).join('；');
      throw new Error(`设置项「${SETTING_LABELS[key]}」(${key}) 的值无效：${why}`);
    }
    valid[key] = result.data;
  }
  const current = (await browser.storage.local.get(USER_SETTINGS_KEY))[USER_SETTINGS_KEY];
  const next: Record<string, unknown> = { ...(current && typeof current === 'object' ? current : {}) };
  for (const [key, value] of Object.entries(valid)) {
    // undefined clears the user's value so the default applies again (storage drops undefined anyway).
    if (value === undefined) delete next[key];
    else next[key] = value;
  }
  await browser.storage.local.set({ [USER_SETTINGS_KEY]: next });
}

/** Calls back with the new effective settings whenever the user's settings or the policy change. */
export function onSettingsChanged(cb: (settings: Settings, effective: EffectiveSettings) => void): () => void {
  const emit = () => {
    getEffectiveSettings().then(
      (effective) => cb(effective.settings, effective),
      (error) => console.error('[xianshen] settings reload failed', error),
    );
  };
  const localListener = (changes: Record<string, unknown>, area: string) => {
    if (area === 'local' && USER_SETTINGS_KEY in changes) emit();
  };
  browser.storage.onChanged.addListener(localListener);
  const stopPolicy = onPolicyChanged(emit);
  return () => {
    browser.storage.onChanged.removeListener(localListener);
    stopPolicy();
  };
}
