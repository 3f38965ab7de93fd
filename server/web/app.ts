/**
 * The server's review page: login, live queue, a draft with its findings highlighted, accept / approve /
 * return, and the admin page. Plain TypeScript on the same client the extension uses (lib/review-server).
 */
import { ApiError, ReviewServerClient, type DraftDetail, type DraftSummary, type Me, type Tokens } from '../../lib/review-server/client';
import { DRAFT_STATUS_LABELS, SERVER_ROLE_LABELS, type DraftStatus, type ReviewEvent } from '../../lib/review-server/schemas';
import { LEVEL_LABELS, type Level } from '../../lib/review/types';
import { SEVERITY_LABELS, PLATFORM_LABELS } from '../../lib/review/labels';
import { formatTime, h } from './dom';
import { highlightedText } from './highlight';
import { renderAdmin } from './admin';

const TOKENS_KEY = 'xianshen-review-tokens';
const main = document.getElementById('main')!;
const nav = document.getElementById('nav')!;
const who = document.getElementById('who')!;

function storedTokens(): Tokens | undefined {
  try {
    return JSON.parse(sessionStorage.getItem(TOKENS_KEY) ?? 'null') ?? undefined;
  } catch {
    return undefined;
  }
}

export const client = new ReviewServerClient({
  baseUrl: location.origin,
  tokens: storedTokens(),
  onTokens: (tokens) => (tokens ? sessionStorage.setItem(TOKENS_KEY, JSON.stringify(tokens)) : sessionStorage.removeItem(TOKENS_KEY)),
});

let me: Me | undefined;
let live: AbortController | undefined;
const liveState = h('span', { class: 'live off', 'data-xs': 'live' }, '实时：未连接');

export function message(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  return error instanceof Error ? error.message : String(error);
}

export function notice(text: string, kind: 'ok' | 'error' = 'ok') {
  const el = h('div', { class: `toast ${kind}`, role: 'status' }, text);
  document.body.append(el);
  setTimeout(() => el.remove(), 4000);
}

function statusBadge(status: string) {
  return h('span', { class: `badge st-${status}` }, DRAFT_STATUS_LABELS[status as DraftStatus] ?? status);
}

function draftRow(d: DraftSummary) {
  return h(
    'a',
    { class: 'row', href: `#/draft/${d.id}`, 'data-xs': 'queue-item', 'data-id': d.id },
    h('div', { class: 'row-title' }, d.title),
    h(
      'div',
      { class: 'row-meta' },
      statusBadge(d.status),
      d.nextLevel ? h('span', { class: 'badge level' }, `待${LEVEL_LABELS[d.nextLevel]}`) : null,
      d.blockCount ? h('span', { class: 'badge sev-block' }, `阻断 ${d.blockCount}`) : null,
      h('span', {}, `${d.editor} · ${PLATFORM_LABELS[d.platform as keyof typeof PLATFORM_LABELS] ?? d.platform} · ${formatTime(d.createdAt)}`),
    ),
  );
}

// ---------------------------------------------------------------------------------------------------------

async function showLogin(error?: string) {
  live?.abort();
  me = undefined;
  who.textContent = '';
  nav.replaceChildren();
  const username = h('input', { name: 'username', autocomplete: 'username', required: true });
  const password = h('input', { name: 'password', type: 'password', autocomplete: 'current-password', required: true });
  const problem = h('p', { class: 'error', role: 'alert' }, error ?? '');
  const form = h(
    'form',
    {
      class: 'card login',
      onsubmit: async (event: Event) => {
        event.preventDefault();
        problem.textContent = '';
        try {
          me = await client.login(username.value.trim(), password.value);
          location.hash = '#/queue';
          await start();
        } catch (e) {
          problem.textContent = message(e);
        }
      },
    },
    h('h1', {}, '登录审核系统'),
    h('label', {}, '用户名', username),
    h('label', {}, '密码', password),
    problem,
    h('button', { type: 'submit', class: 'primary' }, '登录'),
  );
  main.replaceChildren(form);
}

function renderNav() {
  const admin = me?.memberships.some((m) => m.roles.includes('admin'));
  const link = (href: string, text: string) => h('a', { href, class: location.hash.startsWith(href) ? 'active' : '' }, text);
  nav.replaceChildren(
    link('#/queue', '待我审核'),
    link('#/mine', '我提交的'),
    ...(admin ? [link('#/admin', '管理')] : []),
    liveState,
    h('button', { class: 'link', onclick: async () => { await client.logout(); await showLogin(); } }, '退出'),
  );
  who.textContent = me ? `${me.name}（${me.memberships.map((m) => `${m.unitName}：${m.roles.map((r) => SERVER_ROLE_LABELS[r as keyof typeof SERVER_ROLE_LABELS] ?? r).join('、')}`).join('；')}）` : '';
}

let current: { view: string; id?: number } = { view: 'queue' };

async function showList(kind: 'queue' | 'mine') {
  const list = kind === 'queue' ? await client.queue() : await client.mine();
  if (current.view !== kind) return;
  main.replaceChildren(
    h('h1', {}, kind === 'queue' ? '待我审核' : '我提交的稿件'),
    list.drafts.length ? h('div', { class: 'list', 'data-xs': 'queue' }, list.drafts.map(draftRow)) : h('p', { class: 'muted', 'data-xs': 'queue' }, kind === 'queue' ? '暂无待审稿件。新稿件提交后会自动出现在这里。' : '还没有提交过稿件。'),
  );
}

async function showDraft(id: number) {
  let d: DraftDetail;
  try {
    d = await client.draft(id);
  } catch (e) {
    main.replaceChildren(h('p', { class: 'error' }, message(e)), h('a', { href: '#/queue' }, '返回'));
    return;
  }
  if (current.view !== 'draft' || current.id !== id) return;
  const accepted = new Set(d.acceptances.map((a) => a.findingId));
  const fieldNames: Record<string, string> = { title: '标题', author: '作者', digest: '摘要', sourceUrl: '原文链接', body: '正文' };
  const fields = d.fields
    ? Object.entries(d.fields).map(([name, text]) =>
        h('section', { class: 'field', 'data-field': name }, h('h3', {}, fieldNames[name] ?? name), highlightedText(text, d.findings.filter((f) => f.field === name), accepted)),
      )
    : [h('p', { class: 'muted' }, '稿件正文已按保存期限清除，审核记录保留其哈希。')];

  const findings = d.findings.map((f) => {
    const acceptance = d.acceptances.find((a) => a.findingId === f.id);
    const reason = h('input', { placeholder: '接受理由（必填）', 'aria-label': '接受理由' });
    return h(
      'li',
      { class: `finding sev-${f.severity}`, 'data-xs': 'finding', 'data-severity': f.severity, 'data-id': f.id },
      h(
        'button',
        {
          class: 'jump',
          onclick: () => document.querySelector(`mark[data-finding~="${CSS.escape(f.id)}"]`)?.scrollIntoView({ behavior: 'smooth', block: 'center' }),
        },
        h('span', { class: `badge sev-${f.severity}` }, SEVERITY_LABELS[f.severity]),
        ' ',
        h('strong', {}, f.text),
      ),
      h('div', { class: 'muted' }, f.message),
      h('div', { class: 'clause' }, f.clause),
      acceptance
        ? h('div', { class: 'accepted-note' }, `已接受：${acceptance.reason}（${acceptance.person}）`)
        : d.can.accept && f.severity !== 'info'
          ? h(
              'form',
              {
                class: 'inline',
                onsubmit: async (event: Event) => {
                  event.preventDefault();
                  try {
                    await client.accept(d.id, f.id, reason.value);
                    notice('已接受该问题');
                    await showDraft(d.id);
                  } catch (e) {
                    notice(message(e), 'error');
                  }
                },
              },
              reason,
              h('button', { type: 'submit' }, '接受'),
            )
          : null,
    );
  });

  const levels = d.requiredLevels.map((level) => {
    const decision = d.decisions.find((x) => x.level === level);
    return h(
      'li',
      { class: `level ${decision ? decision.decision : d.nextLevel === level ? 'current' : ''}`, 'data-level': level },
      h('strong', {}, LEVEL_LABELS[level]),
      decision
        ? ` ${decision.decision === 'approve' ? '通过' : '退回'} · ${decision.person} · ${formatTime(decision.at)}${decision.opinion ? ` · ${decision.opinion}` : ''}`
        : d.nextLevel === level && d.status === 'pending'
          ? ' 待审核'
          : ' —',
    );
  });

  let decide: HTMLElement | null = null;
  if (d.status === 'pending' && d.can.decideLevel) {
    const level = d.can.decideLevel as Level;
    const opinion = h('textarea', { rows: 3, placeholder: '审核意见（退回时必填）', 'aria-label': '审核意见' });
    const act = (decision: 'approve' | 'return') => async () => {
      try {
        await client.decide(d.id, level, decision, opinion.value);
        notice(decision === 'approve' ? `${LEVEL_LABELS[level]}已通过` : '已退回');
        await showDraft(d.id);
      } catch (e) {
        notice(message(e), 'error');
      }
    };
    decide = h(
      'section',
      { class: 'card decide', 'data-xs': 'decide' },
      h('h2', {}, `${LEVEL_LABELS[level]}意见`),
      opinion,
      d.can.approveRefusal ? h('p', { class: 'error' }, d.can.approveRefusal) : null,
      h(
        'div',
        { class: 'actions' },
        h('button', { class: 'primary', disabled: !d.can.approve, onclick: act('approve'), 'data-xs': 'approve' }, '通过'),
        h('button', { class: 'danger', onclick: act('return'), 'data-xs': 'return' }, '退回'),
      ),
    );
  } else if (d.status === 'pending' && d.can.approveRefusal) {
    decide = h('p', { class: 'muted' }, d.can.approveRefusal);
  }

  let override: HTMLElement | null = null;
  if (d.can.override) {
    const reason = h('input', { placeholder: '紧急放行理由（必填，记入审核记录）', 'aria-label': '紧急放行理由' });
    override = h(
      'details',
      { class: 'card' },
      h('summary', {}, '紧急放行'),
      reason,
      h('button', {
        class: 'danger',
        onclick: async () => {
          try {
            await client.override(d.id, reason.value);
            await showDraft(d.id);
          } catch (e) {
            notice(message(e), 'error');
          }
        },
      }, '确认紧急放行'),
    );
  }

  main.replaceChildren(
    h('a', { href: '#/queue', class: 'back' }, '‹ 返回'),
    h('h1', {}, d.title),
    h('div', { class: 'row-meta' }, statusBadge(d.status), h('span', {}, `${d.editor} 提交 · ${formatTime(d.createdAt)} · ${PLATFORM_LABELS[d.platform as keyof typeof PLATFORM_LABELS] ?? d.platform}`)),
    h('ol', { class: 'levels' }, levels),
    h('div', { class: 'layout' }, h('div', { class: 'text' }, fields), h('aside', {}, decide, override, h('h2', {}, `问题（${d.findings.length}）`), d.findings.length ? h('ul', { class: 'findings' }, findings) : h('p', { class: 'muted' }, '发布前检查未发现问题。'))),
    h('p', { class: 'hash' }, `内容 SHA-256：${d.draftHash}`),
    h('button', {
      class: 'link',
      onclick: async () => {
        try {
          const response = await fetch(`/api/drafts/${d.id}/form`, { headers: { authorization: `Bearer ${storedTokens()?.accessToken ?? ''}` } });
          if (!response.ok) throw new Error((await response.json()).error?.message ?? `HTTP ${response.status}`);
          window.open(URL.createObjectURL(new Blob([await response.text()], { type: 'text/html' })), '_blank');
        } catch (e) {
          notice(message(e), 'error');
        }
      },
    }, '信息发布审批表'),
  );
}

async function route() {
  if (!me) return;
  renderNav();
  const hash = location.hash || '#/queue';
  const draft = /^#\/draft\/(\d+)$/.exec(hash);
  try {
    if (draft) {
      current = { view: 'draft', id: Number(draft[1]) };
      await showDraft(current.id!);
    } else if (hash === '#/mine') {
      current = { view: 'mine' };
      await showList('mine');
    } else if (hash === '#/admin') {
      current = { view: 'admin' };
      await renderAdmin(main);
    } else {
      current = { view: 'queue' };
      await showList('queue');
    }
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) return showLogin('登录已过期，请重新登录');
    main.replaceChildren(h('p', { class: 'error' }, message(e)));
  }
}

function onEvent(event: ReviewEvent) {
  if (current.view === 'queue' || current.view === 'mine') void showList(current.view);
  else if (current.view === 'draft' && current.id === event.draftId) void showDraft(event.draftId);
  if (event.type === 'submitted' && current.view !== 'queue' && me && event.nextLevel && me.memberships.some((m) => m.unit === event.unit && m.roles.includes(event.nextLevel!)))
    notice('有新的待审稿件');
}

async function start() {
  live?.abort();
  live = new AbortController();
  const setLive = (up: boolean) => {
    liveState.textContent = up ? '实时：已连接' : '实时：重新连接中…';
    liveState.className = `live ${up ? 'on' : 'off'}`;
  };
  void client.subscribe(onEvent, { signal: live.signal, onState: setLive }).catch(() => showLogin('登录已过期，请重新登录'));
  await route();
}

window.addEventListener('hashchange', () => void route());

(async () => {
  if (!client.loggedIn) return showLogin();
  try {
    me = await client.me();
    await start();
  } catch {
    await showLogin();
  }
})();
