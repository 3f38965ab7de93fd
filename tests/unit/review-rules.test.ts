import { describe, expect, it } from 'vitest';
import type { Finding } from '../../lib/core/types';
import { DEFAULT_SETTINGS, type Person, type Settings } from '../../lib/settings/schema';
import { draftHash } from '../../lib/review/draft-hash';
import { EDITED_AFTER_APPROVAL, gateStatus } from '../../lib/review/gate';
import {
  checkApprove,
  checkOverride,
  checkResolve,
  checkReturn,
  effectivePerson,
  requiredLevels,
  signingFor,
  type ReviewContext,
} from '../../lib/review/rules';
import type { Approval, Level, Resolution } from '../../lib/review/types';

const blockFinding: Finding = {
  id: 'f-id-card',
  check: 'pii.id-card',
  category: 'pii',
  severity: 'block',
  field: 'body',
  start: 4,
  end: 22,
  text: '110101199003077777',
  message: '身份证号须去标识化',
  clause: '003_54205cdec66d062b.txt 第十一条',
};
const reviewFinding: Finding = { ...blockFinding, id: 'f-wording', severity: 'review', category: 'wording', text: '隆重召开' };

const editor: Person = { name: '王编辑', unit: '办公室', roles: ['editor'] };
const first: Person = { name: '李初审', unit: '办公室', roles: ['first'] };
const second: Person = { name: '张复审', unit: '办公室', roles: ['second'] };
const final: Person = { name: '赵终审', unit: '局领导', roles: ['final'] };
const allRoles: Person = { name: '全能', unit: '办公室', roles: ['first', 'second', 'final'] };

const HASH = 'a'.repeat(64);

function settings(patch: Partial<Settings> = {}): Settings {
  return { ...DEFAULT_SETTINGS, ...patch };
}

function approval(level: Level, by: Person, hash = HASH): Approval {
  return { level, by: { name: by.name, unit: by.unit }, at: '2026-11-24T01:00:00.000Z', draftHash: hash, note: '' };
}

function accepted(f: Finding, reason = '依法公示'): Resolution {
  return {
    resolution: 'accepted',
    reason,
    by: { name: first.name, unit: first.unit },
    at: '2026-11-24T00:00:00.000Z',
    finding: { id: f.id, category: f.category, severity: f.severity, text: f.text },
  };
}

function ctx(over: Partial<Omit<ReviewContext, 'state'>> & { state?: Partial<ReviewContext['state']> } = {}): ReviewContext {
  return {
    settings: over.settings ?? settings(),
    person: over.person,
    draftHash: over.draftHash ?? HASH,
    findings: over.findings ?? [],
    state: { resolutions: {}, approvals: [], editors: [], ...over.state },
  };
}

describe('no 自编自审自发', () => {
  it('refuses approval by a person who edited the draft, even with the right role', () => {
    const editorWhoReviews: Person = { name: '王编辑', unit: '办公室', roles: ['editor', 'first'] };
    const verdict = checkApprove(ctx({ person: editorWhoReviews, state: { editors: [{ name: '王编辑', unit: '' }] } }), 'first');
    expect(verdict).toEqual({ ok: false, reason: expect.stringContaining('自编自审') });
  });

  it('refuses the same person at a second level', () => {
    const verdict = checkApprove(ctx({ person: allRoles, state: { approvals: [approval('first', allRoles)] } }), 'second');
    expect(verdict).toEqual({ ok: false, reason: expect.stringContaining('同一人不能在两级签批') });
  });

  it('compares people by name, ignoring case and surrounding spaces', () => {
    const verdict = checkApprove(
      ctx({ person: { ...allRoles, name: ' 全能 ' }, state: { approvals: [approval('first', allRoles)] } }),
      'second',
    );
    expect(verdict.ok).toBe(false);
  });

  it('lets a different person with the role approve', () => {
    expect(checkApprove(ctx({ person: second, state: { approvals: [approval('first', first)] } }), 'second')).toEqual({
      ok: true,
    });
  });

  it('refuses a person without the role', () => {
    expect(checkApprove(ctx({ person: editor }), 'first')).toEqual({ ok: false, reason: expect.stringContaining('初审') });
  });

  it('refuses anyone without an identity', () => {
    expect(checkApprove(ctx(), 'first')).toEqual({ ok: false, reason: expect.stringContaining('尚未设置本人身份') });
  });
});

describe('level order 初审 → 复审 → 终审', () => {
  it('refuses 复审 before 初审 and 终审 before 复审', () => {
    expect(checkApprove(ctx({ person: second }), 'second')).toEqual({
      ok: false,
      reason: expect.stringContaining('须先完成初审'),
    });
    expect(checkApprove(ctx({ person: final, state: { approvals: [approval('first', first)] } }), 'final')).toEqual({
      ok: false,
      reason: expect.stringContaining('须先完成复审'),
    });
  });

  it('refuses a level the draft does not need', () => {
    const verdict = checkApprove(
      ctx({ settings: settings({ reviewLevels: 1 }), person: second, state: { approvals: [approval('first', first)] } }),
      'second',
    );
    expect(verdict).toEqual({ ok: false, reason: expect.stringContaining('只需 1 级审核') });
  });

  it('refuses signing a level twice', () => {
    const other: Person = { name: '另一个初审', unit: '', roles: ['first'] };
    expect(checkApprove(ctx({ person: other, state: { approvals: [approval('first', first)] } }), 'first')).toEqual({
      ok: false,
      reason: expect.stringContaining('初审已由 李初审 通过'),
    });
  });

  it('offers each person the level they may sign now', () => {
    const state = { approvals: [approval('first', first)] };
    expect(signingFor(ctx({ person: second, state }))).toEqual({ level: 'second' });
    expect(signingFor(ctx({ person: first, state })).level).toBeUndefined();
    expect(signingFor(ctx({ person: final, state })).refusal).toContain('复审');
  });

  it('a return needs the same right to sign and a note', () => {
    expect(checkReturn(ctx({ person: first }), 'first', '')).toEqual({ ok: false, reason: expect.stringContaining('退回意见') });
    expect(checkReturn(ctx({ person: first }), 'first', '标题不规范')).toEqual({ ok: true });
    expect(checkReturn(ctx({ person: second }), 'second', '不行').ok).toBe(false);
  });
});

describe('decisions bind to the exact content', () => {
  it('closes the gate again when the content changes after full approval', async () => {
    const approved = { platform: 'wechat' as const, fields: { title: '通知', body: '正文第一版' } };
    const edited = { platform: 'wechat' as const, fields: { title: '通知', body: '正文第二版' } };
    const oldHash = await draftHash(approved);
    const newHash = await draftHash(edited);
    const approvals = [approval('first', first, oldHash), approval('second', second, oldHash), approval('final', final, oldHash)];

    expect(gateStatus(ctx({ draftHash: oldHash, state: { approvals } }))).toEqual({ open: true, missing: [] });
    const after = gateStatus(ctx({ draftHash: newHash, state: { approvals } }));
    expect(after.open).toBe(false);
    expect(after.missing[0]).toBe(EDITED_AFTER_APPROVAL);
    expect(after.missing).toContain('待初审');
  });

  it('hashes the same content the same way whatever the key order or line endings', async () => {
    const a = await draftHash({ platform: 'weibo', fields: { title: 'T', body: '一\r\n二\n' } });
    const b = await draftHash({ platform: 'weibo', fields: { body: '一\n二', title: 'T', digest: '' } });
    expect(a).toBe(b);
    expect(a).toMatch(/^[0-9a-f]{64}$/);
    expect(await draftHash({ platform: 'weibo', fields: { title: 'T', body: '一\n三' } })).not.toBe(a);
  });
});

describe('block findings and the levels they demand', () => {
  it('needs reviewLevels normally and acceptedBlockLevels once a block finding is accepted', () => {
    const s = settings({ reviewLevels: 1, acceptedBlockLevels: 3 });
    expect(requiredLevels(s, [blockFinding], {})).toEqual(['first']);
    expect(requiredLevels(s, [blockFinding], { [blockFinding.id]: accepted(blockFinding) })).toEqual([
      'first',
      'second',
      'final',
    ]);
    expect(requiredLevels(s, [reviewFinding], { [reviewFinding.id]: accepted(reviewFinding) })).toEqual(['first']);
  });

  it('tells exactly what is missing after a block finding was accepted with one configured level', () => {
    const s = settings({ reviewLevels: 1, acceptedBlockLevels: 3 });
    const status = gateStatus(
      ctx({
        settings: s,
        findings: [blockFinding],
        state: { resolutions: { [blockFinding.id]: accepted(blockFinding) }, approvals: [approval('first', first)] },
      }),
    );
    expect(status).toEqual({
      open: false,
      missing: [
        "待复审（需不同于初审人；已接受'阻断'问题，须经复审）",
        "待终审（需不同于初审、复审人；已接受'阻断'问题，须经终审）",
      ],
    });
  });

  it('counts unresolved block findings; a "fixed" mark on a finding still detected does not resolve it', () => {
    const other: Finding = { ...blockFinding, id: 'f-2', text: '13800138000' };
    const fixedClaim: Resolution = { ...accepted(other), resolution: 'fixed', reason: '' };
    const status = gateStatus(
      ctx({ settings: settings({ reviewRequired: false }), findings: [blockFinding, other], state: { resolutions: { [other.id]: fixedClaim } } }),
    );
    expect(status.open).toBe(false);
    expect(status.missing).toEqual(["2 个'阻断'问题未处理（其中 1 个标记为已修改，但重新检查仍存在）"]);
  });

  it('refuses approval while block findings are unresolved', () => {
    expect(checkApprove(ctx({ person: first, findings: [blockFinding] }), 'first')).toEqual({
      ok: false,
      reason: expect.stringContaining("还有 1 个'阻断'问题未处理"),
    });
  });

  it('accepting needs a reviewer who did not edit the draft and a reason', () => {
    expect(checkResolve(ctx({ person: editor }), 'accepted', '依法公示').ok).toBe(false);
    expect(checkResolve(ctx({ person: first }), 'accepted', '  ')).toEqual({ ok: false, reason: expect.stringContaining('理由') });
    expect(
      checkResolve(ctx({ person: first, state: { editors: [{ name: first.name, unit: '' }] } }), 'accepted', '依法公示').ok,
    ).toBe(false);
    expect(checkResolve(ctx({ person: first }), 'accepted', '依法公示')).toEqual({ ok: true });
    expect(checkResolve(ctx({ person: editor }), 'fixed', '')).toEqual({ ok: true });
  });

  it('without required review only unresolved block findings close the gate', () => {
    const s = settings({ reviewRequired: false });
    expect(gateStatus(ctx({ settings: s, findings: [reviewFinding] }))).toEqual({ open: true, missing: [] });
    expect(gateStatus(ctx({ settings: s, findings: [blockFinding] })).open).toBe(false);
    expect(
      gateStatus(ctx({ settings: s, findings: [blockFinding], state: { resolutions: { [blockFinding.id]: accepted(blockFinding) } } })),
    ).toEqual({ open: true, missing: [] });
  });

  it('lists the levels still needed in order, with the different-person rule', () => {
    const status = gateStatus(ctx({ settings: settings({ reviewLevels: 2 }), state: { approvals: [approval('first', first)] } }));
    expect(status).toEqual({ open: false, missing: ['待复审（需不同于初审人）'] });
  });
});

describe('emergency override', () => {
  const override = { by: { name: editor.name, unit: editor.unit }, at: '2026-11-24T02:00:00.000Z', draftHash: HASH, reason: '防汛紧急通知' };

  it('is refused unless policy allows it, and always needs a reason and an identity', () => {
    expect(checkOverride(ctx({ person: editor }), '防汛紧急通知')).toEqual({ ok: false, reason: '管理策略未允许紧急放行' });
    const allowed = settings({ allowOverride: true });
    expect(checkOverride(ctx({ settings: allowed, person: editor }), '')).toEqual({
      ok: false,
      reason: expect.stringContaining('必须写明理由'),
    });
    expect(checkOverride(ctx({ settings: allowed }), '防汛紧急通知').ok).toBe(false);
    expect(checkOverride(ctx({ settings: allowed, person: editor }), '防汛紧急通知')).toEqual({ ok: true });
  });

  it('opens the gate only for the content it was given for, and only while policy allows', () => {
    const allowed = settings({ allowOverride: true });
    const given = gateStatus(ctx({ settings: allowed, findings: [blockFinding], state: { override } }));
    expect(given.open).toBe(true);
    expect(given.override).toEqual(override);
    expect(given.missing).toContain("1 个'阻断'问题未处理");
    expect(gateStatus(ctx({ settings: allowed, draftHash: 'b'.repeat(64), state: { override } })).open).toBe(false);
    expect(gateStatus(ctx({ settings: settings(), state: { override } })).open).toBe(false);
  });
});

describe('identity and roster', () => {
  it('takes roles from the policy roster, not from what the user typed', () => {
    const s = settings({ identity: { name: '李初审', unit: '', roles: ['first', 'second', 'final'] }, roster: [first] });
    expect(effectivePerson(s).person).toEqual(first);
  });

  it('refuses an identity that is not on the roster', () => {
    const s = settings({ identity: { name: '外人', unit: '', roles: ['final'] }, roster: [first] });
    expect(effectivePerson(s)).toEqual({ problem: expect.stringContaining('不在管理员下发的审核人名单中') });
  });
});
