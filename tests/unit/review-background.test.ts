import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { FORWARD_ALARM, registerReviewService } from '../../lib/ext/review-service';
import { USER_SETTINGS_KEY } from '../../lib/settings/store';

describe('background review service wiring', () => {
  beforeEach(() => fakeBrowser.reset());

  it('answers review messages with the effective settings, ignores other services, and schedules forwarding', async () => {
    await fakeBrowser.storage.local.set({
      [USER_SETTINGS_KEY]: { identity: { name: '李初审', unit: '办公室', roles: ['first'] }, reviewLevels: 1 },
    });
    registerReviewService(new IDBFactory());
    // The fake browser calls every onMessage listener; a handler that answers asynchronously returns true.
    const onMessage = fakeBrowser.runtime.onMessage as unknown as { trigger(...args: unknown[]): Promise<unknown[]> };
    const listener = (message: unknown) =>
      new Promise<unknown>((resolve) => {
        void onMessage.trigger(message, {}, resolve).then((returned) => {
          if (!returned.includes(true)) resolve('not handled');
        });
      });

    expect(await listener({ type: 'ruleset:get' })).toBe('not handled');
    const reply = (await listener({
      type: 'review:status',
      draftKey: 'weibo:composer',
      platform: 'weibo',
      title: '',
      draft: { platform: 'weibo', fields: { body: '今天发布会' } },
      findings: [],
    })) as { ok: boolean; value: { missing: string[]; canApproveAs?: string; identity?: { name: string } } };
    expect(reply.ok).toBe(true);
    expect(reply.value.missing).toEqual(['待初审']);
    expect(reply.value.canApproveAs).toBe('first');
    expect(reply.value.identity?.name).toBe('李初审');
    await expect.poll(() => fakeBrowser.alarms.get(FORWARD_ALARM)).toMatchObject({ periodInMinutes: 1 });
  });
});
