import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Finding } from '@/lib/core/types';
import { Sidebar } from '@/components/sidebar/Sidebar';
import { DEMO_DRAFT, DEMO_FIELD_LABELS, DEMO_FINDINGS } from './helpers/demo-findings';
import type { Resolution, SidebarProps } from '@/components/sidebar/types';

afterEach(cleanup);

function byId(id: string): Finding {
  const f = DEMO_FINDINGS.find((x) => x.id === id);
  if (!f) throw new Error(`no demo finding ${id}`);
  return f;
}

function renderSidebar(overrides: Partial<SidebarProps> = {}) {
  const props: SidebarProps = {
    state: 'problems',
    findings: DEMO_FINDINGS,
    resolutions: {},
    fieldLabels: DEMO_FIELD_LABELS,
    platformLabel: '微信公众号',
    collapsed: false,
    onToggleCollapsed: vi.fn(),
    onJump: vi.fn(),
    onFix: vi.fn(),
    onAccept: vi.fn(),
    ...overrides,
  };
  const view = render(<Sidebar {...props} />);
  return { ...view, props };
}

const rows = () => document.querySelectorAll<HTMLElement>('[data-xs="finding"]');
const rowFor = (id: string) => document.querySelector<HTMLElement>(`[data-xs="finding"][data-finding-id="${id}"]`)!;
const status = () => document.querySelector<HTMLElement>('[data-xs="status"]')!;

describe('demo sample', () => {
  it('honours the Finding contract: every span slices back to its text', () => {
    for (const f of DEMO_FINDINGS) expect(DEMO_DRAFT[f.field]!.slice(f.start, f.end)).toBe(f.text);
  });
});

describe('header and status line', () => {
  it('names the product and the platform', () => {
    renderSidebar({ platformLabel: '微博' });
    const aside = screen.getByRole('complementary');
    expect(aside.textContent).toContain('先审');
    expect(aside.textContent).toContain('微博');
  });

  it.each([
    ['screening', '正在审查…'],
    ['clean', '未发现问题'],
    ['problems', `发现 ${DEMO_FINDINGS.length} 个问题`],
    ['held', '已拦截发布'],
  ] as const)('state %s reads %s in a polite live region', (state, text) => {
    renderSidebar({ state });
    const line = screen.getByRole('status');
    expect(line).toBe(status());
    expect(line.getAttribute('data-state')).toBe(state);
    expect(line.getAttribute('aria-live')).toBe('polite');
    expect(line.textContent).toBe(text);
  });

  it('shows the unsupported reason and warns that nothing was screened', () => {
    renderSidebar({ state: 'unsupported', findings: [], unsupportedReason: '未识别编辑器（适配可能已过期）' });
    expect(status().getAttribute('data-state')).toBe('unsupported');
    expect(status().textContent).toBe('未识别编辑器（适配可能已过期）');
    expect(screen.getByText(/未经先审审查/)).toBeTruthy();
  });

  it('lets statusText override the default', () => {
    renderSidebar({ state: 'screening', statusText: '正在审查正文（第 2 段）' });
    expect(status().textContent).toBe('正在审查正文（第 2 段）');
    expect(status().getAttribute('data-state')).toBe('screening');
  });

  it('updates the status when the state changes, without remounting the live region', () => {
    const { props, rerender } = renderSidebar({ state: 'screening' });
    const before = status();
    rerender(<Sidebar {...props} state="clean" findings={[]} />);
    expect(status()).toBe(before);
    expect(before.textContent).toBe('未发现问题');
  });
});

describe('counts by severity', () => {
  const expected = (resolved: Record<string, Resolution>) => {
    const open = DEMO_FINDINGS.filter((f) => !resolved[f.id]);
    return {
      block: open.filter((f) => f.severity === 'block').length,
      review: open.filter((f) => f.severity === 'review').length,
      info: open.filter((f) => f.severity === 'info').length,
    };
  };
  const shown = () =>
    Object.fromEntries(
      [...document.querySelectorAll<HTMLElement>('[data-xs="count"]')].map((el) => [
        el.dataset.severity,
        Number(el.dataset.count),
      ]),
    );

  it('counts unresolved findings with their zh-CN labels', () => {
    renderSidebar();
    const want = expected({});
    expect(shown()).toMatchObject(want);
    const list = screen.getByRole('list', { name: '待处理问题统计' });
    expect(list.textContent).toContain(`阻断${want.block}`);
    expect(list.textContent).toContain(`需复核${want.review}`);
    expect(list.textContent).toContain(`提示${want.info}`);
  });

  it('drops a finding from its severity once it is resolved and counts it as handled', () => {
    const resolutions: Record<string, Resolution> = { 'demo-pii-id-card': { resolution: 'fixed' } };
    renderSidebar({ resolutions });
    expect(shown()).toMatchObject({ ...expected(resolutions), resolved: 1 });
  });
});

describe('grouping', () => {
  it('lists fields in fieldLabels order, then categories in contract order, whatever the input order', () => {
    renderSidebar({ findings: [...DEMO_FINDINGS].reverse() });
    const fieldOrder = [...document.querySelectorAll<HTMLElement>('[data-xs="field-group"]')].map((g) => g.dataset.field);
    const labelOrder = Object.keys(DEMO_FIELD_LABELS).filter((k) => DEMO_FINDINGS.some((f) => f.field === k));
    expect(fieldOrder).toEqual(labelOrder);

    const headings = screen.getAllByRole('heading', { level: 3 }).map((h) => h.firstChild?.textContent);
    expect(headings).toEqual(labelOrder.map((k) => DEMO_FIELD_LABELS[k]));

    const body = document.querySelector<HTMLElement>('[data-xs="field-group"][data-field="body"]')!;
    const categoryLabels = within(body)
      .getAllByRole('heading', { level: 4 })
      .map((h) => h.firstChild?.textContent);
    // body holds pii, wording, ad, map, repost in the demo: contract order is wording, pii, ad, repost, map.
    expect(categoryLabels).toEqual(['规范表述', '个人信息', '广告', '转载来源', '地图']);
  });

  it('still lists findings of a field the caller did not label, after the labelled ones', () => {
    const stray: Finding = { ...byId('demo-wording-taiwan'), id: 'stray', field: 'coverCaption', start: 0, end: 4 };
    renderSidebar({ findings: [stray, ...DEMO_FINDINGS] });
    const groups = [...document.querySelectorAll<HTMLElement>('[data-xs="field-group"]')];
    expect(groups.at(-1)!.dataset.field).toBe('coverCaption');
    expect(rowFor('stray')).toBeTruthy();
    expect(rows()).toHaveLength(DEMO_FINDINGS.length + 1);
  });
});

describe('finding rows', () => {
  it('carries the browser-test hooks and shows text, message, clause and suggestion', () => {
    renderSidebar();
    expect(rows()).toHaveLength(DEMO_FINDINGS.length);
    for (const f of DEMO_FINDINGS) {
      const row = rowFor(f.id);
      expect(row.dataset).toMatchObject({ category: f.category, severity: f.severity, field: f.field });
      expect(row.textContent).toContain(`「${f.text}」`);
      expect(row.textContent).toContain(f.message);
      expect(row.textContent).toContain(`依据：${f.clause}`);
    }
    expect(rowFor('demo-wording-taiwan').textContent).toContain('建议：改为「台湾地区领导人」');
    expect(rowFor('demo-ad-ecommerce-link').textContent).toContain('建议：删除');
  });

  it('jumps to the finding', () => {
    const { props } = renderSidebar();
    const f = byId('demo-ad-ecommerce-link');
    fireEvent.click(within(rowFor(f.id)).getByRole('button', { name: /^定位/ }));
    expect(props.onJump).toHaveBeenCalledWith(f);
  });

  it('offers a one-click fix only for literal replacements', () => {
    const quoteInstruction: Finding = { ...byId('demo-wording-taiwan'), id: 'quote', suggestion: '（加引号）' };
    const { props } = renderSidebar({ findings: [...DEMO_FINDINGS, quoteInstruction] });
    const fixButtons = () => screen.queryAllByRole('button', { name: /^修改为/ });
    const literal = DEMO_FINDINGS.filter((f) => f.suggestion && !/^[(（].*[)）]$/.test(f.suggestion));
    expect(fixButtons()).toHaveLength(literal.length);

    const taiwan = byId('demo-wording-taiwan');
    fireEvent.click(within(rowFor(taiwan.id)).getByRole('button', { name: '修改为「台湾地区领导人」' }));
    expect(props.onFix).toHaveBeenCalledWith(taiwan);

    for (const id of ['demo-ad-ecommerce-link', 'demo-repost-unknown-source', 'demo-map-no-approval', 'quote'])
      expect(within(rowFor(id)).queryByRole('button', { name: /^修改为/ })).toBeNull();
    expect(rowFor('quote').textContent).toContain('建议：加引号');
  });

  it('keeps resolved findings listed, marked and without pending actions', () => {
    renderSidebar({
      resolutions: {
        'demo-repost-unknown-source': { resolution: 'accepted', reason: '已核实来源', by: { name: '李审', unit: '' } },
        'demo-wording-taiwan': { resolution: 'fixed' },
      },
    });
    expect(rows()).toHaveLength(DEMO_FINDINGS.length);
    const accepted = rowFor('demo-repost-unknown-source');
    expect(accepted.dataset.resolution).toBe('accepted');
    expect(accepted.textContent).toContain('已接受：已核实来源（李审）');
    expect(within(accepted).queryByRole('button', { name: '接受…' })).toBeNull();
    const fixed = rowFor('demo-wording-taiwan');
    expect(fixed.textContent).toContain('已修改');
    expect(within(fixed).queryByRole('button', { name: /^修改为/ })).toBeNull();
    expect(within(fixed).getByRole('button', { name: /^定位/ })).toBeTruthy();
  });
});

describe('accept with a reason', () => {
  const f = byId('demo-repost-unknown-source');
  const openForm = () => {
    const button = within(rowFor(f.id)).getByRole('button', { name: '接受…' });
    fireEvent.click(button);
    return { button, input: within(rowFor(f.id)).getByRole('textbox', { name: '接受理由' }) };
  };

  it('opens inline with focus in the reason field', () => {
    renderSidebar();
    const { button, input } = openForm();
    expect(button.getAttribute('aria-expanded')).toBe('true');
    expect(document.activeElement).toBe(input);
  });

  it('refuses to submit without a reason', () => {
    const { props } = renderSidebar();
    const { input } = openForm();
    fireEvent.change(input, { target: { value: '   ' } });
    fireEvent.keyDown(input, { key: 'Enter' });
    fireEvent.click(within(rowFor(f.id)).getByRole('button', { name: '确认接受' }));
    expect(props.onAccept).not.toHaveBeenCalled();
    expect(within(rowFor(f.id)).getByRole('alert').textContent).toBe('请填写接受理由');
    expect(input.getAttribute('aria-invalid')).toBe('true');
  });

  it('submits a common reason with the confirm button', () => {
    const { props } = renderSidebar();
    openForm();
    fireEvent.click(within(rowFor(f.id)).getByRole('button', { name: '已核实来源' }));
    fireEvent.click(within(rowFor(f.id)).getByRole('button', { name: '确认接受' }));
    expect(props.onAccept).toHaveBeenCalledWith(f, '已核实来源');
    expect(within(rowFor(f.id)).queryByRole('textbox')).toBeNull();
  });

  it('submits free text on Enter, trimmed, and returns focus to the row', () => {
    const { props } = renderSidebar();
    const { input } = openForm();
    fireEvent.change(input, { target: { value: '  转自市政府官网，已获授权  ' } });
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(props.onAccept).toHaveBeenCalledWith(f, '转自市政府官网，已获授权');
    expect(document.activeElement).toBe(rowFor(f.id));
  });

  it('does not submit on Enter while an IME is composing', () => {
    const { props } = renderSidebar();
    const { input } = openForm();
    fireEvent.change(input, { target: { value: 'yifa' } });
    fireEvent.keyDown(input, { key: 'Enter', isComposing: true, keyCode: 229 });
    expect(props.onAccept).not.toHaveBeenCalled();
    expect(within(rowFor(f.id)).getByRole('textbox')).toBe(input);
  });

  it('cancels on Escape and puts focus back on the accept button', () => {
    const { props } = renderSidebar();
    const { input } = openForm();
    fireEvent.change(input, { target: { value: '依法公示' } });
    fireEvent.keyDown(input, { key: 'Escape' });
    expect(props.onAccept).not.toHaveBeenCalled();
    expect(within(rowFor(f.id)).queryByRole('textbox')).toBeNull();
    const button = within(rowFor(f.id)).getByRole('button', { name: '接受…' });
    expect(button.getAttribute('aria-expanded')).toBe('false');
    expect(document.activeElement).toBe(button);
  });

  it('keeps one form open at a time', () => {
    renderSidebar();
    openForm();
    fireEvent.click(within(rowFor('demo-pii-id-card')).getByRole('button', { name: '接受…' }));
    expect(screen.getAllByRole('textbox', { name: '接受理由' })).toHaveLength(1);
    expect(within(rowFor('demo-pii-id-card')).getByRole('textbox')).toBeTruthy();
  });
});

describe('held', () => {
  it('shows why publishing was held in an alert at the top', () => {
    const heldReasons = ['存在 3 个阻断问题未处理', '未完成三审（终审）'];
    renderSidebar({ state: 'held', heldReasons });
    const alert = screen.getByRole('alert');
    for (const reason of heldReasons) expect(alert.textContent).toContain(reason);
    // The alert comes before the findings in reading order.
    expect(alert.compareDocumentPosition(rows()[0]!) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });

  it('shows no alert in other states', () => {
    renderSidebar({ state: 'problems', heldReasons: ['不应显示'] });
    expect(screen.queryByRole('alert')).toBeNull();
  });
});

describe('collapse and badge', () => {
  function Harness(props: Partial<SidebarProps>) {
    const [collapsed, setCollapsed] = useState(false);
    return (
      <Sidebar
        state="problems"
        findings={DEMO_FINDINGS}
        resolutions={{}}
        fieldLabels={DEMO_FIELD_LABELS}
        platformLabel="抖音"
        onJump={() => {}}
        onFix={() => {}}
        onAccept={() => {}}
        {...props}
        collapsed={collapsed}
        onToggleCollapsed={() => setCollapsed((c) => !c)}
      />
    );
  }

  it('collapses to a badge counting unresolved block and review findings, and expands again', () => {
    const resolutions: Record<string, Resolution> = { 'demo-pii-id-card': { resolution: 'fixed' } };
    render(<Harness resolutions={resolutions} />);
    const collapse = screen.getByRole('button', { name: '收起' });
    expect(collapse.getAttribute('aria-expanded')).toBe('true');
    fireEvent.click(collapse);

    expect(rows()).toHaveLength(0);
    const badge = document.querySelector<HTMLElement>('[data-xs="badge"]')!;
    const pending = DEMO_FINDINGS.filter((f) => f.severity !== 'info' && !resolutions[f.id]).length;
    expect(badge.textContent).toBe(String(pending));
    expect(badge.getAttribute('aria-expanded')).toBe('false');
    expect(badge.tagName).toBe('BUTTON');
    expect(document.activeElement).toBe(badge);
    // The status line stays for assistive tech and browser tests.
    expect(status().getAttribute('data-state')).toBe('problems');

    fireEvent.click(badge);
    expect(rows()).toHaveLength(DEMO_FINDINGS.length);
    expect(document.activeElement).toBe(screen.getByRole('button', { name: '收起' }));
  });

  it('never shows a reassuring 0 on the badge for a page it could not read', () => {
    renderSidebar({ state: 'unsupported', findings: [], collapsed: true, unsupportedReason: '未识别编辑器' });
    const badge = document.querySelector<HTMLElement>('[data-xs="badge"]')!;
    expect(badge.textContent).toBe('!');
    expect(badge.getAttribute('aria-label')).toContain('未识别编辑器');
  });

  it('calls onToggleCollapsed from the badge', () => {
    const { props } = renderSidebar({ collapsed: true });
    fireEvent.click(document.querySelector<HTMLElement>('[data-xs="badge"]')!);
    expect(props.onToggleCollapsed).toHaveBeenCalledTimes(1);
  });
});

describe('review slot and long lists', () => {
  it('renders the review panel below the findings', () => {
    renderSidebar({ reviewSlot: <section aria-label="三审">审核面板</section> });
    const review = screen.getByRole('region', { name: '三审' });
    const last = rows()[rows().length - 1]!;
    expect(last.compareDocumentPosition(review) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });

  it('lists hundreds of findings and keeps them interactive', () => {
    const base = DEMO_FINDINGS;
    const many: Finding[] = Array.from({ length: 600 }, (_, i) => ({ ...base[i % base.length]!, id: `many-${i}` }));
    const onAccept = vi.fn();
    const { rerender, props } = renderSidebar({ findings: many, onAccept });
    expect(rows()).toHaveLength(600);
    expect(status().textContent).toBe('发现 600 个问题');

    // A parent that re-renders with fresh callbacks must still reach the latest one.
    const latest = vi.fn();
    rerender(<Sidebar {...props} onAccept={latest} />);
    act(() => {
      fireEvent.click(within(rowFor('many-599')).getByRole('button', { name: '接受…' }));
    });
    fireEvent.click(within(rowFor('many-599')).getByRole('button', { name: '引用原文' }));
    fireEvent.click(within(rowFor('many-599')).getByRole('button', { name: '确认接受' }));
    expect(latest).toHaveBeenCalledWith(many[599], '引用原文');
    expect(onAccept).not.toHaveBeenCalled();
  });
});
