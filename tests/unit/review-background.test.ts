import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { registerRouter } from '../../lib/ext/router';
import { FORWARD_ALARM, registerReviewService, resetReviewService, reviewHandlers } from '../../lib/ext/review-service';
import { send } from '../../lib/ext/send';
import { settingsHandlers, USER_SETTINGS_KEY } from '../../lib/settings/store';

const report = {
  draftKey: 'weibo:composer',
  draftHash: 'a'.repeat(64),
  platform: 'weibo' as const,
  title: '',
  summary: '今天发布会',
  findings: [],
};

/** An IndexedDB whose open fails while `failing` is set (as when a newer version of the database exists). */
function flakyFactory() {
  const real = new IDBFactory();
  const state = { failing: true, opens: 0 };
  const factory = {
    open: (name: string, version?: number) => {
      state.opens++;
      if (state.failing) throw new DOMException('The requested version is less than the existing version.', 'VersionError');
      return real.open(name, version);
    },
  } as unknown as IDBFactory;
  return { factory, state };
}

describe('background review service wiring', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    resetReviewService();
  });

  it('answers review messages with the effective settings, leaves other messages alone, and schedules forwarding', async () => {
    await fakeBrowser.storage.local.set({
      [USER_SETTINGS_KEY]: { identity: { name: '李初审', unit: '办公室', roles: ['first'] }, reviewLevels: 1 },
    });
    registerRouter({ ...reviewHandlers(new IDBFactory()), ...settingsHandlers });
    registerReviewService(new IDBFactory());

    // A message no handler knows is left for other listeners (the fake browser then has no answer).
    const onMessage = fakeBrowser.runtime.onMessage as unknown as { trigger(...args: unknown[]): Promise<unknown[]> };
    expect(await onMessage.trigger({ type: 'ruleset:get' }, {}, () => undefined)).toEqual([undefined]);

    const reply = await send({ type: 'review:status', ...report });
    expect(reply.ok).toBe(true);
    if (!reply.ok) return;
    expect(reply.value.draftHash).toBe(report.draftHash); // the hash is echoed, never recomputed
    expect(reply.value.missing).toEqual(['待初审']);
    expect(reply.value.canApproveAs).toBe('first');
    expect(reply.value.identity?.name).toBe('李初审');
    await expect.poll(() => fakeBrowser.alarms.get(FORWARD_ALARM)).toMatchObject({ periodInMinutes: 1 });
  });

  it('fails closed when the review database cannot be opened, and does not keep the failed open', async () => {
    const { factory, state } = flakyFactory();
    registerRouter({ ...reviewHandlers(factory), ...settingsHandlers });

    const first = await send({ type: 'review:status', ...report });
    expect(first).toMatchObject({ ok: false, unavailable: true });
    expect(!first.ok && first.error).toContain('审核数据库无法打开（VersionError');
    const again = await send({ type: 'review:status', ...report });
    expect(again).toMatchObject({ ok: false, unavailable: true });
    expect(state.opens).toBe(2); // every message tried to open the database again

    state.failing = false;
    const recovered = await send({ type: 'review:status', ...report });
    expect(recovered.ok).toBe(true);
  });
});
