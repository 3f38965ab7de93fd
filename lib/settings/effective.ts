/** The effective settings (policy > user > defaults) as the UI uses them, and as they travel. Pure. */
import type { EffectiveSettingsView } from '../ext/messages/settings';
import type { Settings } from './schema';

export interface EffectiveSettings {
  settings: Settings;
  locked: Set<string>;
  policy: Partial<Settings>;
  /** zh-CN notes about ignored or invalid policy values (shown on the options page). */
  policyProblems: string[];
}

export function toView(e: EffectiveSettings): EffectiveSettingsView {
  return { ...e, locked: [...e.locked] };
}

export function fromView(v: EffectiveSettingsView): EffectiveSettings {
  return { ...v, locked: new Set(v.locked) };
}
