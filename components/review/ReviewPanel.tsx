/**
 * The review part of the sidebar (rendered in the sidebar's `reviewSlot`): gate state and exactly what is
 * missing, this person's identity and role, approve/return at the level they may sign, and the emergency
 * override only when policy allows it. Presentational over a ReviewStatus; actions go to the background
 * and the fresh status comes back through `onStatus`.
 */
import { useEffect, useRef, useState, type CSSProperties } from 'react';
import type { ReviewStatus } from '@/lib/ext/messages/review';
import { ROLE_LABELS } from '@/lib/settings/schema';
import { LEVEL_LABELS } from '@/lib/review/types';
import { formatLocalTime } from '@/lib/review/labels';
import { onSettingsChanged } from '@/lib/settings/client';
import { ask, sendReview, type ReviewSend } from './client';

export interface ReviewPanelProps {
  draftKey: string;
  /** The latest review:status answer for the content on screen; undefined while it is loading. */
  status: ReviewStatus | undefined;
  /** Receives the status returned by a decision or override (update the gate with it). */
  onStatus(status: ReviewStatus): void;
  /** Opens the options page (identity settings). */
  onOpenOptions?(): void;
  send?: ReviewSend;
  /** Calls back when settings change (identity, roles, policy); defaults to lib/settings/client. */
  subscribeSettings?: (onChange: () => void) => () => void;
  /** 服务器模式: 提交审核 sends the draft on screen to the review server (the tab builds the submission). */
  onSubmitToServer?: () => Promise<void>;
}

const watchSettings = (onChange: () => void) => onSettingsChanged(() => onChange());

const box: CSSProperties = { borderTop: '1px solid #e5e7eb', padding: '10px 12px', fontSize: 13, lineHeight: 1.5 };
const button: CSSProperties = { padding: '4px 10px', marginRight: 6, borderRadius: 4, border: '1px solid #9ca3af', cursor: 'pointer' };
const textarea: CSSProperties = { width: '100%', boxSizing: 'border-box', minHeight: 48, marginTop: 4, font: 'inherit' };

export function ReviewPanel({
  draftKey,
  status,
  onStatus,
  onOpenOptions,
  send = sendReview,
  subscribeSettings = watchSettings,
  onSubmitToServer,
}: ReviewPanelProps) {
  const [note, setNote] = useState('');
  const latest = useRef({ draftKey, onStatus, send });
  latest.current = { draftKey, onStatus, send };

  // Another person sat down (identity changed) or policy changed: what they may sign changes too.
  useEffect(
    () =>
      subscribeSettings(() => {
        const { draftKey: key, onStatus: deliver, send: post } = latest.current;
        void post({ type: 'review:refresh', draftKey: key }).then((reply) => reply.ok && deliver(reply.value));
      }),
    [subscribeSettings],
  );
  const [overrideOpen, setOverrideOpen] = useState(false);
  const [overrideReason, setOverrideReason] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  if (!status)
    return (
      <section style={box} data-xs="review" aria-busy="true">
        正在确认审核状态…
      </section>
    );

  const run = async (action: () => Promise<ReviewStatus>) => {
    setBusy(true);
    setError(undefined);
    try {
      onStatus(await action());
      setNote('');
      setOverrideOpen(false);
      setOverrideReason('');
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  const level = status.canApproveAs;
  const decide = (decision: 'approve' | 'return') =>
    level &&
    run(() => ask(send, { type: 'review:decide', draftKey, draftHash: status.draftHash, level, decision, note }));
  const override = () =>
    run(() => ask(send, { type: 'review:override', draftKey, draftHash: status.draftHash, reason: overrideReason }));

  const identity = status.identity;
  return (
    <section style={box} data-xs="review" data-open={status.open ? 'true' : 'false'}>
      <strong>审核与发布</strong>
      <span
        data-xs="review-mode"
        data-mode={status.server ? 'server' : 'local'}
        title={status.server ? '审核在审核服务器上进行，审核通过凭证经签名验证后放行' : '未配置审核服务器：审核在本浏览器内完成，稿件不离开本机'}
        style={{ marginLeft: 8, fontSize: 12, padding: '0 6px', borderRadius: 8, background: status.server ? '#dbeafe' : '#f3f4f6', color: '#374151' }}
      >
        {status.server ? '服务器模式' : '单机模式'}
      </span>
      <div data-xs="review-gate" style={{ margin: '4px 0', color: status.open ? '#047857' : '#b91c1c' }}>
        {status.override
          ? `已紧急放行（${status.override.by.name}：${status.override.reason}）`
          : status.open
            ? status.reviewRequired
              ? '审核已完成，可以发布'
              : '无未处理的阻断问题，可以发布'
            : '暂不能发布，尚缺：'}
      </div>
      {status.missing.length > 0 && (
        <ul data-xs="review-missing" style={{ margin: '0 0 6px', paddingLeft: 18 }}>
          {status.missing.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      )}

      {status.approvals.length > 0 && (
        <ol data-xs="review-approvals" style={{ margin: '0 0 6px', paddingLeft: 18 }}>
          {status.approvals.map((a) => (
            <li key={a.level}>
              {LEVEL_LABELS[a.level]} ✓ {a.by.name}
              {a.by.unit ? `（${a.by.unit}）` : ''} {formatLocalTime(a.at)}
              {a.note ? `：${a.note}` : ''}
            </li>
          ))}
        </ol>
      )}

      {status.server && (
        <div data-xs="server-review" style={{ margin: '4px 0 8px' }}>
          <ol style={{ margin: '0 0 4px', paddingLeft: 18 }}>
            {(status.server.requiredLevels.length ? status.server.requiredLevels : status.required).map((lvl) => {
              const d = status.server!.decisions.find((x) => x.level === lvl);
              return (
                <li key={lvl} data-xs="server-level" data-level={lvl} data-decision={d?.decision ?? (status.server!.nextLevel === lvl ? 'current' : 'waiting')}>
                  {LEVEL_LABELS[lvl]}
                  {d
                    ? ` ${d.decision === 'approve' ? '✓ 通过' : '✗ 退回'} · ${d.person} · ${formatLocalTime(d.at)}${d.opinion ? `：${d.opinion}` : ''}`
                    : status.server!.nextLevel === lvl && status.server!.submitted
                      ? ' · 审核中'
                      : ' · 待审'}
                </li>
              );
            })}
          </ol>
          {onSubmitToServer && (!status.server.submitted || status.server.status === 'returned') && !status.open && (
            <button
              type="button"
              data-xs="submit-review"
              style={{ ...button, borderColor: '#1d4ed8', color: '#1d4ed8' }}
              disabled={busy}
              onClick={async () => {
                setBusy(true);
                setError(undefined);
                try {
                  await onSubmitToServer();
                } catch (e) {
                  setError(e instanceof Error ? e.message : String(e));
                } finally {
                  setBusy(false);
                }
              }}
            >
              提交审核
            </button>
          )}
        </div>
      )}

      <div data-xs="review-identity" style={{ color: '#374151' }}>
        {identity ? (
          <>
            本人：{identity.name}
            {identity.unit ? `（${identity.unit}）` : ''} · 角色：
            {identity.roles.map((r) => ROLE_LABELS[r]).join('、') || '无'}
            {status.isEditor ? ' · 编辑过本稿' : ''}
          </>
        ) : (
          <span style={{ color: '#b45309' }}>{status.identityProblem ?? '尚未设置本人身份'}</span>
        )}
        {onOpenOptions && (
          <button type="button" style={{ ...button, marginLeft: 6 }} onClick={onOpenOptions}>
            设置身份
          </button>
        )}
      </div>

      {level && (
        <div data-xs="review-sign" style={{ marginTop: 8 }}>
          <label>
            {LEVEL_LABELS[level]}意见
            <textarea
              data-xs="review-note"
              style={textarea}
              value={note}
              placeholder="审核意见（退回时必填）"
              onChange={(e) => setNote(e.target.value)}
            />
          </label>
          <button
            type="button"
            data-xs="approve"
            style={button}
            disabled={busy || !!status.approveRefusal}
            onClick={() => decide('approve')}
          >
            {LEVEL_LABELS[level]}通过
          </button>
          <button
            type="button"
            data-xs="return"
            style={button}
            disabled={busy || !note.trim()}
            title={note.trim() ? undefined : '请先填写退回意见'}
            onClick={() => decide('return')}
          >
            退回
          </button>
        </div>
      )}
      {status.approveRefusal && (
        <div data-xs="review-refusal" style={{ color: '#6b7280', marginTop: 4 }}>
          {status.approveRefusal}
        </div>
      )}

      {status.allowOverride && !status.open && (
        <div style={{ marginTop: 8 }}>
          {!overrideOpen ? (
            <button type="button" data-xs="override" style={{ ...button, borderColor: '#b91c1c', color: '#b91c1c' }} onClick={() => setOverrideOpen(true)}>
              紧急放行…
            </button>
          ) : (
            <div>
              <label>
                紧急放行理由（将记入审核日志）
                <textarea
                  data-xs="override-reason"
                  style={textarea}
                  value={overrideReason}
                  onChange={(e) => setOverrideReason(e.target.value)}
                />
              </label>
              <button
                type="button"
                data-xs="override-confirm"
                style={button}
                disabled={busy || overrideReason.trim().length < 4}
                onClick={override}
              >
                确认紧急放行
              </button>
              <button type="button" style={button} onClick={() => setOverrideOpen(false)}>
                取消
              </button>
            </div>
          )}
        </div>
      )}

      {error && (
        <div role="alert" data-xs="review-error" style={{ color: '#b91c1c', marginTop: 6 }}>
          {error}
        </div>
      )}
    </section>
  );
}
