/**
 * Enterprise policy parsing (DESIGN.md convention 7). Pure: takes whatever storage.managed returned.
 *
 * Only known keys are copied (anything else an admin typed is reported and ignored), and each key is validated
 * on its own with the settings schema, so one mistyped value does not throw away the rest of the policy.
 * A key whose new value is invalid keeps its last good value: a broken policy push must never unlock a
 * setting the admin had locked.
 */
import type { Settings } from '../settings/schema';
import { settingsSchema } from '../settings/schema';
import { POLICY_KEYS, SETTING_LABELS, type PolicyKey } from './keys';

export type Policy = Partial<Pick<Settings, PolicyKey>>;

export interface ParsedPolicy {
  policy: Policy;
  /** zh-CN descriptions of ignored keys and invalid values, for the options page. */
  problems: string[];
}

const KNOWN = new Set<string>(POLICY_KEYS);

export function parsePolicy(raw: unknown, lastGood: Policy = {}): ParsedPolicy {
  const problems: string[] = [];
  const policy: Record<string, unknown> = {};
  if (raw == null) return { policy, problems };
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    return { policy: { ...lastGood }, problems: ['管理策略不是对象，已沿用上次有效的策略'] };
  }
  for (const [key, value] of Object.entries(raw as Record<string, unknown>)) {
    if (!KNOWN.has(key)) {
      problems.push(`未知的策略项 ${key}，已忽略`);
      continue;
    }
    const result = settingsSchema.shape[key as PolicyKey].safeParse(value);
    if (result.success) {
      policy[key] = result.data;
      continue;
    }
    const label = SETTING_LABELS[key as PolicyKey];
    const why = result.error.issues.map((i) => i.message).join('；');
    if (key in lastGood) {
      policy[key] = lastGood[key as PolicyKey];
      problems.push(`策略项「${label}」(${key}) 无效（${why}），沿用上次有效值`);
    } else {
      problems.push(`策略项「${label}」(${key}) 无效（${why}），已忽略`);
    }
  }
  if (Array.isArray(policy.locked)) {
    const unknownLocks = (policy.locked as string[]).filter((k) => !(k in SETTING_LABELS));
    if (unknownLocks.length) problems.push(`locked 中有未知的设置项：${unknownLocks.join(', ')}`);
  }
  return { policy: policy as Policy, problems };
}

/**
 * Keys the user cannot change: every key the policy sets (policy wins anyway, so a user edit would silently
 * do nothing) plus the keys it lists in `locked` (frozen at their default value).
 */
export function lockedKeys(policy: Policy): Set<string> {
  const locked = new Set<string>(policy.locked ?? []);
  for (const key of Object.keys(policy)) if (key !== 'locked') locked.add(key);
  return locked;
}
