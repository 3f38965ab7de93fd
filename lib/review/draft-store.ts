/** Per-draft review state (approvals, resolutions, editors, override) in the review IndexedDB. */
import type { ReviewDb } from './db';
import type { DraftReviewState } from './types';

export class DraftStore {
  constructor(private readonly db: ReviewDb) {}

  get(draftKey: string): Promise<DraftReviewState | undefined> {
    return this.db.get('drafts', draftKey);
  }

  async put(state: DraftReviewState): Promise<void> {
    await this.db.put('drafts', state, state.draftKey);
  }

  async delete(draftKey: string): Promise<void> {
    await this.db.delete('drafts', draftKey);
  }
}
