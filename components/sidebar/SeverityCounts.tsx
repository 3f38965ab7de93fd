import { SEVERITIES } from '@/lib/core/types';
import type { Severity } from '@/lib/core/types';
import { SEVERITY_LABELS } from './labels';

/** Unresolved findings per severity; resolved ones no longer stand between the draft and publishing. */
export function SeverityCounts({ counts, resolved }: { counts: Record<Severity, number>; resolved: number }) {
  return (
    <ul className="xs-counts" aria-label="待处理问题统计">
      {SEVERITIES.map((severity) => (
        <li
          key={severity}
          className={`xs-count xs-sev-${severity}${counts[severity] === 0 ? ' xs-count-zero' : ''}`}
          data-xs="count"
          data-severity={severity}
          data-count={counts[severity]}
        >
          <span className="xs-count-label">{SEVERITY_LABELS[severity]}</span>
          <span className="xs-count-value">{counts[severity]}</span>
        </li>
      ))}
      {resolved > 0 && (
        <li className="xs-count xs-count-resolved" data-xs="count" data-severity="resolved" data-count={resolved}>
          <span className="xs-count-label">已处理</span>
          <span className="xs-count-value">{resolved}</span>
        </li>
      )}
    </ul>
  );
}
