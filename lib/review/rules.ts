/**
 * Who may do what in the 三级审核 workflow (003_54205cdec66d062b.txt 第八条: 先审后发, 分级审核,
 * 严禁信息"自编自审自发"). Pure: every function takes the settings, the person and the draft's review state.
 *
 * People are compared by name (trimmed, case-insensitive), not name + unit: a person who fills in their unit
 * after editing must still count as the editor, and refusing two namesakes is the safer mistake.
 */
import type { Finding } from '../core/types';
import { ROLE_LABELS, type Person, type Settings } from '../settings/schema';
import { LEVELS, LEVEL_LABELS, type Actor, type Approval, type DraftReviewState, type Level, type Resolution, type ResolutionKind } from './types';

/** What the rules read of a finding and of the resolutions (whole findings and stored resolutions fit). */
type RuleFinding = Pick<Finding, 'id' | 'severity'>;
type Resolutions = Readonly<Record<string, Pick<Resolution, 'resolution' | 'reason'>>>;

export type ReviewSettings = Pick<
  Settings,
  'reviewRequired' | 'reviewLevels' | 'acceptedBlockLevels' | 'allowOverride' | 'identity' | 'roster'
>;

export interface ReviewContext {
  settings: ReviewSettings;
  /** The effective person of this browser profile (see effectivePerson), undefined when not set up. */
  person?: Person;
  draftHash: string;
  findings: readonly (RuleFinding & Pick<Finding, 'text'>)[];
  state: Pick<DraftReviewState, 'resolutions' | 'approvals' | 'editors' | 'override' | 'lastReturn'>;
}

export type Verdict = { ok: true } | { ok: false; reason: string };
const OK: Verdict = { ok: true };
const refuse = (reason: string): Verdict => ({ ok: false, reason });

export const NO_IDENTITY = '尚未设置本人身份：请在扩展设置页填写姓名、单位和角色';

function nameKey(name: string): string {
  return name.trim().toLowerCase();
}

export function samePerson(a: Pick<Actor, 'name'>, b: Pick<Actor, 'name'>): boolean {
  return nameKey(a.name) === nameKey(b.name);
}

export function actorOf(person: Person): Actor {
  return { name: person.name.trim(), unit: person.unit.trim() };
}

/**
 * The person this profile acts as. When policy pushes a roster, the identity must be one of its people and
 * the roles come from the roster (a user cannot grant themselves 终审).
 */
export function effectivePerson(settings: Pick<Settings, 'identity' | 'roster'>): { person?: Person; problem?: string } {
  const identity = settings.identity;
  if (!identity || !identity.name.trim()) return { problem: NO_IDENTITY };
  if (settings.roster.length === 0) return { person: identity };
  const entry = settings.roster.find((p) => samePerson(p, identity));
  if (!entry) return { problem: `“${identity.name}”不在管理员下发的审核人名单中，请在设置页从名单中选择本人` };
  return { person: entry };
}

export function isBlockResolved(finding: RuleFinding, resolutions: Resolutions): boolean {
  const r = resolutions[finding.id];
  // "Fixed" only counts by disappearing: a finding still detected in the text has not been fixed.
  return r?.resolution === 'accepted' && !!r.reason?.trim();
}

export function unresolvedBlocks<F extends RuleFinding>(findings: readonly F[], resolutions: Resolutions): F[] {
  return findings.filter((f) => f.severity === 'block' && !isBlockResolved(f, resolutions));
}

export function hasAcceptedBlock(findings: readonly RuleFinding[], resolutions: Resolutions): boolean {
  return findings.some((f) => f.severity === 'block' && isBlockResolved(f, resolutions));
}

/** Levels this draft needs now: settings.reviewLevels, raised to acceptedBlockLevels once a block is accepted. */
export function requiredLevels(
  settings: Pick<ReviewSettings, 'reviewRequired' | 'reviewLevels' | 'acceptedBlockLevels'>,
  findings: readonly RuleFinding[],
  resolutions: Resolutions,
): Level[] {
  if (!settings.reviewRequired) return [];
  let count: number = settings.reviewLevels;
  if (hasAcceptedBlock(findings, resolutions)) count = Math.max(count, settings.acceptedBlockLevels);
  return LEVELS.slice(0, count);
}

/** Approvals that bind to exactly this content, one per level (the earliest wins). */
export function validApprovals(approvals: Approval[], draftHash: string): Partial<Record<Level, Approval>> {
  const byLevel: Partial<Record<Level, Approval>> = {};
  for (const a of approvals) if (a.draftHash === draftHash && !byLevel[a.level]) byLevel[a.level] = a;
  return byLevel;
}

export function nextLevel(ctx: ReviewContext): Level | undefined {
  const valid = validApprovals(ctx.state.approvals, ctx.draftHash);
  return requiredLevels(ctx.settings, ctx.findings, ctx.state.resolutions).find((level) => !valid[level]);
}

function isEditor(ctx: ReviewContext, person: Person): boolean {
  return ctx.state.editors.some((e) => samePerson(e, person));
}

/** Checks shared by approve and return: identity, role, level order, no self-review, one level per person. */
function checkSign(ctx: ReviewContext, level: Level): Verdict {
  const person = ctx.person;
  if (!person) return refuse(NO_IDENTITY);
  const label = LEVEL_LABELS[level];
  const required = requiredLevels(ctx.settings, ctx.findings, ctx.state.resolutions);
  if (required.length === 0) return refuse('当前设置不要求审核，无需签批');
  if (!required.includes(level)) return refuse(`本稿只需 ${required.length} 级审核，无需${label}`);
  if (!person.roles.includes(level)) return refuse(`你没有“${ROLE_LABELS[level]}”角色，不能${label}`);
  const valid = validApprovals(ctx.state.approvals, ctx.draftHash);
  const done = valid[level];
  if (done) return refuse(`${label}已由 ${done.by.name} 通过`);
  for (const earlier of required.slice(0, required.indexOf(level)))
    if (!valid[earlier]) return refuse(`须先完成${LEVEL_LABELS[earlier]}，才能${label}`);
  if (isEditor(ctx, person)) return refuse('你编辑过本稿，不能审核自己编辑的稿件（严禁“自编自审自发”）');
  const mine = Object.values(valid).find((a) => a && samePerson(a.by, person));
  if (mine) return refuse(`你已作为${LEVEL_LABELS[mine.level]}审核本稿，同一人不能在两级签批`);
  return OK;
}

export function checkApprove(ctx: ReviewContext, level: Level): Verdict {
  const sign = checkSign(ctx, level);
  if (!sign.ok) return sign;
  const open = unresolvedBlocks(ctx.findings, ctx.state.resolutions).length;
  if (open > 0) return refuse(`还有 ${open} 个'阻断'问题未处理：修改，或说明理由后接受，才能通过`);
  return OK;
}

export function checkReturn(ctx: ReviewContext, level: Level, note: string): Verdict {
  const sign = checkSign(ctx, level);
  if (!sign.ok) return sign;
  if (!note.trim()) return refuse('退回时请写明退回意见');
  return OK;
}

export const REVIEWER_ROLES = ['first', 'second', 'final'] as const;

export function checkResolve(ctx: ReviewContext, resolution: ResolutionKind, reason: string): Verdict {
  if (resolution === 'fixed') return OK;
  const person = ctx.person;
  if (!person) return refuse(NO_IDENTITY);
  if (!person.roles.some((r) => r !== 'editor')) return refuse('只有审核人（初审、复审或终审）才能接受问题');
  if (isEditor(ctx, person)) return refuse('你编辑过本稿，不能自行接受问题，请由其他审核人处理');
  if (!reason.trim()) return refuse('接受问题必须写明理由（如：依法公示、已获授权转载）');
  return OK;
}

export function checkOverride(ctx: ReviewContext, reason: string): Verdict {
  if (!ctx.settings.allowOverride) return refuse('管理策略未允许紧急放行');
  if (!ctx.person) return refuse(NO_IDENTITY);
  if (reason.trim().length < 4) return refuse('紧急放行必须写明理由（至少 4 个字）');
  return OK;
}

/** The level this person may sign now (approve or return), and why approving is refused if it is. */
export function signingFor(ctx: ReviewContext): { level?: Level; refusal?: string } {
  const level = nextLevel(ctx);
  if (!level) return {};
  const sign = checkSign(ctx, level);
  if (!sign.ok) return { refusal: sign.reason };
  const approve = checkApprove(ctx, level);
  return approve.ok ? { level } : { level, refusal: approve.reason };
}
