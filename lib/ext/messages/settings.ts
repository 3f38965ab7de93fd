/**
 * Settings messages. Only the background writes storage: the options page, popup and tabs read the effective
 * settings and change the user's own settings through these (lib/settings/client.ts sends them).
 */
import type { Settings } from '../../settings/schema';

/** The effective settings as they travel (JSON: `locked` is a list, not a Set). */
export interface EffectiveSettingsView {
  settings: Settings;
  locked: string[];
  policy: Partial<Settings>;
  /** zh-CN notes about ignored or invalid policy values (shown on the options page). */
  policyProblems: string[];
}

export interface SettingsRequests {
  'settings:get': { request: object; response: EffectiveSettingsView };
  /**
   * Changes the user's own settings; refused with a zh-CN error naming the key when policy locks it or the
   * value is invalid (nothing is written then). `null` clears a key so its default applies again.
   */
  'settings:update': { request: { patch: Partial<Record<keyof Settings, unknown>> }; response: EffectiveSettingsView };
}
