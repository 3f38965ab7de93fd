/**
 * The review server's wire contract, shared by the server (request validation) and its clients (the extension,
 * the server's own review page). Pure: zod only, runs in Node, service workers and pages.
 */
import { z } from 'zod';
import { CATEGORIES, PLATFORMS, SEVERITIES } from '../core/types';
import { LEVELS } from '../review/types';

export const hex64 = z.string().regex(/^[0-9a-f]{64}$/, '应为 64 位小写十六进制 SHA-256');
export const levelSchema = z.enum(LEVELS);
export const SERVER_ROLES = ['editor', 'first', 'second', 'final', 'admin'] as const;
export type ServerRole = (typeof SERVER_ROLES)[number];
export const SERVER_ROLE_LABELS: Record<ServerRole, string> = {
  editor: '编辑',
  first: '初审',
  second: '复审',
  final: '终审',
  admin: '管理员',
};

/** Largest field the server takes (a long article is ~100k characters; 1M leaves room, the body limit caps all). */
export const MAX_FIELD_CHARS = 1_000_000;

export const findingSchema = z.object({
  id: z.string().min(1).max(200),
  check: z.string().min(1).max(100),
  category: z.enum(CATEGORIES),
  severity: z.enum(SEVERITIES),
  field: z.string().min(1).max(60),
  start: z.number().int().min(0),
  end: z.number().int().min(0),
  text: z.string().max(5000),
  message: z.string().max(2000),
  suggestion: z.string().max(2000).optional(),
  clause: z.string().max(300),
  source: z.string().max(200).optional(),
});
export type WireFinding = z.infer<typeof findingSchema>;

/** A picture as the editor-kit collects it (lib/core/types.ts Picture): the draft hash binds to field, index, src, hash. */
export const pictureSchema = z.object({
  id: z.string().min(1).max(200),
  // A pasted picture's src can be a data: URL; the body limit bounds it.
  src: z.string().max(8_000_000),
  hash: hex64.optional(),
  alt: z.string().max(1000).optional(),
  field: z.string().min(1).max(60),
  index: z.number().int().min(0),
});

export const draftSchema = z.object({
  platform: z.enum(PLATFORMS),
  fields: z.record(z.string().min(1).max(60), z.string().max(MAX_FIELD_CHARS)),
  /** The pictures, in field and document order (part of the fingerprint). */
  pictures: z.array(pictureSchema).max(500).optional(),
});
export type WireDraft = z.infer<typeof draftSchema>;

const loggedFindingBase = findingSchema.pick({ id: true, category: true, severity: true, text: true, check: true, field: true });

/**
 * 提交审核: the draft exactly as screened (original field text, so offsets hold), its fingerprint, the current
 * findings, and the findings fixed before submission (one-click fixes), which the record keeps.
 */
export const submissionSchema = z
  .object({
    unit: z.string().min(1).max(64),
    draftKey: z.string().min(1).max(300),
    account: z.string().max(200).optional(),
    draft: draftSchema,
    draftHash: hex64,
    findings: z.array(findingSchema).max(5000),
    fixed: z.array(z.object({ findingId: z.string().min(1).max(200), finding: loggedFindingBase })).max(5000).default([]),
  })
  .superRefine((value, ctx) => {
    value.findings.forEach((f, i) => {
      const text = value.draft.fields[f.field];
      if (text === undefined) {
        if (f.field.startsWith('picture')) return; // text read from a picture: offsets are into that text
        ctx.addIssue({ code: 'custom', path: ['findings', i, 'field'], message: `问题所在字段“${f.field}”不在稿件中` });
      } else if (f.end < f.start || text.slice(f.start, f.end) !== f.text) {
        ctx.addIssue({ code: 'custom', path: ['findings', i], message: '问题的位置与稿件原文不符（start/end 必须指向 text）' });
      }
    });
  });
export type Submission = z.input<typeof submissionSchema>;

export const loginSchema = z.object({ username: z.string().trim().min(1).max(64), password: z.string().min(1).max(256) });
export const refreshSchema = z.object({ refreshToken: z.string().min(16).max(200) });
export const acceptSchema = z.object({
  findingId: z.string().min(1).max(200),
  reason: z.string().trim().min(2, '接受问题必须写明理由').max(1000),
});
export const decisionSchema = z.object({
  level: levelSchema,
  decision: z.enum(['approve', 'return']),
  opinion: z.string().trim().max(2000).default(''),
});
export const overrideSchema = z.object({ reason: z.string().trim().min(4, '紧急放行必须写明理由（至少 4 个字）').max(1000) });

export const approvalLevelSchema = z.object({
  level: levelSchema,
  person: z.string(),
  at: z.string(),
  opinion: z.string(),
});

/** What the server signs when every configured level approved (or an allowed emergency override). */
export const approvalSchema = z.object({
  draftHash: hex64,
  unit: z.string(),
  levels: z.array(approvalLevelSchema),
  policyVersion: z.number().int(),
  issuedAt: z.string(),
  /**
   * Findings reviewers accepted on the server, with their reasons (present when any): the extension's gate
   * counts them as resolved for this exact hash, as the server did when it approved.
   */
  accepted: z.array(z.object({ findingId: z.string(), reason: z.string(), person: z.string() })).optional(),
  /** Present only on an emergency override: who, when and why (the record logs it as 紧急放行). */
  override: z.object({ person: z.string(), at: z.string(), reason: z.string() }).optional(),
});
export type SignedApproval = z.infer<typeof approvalSchema>;

export const DRAFT_STATUSES = ['pending', 'approved', 'returned', 'overridden', 'superseded'] as const;
export type DraftStatus = (typeof DRAFT_STATUSES)[number];
export const DRAFT_STATUS_LABELS: Record<DraftStatus, string> = {
  pending: '审核中',
  approved: '已通过',
  returned: '已退回',
  overridden: '紧急放行',
  superseded: '已被新版本替代',
};

/** A live event, as sent over server-sent events (`event: review`). */
export const reviewEventSchema = z.object({
  type: z.enum(['submitted', 'resolved', 'decided', 'approved', 'returned', 'overridden', 'superseded']),
  unit: z.string(),
  draftId: z.number().int(),
  draftKey: z.string(),
  draftHash: hex64,
  status: z.enum(DRAFT_STATUSES),
  nextLevel: levelSchema.nullable(),
  level: levelSchema.optional(),
  person: z.string().optional(),
  at: z.string(),
  /** Server clock in ms when the change committed (benchmarks measure delivery latency from it). */
  t: z.number(),
});
export type ReviewEvent = z.infer<typeof reviewEventSchema>;
