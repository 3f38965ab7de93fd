/**
 * ConsoleSession in happy-dom with the sidebar mount and the ruleset loader replaced: when screening throws,
 * the sidebar shows 审查出错 in the held state and a publish click is stopped before the page sees it.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { SidebarProps } from '../../components/sidebar/types';
import type { Adapter } from '../../lib/adapters/types';
import { registerRouter } from '../../lib/ext/router';
import { settingsHandlers, USER_SETTINGS_KEY } from '../../lib/settings/store';

const rendered: SidebarProps[] = [];

vi.mock('../../entrypoints/console.content/sidebar-ui', () => ({
  SIDEBAR_TAG: 'xianshen-sidebar',
  SidebarUi: class {
    host = document.createElement('xianshen-sidebar');
    async show() {}
    hide() {}
    avoid() {}
    avoidSoon() {}
    render(props: SidebarProps) {
      rendered.push(props);
    }
  },
}));
vi.mock('../../entrypoints/console.content/ruleset', () => ({
  loadTabRuleset: async () => ({ lists: [] }),
  watchRuleset: () => () => undefined,
}));

const { ConsoleSession } = await import('../../entrypoints/console.content/session');

const adapter: Adapter = {
  platform: 'weibo',
  label: '测试',
  hosts: ['localhost'],
  draftId: () => 'd1',
  surfaces: [
    {
      id: 'test',
      label: '测试编辑',
      route: { hosts: ['localhost'] },
      fields: [{ name: 'body', label: '正文', required: true, candidates: [{ variant: 'test', selector: '#body' }] }],
      publish: [{ label: '发布', step: 1, selectors: ['#publish'], texts: ['发布'] }],
    },
  ],
};

const last = () => rendered[rendered.length - 1];
const tick = (ms = 0) => new Promise((r) => setTimeout(r, ms));

let ctx: ContentScriptContext;
beforeEach(() => {
  fakeBrowser.reset();
  rendered.length = 0;
  document.body.innerHTML = '<div id="body" contenteditable="true">身份证号11010519491231002X</div><button id="publish">发布</button>';
  ctx = new ContentScriptContext('test');
});
afterEach(() => {
  ctx.abort();
  vi.unstubAllGlobals();
});

describe('ConsoleSession when screening fails', () => {
  it('shows 审查出错 as held and stops the publish click (never a pass)', async () => {
    expect(new URL(location.href).hostname).toBe('localhost');
    const published = vi.fn();
    document.getElementById('publish')!.addEventListener('click', published);
    const failing = vi.fn(() => {
      throw new Error('boom');
    });
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    new ConsoleSession(ctx, adapter, failing).start();
    await vi.waitFor(() => expect(failing).toHaveBeenCalled());
    await tick();
    expect(last().state).toBe('held');
    expect(last().statusText).toContain('审查出错');
    expect(last().heldReasons?.join('')).toContain('boom');
    expect(last().findings).toEqual([]);

    document.getElementById('publish')!.click();
    expect(published).not.toHaveBeenCalled();
    await tick();
    expect(last().state).toBe('held');
    expect(last().heldReasons?.join('')).toContain('审查出错');
    errors.mockRestore();
  });

  it('lets the same draft through once screening works (the hold came from the failure)', async () => {
    // No review required (so the background's review store is not asked); settings come from the background.
    await fakeBrowser.storage.local.set({ [USER_SETTINGS_KEY]: { reviewRequired: false } });
    registerRouter(settingsHandlers);
    const published = vi.fn();
    document.getElementById('publish')!.addEventListener('click', published);
    new ConsoleSession(ctx, adapter, () => []).start();
    await vi.waitFor(() => expect(last()?.state).toBe('clean'));
    await tick(50);
    document.getElementById('publish')!.click();
    expect(published).toHaveBeenCalledTimes(1);
  });

  it('holds a long draft while its screen is pending, says so, then holds on what it found', async () => {
    const body = '市政府召开常务会议，研究部署便民服务工作。'.repeat(7_500) + '身份证号11010519491231002X';
    document.getElementById('body')!.textContent = body;
    const published = vi.fn();
    document.getElementById('publish')!.addEventListener('click', published);
    const at = body.indexOf('11010519491231002X');
    const screenFn = vi.fn(() => [
      {
        id: 'f1', check: 'pii.id-card', category: 'pii' as const, severity: 'block' as const, field: 'body',
        start: at, end: at + 18, text: '11010519491231002X', message: '身份证号未脱敏', clause: 'x',
      },
    ]);
    // As in a background tab (no animation frames): the long screen starts on its fallback timer, so the
    // status line is observable before it runs.
    vi.stubGlobal('requestAnimationFrame', () => 0);
    new ConsoleSession(ctx, adapter, screenFn).start();
    await vi.waitFor(() => expect(last()?.statusText).toMatch(/^正在审查（稿件较长，约 16 万字）…$/));
    expect(last().state).toBe('screening');
    expect(screenFn).not.toHaveBeenCalled();

    document.getElementById('publish')!.click();
    expect(published).not.toHaveBeenCalled();
    await tick();
    expect(last().state).toBe('held');
    expect(last().heldReasons?.join('')).toContain('先审正在审查当前内容');

    await vi.waitFor(() => expect(screenFn).toHaveBeenCalledTimes(1));
    await vi.waitFor(() => expect(last().heldReasons?.join('')).toContain('11010519491231002X'));
    expect(last().findings).toHaveLength(1);
    document.getElementById('publish')!.click();
    expect(published).not.toHaveBeenCalled();
  });
});
