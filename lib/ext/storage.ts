/**
 * The extension's storage: every storage.local key as a typed, versioned WXT item. Background only: only the
 * background writes storage (tabs, popup and options ask it through the protocol, lib/ext/messages.ts), and
 * WXT runs an item's migrations in whichever context defines it, so this module must never be imported by a
 * page or content script (tests/unit/import-graph.test.ts enforces that).
 *
 * Changing the shape of an item: raise its `version` and add `migrations[newVersion]` turning the previous
 * value into the new one (WXT runs them in order and records the version in `<key>$`). Never reuse a key
 * for a different shape without a migration.
 */
import { storage } from 'wxt/utils/storage';
import type { Settings } from '../settings/schema';
import { sanitizeUserSettings } from '../settings/schema';
import type { Policy } from '../policy/parse';
import type { RulesetSnapshotMeta } from './messages/ruleset';
import type { RulesetListsRecord, StoredUpdateStatus, VersionFloor } from './ruleset-records';
import { STORAGE_KEYS } from './storage-keys';
import type { Tokens } from '../review-server/client';

export const items = {
  /**
   * The user's own settings. v1 stored whatever the options page wrote; v2 keeps only keys that validate
   * against the settings schema (invalid or retired keys are dropped once, instead of on every read).
   */
  userSettings: storage.defineItem<Partial<Settings>>(`local:${STORAGE_KEYS.settings}`, {
    fallback: {},
    version: 2,
    migrations: { 2: (old: unknown) => sanitizeUserSettings(old) },
  }),
  policyCache: storage.defineItem<Policy>(`local:${STORAGE_KEYS.policy}`, { fallback: {}, version: 1 }),
  rulesetPointer: storage.defineItem<RulesetSnapshotMeta | null>(`local:${STORAGE_KEYS.rulesetPointer}`, { fallback: null, version: 1 }),
  rulesetLists: storage.defineItem<RulesetListsRecord | null>(`local:${STORAGE_KEYS.rulesetLists}`, { fallback: null, version: 1 }),
  rulesetStatus: storage.defineItem<StoredUpdateStatus>(`local:${STORAGE_KEYS.rulesetStatus}`, { fallback: {}, version: 1 }),
  rulesetFloor: storage.defineItem<VersionFloor | null>(`local:${STORAGE_KEYS.rulesetFloor}`, { fallback: null, version: 1 }),
  reviewServerTokens: storage.defineItem<(Tokens & { url: string }) | null>(`local:${STORAGE_KEYS.reviewServerTokens}`, { fallback: null, version: 1 }),
  reviewServerChange: storage.defineItem<{ draftKey: string; at: number } | null>(`local:${STORAGE_KEYS.reviewServerChange}`, { fallback: null, version: 1 }),
};

export { storage };
