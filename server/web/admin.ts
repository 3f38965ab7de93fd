/** The admin page: the unit's settings, people and roles, record exports, chain check and checkpoints. */
import { SERVER_ROLE_LABELS, SERVER_ROLES, type ServerRole } from '../../lib/review-server/schemas';
import { client, message, notice } from './app';
import { h } from './dom';

interface AdminUnit {
  code: string;
  name: string;
  formTitle: string;
  reviewLevels: number;
  acceptedBlockLevels: number;
  allowOverride: boolean;
  policyVersion: number;
}

interface PersonRow {
  username: string;
  name: string;
  disabled: boolean;
  locked: boolean;
  roles: ServerRole[];
}

async function download(path: string, filename: string) {
  const tokens = JSON.parse(sessionStorage.getItem('xianshen-review-tokens') ?? '{}');
  const response = await fetch(path, { headers: { authorization: `Bearer ${tokens.accessToken ?? ''}` } });
  if (!response.ok) throw new Error((await response.json().catch(() => ({}))).error?.message ?? `HTTP ${response.status}`);
  const a = h('a', { href: URL.createObjectURL(await response.blob()), download: filename });
  a.click();
}

const run = (fn: () => Promise<unknown>, ok?: string) => async (event?: Event) => {
  event?.preventDefault();
  try {
    await fn();
    if (ok) notice(ok);
  } catch (e) {
    notice(message(e), 'error');
  }
};

function levelSelect(value: number, name: string) {
  const select = h('select', { name }, [1, 2, 3].map((n) => h('option', { value: n, selected: n === value }, ['初审', '初审＋复审', '初审＋复审＋终审'][n - 1])));
  return select;
}

export async function renderAdmin(main: HTMLElement): Promise<void> {
  const { units } = (await client.call('GET', '/api/admin/units')) as { units: AdminUnit[] };
  if (!units.length) {
    main.replaceChildren(h('p', { class: 'muted' }, '你不是任何单位的管理员。'));
    return;
  }
  const picker = h('select', { 'aria-label': '单位' }, units.map((u) => h('option', { value: u.code }, `${u.name}（${u.code}）`)));
  const body = h('div');
  const draw = async () => {
    const unit = units.find((u) => u.code === picker.value)!;
    const base = `/api/admin/units/${encodeURIComponent(unit.code)}`;
    const { people } = (await client.call('GET', `${base}/people`)) as { people: PersonRow[] };

    const name = h('input', { value: unit.name });
    const formTitle = h('input', { value: unit.formTitle });
    const levels = levelSelect(unit.reviewLevels, 'levels');
    const blockLevels = levelSelect(unit.acceptedBlockLevels, 'block');
    const override = h('input', { type: 'checkbox', checked: unit.allowOverride });
    const settings = h(
      'form',
      {
        class: 'card grid',
        onsubmit: run(async () => {
          const r = await client.call('PATCH', base, { name: name.value, formTitle: formTitle.value, reviewLevels: Number(levels.value), acceptedBlockLevels: Number(blockLevels.value), allowOverride: override.checked });
          Object.assign(unit, { name: name.value, formTitle: formTitle.value, reviewLevels: Number(levels.value), acceptedBlockLevels: Number(blockLevels.value), allowOverride: override.checked, policyVersion: r.policyVersion });
        }, '单位设置已保存'),
      },
      h('h2', {}, `单位设置（策略版本 ${unit.policyVersion}）`),
      h('label', {}, '单位名称', name),
      h('label', {}, '审批表标题', formTitle),
      h('label', {}, '审核级数', levels),
      h('label', {}, '接受“阻断”问题后至少', blockLevels),
      h('label', { class: 'check' }, override, '允许终审人紧急放行（须填理由，记入审核记录）'),
      h('button', { type: 'submit', class: 'primary' }, '保存'),
    );

    const rows = people.map((p) => {
      const boxes = SERVER_ROLES.map((role) => h('label', { class: 'check' }, h('input', { type: 'checkbox', value: role, checked: p.roles.includes(role) }), SERVER_ROLE_LABELS[role]));
      const roles = () => boxes.map((b) => b.querySelector('input')!).filter((i) => i.checked).map((i) => i.value as ServerRole);
      return h(
        'tr',
        { 'data-username': p.username },
        h('td', {}, p.name, h('div', { class: 'muted' }, p.username, p.disabled ? ' · 已停用' : '', p.locked ? ' · 已锁定' : '')),
        h('td', {}, boxes),
        h(
          'td',
          { class: 'actions' },
          h('button', { onclick: run(() => client.call('PUT', `${base}/people/${encodeURIComponent(p.username)}/roles`, { roles: roles() }), '角色已保存') }, '保存角色'),
          h('button', {
            onclick: run(async () => {
              const password = prompt(`为 ${p.name} 设置新密码（至少 8 位）`);
              if (password) await client.call('POST', `${base}/people/${encodeURIComponent(p.username)}/password`, { password });
            }, '密码已重置'),
          }, '重置密码'),
          p.locked ? h('button', { onclick: run(() => client.call('POST', `${base}/people/${encodeURIComponent(p.username)}/status`, { unlock: true }).then(draw), '已解锁') }, '解锁') : null,
          h('button', { onclick: run(() => client.call('POST', `${base}/people/${encodeURIComponent(p.username)}/status`, { disabled: !p.disabled }).then(draw)) }, p.disabled ? '启用' : '停用'),
        ),
      );
    });

    const newUser = h('input', { placeholder: '用户名', required: true, autocomplete: 'off' });
    const newName = h('input', { placeholder: '姓名', required: true });
    const newPassword = h('input', { placeholder: '初始密码（至少 8 位）', type: 'password', required: true, autocomplete: 'new-password' });
    const newRoles = SERVER_ROLES.map((role) => h('label', { class: 'check' }, h('input', { type: 'checkbox', value: role }), SERVER_ROLE_LABELS[role]));
    const add = h(
      'form',
      {
        class: 'card grid',
        onsubmit: run(async () => {
          const roles = newRoles.map((b) => b.querySelector('input')!).filter((i) => i.checked).map((i) => i.value);
          await client.call('POST', `${base}/people`, { username: newUser.value, name: newName.value, password: newPassword.value, roles });
          await draw();
        }, '已添加'),
      },
      h('h2', {}, '添加人员'),
      newUser,
      newName,
      newPassword,
      h('div', {}, newRoles),
      h('button', { type: 'submit', class: 'primary' }, '添加'),
    );

    const verifyOut = h('p', { 'data-xs': 'verify' });
    const record = h(
      'section',
      { class: 'card' },
      h('h2', {}, '审核记录'),
      h(
        'div',
        { class: 'actions' },
        h('button', { onclick: run(() => download(`${base}/log.csv`, `审核记录-${unit.code}.csv`)) }, '导出 CSV'),
        h('button', { onclick: run(() => download(`${base}/log.json`, `审核记录-${unit.code}.json`)) }, '导出 JSON'),
        h('button', {
          onclick: run(async () => {
            const r = await client.call('GET', `${base}/verify`);
            verifyOut.textContent = r.ok ? `哈希链完整：${r.count} 条记录` : `哈希链断裂：${r.break.message}`;
            verifyOut.className = r.ok ? 'ok' : 'error';
          }),
        }, '校验哈希链'),
        h('button', { onclick: run(() => client.call('POST', `${base}/checkpoints`), '已签发链头检查点') }, '立即签发检查点'),
        h('button', { onclick: run(() => download(`${base}/checkpoints`, `检查点-${unit.code}.json`)) }, '导出检查点'),
      ),
      verifyOut,
      h('p', { class: 'muted' }, '检查点是服务器对链头的签名，每天自动签发一次。请定期导出并另行保存，以便日后发现被改写的历史。'),
    );

    body.replaceChildren(settings, h('section', { class: 'card' }, h('h2', {}, '人员与角色'), h('table', { class: 'people' }, rows)), add, record);
  };
  picker.addEventListener('change', () => void draw());
  main.replaceChildren(h('h1', {}, '管理'), units.length > 1 ? picker : h('p', {}, `${units[0].name}（${units[0].code}）`), body);
  await draw();
}
