/**
 * Which lists are in force (DESIGN.md precedence: policy > signed update > bundled). Pure.
 *
 * - A list in the installed bundle replaces the bundled list with the same id.
 * - A bundled list the bundle does not mention stays in force: the bundled lists are the floor, so an update
 *   that forgets a list never silently stops screening for it. To retire a list, an admin disables it by
 *   policy (`disabledLists`) or ships it in the bundle with `enabled: false`.
 * - `disabledLists` (the user's, or the policy's when it sets or locks it) switches lists off by id.
 */
import type { WordList } from '../core/wordlist';
import type { Bundle } from './schema';

export type ListSource = 'bundled' | 'update' | 'import';

export interface InstalledBundle {
  bundle: Bundle;
  source: 'update' | 'import';
  /** ISO time it was applied. */
  installedAt: string;
  /** Where it came from: the update URL or the imported file name. */
  origin: string;
}

export interface ListInfo {
  id: string;
  name: string;
  category: WordList['category'];
  severity: WordList['severity'];
  source: ListSource;
  /** The list's own version, or the bundle version it came with. */
  version: string;
  count: number;
  /** Screening with it now. */
  active: boolean;
  /** Off by default (`enabled: false` in its metadata): an optional list. */
  defaultOff: boolean;
  disabledByUser: boolean;
}

export interface ResolvedLists {
  active: WordList[];
  infos: ListInfo[];
}

export function resolveLists(
  bundled: readonly WordList[],
  installed: Pick<InstalledBundle, 'bundle' | 'source'> | undefined,
  disabledLists: readonly string[],
): ResolvedLists {
  const byId = new Map<string, { list: WordList; source: ListSource }>();
  for (const list of bundled) byId.set(list.id, { list, source: 'bundled' });
  if (installed) {
    for (const list of installed.bundle.lists) {
      // Findings name their source as `id@version`: a list without its own version names the bundle's.
      const versioned = list.version ? list : { ...list, version: String(installed.bundle.version) };
      byId.set(list.id, { list: versioned, source: installed.source });
    }
  }
  const disabled = new Set(disabledLists);
  const active: WordList[] = [];
  const infos: ListInfo[] = [];
  for (const { list, source } of byId.values()) {
    const defaultOff = list.enabled === false;
    const disabledByUser = disabled.has(list.id);
    const isActive = !defaultOff && !disabledByUser;
    if (isActive) active.push(list);
    infos.push({
      id: list.id,
      name: list.name,
      category: list.category,
      severity: list.severity,
      source,
      version: list.version ?? '',
      count: list.entries.length,
      active: isActive,
      defaultOff,
      disabledByUser,
    });
  }
  return { active, infos };
}
