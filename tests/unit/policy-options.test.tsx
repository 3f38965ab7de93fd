/**
 * Enterprise policy on the options page: what the admin sets or locks is shown read-only with
 * 由管理员策略锁定 and cannot be changed from the page; what is not locked still can be.
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { App } from '../../entrypoints/options/App';
import { rulesetServiceIdle } from '../../lib/ext/ruleset-service';
import { startBackground } from '../../lib/ext/background-main';
import { resetRulesetDbConnection } from '../../lib/ext/ruleset-db';
import { getEffectiveSettings, updateUserSettings, USER_SETTINGS_KEY } from '../../lib/settings/store';

/** Nothing listens there: the check the policy triggers fails fast, without any network. */
const POLICY_URL = 'http://127.0.0.1:1/xianshen/bundle.json';
const POLICY_KEY = 'Yhc9cwZTZCb+W9jFSirs6wfInXdEDq2DD/T910Lu5DE=';

beforeEach(async () => {
  fakeBrowser.reset();
  globalThis.indexedDB = new IDBFactory();
  resetRulesetDbConnection();
  fakeBrowser.runtime.getManifest = (() => ({ manifest_version: 3, name: 'XianShen', version: '0.1.0' })) as never;
  startBackground({ reviewDb: new IDBFactory() });
  await rulesetServiceIdle();
});
afterEach(cleanup);

async function renderOptions() {
  render(<App />);
  await screen.findAllByTestId('xs-list-row');
  await rulesetServiceIdle();
}

const textarea = (name: string) => document.querySelector<HTMLTextAreaElement>(`textarea[name="${name}"]`)!;
const input = (name: string) => document.querySelector<HTMLInputElement>(`input[name="${name}"]`)!;

describe('options page under a managed policy', () => {
  beforeEach(async () => {
    await updateUserSettings({ disabledLists: ['typos'] }); // the user's own choice from before the policy
    await fakeBrowser.storage.managed.set({
      updateUrls: [POLICY_URL],
      trustedKeys: [POLICY_KEY],
      locked: ['disabledLists'],
      notAKey: true,
    });
    await rulesetServiceIdle();
  });

  it('shows policy values read-only, marked 由管理员策略锁定', async () => {
    await renderOptions();
    expect(textarea('updateUrls').value).toBe(POLICY_URL);
    expect(textarea('updateUrls').disabled).toBe(true);
    expect(textarea('trustedKeys').value).toBe(POLICY_KEY);
    expect(textarea('trustedKeys').disabled).toBe(true);
    expect(within(textarea('updateUrls').closest('label')!).getByText(/由管理员策略锁定/)).toBeTruthy();
    expect(screen.getByTestId('xs-policy-note').textContent).toMatch(/受管理员策略管理/);
    expect(screen.getByTestId('xs-policy-problems').textContent).toMatch(/notAKey/);
  });

  it('cannot switch lists on or off when disabledLists is locked; the lock also undoes the user\'s old choice', async () => {
    await renderOptions();
    const rows = screen.getAllByTestId('xs-list-row');
    for (const row of rows) expect(within(row).getByRole('checkbox')).toHaveProperty('disabled', true);
    // locked without a policy value: back to the default (every list on), whatever the user had stored
    const typos = rows.find((r) => r.dataset.listId === 'typos')!;
    expect(typos.dataset.active).toBe('true');
    expect((await getEffectiveSettings()).settings.disabledLists).toEqual([]);
  });

  it('saves only what is not locked, and the policy values stay in force', async () => {
    await renderOptions();
    fireEvent.change(input('updateIntervalHours'), { target: { value: '3' } });
    fireEvent.click(screen.getByRole('button', { name: '保存更新设置' }));
    await screen.findByText(/已保存/);
    const { settings, locked } = await getEffectiveSettings();
    expect(settings.updateIntervalHours).toBe(3);
    expect(settings.updateUrls).toEqual([POLICY_URL]);
    expect(locked.has('updateUrls')).toBe(true);
    const stored = (await fakeBrowser.storage.local.get(USER_SETTINGS_KEY))[USER_SETTINGS_KEY] as Record<string, unknown>;
    expect(stored).not.toHaveProperty('updateUrls');
    expect(stored).not.toHaveProperty('trustedKeys');
  });

  it('refuses a locked change even when the page is bypassed', async () => {
    await expect(updateUserSettings({ updateUrls: ['https://evil.example/bundle.json'] })).rejects.toThrow(/词库更新地址.*由管理员策略锁定/);
    await expect(updateUserSettings({ disabledLists: ['sensitive'] })).rejects.toThrow(/停用的词库.*由管理员策略锁定/);
  });
});

describe('options page without a policy', () => {
  it('lets the user switch a list off, and the screening ruleset follows', async () => {
    await renderOptions();
    const typos = screen.getAllByTestId('xs-list-row').find((r) => r.dataset.listId === 'typos')!;
    const box = within(typos).getByRole('checkbox') as HTMLInputElement;
    expect(box.disabled).toBe(false);
    fireEvent.click(box);
    await waitFor(async () => expect((await getEffectiveSettings()).settings.disabledLists).toEqual(['typos']));
    await rulesetServiceIdle();
    await waitFor(() =>
      expect(screen.getAllByTestId('xs-list-row').find((r) => r.dataset.listId === 'typos')!.dataset.active).toBe('false'),
    );
    expect(screen.queryByTestId('xs-policy-note')).toBeNull();
  });

  it('rejects a malformed public key with a clear message and saves nothing', async () => {
    await renderOptions();
    fireEvent.change(textarea('trustedKeys'), { target: { value: 'not-a-key' } });
    fireEvent.click(screen.getByRole('button', { name: '保存更新设置' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/公钥格式不正确.*not-a-key/);
    expect((await getEffectiveSettings()).settings.trustedKeys).toEqual([]);
  });
});
