/**
 * Options-page section: who this browser profile is (name, unit, roles) and the review workflow settings.
 * When policy pushes a roster the person is picked from it (roles come from the roster); keys locked by
 * policy are shown but cannot be changed.
 */
import { useEffect, useState, type CSSProperties } from 'react';
import { getEffectiveSettings, updateUserSettings } from '@/lib/settings/client';
import { ROLES, ROLE_LABELS, type Person, type Role, type Settings } from '@/lib/settings/schema';
import { effectivePerson } from '@/lib/review/rules';
import { send as defaultSend, type Send } from '@/lib/ext/send';
import type { ServerState } from '@/lib/ext/messages/server';

export interface IdentitySettingsProps {
  load?: () => Promise<{ settings: Settings; locked: Set<string> }>;
  save?: (patch: Partial<Settings>) => Promise<void>;
  /** Sends the review-server login messages (tests inject it). */
  send?: Send;
}

const field: CSSProperties = { display: 'block', margin: '6px 0' };
const LEVEL_CHOICES = [1, 2, 3] as const;
const LEVEL_TEXT: Record<1 | 2 | 3, string> = { 1: '一级（初审）', 2: '二级（初审、复审）', 3: '三级（初审、复审、终审）' };

function personKey(p: Pick<Person, 'name' | 'unit'>): string {
  return `${p.name}\u0000${p.unit}`;
}

export function IdentitySettings({ load = getEffectiveSettings, save = updateUserSettings, send = defaultSend }: IdentitySettingsProps) {
  const [settings, setSettings] = useState<Settings>();
  const [locked, setLocked] = useState<Set<string>>(new Set());
  const [name, setName] = useState('');
  const [unit, setUnit] = useState('');
  const [roles, setRoles] = useState<Role[]>(['editor']);
  const [message, setMessage] = useState<{ ok: boolean; text: string }>();
  const [serverUrl, setServerUrl] = useState('');
  const [serverKey, setServerKey] = useState('');
  const [serverState, setServerState] = useState<ServerState>();
  const [serverUser, setServerUser] = useState('');
  const [serverPassword, setServerPassword] = useState('');

  const reload = async () => {
    const loaded = await load();
    setSettings(loaded.settings);
    setLocked(loaded.locked);
    setName(loaded.settings.identity?.name ?? '');
    setUnit(loaded.settings.identity?.unit ?? '');
    setRoles(loaded.settings.identity?.roles ?? ['editor']);
    setServerUrl(loaded.settings.reviewServerUrl ?? '');
    setServerKey(loaded.settings.reviewServerKey ?? '');
    if (loaded.settings.reviewServerUrl) {
      const reply = await send({ type: 'server:state' });
      setServerState(reply.ok ? reply.value : undefined);
    } else setServerState(undefined);
  };

  const serverCall = async (message: Parameters<Send>[0], done: string) => {
    setMessage(undefined);
    const reply = await send(message);
    if (!reply.ok) return setMessage({ ok: false, text: reply.error });
    setServerState(reply.value as ServerState);
    setServerPassword('');
    setMessage({ ok: true, text: done });
  };
  useEffect(() => {
    void reload();
  }, []);

  if (!settings) return <section data-xs="identity-settings">正在读取设置…</section>;

  const identityLocked = locked.has('identity');
  const roster = settings.roster;
  const { problem } = effectivePerson(settings);

  const apply = async (patch: Partial<Settings>, done: string) => {
    setMessage(undefined);
    try {
      await save(patch);
      await reload();
      setMessage({ ok: true, text: done });
    } catch (e) {
      setMessage({ ok: false, text: e instanceof Error ? e.message : String(e) });
    }
  };

  const saveIdentity = () => {
    if (!name.trim()) return setMessage({ ok: false, text: '姓名不能为空' });
    if (roles.length === 0) return setMessage({ ok: false, text: '请至少选择一个角色' });
    void apply({ identity: { name: name.trim(), unit: unit.trim(), roles } }, '已保存本人身份');
  };

  const toggleRole = (role: Role) =>
    setRoles((current) => (current.includes(role) ? current.filter((r) => r !== role) : ROLES.filter((r) => r === role || current.includes(r))));

  return (
    <section data-xs="identity-settings">
      <h3>本人身份与审核流程</h3>
      <p style={{ color: '#4b5563' }}>
        审核签批以此处的姓名记录；编辑过稿件的人不能审核该稿，同一人不能在两级签批（严禁“自编自审自发”）。
        <a href="/log.html" target="_blank" rel="noreferrer" data-xs="open-log" style={{ marginLeft: 6 }}>
          查看审核日志
        </a>
      </p>
      {problem && settings.identity && (
        <p role="alert" style={{ color: '#b45309' }}>
          {problem}
        </p>
      )}

      {roster.length > 0 ? (
        <label style={field}>
          从管理员下发的名单中选择本人
          <select
            data-xs="identity-roster"
            disabled={identityLocked}
            value={settings.identity ? personKey(roster.find((p) => p.name === settings.identity!.name) ?? settings.identity) : ''}
            onChange={(e) => {
              const person = roster.find((p) => personKey(p) === e.target.value);
              if (person) void apply({ identity: person }, `已选择：${person.name}`);
            }}
          >
            <option value="">（请选择）</option>
            {roster.map((p) => (
              <option key={personKey(p)} value={personKey(p)}>
                {p.name}
                {p.unit ? `（${p.unit}）` : ''} — {p.roles.map((r) => ROLE_LABELS[r]).join('、')}
              </option>
            ))}
          </select>
        </label>
      ) : (
        <fieldset disabled={identityLocked}>
          <legend>本人</legend>
          <label style={field}>
            姓名 <input data-xs="identity-name" value={name} onChange={(e) => setName(e.target.value)} />
          </label>
          <label style={field}>
            单位/科室 <input data-xs="identity-unit" value={unit} onChange={(e) => setUnit(e.target.value)} />
          </label>
          <div style={field}>
            角色：
            {ROLES.map((role) => (
              <label key={role} style={{ marginRight: 10 }}>
                <input
                  type="checkbox"
                  data-xs={`identity-role-${role}`}
                  checked={roles.includes(role)}
                  onChange={() => toggleRole(role)}
                />
                {ROLE_LABELS[role]}
              </label>
            ))}
          </div>
          <button type="button" data-xs="identity-save" onClick={saveIdentity}>
            保存身份
          </button>
        </fieldset>
      )}
      {identityLocked && <p style={{ color: '#6b7280' }}>本人身份由管理策略设定，不能修改。</p>}

      <fieldset style={{ marginTop: 12 }}>
        <legend>审核流程</legend>
        <label style={field}>
          <input
            type="checkbox"
            data-xs="review-required"
            disabled={locked.has('reviewRequired')}
            checked={settings.reviewRequired}
            onChange={(e) => void apply({ reviewRequired: e.target.checked }, '已保存')}
          />
          先审后发：发布前必须完成审核
        </label>
        <LevelSelect
          label="审核级数"
          hook="review-levels"
          value={settings.reviewLevels}
          disabled={locked.has('reviewLevels') || !settings.reviewRequired}
          onChange={(reviewLevels) => void apply({ reviewLevels }, '已保存')}
        />
        <LevelSelect
          label="接受“阻断”问题后至少需要"
          hook="accepted-block-levels"
          value={settings.acceptedBlockLevels}
          disabled={locked.has('acceptedBlockLevels') || !settings.reviewRequired}
          onChange={(acceptedBlockLevels) => void apply({ acceptedBlockLevels }, '已保存')}
        />
        <p style={{ color: '#4b5563', margin: '4px 0' }}>
          紧急放行：{settings.allowOverride ? '允许（须填写理由并记入日志）' : '不允许'} · 日志汇集：
          {settings.collectorUrl ? settings.collectorUrl : '未配置（审核日志只保存在本机）'}
        </p>
      </fieldset>

      <fieldset style={{ border: '1px solid #e5e7eb', marginTop: 12 }} data-xs="review-server-settings">
        <legend>审核服务器</legend>
        <p data-xs="review-mode" data-mode={settings.reviewServerUrl ? 'server' : 'local'} style={{ margin: '4px 0', fontWeight: 600 }}>
          {settings.reviewServerUrl ? `服务器模式：${settings.reviewServerUrl}` : '单机模式：未配置审核服务器，审核在本浏览器内完成，稿件不离开本机'}
        </p>
        <label style={field}>
          服务器地址{' '}
          <input
            data-xs="review-server-url"
            style={{ width: '28em' }}
            placeholder="https://审核服务器地址"
            disabled={locked.has('reviewServerUrl')}
            value={serverUrl}
            onChange={(e) => setServerUrl(e.target.value)}
          />
        </label>
        <label style={field}>
          服务器公钥{' '}
          <input
            data-xs="review-server-key"
            style={{ width: '28em', fontFamily: 'monospace' }}
            placeholder="admin public-key 输出的 44 个字符"
            disabled={locked.has('reviewServerKey')}
            value={serverKey}
            onChange={(e) => setServerKey(e.target.value)}
          />
        </label>
        <button
          type="button"
          data-xs="save-review-server"
          disabled={locked.has('reviewServerUrl') && locked.has('reviewServerKey')}
          onClick={() =>
            void apply({ reviewServerUrl: serverUrl.trim() || undefined, reviewServerKey: serverKey.trim() || undefined }, '已保存审核服务器设置')
          }
        >
          保存
        </button>
        {settings.reviewServerUrl && (
          <div data-xs="review-server-login" style={{ margin: '6px 0' }}>
            {serverState?.loggedIn ? (
              <p data-xs="review-server-who" style={{ margin: '4px 0' }}>
                已登录：{serverState.me?.name ?? ''}（{serverState.me?.units.map((u) => u.unitName).join('、')}）{serverState.live ? ' · 实时连接正常' : ''}{' '}
                <button type="button" data-xs="review-server-logout" onClick={() => void serverCall({ type: 'server:logout' }, '已退出审核服务器')}>
                  退出
                </button>
              </p>
            ) : (
              <>
                <input data-xs="review-server-username" placeholder="审核服务器用户名" autoComplete="username" value={serverUser} onChange={(e) => setServerUser(e.target.value)} />{' '}
                <input
                  data-xs="review-server-password"
                  type="password"
                  placeholder="密码"
                  autoComplete="current-password"
                  value={serverPassword}
                  onChange={(e) => setServerPassword(e.target.value)}
                />{' '}
                <button
                  type="button"
                  data-xs="review-server-login-button"
                  onClick={() => void serverCall({ type: 'server:login', username: serverUser.trim(), password: serverPassword }, '已登录审核服务器')}
                >
                  登录
                </button>
              </>
            )}
          </div>
        )}
        <p style={{ color: '#4b5563', margin: '4px 0' }}>
          只有点击“提交审核”时，稿件才会发送到此服务器；审核通过凭证须用此公钥验证通过，发布才会放行。
        </p>
      </fieldset>

      {message && (
        <p role={message.ok ? 'status' : 'alert'} data-xs="identity-message" style={{ color: message.ok ? '#047857' : '#b91c1c' }}>
          {message.text}
        </p>
      )}
    </section>
  );
}

/** A choice of 1–3 review levels (初审 / 初审+复审 / 初审+复审+终审). */
function LevelSelect(props: { label: string; hook: string; value: 1 | 2 | 3; disabled: boolean; onChange(v: 1 | 2 | 3): void }) {
  return (
    <label style={field}>
      {props.label}{' '}
      <select data-xs={props.hook} disabled={props.disabled} value={props.value} onChange={(e) => props.onChange(Number(e.target.value) as 1 | 2 | 3)}>
        {LEVEL_CHOICES.map((n) => (
          <option key={n} value={n}>
            {LEVEL_TEXT[n]}
          </option>
        ))}
      </select>
    </label>
  );
}
