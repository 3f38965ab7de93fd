/**
 * Names of the extension's storage.local keys. A leaf: pages and tabs use these only to WATCH for changes
 * (storage.onChanged) and then ask the background; the typed, versioned items that read and write them live
 * in lib/ext/storage.ts, which only the background imports.
 */
export const STORAGE_KEYS = {
  /** The user's own settings (Partial<Settings>). */
  settings: 'xs:settings',
  /** Last good enterprise policy, for when storage.managed cannot be read. */
  policy: 'xs:policy',
  /** Pointer to the compiled ruleset in force (RulesetSnapshotMeta). */
  rulesetPointer: 'xs:ruleset',
  /** What that ruleset was built from. */
  rulesetLists: 'xs:ruleset-lists',
  /** Last update check: time, outcome, error. */
  rulesetStatus: 'xs:ruleset-status',
} as const;
