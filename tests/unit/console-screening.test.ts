/**
 * Screening policy of the content script for drafts of any size (lib/editor-kit/screening.ts):
 * a failed screen is an outcome to hold on, never an empty pass; long drafts wait longer and say so; the
 * highlight cap keeps the block findings.
 */
import { describe, expect, it, vi } from 'vitest';
import {
  isLongDraft,
  LONG_DRAFT_CHARS,
  longScreenHoldReason,
  longScreenStatus,
  MAX_PAINTED,
  MAX_SCREEN_DEBOUNCE_MS,
  paintCapNote,
  paintSelection,
  runScreen,
  SCREEN_DEBOUNCE_MS,
  screenDebounceMs,
  screenErrorReasons,
} from '../../lib/editor-kit/screening';
import type { Draft, Finding } from '../../lib/core/types';

const draft: Draft = { platform: 'wechat', fields: { body: '正文' } };

describe('runScreen', () => {
  it('turns an exception into a failed outcome (the caller holds; never findings = [] as a pass)', () => {
    const spy = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const outcome = runScreen(() => {
      throw new RangeError('Invalid array length');
    }, draft);
    expect(outcome).toMatchObject({ ok: false, error: 'Invalid array length' });
    expect(spy).toHaveBeenCalled();
    spy.mockRestore();
    expect(screenErrorReasons('Invalid array length').join('')).toContain('审查出错');
    expect(screenErrorReasons('x').join('')).toContain('不能视为通过');
  });

  it('rejects a non-list result', () => {
    const spy = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    expect(runScreen(() => undefined as unknown as Finding[], draft).ok).toBe(false);
    spy.mockRestore();
  });

  it('passes findings through with the time taken', () => {
    let t = 0;
    const outcome = runScreen(() => [], draft, () => (t += 5));
    expect(outcome).toEqual({ ok: true, findings: [], ms: 5 });
  });
});

describe('long drafts', () => {
  it('keeps the short-draft debounce, then grows with size up to a cap', () => {
    expect(screenDebounceMs(20_000)).toBe(SCREEN_DEBOUNCE_MS);
    expect(screenDebounceMs(LONG_DRAFT_CHARS)).toBe(SCREEN_DEBOUNCE_MS);
    const mid = screenDebounceMs(600_000);
    expect(mid).toBeGreaterThan(SCREEN_DEBOUNCE_MS);
    expect(screenDebounceMs(2_500_000)).toBeGreaterThan(mid);
    expect(screenDebounceMs(2_500_000)).toBeLessThanOrEqual(MAX_SCREEN_DEBOUNCE_MS);
    expect(isLongDraft(2_500_000)).toBe(true);
    expect(isLongDraft(20_000)).toBe(false);
  });

  it('says how long the draft is in 万字', () => {
    expect(longScreenStatus(2_500_000)).toBe('正在审查（稿件较长，约 250 万字）…');
    expect(longScreenStatus(120_000)).toBe('正在审查（稿件较长，约 12 万字）…');
    expect(longScreenHoldReason(2_500_000)).toContain('审查完成前不能发布');
  });
});

describe('highlight cap', () => {
  const item = (severity: Finding['severity'], n: number) => ({ severity, n });

  it('paints everything under the cap', () => {
    const items = [item('info', 1), item('block', 2)];
    expect(paintSelection(items)).toEqual({ painted: items, total: 2 });
  });

  it('paints at most MAX_PAINTED, block findings first, in text order', () => {
    const items = [
      ...Array.from({ length: MAX_PAINTED }, (_, i) => item('info', i)),
      ...Array.from({ length: 10 }, (_, i) => item('review', 10_000 + i)),
      item('block', 99_999),
    ];
    const { painted, total } = paintSelection(items);
    expect(total).toBe(MAX_PAINTED + 11);
    expect(painted).toHaveLength(MAX_PAINTED);
    expect(painted[0]).toEqual(item('block', 99_999));
    expect(painted.slice(1, 11).every((p) => p.severity === 'review')).toBe(true);
    expect(painted[11]).toEqual(item('info', 0));
    expect(paintCapNote(total)).toContain(`前 ${MAX_PAINTED} 处`);
  });
});
