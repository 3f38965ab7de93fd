/**
 * Installed lists with version, term count and source, and per-list enable/disable (settings.disabledLists)
 * unless the admin's policy sets or locks it.
 */
import { useState } from 'react';
import type { RulesetStatus } from '@/lib/ext/messages/ruleset';
import { updateUserSettings, type EffectiveSettings } from '@/lib/settings/client';
import { LockedNote } from './LockedNote';
import { SOURCE_LABELS } from './labels';

export interface InstalledListsProps {
  status: RulesetStatus;
  effective: EffectiveSettings;
  save?: typeof updateUserSettings;
}

export function InstalledLists({ status, effective, save = updateUserSettings }: InstalledListsProps) {
  const [error, setError] = useState<string>();
  const locked = effective.locked.has('disabledLists');
  const disabled = new Set(effective.settings.disabledLists);

  const toggle = async (id: string, enable: boolean) => {
    const next = new Set(disabled);
    if (enable) next.delete(id);
    else next.add(id);
    try {
      await save({ disabledLists: [...next].sort() });
      setError(undefined);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };

  return (
    <div>
      {locked && (
        <p>
          词库的启用与停用<LockedNote />
        </p>
      )}
      <table style={{ borderCollapse: 'collapse', width: '100%' }}>
        <thead>
          <tr style={{ textAlign: 'left' }}>
            <th>启用</th>
            <th>词库</th>
            <th>版本</th>
            <th>词条数</th>
            <th>来源</th>
          </tr>
        </thead>
        <tbody>
          {status.lists.map((list) => {
            const isEnabled = !disabled.has(list.id) && !list.defaultOff;
            return (
              <tr key={list.id} data-testid="xs-list-row" data-list-id={list.id} data-active={list.active} style={{ borderTop: '1px solid #ddd' }}>
                <td>
                  <input
                    type="checkbox"
                    aria-label={`启用 ${list.name}`}
                    checked={isEnabled}
                    disabled={locked || list.defaultOff}
                    title={list.defaultOff ? '此词库默认关闭，只能由管理员在词库包中开启' : undefined}
                    onChange={(e) => void toggle(list.id, e.currentTarget.checked)}
                  />
                </td>
                <td>
                  {list.name} <code style={{ color: '#666' }}>{list.id}</code>
                </td>
                <td>{list.version || '—'}</td>
                <td data-testid="xs-list-count">{list.count}</td>
                <td>{SOURCE_LABELS[list.source]}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {error && (
        <p role="alert" style={{ color: '#b00020' }}>
          {error}
        </p>
      )}
    </div>
  );
}
