/** What the ruleset service keeps in storage (lib/ext/storage.ts items). Types only. */
import type { ListInfo } from '../bundle/merge';
import type { RulesetStatus, UpdateStatus } from './messages/ruleset';

export interface RulesetListsRecord {
  /** Ruleset format and extension version it was compiled with: either changing forces a rebuild. */
  builtWith: string;
  disabledLists: string[];
  version: number;
  installed: RulesetStatus['installed'];
  infos: ListInfo[];
  appliedAt: string;
  /** IndexedDB key of the installed bundle (absent while only the bundled lists are in force). */
  bundleKey?: string;
}

export interface StoredUpdateStatus extends UpdateStatus {
  /** Update URLs and keys of the last check: a change triggers a new check. */
  configKey?: string;
}

/** The version floor against replayed bundles (ruleset-floor.ts). */
export interface VersionFloor {
  /** Highest bundle version ever applied. */
  version: number;
  /** bundleContentHash of the bundle applied at that version (unknown for a floor carried over from an older install). */
  sha256?: string;
}
