/**
 * The one module that reads enterprise policy from storage.managed (Chrome: set by the IT admin through
 * group policy / managed preferences, described by public/managed_schema.json). Background only.
 *
 * The last good value is cached (storage item `policyCache`) so that a browser where managed storage is
 * unavailable (Firefox without a policies.json manifest, a transient error) keeps enforcing what the admin set.
 */
import { browser } from 'wxt/browser';
import { items } from '../ext/storage';
import { parsePolicy, type Policy } from './parse';

export interface PolicyState {
  policy: Policy;
  problems: string[];
  /** 'managed': read just now; 'cache': managed storage failed, last good value used. */
  from: 'managed' | 'cache';
}

async function readCache(): Promise<Policy> {
  const cached = await items.policyCache.getValue();
  return cached && typeof cached === 'object' ? cached : {};
}

export async function readPolicy(): Promise<PolicyState> {
  const lastGood = await readCache();
  let raw: unknown;
  try {
    raw = await browser.storage.managed.get(null);
  } catch (error) {
    return {
      policy: lastGood,
      problems: [`读取管理策略失败，沿用上次有效的策略：${String(error)}`],
      from: 'cache',
    };
  }
  const { policy, problems } = parsePolicy(raw, lastGood);
  if (JSON.stringify(policy) !== JSON.stringify(lastGood)) await items.policyCache.setValue(policy);
  return { policy, problems, from: 'managed' };
}

/** Calls back whenever the admin's policy changes (Chrome re-reads policy at runtime). */
export function onPolicyChanged(cb: () => void): () => void {
  const listener = (_changes: unknown, area: string) => {
    if (area === 'managed') cb();
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
