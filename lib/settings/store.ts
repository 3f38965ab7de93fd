/**
 * Effective settings, background side (the only side that writes them; pages and tabs use
 * lib/settings/client.ts, which asks through the protocol).
 *
 * Precedence (DESIGN.md convention 7): enterprise policy (storage.managed, via lib/policy) > the user's own
 * settings (storage item `userSettings`) > defaults. Every key the policy sets, and every key it lists in
 * `locked`, is locked: a locked key without a policy value stays at its default, so every managed browser
 * behaves the same whatever the user had stored before.
 */
import { readPolicy, onPolicyChanged } from '../policy/read';
import { lockedKeys, type Policy } from '../policy/parse';
import { lockedKeyMessage, SETTING_LABELS } from '../policy/keys';
import { Refusal, type Handlers } from '../ext/handlers';
import { items } from '../ext/storage';
import { STORAGE_KEYS } from '../ext/storage-keys';
import { toView, type EffectiveSettings } from './effective';
import { DEFAULT_SETTINGS, sanitizeUserSettings, settingsSchema, type Settings, type SettingsKey } from './schema';

export type { EffectiveSettings } from './effective';

/** The storage.local key of the user's settings (item `userSettings`). */
export const USER_SETTINGS_KEY = STORAGE_KEYS.settings;

function isSettingsKey(key: string): key is SettingsKey {
  return key in settingsSchema.shape;
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
  const [{ policy, problems }, stored] = await Promise.all([readPolicy(), items.userSettings.getValue()]);
  // Validated on read as well: a value written by an older build under the same item version must not brick settings.
  const { settings, locked } = mergeSettings(sanitizeUserSettings(stored), policy);
  return { settings, locked, policy, policyProblems: problems };
}

/**
 * Changes the user's own settings. Throws a zh-CN error naming the key when policy locks it or the value is
 * invalid; nothing is written unless every key in the patch is acceptable. `undefined` or `null` clears a key.
 */
export async function updateUserSettings(patch: Partial<Record<SettingsKey, unknown>>): Promise<void> {
  const { policy } = await readPolicy();
  const locked = lockedKeys(policy);
  const valid: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(patch)) {
    if (!isSettingsKey(key)) throw new Error(`未知的设置项 ${key}`);
    if (key === 'locked' || locked.has(key)) throw new Error(lockedKeyMessage(key));
    if (value === undefined || value === null) {
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
  const next: Record<string, unknown> = { ...(await items.userSettings.getValue()) };
  for (const [key, value] of Object.entries(valid)) {
    if (value === undefined) delete next[key];
    else next[key] = value;
  }
  await items.userSettings.setValue(next as Partial<Settings>);
}

/** Calls back with the new effective settings whenever the user's settings or the policy change. */
export function onSettingsChanged(cb: (settings: Settings, effective: EffectiveSettings) => void): () => void {
  const emit = () => {
    getEffectiveSettings().then(
      (effective) => cb(effective.settings, effective),
      (error) => console.error('[xianshen] settings reload failed', error),
    );
  };
  const stopUser = items.userSettings.watch(emit);
  const stopPolicy = onPolicyChanged(emit);
  return () => {
    stopUser();
    stopPolicy();
  };
}

/** The background's settings handlers (the router takes them). */
export const settingsHandlers: Handlers<'settings:get' | 'settings:update'> = {
  'settings:get': async () => toView(await getEffectiveSettings()),
  'settings:update': async (m) => {
    // A locked key or an invalid value is the user's mistake, answered in zh-CN, not a service error.
    await updateUserSettings(m.patch).catch((error: unknown) => {
      throw new Refusal(error instanceof Error ? error.message : String(error));
    });
    return toView(await getEffectiveSettings());
  },
};
