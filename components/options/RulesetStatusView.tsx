/** Installed wordlist version, last check and last error: the same facts in the popup and the options page. */
import type { RulesetStatus } from '@/lib/ext/messages/ruleset';
import { OUTCOME_LABELS, SOURCE_LABELS, TRIGGER_LABELS, formatTime } from './labels';

export function RulesetStatusView({ status }: { status: RulesetStatus }) {
  const { installed, update } = status;
  const activeLists = status.lists.filter((l) => l.active);
  const terms = activeLists.reduce((n, l) => n + l.count, 0);
  return (
    <dl data-testid="xs-ruleset-status" style={{ display: 'grid', gridTemplateColumns: 'max-content 1fr', gap: '4px 12px', margin: 0 }}>
      <dt>词库版本</dt>
      <dd data-testid="xs-installed-version" data-version={installed?.version ?? 0} style={{ margin: 0 }}>
        {installed ? `${installed.version}（${SOURCE_LABELS[installed.source]}，${installed.issuer}）` : '内置词库（尚未安装更新）'}
      </dd>
      <dt>生效词条</dt>
      <dd style={{ margin: 0 }}>
        {activeLists.length} 个词库，共 {terms} 个词条
      </dd>
      <dt>上次检查</dt>
      <dd data-testid="xs-last-check" data-outcome={update.lastOutcome ?? ''} style={{ margin: 0 }}>
        {update.lastCheckAt
          ? `${formatTime(update.lastCheckAt)}（${update.lastTrigger ? TRIGGER_LABELS[update.lastTrigger] : ''}）：${update.lastOutcome ? OUTCOME_LABELS[update.lastOutcome] : ''}`
          : '尚未检查'}
      </dd>
      {status.nextCheckAt && (
        <>
          <dt>下次检查</dt>
          <dd style={{ margin: 0 }}>{formatTime(status.nextCheckAt)}</dd>
        </>
      )}
      {update.lastError && (
        <>
          <dt style={{ color: '#b00020' }}>最近错误</dt>
          <dd data-testid="xs-last-error" data-code={update.lastError.code} style={{ margin: 0, color: '#b00020', whiteSpace: 'pre-wrap' }}>
            {formatTime(update.lastError.at)}：{update.lastError.reason}
          </dd>
        </>
      )}
    </dl>
  );
}
