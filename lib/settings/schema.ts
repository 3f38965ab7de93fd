/**
 * Settings shared by the background, options page, popup, sidebar and review log. Pure (zod only).
 *
 * Precedence (DESIGN.md convention 7): enterprise policy (storage.managed) > the user's own settings
 * (storage.local) > these defaults. Keys listed in policy `locked` cannot be changed by the user.
 * The managed-storage JSON schema (public/managed_schema.json) must describe exactly these keys.
 */
import { z } from 'zod';

export const ROLES = ['editor', 'first', 'second', 'final'] as const;
export type Role = (typeof ROLES)[number];
export const ROLE_LABELS: Record<Role, string> = { editor: '编辑', first: '初审', second: '复审', final: '终审' };

export const personSchema = z.object({
  name: z.string().trim().min(1, '姓名不能为空'),
  unit: z.string().trim().default(''),
  roles: z.array(z.enum(ROLES)).default(['editor']),
});
export type Person = z.infer<typeof personSchema>;

export const settingsSchema = z.object({
  /** Where signed wordlist bundles are fetched from (one or more mirrors, tried in order). */
  updateUrls: z.array(z.string().url()).default([]),
  /** Trusted Ed25519 public keys (base64 of the raw 32-byte key). */
  trustedKeys: z.array(z.string()).default([]),
  /** Hours between periodic update checks. */
  updateIntervalHours: z.number().min(0.25).max(24 * 7).default(6),
  /** Largest bundle accepted, in bytes. */
  maxBundleBytes: z.number().int().positive().default(20 * 1024 * 1024),
  /** Lists switched off by id (only honoured where policy does not lock `disabledLists`). */
  disabledLists: z.array(z.string()).default([]),
  /** 先审后发: every post needs the review levels below before it can be published. */
  reviewRequired: z.boolean().default(true),
  /** How many review levels a post needs: 1 = 初审, 2 = 初审+复审, 3 = 初审+复审+终审. */
  reviewLevels: z.union([z.literal(1), z.literal(2), z.literal(3)]).default(3),
  /** A draft with an accepted `block` finding needs at least this many levels. */
  acceptedBlockLevels: z.union([z.literal(1), z.literal(2), z.literal(3)]).default(3),
  /** This browser profile's person (name, unit, roles). */
  identity: personSchema.optional(),
  /** Reviewers pushed by policy; when set, identity must be one of them. */
  roster: z.array(personSchema).default([]),
  /** Emergency publish override (always needs a reason and is logged). */
  allowOverride: z.boolean().default(false),
  /** Local import of unsigned bundles (offline networks). */
  allowUnsignedImport: z.boolean().default(false),
  /** HTTPS collector that also receives review-log records; empty = nothing leaves the machine. */
  collectorUrl: z.string().url().startsWith('https://', '只接受 HTTPS 地址').optional(),
  /** Keys the user cannot change (set by policy only). */
  locked: z.array(z.string()).default([]),
});
export type Settings = z.infer<typeof settingsSchema>;
export type SettingsKey = keyof Settings;

export const DEFAULT_SETTINGS: Settings = settingsSchema.parse({});

/** Stored user settings, keeping only keys that still validate (a schema change must not brick settings). */
export function sanitizeUserSettings(stored: unknown): Partial<Settings> {
  const user: Record<string, unknown> = {};
  if (!stored || typeof stored !== 'object') return user;
  for (const [key, value] of Object.entries(stored as Record<string, unknown>)) {
    if (!(key in settingsSchema.shape) || key === 'locked') continue;
    const result = settingsSchema.shape[key as SettingsKey].safeParse(value);
    if (result.success) user[key] = result.data;
  }
  return user as Partial<Settings>;
}
