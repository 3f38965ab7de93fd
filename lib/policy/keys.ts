/**
 * Which settings an IT admin may set through enterprise policy (storage.managed), and their zh-CN labels.
 * Pure: no browser API. public/managed_schema.json must describe exactly POLICY_KEYS.
 */
import type { SettingsKey } from '../settings/schema';

/** Every settings key except `identity`: who sits at this browser is per profile, never pushed by policy. */
export const POLICY_KEYS = [
  'updateUrls',
  'trustedKeys',
  'updateIntervalHours',
  'maxBundleBytes',
  'disabledLists',
  'disabledChecks',
  'reviewRequired',
  'reviewLevels',
  'acceptedBlockLevels',
  'roster',
  'allowOverride',
  'allowUnsignedImport',
  'collectorUrl',
  'reviewServerUrl',
  'reviewServerKey',
  'locked',
] as const satisfies readonly SettingsKey[];
export type PolicyKey = (typeof POLICY_KEYS)[number];

export const SETTING_LABELS: Record<SettingsKey, string> = {
  updateUrls: '词库更新地址',
  trustedKeys: '受信任的公钥',
  updateIntervalHours: '自动检查更新间隔（小时）',
  maxBundleBytes: '词库包大小上限',
  disabledLists: '停用的词库',
  disabledChecks: '停用的检查项',
  reviewRequired: '先审后发',
  reviewLevels: '审核级数',
  acceptedBlockLevels: '接受“必须修改”问题所需审核级数',
  identity: '本机审核人员身份',
  roster: '审核人员名单',
  allowOverride: '紧急发布',
  allowUnsignedImport: '允许导入未签名词库包',
  collectorUrl: '审核记录汇集地址',
  reviewServerUrl: '审核服务器地址',
  reviewServerKey: '审核服务器公钥',
  locked: '锁定的设置项',
};

/** The zh-CN refusal shown when a user tries to change a key the policy locks. */
export function lockedKeyMessage(key: string): string {
  const label = (SETTING_LABELS as Record<string, string>)[key] ?? key;
  return `设置项「${label}」(${key}) 已由管理员策略锁定，不能修改。Locked by administrator policy.`;
}
