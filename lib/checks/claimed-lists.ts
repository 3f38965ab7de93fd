/**
 * Lists some registered sub-check reads, whether or not it runs in this screen: a list whose reader is switched off
 * (settings `disabledChecks`) must fall silent, not be screened term by term by admin-lists. Filled once by the
 * registry (index.ts); a module of its own so admin-lists needs no import of the registry.
 */
const claimed = new Set<string>();

export function claimLists(ids: Iterable<string>): void {
  for (const id of ids) claimed.add(id);
}

export function isClaimedByRegistry(id: string): boolean {
  return claimed.has(id);
}
