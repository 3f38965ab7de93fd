/**
 * The ruleset a tab screens with: the background's compiled binary snapshot (fetched by message, loads
 * without rebuilding the automaton or parsing entries), or, when no snapshot exists yet, the bundled lists compiled here once:
 * a tab never screens with nothing.
 */
import { compileRuleset, type Ruleset } from '@/lib/core/ruleset';
import { loadRulesetPayload } from '@/lib/ext/ruleset-payload';
import { BUNDLED_LISTS } from '@/lib/ext/bundled-lists';
import { onRulesetSnapshotChanged, readRulesetSnapshot, type RulesetSnapshot } from '@/lib/ext/ruleset-store';

function fromSnapshot(snapshot: RulesetSnapshot | undefined): Ruleset | undefined {
  if (!snapshot) return undefined;
  try {
    return loadRulesetPayload(snapshot);
  } catch (err) {
    // A snapshot of another format version: the background will rewrite it; screen with the bundled lists meanwhile.
    console.warn('[先审] 规则快照无法加载，改用内置词表', err);
    return undefined;
  }
}

export async function loadTabRuleset(): Promise<Ruleset> {
  let snapshot: RulesetSnapshot | undefined;
  try {
    snapshot = await readRulesetSnapshot();
  } catch {
    snapshot = undefined;
  }
  return fromSnapshot(snapshot) ?? compileRuleset(BUNDLED_LISTS);
}

/** Calls back with each newly published ruleset; returns the unsubscribe function. */
export function watchRuleset(cb: (ruleset: Ruleset) => void): () => void {
  return onRulesetSnapshotChanged((snapshot) => {
    const ruleset = fromSnapshot(snapshot);
    if (ruleset) cb(ruleset);
  });
}
