/**
 * The flagged-issues sidebar. Presentational: state comes in through props, actions go out through callbacks.
 * It is mounted in a shadow root with cssInjectionMode 'ui', so importing the stylesheet here is what puts
 * it inside that root; the console page's CSS cannot reach it.
 */
import './sidebar.css';
import { useEffect, useId, useMemo, useRef } from 'react';
import { FindingList } from './FindingList';
import { countResolved, countUnresolvedBySeverity, groupFindings } from './grouping';
import { defaultStatusText, PRODUCT_NAME } from './labels';
import { SeverityCounts } from './SeverityCounts';
import { PictureStatusList } from './pictures';
import type { SidebarProps, SidebarState } from './types';
import { useStableCallback } from './useStableCallback';

export type { SidebarProps, SidebarState, Resolution } from './types';

function HeldAlert({ reasons, onRetry }: { reasons: string[]; onRetry?: () => void }) {
  return (
    <div className="xs-held" role="alert" data-xs="held">
      <p className="xs-held-title">发布已被拦截，请先处理：</p>
      {reasons.length > 0 ? (
        <ul className="xs-held-reasons">
          {reasons.map((reason, i) => (
            <li key={i}>{reason}</li>
          ))}
        </ul>
      ) : (
        <p className="xs-held-reasons">仍有未处理的阻断或需复核问题。</p>
      )}
      {onRetry && (
        <button type="button" className="xs-btn" data-xs="retry" onClick={onRetry}>
          重试
        </button>
      )}
    </div>
  );
}

/** Extra guidance under the status line, for the states where the list alone would mislead. */
function StateNote({ state, hasFindings }: { state: SidebarState; hasFindings: boolean }) {
  if (state === 'unsupported')
    return <p className="xs-note xs-note-warn">本页内容未经先审审查，请勿视为通过，发布前请人工审核。</p>;
  if (state === 'clean' && !hasFindings) return <p className="xs-note">发布前仍需按制度完成审核。</p>;
  return null;
}

export function Sidebar(props: SidebarProps) {
  const { state, findings, resolutions, fieldLabels, collapsed } = props;

  // Keyed by content: callers often rebuild the labels object each render, which must not regroup hundreds of rows.
  const fieldLabelsKey = JSON.stringify(fieldLabels);
  const groups = useMemo(() => groupFindings(findings, fieldLabels), [findings, fieldLabelsKey]);
  const counts = useMemo(() => countUnresolvedBySeverity(findings, resolutions), [findings, resolutions]);
  const resolvedCount = useMemo(() => countResolved(findings, resolutions), [findings, resolutions]);
  const pendingCount = counts.block + counts.review;

  const onJump = useStableCallback(props.onJump);
  const onFix = useStableCallback(props.onFix);
  const onAccept = useStableCallback(props.onAccept);

  const panelId = useId();
  const badgeRef = useRef<HTMLButtonElement>(null);
  const collapseRef = useRef<HTMLButtonElement>(null);
  // Only a toggle the user made here moves focus; a collapse forced by the host must not steal it.
  const focusAfterToggle = useRef(false);
  useEffect(() => {
    if (!focusAfterToggle.current) return;
    focusAfterToggle.current = false;
    (collapsed ? badgeRef : collapseRef).current?.focus();
  }, [collapsed]);

  function toggle() {
    focusAfterToggle.current = true;
    props.onToggleCollapsed();
  }

  const statusText = props.statusText ?? defaultStatusText(state, findings.length, props.unsupportedReason);
  const badgeTone =
    state === 'held' || counts.block > 0 ? 'block' : state === 'unsupported' || counts.review > 0 ? 'review' : 'ok';
  // An unreadable page shows '!', never a reassuring 0.
  const badgeText = state === 'unsupported' ? '!' : String(pendingCount);

  return (
    <aside
      className="xs-sidebar"
      aria-label={`${PRODUCT_NAME} 审查结果`}
      data-state={state}
      data-collapsed={collapsed ? 'true' : 'false'}
    >
      {collapsed ? (
        <button
          ref={badgeRef}
          type="button"
          className={`xs-badge xs-badge-${badgeTone}`}
          data-xs="badge"
          data-count={pendingCount}
          aria-expanded={false}
          aria-label={`展开${PRODUCT_NAME}：${statusText}，${pendingCount} 个待处理问题`}
          title={`${PRODUCT_NAME}：${statusText}`}
          onClick={toggle}
        >
          {badgeText}
        </button>
      ) : (
        <header className="xs-header">
          <span className="xs-brand">{PRODUCT_NAME}</span>
          <span className="xs-platform">{props.platformLabel}</span>
          <button
            ref={collapseRef}
            type="button"
            className="xs-btn xs-collapse"
            aria-expanded={true}
            aria-controls={panelId}
            onClick={toggle}
          >
            收起
          </button>
        </header>
      )}
      {/* Always mounted, so the live region keeps announcing changes while the panel is collapsed. */}
      <div
        className={`xs-status xs-status-${state}${collapsed ? ' xs-visually-hidden' : ''}`}
        data-xs="status"
        data-state={state}
        role="status"
        aria-live="polite"
      >
        {statusText}
      </div>
      {!collapsed && (
        <div id={panelId} className="xs-body">
          {state === 'held' && <HeldAlert reasons={props.heldReasons ?? []} onRetry={props.onRetry} />}
          <StateNote state={state} hasFindings={findings.length > 0} />
          {findings.length > 0 && <SeverityCounts counts={counts} resolved={resolvedCount} />}
          {props.pictures && <PictureStatusList pictures={props.pictures} />}
          <div className="xs-scroll">
            <FindingList groups={groups} resolutions={resolutions} pictures={props.pictures?.byField} onJump={onJump} onFix={onFix} onAccept={onAccept} />
            {props.reviewSlot != null && <div className="xs-review-slot">{props.reviewSlot}</div>}
          </div>
        </div>
      )}
    </aside>
  );
}

export default Sidebar;
