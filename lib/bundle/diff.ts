/** What changed between two sets of lists: added and removed terms per list id. Pure. */
import type { WordList } from '../core/wordlist';

export interface ListDiff {
  id: string;
  name: string;
  status: 'added' | 'removed' | 'changed';
  added: string[];
  removed: string[];
}

export function diffLists(oldLists: readonly WordList[], newLists: readonly WordList[]): ListDiff[] {
  const oldById = new Map(oldLists.map((l) => [l.id, l]));
  const newById = new Map(newLists.map((l) => [l.id, l]));
  const ids = [...new Set([...oldById.keys(), ...newById.keys()])].sort();
  const diffs: ListDiff[] = [];
  for (const id of ids) {
    const before = oldById.get(id);
    const after = newById.get(id);
    const oldTerms = new Set(before?.entries.map((e) => e.term) ?? []);
    const newTerms = new Set(after?.entries.map((e) => e.term) ?? []);
    const added = [...newTerms].filter((t) => !oldTerms.has(t));
    const removed = [...oldTerms].filter((t) => !newTerms.has(t));
    const status = !before ? 'added' : !after ? 'removed' : 'changed';
    if (status === 'changed' && !added.length && !removed.length) continue;
    diffs.push({ id, name: (after ?? before)!.name, status, added, removed });
  }
  return diffs;
}

export function formatDiff(diffs: readonly ListDiff[]): string {
  if (!diffs.length) return '两个版本的词条没有差别。(no term changes)\n';
  const out: string[] = [];
  for (const d of diffs) {
    const tag = d.status === 'added' ? '（新增词库）' : d.status === 'removed' ? '（删除词库）' : '';
    out.push(`== ${d.id} ${d.name}${tag}: +${d.added.length} -${d.removed.length}`);
    for (const term of d.added) out.push(`+ ${term}`);
    for (const term of d.removed) out.push(`- ${term}`);
  }
  return out.join('\n') + '\n';
}
