/**
 * What the extension's background needs of the review server for one editor, in one place: submit a draft
 * (提交审核), know each draft key's server state (each level's decision, live), and answer the gate for the
 * hash on screen from a verified approval only. Pure (fetch + WebCrypto through the client); the background
 * wires it to its messages and storage, the tab never talks to the server.
 */
import type { GateSettings } from '../review/gate';
import { ApiError, type DraftDetail, type ReviewServerClient } from './client';
import { serverGateInput, type ServerGateInput } from './gate-facts';
import type { ReviewEvent, Submission } from './schemas';

export const EDITED_AFTER_SUBMIT = '提交审核后稿件又被修改：审核针对的是提交时的内容，请重新提交审核';
export const NOT_SUBMITTED = '尚未提交审核服务器：请点击“提交审核”';

export interface ServerDraftState {
  /** The latest submission of this draft key, when there is one. */
  detail?: DraftDetail;
  /** Gate facts for the hash asked about: only a verified approval of exactly that hash opens. */
  gate: ServerGateInput;
  /** zh-CN lines for the sidebar (not submitted, edited after submit, returned with the opinion). */
  notes: string[];
}

export class ServerReviewLink {
  private readonly cache = new Map<string, Promise<DraftDetail | undefined>>();

  constructor(
    private readonly client: ReviewServerClient,
    private readonly publicKey: () => string | undefined,
    /** A draft key's server state changed (a decision, an approval): ask `state` again and update the tab. */
    private readonly onChange: (draftKey: string) => void,
  ) {}

  /** Live events until `signal` aborts: each event about a draft key drops its cached state. */
  listen(signal: AbortSignal, onState?: (connected: boolean) => void): Promise<void> {
    return this.client.subscribe((event: ReviewEvent) => this.changed(event.draftKey), {
      signal,
      onState: (up) => {
        if (up) this.cache.clear(); // anything may have happened while the stream was down
        onState?.(up);
      },
    });
  }

  private changed(draftKey: string): void {
    this.cache.delete(draftKey);
    this.onChange(draftKey);
  }

  private detail(draftKey: string): Promise<DraftDetail | undefined> {
    let entry = this.cache.get(draftKey);
    if (!entry) {
      entry = this.client.draftByKey(draftKey).catch((error: unknown) => {
        if (error instanceof ApiError && error.status === 404) return undefined;
        this.cache.delete(draftKey); // not an answer: ask again next time
        throw error;
      });
      this.cache.set(draftKey, entry);
    }
    return entry;
  }

  async state(draftKey: string, draftHash: string, localSettings: GateSettings): Promise<ServerDraftState> {
    const detail = await this.detail(draftKey);
    if (!detail) return { gate: await serverGateInput(undefined, this.publicKey(), draftHash, localSettings), notes: [NOT_SUBMITTED] };
    const notes: string[] = [];
    if (detail.draftHash !== draftHash) notes.push(EDITED_AFTER_SUBMIT);
    const returned = detail.decisions.find((d) => d.decision === 'return');
    if (returned && detail.draftHash === draftHash) notes.push(`已退回（${returned.person}）：${returned.opinion}`);
    const gate = await serverGateInput(detail.approval, this.publicKey(), draftHash, localSettings);
    return { detail, gate, notes };
  }

  /** 提交审核: the only time the draft's text leaves the machine. */
  async submit(submission: Submission): Promise<{ draftId: number }> {
    const result = await this.client.submit(submission);
    this.changed(submission.draftKey);
    return { draftId: result.draftId };
  }
}
