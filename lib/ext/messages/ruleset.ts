/**
 * Ruleset service messages (lib/ext/ruleset-service.ts): wordlist status, update checks, local import, and
 * the compiled snapshot a tab screens with. Entries of the protocol's request → response map
 * (lib/ext/messages.ts). Types only.
 *
 * The snapshot payload is opaque to the protocol: its format belongs to lib/core/ruleset.ts and the ruleset
 * store, and may change without touching the protocol.
 */
import type { SerializedRuleset } from '../../core/ruleset';
import type { InstalledBundle, ListInfo } from '../../bundle/merge';

export type RulesetSource = 'bundled' | 'update' | 'import';

export interface RulesetSnapshot {
  serialized: SerializedRuleset;
  /** Version of the installed bundle; 0 while only the bundled lists are in force. */
  version: number;
  source: RulesetSource;
  /** ISO time the snapshot was written. */
  appliedAt: string;
  /** Entries per active list id. */
  counts: Record<string, number>;
}

/** What storage item `rulesetPointer` holds (lib/ext/storage.ts). */
export interface RulesetSnapshotMeta extends Omit<RulesetSnapshot, 'serialized'> {
  /** IndexedDB key of the serialized ruleset (background). */
  dataKey: string;
}

export type CheckOutcome = 'applied' | 'up-to-date' | 'rejected' | 'failed' | 'no-urls';
export type CheckTrigger = 'install' | 'startup' | 'alarm' | 'manual' | 'settings' | 'import';

export interface CheckResult {
  outcome: CheckOutcome;
  /** zh-CN, ready to show. */
  message: string;
  /** Failure code (lib/bundle/verify.ts, lib/bundle/fetch.ts, or 'compile-failed'). */
  code?: string;
  version?: number;
}

export interface UpdateStatus {
  lastCheckAt?: string;
  lastTrigger?: CheckTrigger;
  lastOutcome?: CheckOutcome;
  lastMessage?: string;
  /** Kept until a later check succeeds or finds the installed version current. */
  lastError?: { code: string; reason: string; at: string; origin?: string };
  lastAppliedAt?: string;
}

export interface RulesetStatus {
  /** The update or import in force; null while only the bundled lists are. */
  installed: (Omit<InstalledBundle, 'bundle'> & { version: number; issuer: string; issuedAt: string }) | null;
  /** Every known list (bundled or from the bundle), with counts, source and whether it screens now. */
  lists: ListInfo[];
  appliedAt?: string;
  update: UpdateStatus;
  checking: boolean;
  /** ISO time of the next periodic check. */
  nextCheckAt?: string;
}

export interface RulesetRequests {
  'ruleset:status': { request: object; response: RulesetStatus };
  /** For content scripts (via lib/ext/ruleset-store.ts): the compiled snapshot in force, or null. */
  'ruleset:snapshot': { request: object; response: RulesetSnapshot | null };
  'ruleset:check-now': { request: object; response: CheckResult };
  /** The file's exact bytes travel as base64: the signature is over bytes, and a text round-trip may alter them. */
  'ruleset:import': { request: { fileName: string; bundleBase64: string; sigText?: string }; response: CheckResult };
}
