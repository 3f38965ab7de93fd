/**
 * The one gate decision (lib/review/gate.ts decideGate), as a table: the background and the tab both decide
 * with it. It fails closed: review required + review store unreachable = held with 「审核服务不可用」 and a retry.
 */
import { describe, expect, it } from 'vitest';
import { decideGate, EDITED_AFTER_APPROVAL, REVIEW_PENDING, type GateInput, type GateSettings, type ReviewReach } from '../../lib/review/gate';
import type { Approval } from '../../lib/review/types';

const H = 'h'.repeat(64);
const OLD = 'o'.repeat(64);
const REQUIRED: GateSettings = { reviewRequired: true, reviewLevels: 1, acceptedBlockLevels: 2, allowOverride: true };
const NOT_REQUIRED: GateSettings = { ...REQUIRED, reviewRequired: false };
const block = { id: 'b1', severity: 'block' as const, text: '冰毒出售', message: '毒品交易要约' };
const review = { id: 'r1', severity: 'review' as const, text: '震惊' };
const by = { name: '李初审', unit: '办公室' };
const approval = (hash: string, level: Approval['level'] = 'first'): Approval => ({ level, by, at: '2026-12-03T10:00:00Z', draftHash: hash, note: '' });
const ready = (facts: Partial<{ approvals: Approval[] }> & Record<string, unknown> = {}): ReviewReach => ({
  kind: 'ready',
  draftHash: H,
  facts: { approvals: [], ...facts },
});

interface Row {
  name: string;
  input: Partial<GateInput>;
  open: boolean;
  missing?: (string | RegExp)[];
  retry?: boolean;
  waitFor?: 'review';
}

const rows: Row[] = [
  { name: 'clean draft, review not required, store unreachable: open', input: { settings: NOT_REQUIRED, review: { kind: 'unavailable' } }, open: true },
  { name: 'unresolved block, review not required: held on the block', input: { settings: NOT_REQUIRED, findings: [block], review: { kind: 'unavailable' } }, open: false, missing: ["1 个'阻断'问题未处理"] },
  { name: 'accepted block, review not required: open', input: { settings: NOT_REQUIRED, findings: [block], resolutions: { b1: { resolution: 'accepted', reason: '依法公示' } } }, open: true },
  { name: "a block 'fixed' but still found: held, says so", input: { settings: NOT_REQUIRED, findings: [block], resolutions: { b1: { resolution: 'fixed', reason: '' } } }, open: false, missing: [/标记为已修改/] },
  { name: 'review required, store unreachable: held 审核服务不可用 with retry (fails closed)', input: { review: { kind: 'unavailable', detail: 'VersionError' } }, open: false, missing: [/^审核服务不可用（VersionError）/], retry: true },
  { name: 'review required, not answered yet: held, waits for the review', input: { review: { kind: 'pending' } }, open: false, missing: [REVIEW_PENDING], waitFor: 'review' },
  { name: 'review required, no approval: 待初审', input: { findings: [review], review: ready() }, open: false, missing: ['待初审'] },
  { name: 'review required, approval for this content: open', input: { review: ready({ approvals: [approval(H)] }) }, open: true },
  { name: 'approval for older content only: 原有审核已失效', input: { review: ready({ approvals: [approval(OLD)] }) }, open: false, missing: [EDITED_AFTER_APPROVAL, '待初审'] },
  { name: 'accepted block raises the levels', input: { findings: [block], resolutions: { b1: { resolution: 'accepted', reason: '依法公示' } }, review: ready({ approvals: [approval(H)] }) }, open: false, missing: [/^待复审/] },
  { name: 'returned by a reviewer', input: { review: ready({ lastReturn: { level: 'first', by, at: 'x', draftHash: H, note: '数据有误' } }) }, open: false, missing: [/已退回：数据有误/, '待初审'] },
  { name: 'override for this content opens even with a block', input: { findings: [block], review: ready({ override: { by, at: 'x', draftHash: H, reason: '防汛紧急' } }) }, open: true, missing: [/阻断/, '待初审'] },
  { name: 'override not allowed by policy: held', input: { settings: { ...REQUIRED, allowOverride: false }, review: ready({ override: { by, at: 'x', draftHash: H, reason: '防汛紧急' } }) }, open: false, missing: ['待初审'] },
  { name: 'override for older content: held', input: { review: ready({ override: { by, at: 'x', draftHash: OLD, reason: '防汛紧急' } }) }, open: false, missing: ['待初审'] },
  { name: 'store unreachable and a block: both listed', input: { findings: [block], review: { kind: 'unavailable' } }, open: false, missing: [/阻断/, /^审核服务不可用/], retry: true },
];

describe('decideGate', () => {
  it.each(rows)('$name', (row) => {
    const input: GateInput = { findings: [], resolutions: {}, settings: REQUIRED, review: { kind: 'pending' }, ...row.input };
    const decision = decideGate(input);
    expect(decision.open).toBe(row.open);
    if (row.missing) {
      expect(decision.missing).toHaveLength(row.missing.length);
      row.missing.forEach((m, i) => (typeof m === 'string' ? expect(decision.missing[i]).toBe(m) : expect(decision.missing[i]).toMatch(m)));
    }
    if (!decision.open) {
      expect(decision.retry ?? false).toBe(row.retry ?? false);
      expect(decision.waitFor).toBe(row.waitFor);
    }
  });

  it('names the unresolved block findings when they carry their message (the tab has them)', () => {
    const decision = decideGate({ findings: [block], resolutions: {}, settings: NOT_REQUIRED, review: { kind: 'pending' } });
    expect(!decision.open && decision.details).toEqual(['「冰毒出售」毒品交易要约']);
  });
});
