/**
 * Update URLs, trusted public keys and the check interval. Keys the admin's policy sets or locks are shown
 * read-only with 由管理员策略锁定 and are never sent to updateUserSettings.
 */
import { useState } from 'react';
import { browser } from 'wxt/browser';
import { updateUserSettings, type EffectiveSettings } from '@/lib/settings/client';
import { base64ToBytes } from '@/lib/bundle/base64';
import { PUBLIC_KEY_BYTES } from '@/lib/bundle/verify';
import type { Settings } from '@/lib/settings/schema';
import { LockedNote } from './LockedNote';

export interface UpdateSettingsProps {
  effective: EffectiveSettings;
  save?: typeof updateUserSettings;
  /** Asks Chrome for access to the update hosts (optional_host_permissions); resolves false when refused. */
  requestHosts?: (origins: string[]) => Promise<boolean>;
}

const lines = (text: string) => text.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);

function originPattern(url: string): string | undefined {
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.hostname}/*`;
  } catch {
    return undefined;
  }
}

async function requestHostPermissions(origins: string[]): Promise<boolean> {
  if (!origins.length || !browser.permissions?.request) return true;
  try {
    return await browser.permissions.request({ origins });
  } catch {
    return false;
  }
}

/**
 * Form state that follows the stored value when THAT changes (policy push, another tab), but not on mere
 * re-reads, which would wipe what is being typed. Adjusted during render, so no effect can overwrite a
 * keystroke that lands before the effect runs.
 */
function useSyncedState(stored: string): [string, (value: string) => void] {
  const [value, setValue] = useState(stored);
  const [lastStored, setLastStored] = useState(stored);
  if (stored !== lastStored) {
    setLastStored(stored);
    setValue(stored);
  }
  return [value, setValue];
}

export function UpdateSettings({ effective, save = updateUserSettings, requestHosts = requestHostPermissions }: UpdateSettingsProps) {
  const { settings, locked } = effective;
  const [urls, setUrls] = useSyncedState(settings.updateUrls.join('\n'));
  const [keys, setKeys] = useSyncedState(settings.trustedKeys.join('\n'));
  const [hours, setHours] = useSyncedState(String(settings.updateIntervalHours));
  const [message, setMessage] = useState<{ ok: boolean; text: string }>();


  const onSave = async () => {
    const patch: Partial<Settings> = {};
    // Requested first, while the click still counts as a user gesture.
    let permission: Promise<boolean> = Promise.resolve(true);
    if (!locked.has('updateUrls')) {
      patch.updateUrls = lines(urls);
      const origins = [...new Set(patch.updateUrls.map(originPattern).filter((o): o is string => !!o))];
      permission = requestHosts(origins);
    }
    if (!locked.has('trustedKeys')) {
      patch.trustedKeys = lines(keys);
      const bad = patch.trustedKeys.filter((k) => base64ToBytes(k)?.length !== PUBLIC_KEY_BYTES);
      if (bad.length) {
        setMessage({ ok: false, text: `公钥格式不正确（应为 public.key 文件中的一行 base64）：${bad.join('，')}` });
        return;
      }
    }
    if (!locked.has('updateIntervalHours')) patch.updateIntervalHours = Number(hours);
    try {
      await save(patch);
      setMessage({ ok: true, text: '已保存。' });
    } catch (e) {
      setMessage({ ok: false, text: e instanceof Error ? e.message : String(e) });
      return;
    }
    // The permission prompt may stay open; the settings are saved either way (CORS also works).
    if (!(await permission)) {
      setMessage({ ok: true, text: '已保存。未获得访问更新服务器的权限：请让服务器为词库包和 .sig 返回 Access-Control-Allow-Origin 头，否则无法下载。' });
    }
  };

  const allLocked = ['updateUrls', 'trustedKeys', 'updateIntervalHours'].every((k) => locked.has(k));
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void onSave();
      }}
    >
      <label style={{ display: 'block', margin: '8px 0' }}>
        词库更新地址（每行一个，按顺序尝试；签名文件为同一地址加 .sig）
        {locked.has('updateUrls') && <LockedNote />}
        <textarea
          name="updateUrls"
          rows={3}
          style={{ display: 'block', width: '100%' }}
          value={urls}
          readOnly={locked.has('updateUrls')}
          disabled={locked.has('updateUrls')}
          placeholder="https://intranet.example.gov.cn/xianshen/bundle.json"
          onChange={(e) => setUrls(e.currentTarget.value)}
        />
      </label>
      <label style={{ display: 'block', margin: '8px 0' }}>
        受信任的公钥（每行一个 public.key）
        {locked.has('trustedKeys') && <LockedNote />}
        <textarea
          name="trustedKeys"
          rows={2}
          style={{ display: 'block', width: '100%', fontFamily: 'monospace' }}
          value={keys}
          readOnly={locked.has('trustedKeys')}
          disabled={locked.has('trustedKeys')}
          onChange={(e) => setKeys(e.currentTarget.value)}
        />
      </label>
      <label style={{ display: 'block', margin: '8px 0' }}>
        自动检查间隔（小时，0.25–168）
        {locked.has('updateIntervalHours') && <LockedNote />}
        <input
          name="updateIntervalHours"
          type="number"
          min={0.25}
          max={168}
          step={0.25}
          style={{ marginLeft: 8, width: 80 }}
          value={hours}
          readOnly={locked.has('updateIntervalHours')}
          disabled={locked.has('updateIntervalHours')}
          onChange={(e) => setHours(e.currentTarget.value)}
        />
      </label>
      <p style={{ fontSize: 12, color: '#555' }}>
        导入未签名词库包：{effective.policy.allowUnsignedImport === true ? '允许' : '不允许'}（只能由管理策略开启）
      </p>
      <button type="submit" disabled={allLocked}>
        保存更新设置
      </button>
      {message && (
        <p role={message.ok ? 'status' : 'alert'} style={{ color: message.ok ? '#1b5e20' : '#b00020' }}>
          {message.text}
        </p>
      )}
    </form>
  );
}
