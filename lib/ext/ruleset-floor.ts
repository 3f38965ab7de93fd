/**
 * The version floor against replayed bundles (background only). Fuzzing found that when the stored bundle
 * could not be read back, the lists were rebuilt from the bundled copy, the installed version went back to 0,
 * and an older but validly signed bundle was then applied. The floor lives in its own small storage item
 * (items.rulesetFloor), apart from the bundle in IndexedDB and from the record of what is in force: it is only ever raised,
 * and a failed read of the bundle does not touch it.
 *
 * It also keeps the SHA-256 of the lists applied at that version (bundleContentHash), so a bundle re-served under the same version
 * with different content is told apart from the same bundle (reported to the admin as an error).
 */
import { items } from './storage';
import type { VersionFloor } from './ruleset-records';

export type { VersionFloor };


function isFloor(value: unknown): value is VersionFloor {
  const v = value as VersionFloor | undefined;
  return !!v && Number.isSafeInteger(v.version) && v.version > 0 && (v.sha256 === undefined || typeof v.sha256 === 'string');
}

export async function readFloor(): Promise<VersionFloor | undefined> {
  const value: unknown = await items.rulesetFloor.getValue();
  return isFloor(value) ? value : undefined;
}

/** The floor after applying `applied`: never lower than the current one. Returned for the caller's write. */
export async function raiseFloor(applied: VersionFloor): Promise<VersionFloor> {
  const current = await readFloor();
  return current && current.version > applied.version ? current : applied;
}
