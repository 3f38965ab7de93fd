/**
 * Exports of the review log. Pure (strings in, strings out; the page turns them into downloads).
 * - CSV: papaparse, UTF-8 with a BOM so Excel and WPS detect the encoding; formula-like cells are
 *   neutralised (CSV injection).
 * - JSON: the full records with hashes, so anyone can re-verify the chain.
 */
import Papa from 'papaparse';
import {
  DECISION_LABELS,
  LEVEL_LABELS,
  LOG_KIND_LABELS,
  type LogRecord,
  type LoggedFinding,
} from './types';
import { formatLocalTime, PLATFORM_LABELS, RESOLUTION_LABELS, roleLabel, SEVERITY_LABELS } from './labels';
import type { VerifyResult } from './hash-chain';

export const BOM = '\uFEFF';

export const CSV_COLUMNS = [
  '序号',
  '时间',
  '类型',
  '平台',
  '账号',
  '草稿标识',
  '标题',
  '审核人',
  '单位',
  '角色',
  '审核级别',
  '结论',
  '意见',
  '问题数',
  '阻断问题数',
  '问题明细',
  '内容哈希',
  '前一记录哈希',
  '记录哈希',
] as const;
export type CsvRow = Record<(typeof CSV_COLUMNS)[number], string>;

export function describeFinding(f: LoggedFinding): string {
  const reason = f.reason ? `（${f.reason}）` : '';
  return `[${SEVERITY_LABELS[f.severity]}] ${f.text} → ${RESOLUTION_LABELS[f.resolution]}${reason}`;
}

/** The row a record becomes (also what a parsed CSV must give back). */
export function csvRow(r: LogRecord): CsvRow {
  return {
    序号: String(r.seq),
    时间: formatLocalTime(r.at),
    类型: LOG_KIND_LABELS[r.kind],
    平台: PLATFORM_LABELS[r.platform],
    账号: r.account ?? '',
    草稿标识: r.draftKey,
    标题: r.title,
    审核人: r.reviewer.name,
    单位: r.reviewer.unit ?? '',
    角色: roleLabel(r.reviewer.role),
    审核级别: r.level ? LEVEL_LABELS[r.level] : '',
    结论: DECISION_LABELS[r.decision],
    意见: r.note ?? '',
    问题数: String(r.findings.length),
    阻断问题数: String(r.findings.filter((f) => f.severity === 'block').length),
    问题明细: r.findings.map(describeFinding).join('；'),
    内容哈希: r.draftHash,
    前一记录哈希: r.prevHash,
    记录哈希: r.hash,
  };
}

export function toCsv(records: LogRecord[]): string {
  const csv = Papa.unparse(
    { fields: [...CSV_COLUMNS], data: records.map((r) => CSV_COLUMNS.map((c) => csvRow(r)[c])) },
    { escapeFormulae: true, newline: '\r\n' },
  );
  return BOM + csv + '\r\n';
}

/**
 * `verify`: the background's verification of the WHOLE chain at export time. When it passed, the export carries
 * the chain head (record count and hash of the last record): the outside anchor a later check compares with
 * (lib/review/anchor.ts), even when `records` is only the filtered part of the log.
 */
export function toJson(records: LogRecord[], verify?: VerifyResult, exportedAt = new Date().toISOString()): string {
  return JSON.stringify(
    {
      format: 'xianshen-review-log',
      version: 1,
      exportedAt,
      note: 'hash = SHA-256(canonical JSON of the record without hash); prevHash links to the previous seq. chainHead = {count, hash} of the whole chain when exported.',
      ...(verify?.ok ? { chainHead: { count: verify.count, hash: verify.head.hash } } : {}),
      ...(verify ? { verify } : {}),
      records,
    },
    null,
    2,
  );
}
