import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { cleanup, fireEvent, render, waitFor } from '@testing-library/react';
import Papa from 'papaparse';
import { useState } from 'react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { IdentitySettings } from '../../components/review/IdentitySettings';
import { LogPage } from '../../components/review/LogPage';
import { ReviewPanel } from '../../components/review/ReviewPanel';
import type { ReviewSend } from '../../components/review/client';
import { Sidebar } from '../../components/sidebar/Sidebar';
import type { Finding } from '../../lib/core/types';
import type { ReviewStatus } from '../../lib/ext/messages/review';
import { openReviewDb } from '../../lib/review/db';
import { ReviewService } from '../../lib/review/service';
import { DEFAULT_SETTINGS, type Person, type Settings } from '../../lib/settings/schema';
import { getEffectiveSettings, settingsHandlers } from '../../lib/settings/store';
import { registerRouter } from '../../lib/ext/router';
import { draftHash, draftSummary } from '../../lib/review/draft-hash';

const first: Person = { name: '李初审', unit: '办公室', roles: ['first'] };
const second: Person = { name: '张复审', unit: '办公室', roles: ['second'] };
const KEY = 'wechat:appmsg-7';
const block: Finding = {
  id: 'f-secret',
  check: 'secret.marker',
  category: 'secret',
  severity: 'block',
  field: 'body',
  start: 0,
  end: 4,
  text: '内部资料',
  message: '含涉密标识',
  clause: '003_54205cdec66d062b.txt 第十一条',
};

async function service(patch: Partial<Settings> = {}) {
  const settings: Settings = { ...DEFAULT_SETTINGS, reviewLevels: 2, ...patch };
  const s = new ReviewService({ db: await openReviewDb(new IDBFactory()), getSettings: async () => settings });
  const send: ReviewSend = (message) => s.handle(message as never) as never;
  const status = async (body: string, findings: Finding[] = []) => {
    const draft = { platform: 'wechat' as const, fields: { title: '养老服务补贴通知', body } };
    const reply = await s.handle({
      type: 'review:status',
      draftKey: KEY,
      draftHash: await draftHash(draft),
      platform: 'wechat',
      account: '六安民政',
      title: '养老服务补贴通知',
      summary: draftSummary(draft),
      findings,
    });
    if (!reply.ok) throw new Error(reply.error);
    return reply.value;
  };
  return { settings, send, status, s };
}

function Harness({ initial, send }: { initial: ReviewStatus; send: ReviewSend }) {
  const [status, setStatus] = useState(initial);
  return <ReviewPanel draftKey={KEY} status={status} onStatus={setStatus} send={send} />;
}

const hook = (name: string) => document.querySelector(`[data-xs="${name}"]`) as HTMLElement | null;

afterEach(cleanup);

describe('ReviewPanel', () => {
  it('shows what is missing, lets 初审 then a different 复审 approve, and the gate opens', async () => {
    const { settings, send, status } = await service();
    settings.identity = first;
    const { unmount } = render(<Harness initial={await status('正文')} send={send} />);
    expect(hook('review-missing')!.textContent).toContain('待初审');
    expect(hook('review-identity')!.textContent).toContain('本人：李初审（办公室） · 角色：初审');
    fireEvent.click(hook('approve')!);
    await waitFor(() => expect(hook('review-missing')!.textContent).toBe('待复审（需不同于初审人）'));
    // 初审 has nothing left to sign.
    expect(hook('approve')).toBeNull();
    unmount();

    settings.identity = second;
    render(<Harness initial={await status('正文')} send={send} />);
    fireEvent.change(hook('review-note')!, { target: { value: '核实无误' } });
    fireEvent.click(hook('approve')!);
    await waitFor(() => expect(hook('review')!.dataset.open).toBe('true'));
    expect(hook('review-gate')!.textContent).toBe('审核已完成，可以发布');
    expect(hook('review-approvals')!.textContent).toContain('复审 ✓ 张复审（办公室）');
    expect(hook('review-approvals')!.textContent).toContain('核实无误');
  });

  it('labels 单机模式 without a server; in 服务器模式 shows each level live and offers 提交审核 instead of local signing', async () => {
    const { settings, send, status } = await service();
    settings.identity = first;
    const local = await status('正文');
    const { unmount } = render(<Harness initial={local} send={send} />);
    expect(hook('review-mode')!.dataset.mode).toBe('local');
    expect(hook('review-mode')!.textContent).toBe('单机模式');
    unmount();

    const submitted: string[] = [];
    const server: ReviewStatus = {
      ...local,
      canApproveAs: undefined,
      allowOverride: false,
      approveRefusal: '服务器模式：请在审核服务器的审核页面审核',
      server: { submitted: false, requiredLevels: ['first', 'second'], decisions: [], notes: ['尚未提交审核服务器：请点击“提交审核”'] },
    };
    const { rerender } = render(<ReviewPanel draftKey={KEY} status={server} onStatus={() => {}} send={send} onSubmitToServer={async () => void submitted.push(KEY)} />);
    expect(hook('review-mode')!.textContent).toBe('服务器模式');
    expect(hook('approve')).toBeNull();
    fireEvent.click(hook('submit-review')!);
    await waitFor(() => expect(submitted).toEqual([KEY]));
    const decided: ReviewStatus = {
      ...server,
      server: {
        submitted: true,
        status: 'pending',
        nextLevel: 'second',
        requiredLevels: ['first', 'second'],
        decisions: [{ level: 'first', person: '李初审', decision: 'approve', opinion: '同意', at: '2026-12-03T09:00:00.000Z' }],
        notes: [],
      },
    };
    rerender(<ReviewPanel draftKey={KEY} status={decided} onStatus={() => {}} send={send} onSubmitToServer={async () => undefined} />);
    const levels = [...document.querySelectorAll('[data-xs="server-level"]')].map((el) => `${el.getAttribute('data-level')}:${el.getAttribute('data-decision')}`);
    expect(levels).toEqual(['first:approve', 'second:current']);
    expect(hook('submit-review')).toBeNull();
  });

  it('refreshes what this person may sign when the identity changes', async () => {
    const { settings, send, status } = await service();
    settings.identity = first;
    let notify = () => {};
    const subscribe = (cb: () => void) => {
      notify = cb;
      return () => {};
    };
    function Live({ initial }: { initial: ReviewStatus }) {
      const [st, setSt] = useState(initial);
      return <ReviewPanel draftKey={KEY} status={st} onStatus={setSt} send={send} subscribeSettings={subscribe} />;
    }
    render(<Live initial={await status('正文')} />);
    fireEvent.click(hook('approve')!);
    await waitFor(() => expect(hook('approve')).toBeNull());
    settings.identity = second;
    notify();
    await waitFor(() => expect(hook('approve')!.textContent).toBe('复审通过'));
    expect(hook('review-identity')!.textContent).toContain('张复审');
  });

  it('disables approval while block findings are open, and requires a note to return', async () => {
    const { settings, send, status } = await service();
    settings.identity = first;
    render(<Harness initial={await status('内部资料 正文', [block])} send={send} />);
    expect((hook('approve') as HTMLButtonElement).disabled).toBe(true);
    expect(hook('review-refusal')!.textContent).toContain("还有 1 个'阻断'问题未处理");
    expect((hook('return') as HTMLButtonElement).disabled).toBe(true);
    fireEvent.change(hook('review-note')!, { target: { value: '请删除涉密标识' } });
    fireEvent.click(hook('return')!);
    await waitFor(() => expect(hook('review-missing')!.textContent).toContain('初审 李初审 已退回：请删除涉密标识'));
  });

  it('offers the override only when policy allows it, and it needs a reason', async () => {
    const denied = await service();
    denied.settings.identity = first;
    const { unmount } = render(<Harness initial={await denied.status('内部资料', [block])} send={denied.send} />);
    expect(hook('override')).toBeNull();
    unmount();

    const { settings, send, status } = await service({ allowOverride: true });
    settings.identity = first;
    render(<Harness initial={await status('内部资料', [block])} send={send} />);
    fireEvent.click(hook('override')!);
    expect((hook('override-confirm') as HTMLButtonElement).disabled).toBe(true);
    fireEvent.change(hook('override-reason')!, { target: { value: '突发事件须立即发布' } });
    fireEvent.click(hook('override-confirm')!);
    await waitFor(() => expect(hook('review-gate')!.textContent).toBe('已紧急放行（李初审：突发事件须立即发布）'));
    expect(hook('review')!.dataset.open).toBe('true');
  });

  it('shows the background refusal when the content changed meanwhile', async () => {
    const { settings, send, status } = await service();
    settings.identity = first;
    const shown = await status('旧内容');
    await status('新内容');
    render(<Harness initial={shown} send={send} />);
    fireEvent.click(hook('approve')!);
    await waitFor(() => expect(hook('review-error')!.textContent).toBe('稿件内容已变化，请核对最新内容后再操作'));
  });
});

describe('IdentitySettings', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    registerRouter(settingsHandlers); // the options page reads and writes settings through the background
  });

  it('saves name, unit and roles to the user settings', async () => {
    render(<IdentitySettings />);
    await waitFor(() => expect(hook('identity-name')).not.toBeNull());
    fireEvent.change(hook('identity-name')!, { target: { value: '李初审' } });
    fireEvent.change(hook('identity-unit')!, { target: { value: '办公室' } });
    fireEvent.click(hook('identity-role-first')!);
    fireEvent.click(hook('identity-save')!);
    await waitFor(() => expect(hook('identity-message')!.textContent).toBe('已保存本人身份'));
    const { settings } = await getEffectiveSettings();
    expect(settings.identity).toEqual({ name: '李初审', unit: '办公室', roles: ['editor', 'first'] });
  });

  it('picks the person from a policy roster and cannot change a locked identity', async () => {
    const roster = [first, second];
    let stored: Partial<Settings> = {};
    const locked = new Set<string>(['roster']);
    const load = async () => ({ settings: { ...DEFAULT_SETTINGS, roster, ...stored }, locked });
    render(<IdentitySettings load={load} save={async (patch) => void (stored = { ...stored, ...patch })} />);
    await waitFor(() => expect(hook('identity-roster')).not.toBeNull());
    expect(hook('identity-name')).toBeNull();
    fireEvent.change(hook('identity-roster')!, { target: { value: '张复审\u0000办公室' } });
    await waitFor(() => expect(hook('identity-message')!.textContent).toBe('已选择：张复审'));
    expect(stored.identity).toEqual(second);

    cleanup();
    locked.add('identity');
    render(<IdentitySettings load={load} save={async () => undefined} />);
    await waitFor(() => expect(hook('identity-roster')).not.toBeNull());
    expect((hook('identity-roster') as HTMLSelectElement).disabled).toBe(true);
  });

  it('labels 单机模式 until a review server is set, saves its address and key, and refuses a bad key', async () => {
    render(<IdentitySettings />);
    await waitFor(() => expect(hook('review-mode')).not.toBeNull());
    expect(hook('review-mode')!.getAttribute('data-mode')).toBe('local');
    expect(hook('review-mode')!.textContent).toContain('单机模式');
    fireEvent.change(hook('review-server-url')!, { target: { value: 'https://review.example.gov.cn' } });
    fireEvent.change(hook('review-server-key')!, { target: { value: 'not-a-key' } });
    fireEvent.click(hook('save-review-server')!);
    await waitFor(() => expect(hook('identity-message')!.getAttribute('role')).toBe('alert'));
    expect((await getEffectiveSettings()).settings.reviewServerUrl).toBeUndefined();
    fireEvent.change(hook('review-server-key')!, { target: { value: 'FtZhLjisFhDuc0u+vuSUTY7kC06aadVMRMH+enrEyOE=' } });
    fireEvent.click(hook('save-review-server')!);
    await waitFor(() => expect(hook('identity-message')!.textContent).toBe('已保存审核服务器设置'));
    expect(hook('review-mode')!.getAttribute('data-mode')).toBe('server');
    const { settings } = await getEffectiveSettings();
    expect(settings).toMatchObject({ reviewServerUrl: 'https://review.example.gov.cn', reviewServerKey: 'FtZhLjisFhDuc0u+vuSUTY7kC06aadVMRMH+enrEyOE=' });
  });

  it('logs in to the review server from the options page', async () => {
    await getEffectiveSettings(); // the background's settings router is registered in beforeEach
    const { updateUserSettings } = await import('../../lib/settings/client');
    await updateUserSettings({ reviewServerUrl: 'https://review.example.gov.cn', reviewServerKey: 'FtZhLjisFhDuc0u+vuSUTY7kC06aadVMRMH+enrEyOE=' });
    const sent: string[] = [];
    const fakeSend = (async (message: { type: string; username?: string }) => {
      sent.push(message.type === 'server:login' ? `login:${message.username}` : message.type);
      const loggedIn = message.type === 'server:login';
      return { ok: true, value: { configured: true, url: 'https://review.example.gov.cn', keyConfigured: true, loggedIn, live: loggedIn, ...(loggedIn ? { me: { username: 'ed', name: '王编辑', units: [{ unit: 'lamz', unitName: '六安市民政局', roles: ['editor'] }] } } : {}) } };
    }) as never;
    render(<IdentitySettings send={fakeSend} />);
    await waitFor(() => expect(hook('review-server-username')).not.toBeNull());
    fireEvent.change(hook('review-server-username')!, { target: { value: 'ed' } });
    fireEvent.change(hook('review-server-password')!, { target: { value: 'a-long-password' } });
    fireEvent.click(hook('review-server-login-button')!);
    await waitFor(() => expect(hook('review-server-who')!.textContent).toContain('已登录：王编辑（六安市民政局）'));
    expect(sent).toEqual(['server:state', 'login:ed']);
  });

  it('keeps policy-set review levels read-only', async () => {
    await fakeBrowser.storage.managed.set({ reviewLevels: 2, locked: ['reviewLevels'] });
    render(<IdentitySettings />);
    await waitFor(() => expect(hook('review-levels')).not.toBeNull());
    expect((hook('review-levels') as HTMLSelectElement).value).toBe('2');
    expect((hook('review-levels') as HTMLSelectElement).disabled).toBe(true);
    expect((hook('accepted-block-levels') as HTMLSelectElement).disabled).toBe(false);
  });
});

describe('LogPage', () => {
  it('lists records, opens one, verifies the chain, exports CSV that parses back and prints the form', async () => {
    const { settings, send, status } = await service({ reviewLevels: 2 });
    settings.identity = first;
    let st = await status('正文');
    await send({ type: 'review:decide', draftKey: KEY, draftHash: st.draftHash, level: 'first', decision: 'approve', note: '同意' });
    settings.identity = second;
    st = await status('正文');
    await send({ type: 'review:decide', draftKey: KEY, draftHash: st.draftHash, level: 'second', decision: 'approve', note: '' });

    const downloads: { name: string; content: string }[] = [];
    const printed: string[] = [];
    render(<LogPage send={send} download={(name, content) => downloads.push({ name, content })} print={(html) => printed.push(html)} />);
    await waitFor(() => expect(document.querySelectorAll('[data-xs="log-row"]')).toHaveLength(2));
    expect(hook('log-count')!.textContent).toBe('共 2 条');

    fireEvent.change(hook('filter-reviewer')!, { target: { value: '张' } });
    fireEvent.click(hook('log-search')!);
    await waitFor(() => expect(document.querySelectorAll('[data-xs="log-row"]')).toHaveLength(1));

    fireEvent.click(document.querySelector('[data-xs="log-row"]')!);
    await waitFor(() => expect(hook('log-detail')!.textContent).toContain('第 2 条记录'));
    fireEvent.click(hook('print-form')!);
    expect(printed[0]).toContain('六安市民政局信息发布审批表');
    expect(printed[0]).toContain('李初审（办公室）');
    expect(printed[0]).toContain('张复审（办公室）');

    fireEvent.click(hook('verify')!);
    await waitFor(() => expect(hook('verify-result')!.textContent).toBe('校验通过：共 2 条记录，哈希链完整。'));

    fireEvent.change(hook('filter-reviewer')!, { target: { value: '' } });
    fireEvent.click(hook('export-csv')!);
    await waitFor(() => expect(downloads).toHaveLength(1));
    expect(downloads[0].name).toMatch(/^审核日志-\d{8}-\d{4}\.csv$/);
    const rows = Papa.parse<Record<string, string>>(downloads[0].content.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true }).data;
    expect(rows.map((r) => [r.序号, r.审核人, r.审核级别, r.结论])).toEqual([
      ['1', '李初审', '初审', '通过'],
      ['2', '张复审', '复审', '通过'],
    ]);
  });
});

describe('resolutions in the sidebar (one Resolution type)', () => {
  it('gives the sidebar rows the name of who accepted a finding, never "[object Object]"', async () => {
    const { settings, send, status } = await service();
    settings.identity = first;
    const st = await status('内部资料', [block]);
    const reply = await send({ type: 'review:resolve', draftKey: KEY, draftHash: st.draftHash, finding: block, resolution: 'accepted', reason: '已解密' });
    if (!reply.ok) throw new Error(reply.error);
    expect(reply.value.resolutions[block.id]).toMatchObject({ resolution: 'accepted', reason: '已解密', by: { name: '李初审', unit: '办公室' } });
    const noop = () => undefined;
    render(
      <Sidebar state="problems" findings={[block]} resolutions={reply.value.resolutions} fieldLabels={{ body: '正文' }} platformLabel="微信公众号"
        collapsed={false} onToggleCollapsed={noop} onJump={noop} onFix={noop} onAccept={noop} />,
    );
    const text = hook('resolution')!.textContent ?? '';
    expect(text).toContain('（李初审）');
    expect(text).not.toContain('[object');
  });
});
