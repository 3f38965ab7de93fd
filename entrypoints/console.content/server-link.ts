/**
 * The tab's side of 服务器模式 (the office's review server, lib/ext/review-server-service.ts in the background):
 * 提交审核 and the background's "this draft changed on the server" signal. The draft's text leaves this machine
 * only through submitToServer, and only to the server the settings or policy name.
 */
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { ScreenReport } from '@/lib/editor-kit/session';
import { send } from '@/lib/ext/send';
import { STORAGE_KEYS } from '@/lib/ext/storage-keys';

/** Sends the screened draft (fields, picture hashes, its SHA-256, findings) to the review server. */
export async function submitToServer(draftKey: string, report: ScreenReport | undefined): Promise<void> {
  if (!report) throw new Error('稿件尚未检查完成，请稍候再提交');
  const fields: Record<string, string> = {};
  for (const [name, value] of Object.entries(report.draft.fields)) if (typeof value === 'string') fields[name] = value;
  const reply = await send({
    type: 'server:submit',
    submission: {
      draftKey,
      draft: { platform: report.draft.platform, fields, ...(report.draft.pictures?.length ? { pictures: report.draft.pictures } : {}) },
      draftHash: report.draftHash,
      findings: report.findings,
      fixed: [],
    },
  });
  if (!reply.ok) throw new Error(reply.error);
}

/** Calls back when the background heard from the review server about the draft `currentKey()` names. */
export function watchServerChanges(ctx: ContentScriptContext, currentKey: () => string, onChange: () => void): void {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    const change = area === 'local' ? (changes[STORAGE_KEYS.reviewServerChange]?.newValue as { draftKey?: string } | undefined) : undefined;
    if (change?.draftKey && change.draftKey === currentKey()) onChange();
  };
  browser.storage.onChanged.addListener(listener);
  ctx.onInvalidated(() => browser.storage.onChanged.removeListener(listener));
}
