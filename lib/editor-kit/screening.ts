/**
 * How the editor session screens drafts of any size (policy only, no DOM: unit-tested in
 * tests/unit/console-screening.test.ts).
 *
 * Measured (Node 20, 2 shared cores, bundled lists): screen() takes ~25 ms on a 20k-character article,
 * ~0.14 s on 500k characters and ~0.6 s on a 5 MB body (2.5M UTF-16 units) of ordinary prose; on a 5 MB body
 * where every paragraph carries a reporter byline it takes ~9-10 s, because the repost check compares each
 * byline with every earlier one. In the browser the DOM reading adds to that. So a long draft:
 *  - is screened after a longer quiet time (the debounce grows with size), not on every pause in typing;
 *  - shows 正在审查（稿件较长，约 N 万字）… while its screen is pending or running (the status line is painted
 *    before the screen starts);
 *  - keeps publishing held until the screen of exactly the current content has finished;
 *  - paints at most MAX_PAINTED highlights, and the sidebar says so;
 * and any exception in screening holds publishing with 审查出错 (never a silent pass).
 */
import type { Draft, Finding } from '../core/types';

/** Above this many characters (all fields together) a draft is screened asynchronously, as a long draft. */
export const LONG_DRAFT_CHARS = 100_000;
/** Quiet time after the last edit before a full screen of a short draft. */
export const SCREEN_DEBOUNCE_MS = 150;
/** The longest quiet time a very long draft waits for. */
export const MAX_SCREEN_DEBOUNCE_MS = 3_000;
/** Highlights painted at most (the sidebar still lists every finding). */
export const MAX_PAINTED = 2_000;

export function draftChars(draft: Draft): number {
  let n = 0;
  for (const value of Object.values(draft.fields)) if (typeof value === 'string') n += value.length;
  return n;
}

export const isLongDraft = (chars: number): boolean => chars > LONG_DRAFT_CHARS;

/** Debounce before re-screening: 150 ms up to LONG_DRAFT_CHARS, then +1 ms per 1,000 characters, capped. */
export function screenDebounceMs(chars: number): number {
  if (!isLongDraft(chars)) return SCREEN_DEBOUNCE_MS;
  return Math.min(MAX_SCREEN_DEBOUNCE_MS, SCREEN_DEBOUNCE_MS + Math.round((chars - LONG_DRAFT_CHARS) / 1_000));
}

/** 约 N 万字, rounded, at least 1. */
export function wanChars(chars: number): number {
  return Math.max(1, Math.round(chars / 10_000));
}

export function longScreenStatus(chars: number): string {
  return `正在审查（稿件较长，约 ${wanChars(chars)} 万字）…`;
}

export function longScreenHoldReason(chars: number): string {
  return `稿件较长（约 ${wanChars(chars)} 万字），先审正在审查当前内容，审查完成前不能发布。`;
}

export type ScreenOutcome = { ok: true; findings: Finding[]; ms: number } | { ok: false; error: string; ms: number };

/** Runs the screen and turns any exception into an outcome the caller must hold on. */
export function runScreen(
  screenFn: (draft: Draft) => Finding[],
  draft: Draft,
  now: () => number = () => performance.now(),
): ScreenOutcome {
  const started = now();
  try {
    const findings = screenFn(draft);
    if (!Array.isArray(findings)) throw new TypeError('screen() did not return a list of findings');
    return { ok: true, findings, ms: now() - started };
  } catch (err) {
    console.error('[先审] 审查出错', err);
    const detail = err instanceof Error ? err.message : String(err);
    return { ok: false, error: detail.slice(0, 200), ms: now() - started };
  }
}

export const SCREEN_ERROR_STATUS = '审查出错，发布已暂停';

export function screenErrorReasons(error: string): string[] {
  return [
    `审查出错：${error || '未知错误'}。`,
    '本稿未完成审查，不能视为通过：发布已暂停，请刷新页面重试，或人工审核后再发布。',
  ];
}

const SEVERITY_ORDER = { block: 0, review: 1, info: 2 } as const;

/**
 * The findings to paint: all of them up to `max`; beyond that block first, then review, then info, each in
 * text order (so the ones that hold publishing are always visible).
 */
export function paintSelection<T extends Pick<Finding, 'severity'>>(items: readonly T[], max = MAX_PAINTED): { painted: T[]; total: number } {
  if (items.length <= max) return { painted: [...items], total: items.length };
  const ordered = items
    .map((item, i) => ({ item, i }))
    .sort((a, b) => SEVERITY_ORDER[a.item.severity] - SEVERITY_ORDER[b.item.severity] || a.i - b.i);
  return { painted: ordered.slice(0, max).map((x) => x.item), total: items.length };
}

export function paintCapNote(total: number, max = MAX_PAINTED): string {
  return `问题较多，编辑器中仅高亮前 ${max} 处（共 ${total} 处），其余请在列表中查看`;
}
