/**
 * Options-page section: who this browser profile is (name, unit, roles) and the review workflow settings.
 * When policy pushes a roster the person is picked from it (roles come from the roster); keys locked by
 * policy are shown but cannot be changed.
 */
import { useEffect, useState, type CSSProperties } from 'react';
import { getEffectiveSettings, updateUserSettings } from '@/lib/settings/client';
import { ROLES, ROLE_LABELS, type Person, type Role, type Settings } from '@/lib/settings/schema';
import { effectivePerson } from '@/lib/review/rules';

export interface IdentitySettingsProps {
  load?: () => Promise<{ settings: Settings; locked: Set<string> }>;
  save?: (patch: Partial<Settings>) => Promise<void>;
}

const field: CSSProperties = { display: 'block', margin: '6px 0' };
const LEVEL_CHOICES = [1, 2, 3] as const;
const LEVEL_TEXT: Record<1 | 2 | 3, string> = { 1: '一级（初审）', 2: '二级（初审、复审）', 3: '三级（初审、复审、终审）' };

function personKey(p: Pick<Person, 'name' | 'unit'>): string {
  return `${p.name}\u0000${p.unit}`;
}

export function IdentitySettings({ load = getEffectiveSettings, save = updateUserSettings }: IdentitySettingsProps) {
  const [settings, setSettings] = useState<Settings>();
  const [locked, setLocked] = useState<Set<string>>(new Set());
  const [name, setName] = useState('');
  const [unit, setUnit] = useState('');
  const [roles, setRoles] = useState<Role[]>(['editor']);
  const [message, setMessage] = useState<{ ok: boolean; text: string }>();

  const reload = async () => {
    const loaded = await load();
    setSettings(loaded.settings);
    setLocked(loaded.locked);
    setName(loaded.settings.identity?.name ?? '');
    setUnit(loaded.settings.identity?.unit ?? '');
    setRoles(loaded.settings.identity?.roles ?? ['editor']);
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
