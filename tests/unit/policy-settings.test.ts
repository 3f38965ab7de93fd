import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { getEffectiveSettings, onSettingsChanged, updateUserSettings } from '../../lib/settings/store';
import { readPolicy } from '../../lib/policy/read';
import { DEFAULT_SETTINGS } from '../../lib/settings/schema';
import { items } from '../../lib/ext/storage';
import { registerRouter } from '../../lib/ext/router';
import { settingsHandlers } from '../../lib/settings/store';
import * as client from '../../lib/settings/client';

beforeEach(() => fakeBrowser.reset());

describe('effective settings: policy > user > defaults', () => {
  it('uses defaults when nothing is set', async () => {
    const { settings, locked } = await getEffectiveSettings();
    expect(settings.updateIntervalHours).toBe(DEFAULT_SETTINGS.updateIntervalHours);
    expect(locked.size).toBe(0);
  });

  it("keeps the user's own changes", async () => {
    await updateUserSettings({ updateUrls: ['https://intranet.example/xs/bundle.json'], updateIntervalHours: 2 });
    const { settings } = await getEffectiveSettings();
    expect(settings.updateUrls).toEqual(['https://intranet.example/xs/bundle.json']);
    expect(settings.updateIntervalHours).toBe(2);
  });

  it('lets policy override the user and locks what it sets', async () => {
    await updateUserSettings({ updateIntervalHours: 2, allowUnsignedImport: true });
    await fakeBrowser.storage.managed.set({ updateIntervalHours: 12, locked: ['allowUnsignedImport'] });
    const { settings, locked } = await getEffectiveSettings();
    expect(settings.updateIntervalHours).toBe(12);
    // locked without a policy value: frozen at the default, whatever the user had stored
    expect(settings.allowUnsignedImport).toBe(false);
    expect([...locked].sort()).toEqual(['allowUnsignedImport', 'updateIntervalHours']);
  });

  it('refuses to change a locked key, naming it in Chinese, and writes nothing', async () => {
    await fakeBrowser.storage.managed.set({ locked: ['disabledLists'] });
    await expect(updateUserSettings({ updateIntervalHours: 3, disabledLists: ['typos'] })).rejects.toThrow(
      /停用的词库.*disabledLists.*管理员策略锁定/,
    );
    const { settings } = await getEffectiveSettings();
    expect(settings.updateIntervalHours).toBe(DEFAULT_SETTINGS.updateIntervalHours);
    expect(settings.disabledLists).toEqual([]);
  });

  it('rejects invalid values with the key named', async () => {
    await expect(updateUserSettings({ updateUrls: ['not a url'] })).rejects.toThrow(/词库更新地址.*updateUrls/);
    await expect(updateUserSettings({ updateIntervalHours: 0 })).rejects.toThrow(/updateIntervalHours/);
  });

  it('refuses to let the user edit the lock list itself', async () => {
    await expect(updateUserSettings({ locked: [] })).rejects.toThrow(/locked/);
  });
});

describe('policy reader', () => {
  it('copies only known keys and reports the rest', async () => {
    await fakeBrowser.storage.managed.set({ trustedKeys: ['AAAA'], evilKey: 1, identity: { name: 'x' } });
    const { policy, problems } = await readPolicy();
    expect(policy).toEqual({ trustedKeys: ['AAAA'] });
    expect(problems.join('\n')).toMatch(/evilKey/);
    expect(problems.join('\n')).toMatch(/identity/);
  });

  it('keeps the last good value of a key when a later policy push is invalid', async () => {
    await fakeBrowser.storage.managed.set({ updateIntervalHours: 8, locked: ['trustedKeys'] });
    await readPolicy();
    await fakeBrowser.storage.managed.set({ updateIntervalHours: 'often' });
    const { policy, problems } = await readPolicy();
    expect(policy.updateIntervalHours).toBe(8);
    expect(problems.join('\n')).toMatch(/updateIntervalHours.*沿用上次有效值/);
  });

  it('falls back to the cached policy when managed storage cannot be read', async () => {
    await fakeBrowser.storage.managed.set({ locked: ['updateUrls'] });
    await readPolicy();
    const original = fakeBrowser.storage.managed.get;
    fakeBrowser.storage.managed.get = (() => Promise.reject(new Error('managed storage unavailable'))) as never;
    try {
      const { locked } = await getEffectiveSettings();
      expect(locked.has('updateUrls')).toBe(true);
      await expect(updateUserSettings({ updateUrls: [] })).rejects.toThrow(/锁定/);
    } finally {
      fakeBrowser.storage.managed.get = original;
    }
  });

  it('notifies listeners when the user or the admin changes settings', async () => {
    const seen: number[] = [];
    const stop = onSettingsChanged((s) => seen.push(s.updateIntervalHours));
    await updateUserSettings({ updateIntervalHours: 3 });
    await fakeBrowser.storage.managed.set({ updateIntervalHours: 9 });
    await expect.poll(() => seen.at(-1)).toBe(9);
    expect(seen).toContain(3);
    stop();
  });
});

describe('settings storage (lib/ext/storage.ts: typed, versioned items)', () => {
  it('migrates v1 user settings to v2: keys that no longer validate are dropped once, the rest kept', async () => {
    await fakeBrowser.storage.local.set({ 'xs:settings': { reviewLevels: 2, updateIntervalHours: 'often', retiredKey: true } });
    await items.userSettings.migrate();
    const stored = await fakeBrowser.storage.local.get(['xs:settings', 'xs:settings$']);
    expect(stored['xs:settings']).toEqual({ reviewLevels: 2 });
    expect(stored['xs:settings$']).toEqual({ v: 2 });
    expect((await getEffectiveSettings()).settings.reviewLevels).toBe(2);
  });

  it('changes settings through the background only: pages send settings:update and are refused when locked', async () => {
    registerRouter(settingsHandlers);
    await client.updateUserSettings({ updateIntervalHours: 5, collectorUrl: undefined });
    expect((await client.getEffectiveSettings()).settings.updateIntervalHours).toBe(5);
    await fakeBrowser.storage.managed.set({ locked: ['updateIntervalHours'] });
    await expect(client.updateUserSettings({ updateIntervalHours: 7 })).rejects.toThrow(/锁定/);
    expect((await client.getEffectiveSettings()).locked.has('updateIntervalHours')).toBe(true);
  });
});
