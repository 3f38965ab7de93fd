/**
 * The tab's side of the review service: reports each screened draft (key, hash, summary; never the whole
 * text), keeps the last answer, and turns "the service did not answer" into `unavailable`, which holds
 * publishing (lib/review/gate.ts fails closed) and is retried with backoff until the service answers.
 */
import type { Finding, Platform } from '@/lib/core/types';
import type { DraftReport, ReviewStatus } from '@/lib/ext/messages/review';
import { send as defaultSend, type Send } from '@/lib/ext/send';
import type { ReviewView } from '@/lib/editor-kit/hold-reasons';
import type { ScreenReport } from '@/lib/editor-kit/session';
import { draftSummary } from '@/lib/review/draft-hash';
import type { Resolution } from '@/lib/review/types';
import { mergeResolutions } from './review-sync';

const RETRY_MS = [2_000, 5_000, 10_000, 30_000];

export function draftReport(draftKey: string, platform: Platform, r: ScreenReport): DraftReport {
  return {
    draftKey,
    draftHash: r.draftHash,
    platform,
    title: r.draft.fields.title ?? '',
    summary: draftSummary(r.draft),
    findings: r.findings.map((f) => ({ id: f.id, check: f.check, category: f.category, severity: f.severity, field: f.field, text: f.text })),
  };
}

export class ReviewLink {
  status: ReviewStatus | undefined;
  private unavailable: string | undefined;
  private local: Record<string, Resolution> = {};
  private last: DraftReport | undefined;
  private asking: Promise<void> | undefined;
  private retries = 0;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly onChange: () => void,
    private readonly send: Send = defaultSend,
  ) {}

  view(): ReviewView {
    const s = this.status;
    return {
      ...(s ? { answer: { draftHash: s.draftHash, facts: s.facts, settings: s.gateSettings } } : {}),
      ...(this.unavailable !== undefined ? { unavailable: this.unavailable } : {}),
      resolutions: mergeResolutions(s?.resolutions, this.local),
    };
  }

  /** The status, if it answers exactly this draft. */
  statusFor(draftKey: string, draftHash: string | undefined): ReviewStatus | undefined {
    const s = this.status;
    return s && s.draftKey === draftKey && s.draftHash === draftHash ? s : undefined;
  }

  /** Reports a screened draft and waits for the answer (or for the failure). */
  report(report: DraftReport): Promise<void> {
    this.last = report;
    const asking = (async () => {
      const reply = await this.send({ type: 'review:status', ...report });
      if (this.last !== report) return; // a newer report is on its way
      if (reply.ok) {
        this.unavailable = undefined;
        this.retries = 0;
        this.adopt(reply.value);
      } else {
        // Any failure to answer the gate's question holds (fail closed); retried until it answers.
        this.unavailable = reply.error;
        this.scheduleRetry();
        this.onChange();
      }
    })();
    this.asking = asking;
    return asking;
  }

  /** The answer for the last report, asking again if it is missing. */
  ensure(report: DraftReport): Promise<void> {
    if (this.statusFor(report.draftKey, report.draftHash) && this.unavailable === undefined) return Promise.resolve();
    if (this.last?.draftHash === report.draftHash && this.last.draftKey === report.draftKey && this.asking && this.unavailable === undefined) return this.asking;
    return this.report(report);
  }

  /** Takes a status from a decision or refresh (the panel), if it answers the last report. */
  adopt(status: ReviewStatus): boolean {
    if (!this.last || status.draftKey !== this.last.draftKey || status.draftHash !== this.last.draftHash) return false;
    this.status = status;
    this.onChange();
    return true;
  }

  retryNow(): void {
    clearTimeout(this.retryTimer);
    this.retries = 0;
    if (this.last) void this.report(this.last);
  }

  private scheduleRetry(): void {
    clearTimeout(this.retryTimer);
    const delay = RETRY_MS[Math.min(this.retries++, RETRY_MS.length - 1)];
    this.retryTimer = setTimeout(() => this.last && void this.report(this.last), delay);
  }

  stop(): void {
    clearTimeout(this.retryTimer);
  }

  /**
   * 接受（理由）: a local mark at once, then the service decides. A refusal comes back in its own words and
   * the mark is dropped; without a reachable service the mark is all there is (publishing stays held anyway
   * when review is required).
   */
  async accept(f: Finding, reason: string): Promise<string | undefined> {
    this.local[f.id] = { resolution: 'accepted', reason };
    this.onChange();
    const report = this.last;
    if (!report || this.unavailable !== undefined) return undefined;
    await this.ensure(report);
    const status = this.statusFor(report.draftKey, report.draftHash);
    const reply = status
      ? await this.send({ type: 'review:resolve', draftKey: report.draftKey, draftHash: report.draftHash, finding: f, resolution: 'accepted', reason })
      : { ok: false as const, error: '审核状态尚未确认，请稍候再试' };
    if (this.local[f.id]?.reason !== reason) return undefined; // superseded by another accept of this row
    delete this.local[f.id];
    if (!reply.ok) {
      this.onChange();
      return reply.error;
    }
    if (!this.adopt(reply.value)) this.onChange();
    return undefined;
  }

  /** This person edited the draft; resolves false when the service did not record it (try again later). */
  async edited(draftKey: string): Promise<boolean> {
    const reply = await this.send({ type: 'review:edited', draftKey });
    return reply.ok;
  }

  async rekey(from: string, to: string): Promise<void> {
    await this.send({ type: 'review:rekey', from, to });
  }

  submit(report: DraftReport, allowed: boolean): void {
    void this.send({ type: 'review:submit', ...report, allowed });
  }
}
