/**
 * The review service behind the background's message listener: keeps per-draft review state, enforces the
 * rules, and appends every resolution, decision, override, submit-time screening and post-approval edit to
 * the hash-chained log. Its dependencies are injected (database, settings reader, fetch, clock), so unit
 * tests run the same code over fake-indexeddb.
 */
import type { Platform } from '../core/types';
import type { Person, Role, Settings } from '../settings/schema';
import type { Message, Reply, Response } from '../ext/messages';
import type { DraftReport, ReviewStatus } from '../ext/messages/review';
import { dispatch, Refusal, type Handlers } from '../ext/handlers';
import type { ReviewDb } from './db';
import { DraftStore } from './draft-store';
import { Forwarder, type ForwarderDeps } from './forwarder';
import { gateStatus } from './gate';
import { maskForLog } from './mask';
import { ReviewLogStore } from './log-store';
import {
  actorOf,
  checkApprove,
  checkOverride,
  checkResolve,
  checkReturn,
  effectivePerson,
  requiredLevels,
  samePerson,
  signingFor,
  validApprovals,
  type ReviewContext,
} from './rules';
import {
  emptyDraftState,
  LEVELS,
  LEVEL_LABELS,
  type DraftReviewState,
  type FindingSummary,
  type LogEntry,
  type LoggedFinding,
  type LoggedFindingBase,
} from './types';

export type ReviewType = Extract<Message['type'], `review:${string}`>;

export interface ReviewServiceDeps {
  db: ReviewDb;
  getSettings: () => Promise<Settings>;
  fetch?: ForwarderDeps['fetch'];
  now?: () => Date;
}

export const STALE_DRAFT = '稿件内容已变化，请核对最新内容后再操作';
const UNKNOWN_PERSON = '未设置身份';

function highestRole(person: Person | undefined): Role {
  if (!person) return 'editor';
  return [...LEVELS].reverse().find((l) => person.roles.includes(l)) ?? 'editor';
}

export class ReviewService {
  readonly log: ReviewLogStore;
  readonly drafts: DraftStore;
  readonly forwarder: Forwarder;
  private readonly now: () => Date;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly deps: ReviewServiceDeps) {
    this.log = new ReviewLogStore(deps.db);
    this.drafts = new DraftStore(deps.db);
    this.now = deps.now ?? (() => new Date());
    this.forwarder = new Forwarder({
      db: deps.db,
      fetch: deps.fetch ?? ((url, init) => globalThis.fetch(url, init)),
      collectorUrl: async () => (await deps.getSettings()).collectorUrl,
      now: () => this.now().getTime(),
    });
  }

  /** The service's handler map (the background's router takes it); state changes run one at a time. */
  readonly handlers: Handlers<ReviewType> = {
    'review:status': (m) => this.serial(() => this.status(m)),
    'review:resolve': (m) => this.serial(() => this.resolve(m)),
    'review:decide': (m) => this.serial(() => this.decide(m)),
    'review:override': (m) => this.serial(() => this.override(m)),
    'review:edited': (m) => this.serial(() => this.edited(m)),
    'review:rekey': (m) => this.serial(() => this.rekey(m.from, m.to)),
    'review:refresh': (m) =>
      this.serial(async () => {
        const state = await this.drafts.get(m.draftKey);
        if (!state?.lastHash) throw new Refusal('尚未检查过该稿件，请稍候再试');
        return this.buildStatus(state);
      }),
    'review:submit': (m) => this.serial(() => this.submit(m)),
    'review:log-query': (m) => this.serial(() => this.log.query(m.filter)),
    'review:log-record': (m) =>
      this.serial(async () => {
        const record = await this.log.get(m.seq);
        const related = record ? (await this.log.all()).filter((r) => r.draftKey === record.draftKey) : [];
        return { record, related };
      }),
    'review:verify': () => this.serial(() => this.log.verify()),
    'review:forward': (m) =>
      this.serial(async () => {
        const settings = await this.deps.getSettings();
        const result = m.drain ? await this.forwarder.drain() : undefined;
        return {
          pending: await this.forwarder.pending(),
          collectorUrl: settings.collectorUrl,
          stoppedBy: result?.stoppedBy,
          sent: result?.sent,
        };
      }),
  };

  /** Answers one message as a Reply (what the router would send back); for tests and direct calls. */
  handle<T extends ReviewType>(message: Message<T>): Promise<Reply<Response<T>>> {
    return dispatch(this.handlers, message) as Promise<Reply<Response<T>>>;
  }

  /** Two tabs cannot interleave a read-modify-write of the same draft. */
  private serial<T>(job: () => Promise<T>): Promise<T> {
    const run = this.queue.then(job);
    this.queue = run.catch(() => undefined);
    return run;
  }

  // ---------------------------------------------------------------------------------------------------------

  private async context(state: DraftReviewState, hash: string) {
    const settings = await this.deps.getSettings();
    const { person, problem } = effectivePerson(settings);
    const ctx: ReviewContext = { settings, person, draftHash: hash, findings: state.lastFindings, state };
    return { settings, person, problem, ctx };
  }

  private async buildStatus(state: DraftReviewState): Promise<ReviewStatus> {
    const hash = state.lastHash ?? '';
    const { settings, person, problem, ctx } = await this.context(state, hash);
    const gate = gateStatus(ctx);
    const signing = signingFor(ctx);
    const valid = validApprovals(state.approvals, hash);
    return {
      draftKey: state.draftKey,
      draftHash: hash,
      facts: {
        approvals: state.approvals,
        ...(state.lastReturn ? { lastReturn: state.lastReturn } : {}),
        ...(state.override ? { override: state.override } : {}),
      },
      gateSettings: {
        reviewRequired: settings.reviewRequired,
        reviewLevels: settings.reviewLevels,
        acceptedBlockLevels: settings.acceptedBlockLevels,
        allowOverride: settings.allowOverride,
      },
      open: gate.open,
      missing: gate.missing,
      ...(gate.override ? { override: gate.override } : {}),
      reviewRequired: settings.reviewRequired,
      required: requiredLevels(settings, state.lastFindings, state.resolutions),
      approvals: LEVELS.flatMap((l) => (valid[l] ? [valid[l]!] : [])),
      resolutions: state.resolutions,
      ...(state.lastReturn?.draftHash === hash ? { lastReturn: state.lastReturn } : {}),
      ...(signing.level ? { canApproveAs: signing.level } : {}),
      ...(signing.refusal ? { approveRefusal: signing.refusal } : {}),
      ...(person ? { identity: person } : {}),
      ...(problem ? { identityProblem: problem } : {}),
      allowOverride: settings.allowOverride,
      isEditor: !!person && state.editors.some((e) => samePerson(e, person)),
    };
  }

  private async append(entry: Omit<LogEntry, 'at'>): Promise<number> {
    const settings = await this.deps.getSettings();
    const forward = !!settings.collectorUrl;
    const record = await this.log.append({ ...entry, at: this.now().toISOString() } as LogEntry, { forward });
    // Best effort now; the alarm and startup drains retry whatever this one could not send.
    if (forward) void this.forwarder.drain().catch(() => undefined);
    return record.seq;
  }

  private loggedFindings(state: DraftReviewState): LoggedFinding[] {
    const present = new Set(state.lastFindings.map((f) => f.id));
    const out: LoggedFinding[] = state.lastFindings.map((f) => {
      const r = state.resolutions[f.id];
      return { ...logFinding(f), resolution: r?.resolution ?? 'open', ...(r?.reason ? { reason: r.reason } : {}) };
    });
    // Findings that were fixed and so no longer appear still belong in the trail.
    for (const [id, r] of Object.entries(state.resolutions))
      if (r.resolution === 'fixed' && r.finding && !present.has(id))
        out.push({ ...r.finding, resolution: 'fixed', ...(r.reason ? { reason: r.reason } : {}) });
    return out;
  }

  private baseEntry(state: DraftReviewState) {
    return {
      platform: state.platform,
      ...(state.account ? { account: state.account } : {}),
      draftKey: state.draftKey,
      draftHash: state.lastHash ?? '',
      title: state.title,
      summary: state.summary,
      findings: this.loggedFindings(state),
    };
  }

  private async load(draftKey: string, platform: Platform = 'generic'): Promise<DraftReviewState> {
    return (await this.drafts.get(draftKey)) ?? emptyDraftState(draftKey, platform, this.now().toISOString());
  }

  /** Stores the latest report; logs an 'edit' when the change voids approvals the old content had. */
  private async observe(report: DraftReport): Promise<DraftReviewState> {
    const state = await this.load(report.draftKey, report.platform);
    const hash = report.draftHash;
    const previous = state.lastHash;
    Object.assign(state, {
      platform: report.platform,
      title: report.title,
      summary: report.summary,
      lastHash: hash,
      lastFindings: report.findings.map(summaryOf),
      updatedAt: this.now().toISOString(),
    });
    if (report.account) state.account = report.account;
    if (previous && previous !== hash) {
      const voided = LEVELS.filter((l) => validApprovals(state.approvals, previous)[l]);
      if (voided.length > 0) {
        const { person } = effectivePerson(await this.deps.getSettings());
        await this.append({
          ...this.baseEntry(state),
          kind: 'edit',
          reviewer: { name: person?.name ?? UNKNOWN_PERSON, unit: person?.unit, role: 'editor' },
          decision: 'return',
          note: `审核通过后稿件被修改，${voided.map((l) => LEVEL_LABELS[l]).join('、')}意见失效（原内容哈希 ${previous.slice(0, 12)}…）`,
        });
      }
    }
    await this.drafts.put(state);
    return state;
  }

  private async status(m: DraftReport): Promise<ReviewStatus> {
    return this.buildStatus(await this.observe(m));
  }

  /**
   * A new draft got its saved id: everything kept under the tab's key (editors, resolutions, approvals,
   * return, override) joins what the saved key has, and the tab's key is dropped. Editors are never lost, so
   * the person who wrote a draft still cannot approve it after saving and reopening it.
   */
  private async rekey(from: string, to: string): Promise<{ moved: boolean }> {
    if (from === to) return { moved: false };
    const old = await this.drafts.get(from);
    if (!old) return { moved: false };
    const target = (await this.drafts.get(to)) ?? { ...old, draftKey: to, editors: [], resolutions: {}, approvals: [] };
    for (const editor of old.editors) if (!target.editors.some((e) => samePerson(e, editor))) target.editors.push(editor);
    target.resolutions = { ...target.resolutions, ...old.resolutions };
    const seen = new Set(target.approvals.map((a) => `${a.level}\u0000${a.at}\u0000${a.by.name}`));
    for (const a of old.approvals) if (!seen.has(`${a.level}\u0000${a.at}\u0000${a.by.name}`)) target.approvals.push(a);
    if (old.lastReturn && (!target.lastReturn || old.lastReturn.at > target.lastReturn.at)) target.lastReturn = old.lastReturn;
    if (old.override && (!target.override || old.override.at > target.override.at)) target.override = old.override;
    if (!target.lastHash || old.updatedAt > target.updatedAt) {
      Object.assign(target, { lastHash: old.lastHash, lastFindings: old.lastFindings, title: old.title, summary: old.summary });
    }
    target.updatedAt = this.now().toISOString();
    await this.drafts.put(target);
    await this.drafts.delete(from);
    return { moved: true };
  }

  /** State for an action on `draftHash`: refused when the content changed since the status the UI shows. */
  private async current(draftKey: string, hash: string): Promise<DraftReviewState> {
    const state = await this.drafts.get(draftKey);
    if (!state || !state.lastHash) throw new Refusal('尚未检查过该稿件，请稍候再试');
    if (state.lastHash !== hash) throw new Refusal(STALE_DRAFT);
    return state;
  }

  private async resolve(m: Message<'review:resolve'>): Promise<ReviewStatus> {
    const state = await this.current(m.draftKey, m.draftHash);
    const { person, ctx } = await this.context(state, m.draftHash);
    const verdict = checkResolve(ctx, m.resolution, m.reason);
    if (!verdict.ok) throw new Refusal(verdict.reason);
    if (m.resolution === 'accepted' && !state.lastFindings.some((f) => f.id === m.finding.id))
      throw new Refusal('该问题已不在当前稿件中');
    const f = m.finding;
    const by = person ? actorOf(person) : { name: UNKNOWN_PERSON, unit: '' };
    state.resolutions[f.id] = {
      resolution: m.resolution,
      reason: m.reason.trim(),
      by,
      at: this.now().toISOString(),
      finding: logFinding(f),
    };
    await this.drafts.put(state);
    await this.append({
      ...this.baseEntry(state),
      findings: this.loggedFindings(state).filter((x) => x.id === f.id),
      kind: 'resolution',
      reviewer: { ...by, role: m.resolution === 'accepted' ? highestRole(person) : 'editor' },
      decision: 'approve',
      note: m.resolution === 'accepted' ? `接受：${m.reason.trim()}` : m.reason.trim() || '已修改',
    });
    return this.buildStatus(state);
  }

  private async decide(m: Message<'review:decide'>): Promise<ReviewStatus> {
    const state = await this.current(m.draftKey, m.draftHash);
    const { person, ctx } = await this.context(state, m.draftHash);
    const verdict = m.decision === 'approve' ? checkApprove(ctx, m.level) : checkReturn(ctx, m.level, m.note);
    if (!verdict.ok) throw new Refusal(verdict.reason);
    const by = actorOf(person!);
    const at = this.now().toISOString();
    const note = m.note.trim();
    if (m.decision === 'approve') {
      state.approvals.push({ level: m.level, by, at, draftHash: m.draftHash, note });
    } else {
      // A return sends the draft back to the editor: every sign-off on this content starts over.
      state.lastReturn = { level: m.level, by, at, draftHash: m.draftHash, note };
      state.approvals = state.approvals.filter((a) => a.draftHash !== m.draftHash);
    }
    await this.drafts.put(state);
    await this.append({
      ...this.baseEntry(state),
      kind: 'decision',
      reviewer: { ...by, role: m.level },
      level: m.level,
      decision: m.decision,
      ...(note ? { note } : {}),
    });
    return this.buildStatus(state);
  }

  private async override(m: Message<'review:override'>): Promise<ReviewStatus> {
    const state = await this.current(m.draftKey, m.draftHash);
    const { person, ctx } = await this.context(state, m.draftHash);
    const verdict = checkOverride(ctx, m.reason);
    if (!verdict.ok) throw new Refusal(verdict.reason);
    const by = actorOf(person!);
    state.override = { by, at: this.now().toISOString(), draftHash: m.draftHash, reason: m.reason.trim() };
    await this.drafts.put(state);
    await this.append({
      ...this.baseEntry(state),
      kind: 'override',
      reviewer: { ...by, role: highestRole(person) },
      decision: 'approve',
      note: `紧急放行：${m.reason.trim()}`,
    });
    return this.buildStatus(state);
  }

  private async edited(m: Message<'review:edited'>): Promise<{ recorded: boolean }> {
    const { person } = effectivePerson(await this.deps.getSettings());
    if (!person) return { recorded: false };
    const state = await this.load(m.draftKey);
    if (state.editors.some((e) => samePerson(e, person))) return { recorded: true };
    state.editors.push(actorOf(person));
    state.updatedAt = this.now().toISOString();
    await this.drafts.put(state);
    return { recorded: true };
  }

  private async submit(m: DraftReport & { allowed: boolean }): Promise<{ seq: number; open: boolean; missing: string[] }> {
    const state = await this.observe(m);
    const { person, ctx } = await this.context(state, state.lastHash!);
    const gate = gateStatus(ctx);
    const how = gate.override ? '紧急放行后发布' : gate.open ? '审核完成，放行发布' : '';
    const note = m.allowed
      ? how || `放行发布（注意：提交时仍缺：${gate.missing.join('；')}）`
      : gate.missing.length
        ? `拦截发布：${gate.missing.join('；')}`
        : '拦截发布：页面上的审核状态尚未更新（审核已完成，请再点一次发布）';
    const seq = await this.append({
      ...this.baseEntry(state),
      kind: 'screening',
      reviewer: { name: person?.name ?? UNKNOWN_PERSON, unit: person?.unit, role: 'editor' },
      decision: m.allowed ? 'approve' : 'return',
      note,
    });
    return { seq, open: gate.open, missing: gate.missing };
  }
}

/** Only the summary fields are stored, whatever the sender put in the finding. */
function summaryOf(f: FindingSummary): FindingSummary {
  return { id: f.id, check: f.check, category: f.category, severity: f.severity, field: f.field, text: f.text };
}

/** What the log keeps of a finding: personal data masked, because the log is kept for years and may be forwarded. */
function logFinding(f: FindingSummary): LoggedFindingBase {
  return { id: f.id, category: f.category, severity: f.severity, text: maskForLog(f.category, f.text), check: f.check, field: f.field };
}
