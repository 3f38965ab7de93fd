/** Data hooks for the options page and popup: effective settings and the ruleset status, kept live. */
import { useCallback, useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { getEffectiveSettings, onSettingsChanged, type EffectiveSettings } from '@/lib/settings/client';
import type { RulesetStatus } from '@/lib/ext/messages/ruleset';
import { ask } from '@/lib/ext/send';
import { RULESET_LISTS_KEY, RULESET_STATUS_KEY } from '@/lib/ext/ruleset-store';

export function useEffectiveSettings(): { effective?: EffectiveSettings; reload: () => Promise<void> } {
  const [effective, setEffective] = useState<EffectiveSettings>();
  const reload = useCallback(async () => setEffective(await getEffectiveSettings()), []);
  useEffect(() => {
    void reload();
    return onSettingsChanged((_settings, next) => setEffective(next));
  }, [reload]);
  return { effective, reload };
}

/** The background's status; refreshed whenever it writes a new status or list record. */
export function useRulesetStatus(): { status?: RulesetStatus; error?: string; refresh: () => Promise<void> } {
  const [status, setStatus] = useState<RulesetStatus>();
  const [error, setError] = useState<string>();
  const refresh = useCallback(async () => {
    try {
      setStatus(await ask({ type: 'ruleset:status' }));
      setError(undefined);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  }, []);
  useEffect(() => {
    void refresh();
    const listener = (changes: Record<string, unknown>, area: string) => {
      if (area === 'local' && (RULESET_STATUS_KEY in changes || RULESET_LISTS_KEY in changes)) void refresh();
    };
    browser.storage.onChanged.addListener(listener);
    return () => browser.storage.onChanged.removeListener(listener);
  }, [refresh]);
  return { status, error, refresh };
}
