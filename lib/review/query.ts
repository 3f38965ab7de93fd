/**
 * Log filters for the log page. Pure. Dates are ISO instants: the page turns its local date inputs into
 * the start and end of those days before sending them.
 */
import type { Platform } from '../core/types';
import type { Decision, LogKind, LogRecord } from './types';

export interface LogFilter {
  /** Inclusive ISO instant. */
  from?: string;
  /** Exclusive ISO instant. */
  to?: string;
  platform?: Platform;
  /** Substring of the account. */
  account?: string;
  /** Substring of the reviewer's name. */
  reviewer?: string;
  decision?: Decision;
  kind?: LogKind;
  draftKey?: string;
  offset?: number;
  limit?: number;
}

export function matchesFilter(record: LogRecord, filter: LogFilter): boolean {
  const time = Date.parse(record.at);
  if (filter.from && time < Date.parse(filter.from)) return false;
  if (filter.to && time >= Date.parse(filter.to)) return false;
  if (filter.platform && record.platform !== filter.platform) return false;
  if (filter.account && !(record.account ?? '').includes(filter.account.trim())) return false;
  if (filter.reviewer && !record.reviewer.name.includes(filter.reviewer.trim())) return false;
  if (filter.decision && record.decision !== filter.decision) return false;
  if (filter.kind && record.kind !== filter.kind) return false;
  if (filter.draftKey && record.draftKey !== filter.draftKey) return false;
  return true;
}

export function filterRecords(records: LogRecord[], filter: LogFilter): LogRecord[] {
  return records.filter((r) => matchesFilter(r, filter));
}
