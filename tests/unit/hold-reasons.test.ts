/**
 * holdReasons (lib/editor-kit/hold-reasons.ts) as a table: for each editor state, review view and settings,
 * what the sidebar's status line says and whether publishing is held, and why.
 */
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../lib/core/types';
import { holdReasons, UNKNOWN_SETTINGS, type EditorState, type Hold, type ReviewView, type ScreenState } from '../../lib/editor-kit/hold-reasons';
import type { GateSettings } from '../../lib/review/gate';

const H = 'h'.repeat(64);
const REQUIRED: GateSettings = { reviewRequired: true, reviewLevels: 1, acceptedBlockLevels: 1, allowOverride: false };
const NOT_REQUIRED: GateSettings = { ...REQUIRED, reviewRequired: false };
const finding = (severity: Finding['severity'], id = `f-${severity}`): Finding => ({
  id, check: 'x.y', category: 'pii', severity, field: 'body', start: 0, end: 4, text: '一二三四', message: '说明', clause: 'c',
});
const by = { name: '李初审', unit: '办公室' };
const approved: ReviewView = {
  answer: { draftHash: H, facts: { approvals: [{ level: 'first', by, at: 'x', draftHash: H, note: '' }] }, settings: REQUIRED },
  resolutions: {},
};
const none: ReviewView = { resolutions: {} };
const done = (findings: Finding[] = [], draftHash: string | undefined = H): ScreenState => ({ kind: 'done', findings, draftHash });
const found = (screen: ScreenState): EditorState => ({ editor: 'found', problems: [], screen });

interface Row {
  name: string;
  state: EditorState;
  review?: ReviewView;
  settings?: GateSettings;
  expect: Partial<Hold> & { reason?: RegExp };
}

const rows: Row[] = [
  { name: 'editor not found after the grace period', state: { editor: 'unsupported', problems: ['未找到「正文」'], screen: { kind: 'idle' } }, expect: { held: true, sidebar: 'unsupported', reason: /未识别编辑器/ } },
  { name: 'editor still being located', state: { editor: 'locating', problems: [], screen: { kind: 'idle' } }, expect: { held: true, sidebar: 'screening', waitFor: 'editor' } },
  { name: 'ruleset loading', state: found({ kind: 'idle' }), expect: { held: true, sidebar: 'screening', waitFor: 'screen', reason: /加载规则库/ } },
  { name: 'screen failed', state: found({ kind: 'failed', error: 'boom' }), expect: { held: true, sidebar: 'held', statusText: '审查出错，发布已暂停', reason: /boom/ } },
  { name: 'short draft edited, screen pending: keeps showing its findings', state: found({ kind: 'pending', findings: [finding('review')], chars: 200, screened: true }), expect: { held: true, sidebar: 'problems', waitFor: 'screen', reason: /正在审查当前内容/ } },
  { name: 'first screen pending', state: found({ kind: 'pending', findings: [], chars: 200, screened: false }), expect: { held: true, sidebar: 'screening', waitFor: 'screen' } },
  { name: 'long draft running', state: found({ kind: 'running', findings: [], chars: 160_000 }), expect: { held: true, sidebar: 'screening', statusText: '正在审查（稿件较长，约 16 万字）…', waitFor: 'screen' } },
  { name: 'draft hash not known yet (pictures being read), review required', state: found({ kind: 'done', findings: [] }), settings: REQUIRED, expect: { held: true, sidebar: 'clean', waitFor: 'hash' } },
  { name: 'draft hash not known yet, review not required: open', state: found({ kind: 'done', findings: [] }), settings: NOT_REQUIRED, expect: { held: false, sidebar: 'clean' } },
  { name: 'settings unknown: treated as review required (fail closed)', state: found(done()), settings: undefined, expect: { held: true, waitFor: 'review' } },
  { name: 'review store unreachable: 审核服务不可用 with retry', state: found(done()), review: { resolutions: {}, unavailable: '后台服务没有响应' }, settings: REQUIRED, expect: { held: true, sidebar: 'held', statusText: '审核服务不可用，发布已暂停', retry: true, reason: /^审核服务不可用/ } },
  { name: 'review store unreachable, review not required: open', state: found(done()), review: { resolutions: {}, unavailable: '' }, settings: NOT_REQUIRED, expect: { held: false, sidebar: 'clean' } },
  { name: 'answer for other content: waits for the review', state: found(done()), review: { ...approved, answer: { ...approved.answer!, draftHash: 'x' } }, settings: REQUIRED, expect: { held: true, waitFor: 'review' } },
  { name: 'approved for this content: open', state: found(done([finding('review')])), review: approved, settings: REQUIRED, expect: { held: false, sidebar: 'problems' } },
  { name: 'approved but a block is open: held, names it', state: found(done([finding('block')])), review: approved, settings: REQUIRED, expect: { held: true, sidebar: 'problems', reason: /阻断/ } },
  { name: 'only info findings: clean', state: found(done([finding('info')])), settings: NOT_REQUIRED, expect: { held: false, sidebar: 'clean' } },
  { name: 'the answer carries the settings it was decided with', state: found(done()), review: { ...approved, answer: { ...approved.answer!, facts: { approvals: [] }, settings: NOT_REQUIRED } }, settings: REQUIRED, expect: { held: false } },
];

describe('holdReasons', () => {
  it.each(rows)('$name', (row) => {
    const hold = holdReasons(row.state, row.review ?? none, 'settings' in row ? row.settings : REQUIRED);
    const { reason, ...rest } = row.expect;
    expect(hold).toMatchObject(rest);
    if (reason) expect(hold.reasons.join('\n')).toMatch(reason);
    if (hold.held) expect(hold.reasons.length).toBeGreaterThan(0);
    else expect(hold.reasons).toEqual([]);
  });

  it('fails closed by default', () => {
    expect(UNKNOWN_SETTINGS.reviewRequired).toBe(true);
  });
});
