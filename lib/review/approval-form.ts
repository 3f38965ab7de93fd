/**
 * The printable 信息发布审批表 (003_54205cdec66d062b.txt 附件2《六安市民政局信息发布审批表》) as a standalone
 * HTML string. Pure. Rows follow the paper form: 信息标题 / 是否涉密, 信息发布类别, 要求发布时间, 信息内容,
 * 科室信息员意见 (初审), 科室审核人意见 (复审), 分管领导审核意见 (终审), each with 审核人 and date; then the
 * screening findings and the log hashes that make the form checkable against the log.
 */
import type { Platform } from '../core/types';
import { describeFinding } from './exports';
import { formatFormDate, formatLocalTime, SEVERITY_LABELS, RESOLUTION_LABELS } from './labels';
import { LEVEL_LABELS, type Level, type LoggedFinding, type LogRecord } from './types';

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

const CATEGORY_BOXES = ['局网站', '政务公开', '微博', '微信', '其他'] as const;
const PLATFORM_BOX: Record<Platform, (typeof CATEGORY_BOXES)[number]> = {
  wechat: '微信',
  weibo: '微博',
  douyin: '其他',
  generic: '其他',
};
const OTHER_NAME: Partial<Record<Platform, string>> = { douyin: '抖音' };

/** The paper form's opinion rows, in order, and the level whose decision fills each. */
export const FORM_ROWS: { label: string; level: Level }[] = [
  { label: '科室信息员意见', level: 'first' },
  { label: '科室审核人意见', level: 'second' },
  { label: '分管领导审核意见', level: 'final' },
];

export interface ApprovalFormData {
  title: string;
  platform: Platform;
  account?: string;
  secret: string;
  requestedAt?: string;
  summary: string;
  rows: { label: string; level: Level; reviewer: string; opinion: string; date: string }[];
  focus: LogRecord;
  /** Findings of the latest record for this content that lists any (with their resolutions). */
  findings: LoggedFinding[];
}

/**
 * Gathers what one form shows: the decisions for the same draft content as `focus` (the latest per level),
 * and the submit time as 要求发布时间 when the draft was submitted, else the focus record's time.
 */
export function approvalFormData(focus: LogRecord, records: LogRecord[]): ApprovalFormData {
  const same = records.filter((r) => r.draftKey === focus.draftKey && r.draftHash === focus.draftHash);
  const latestByLevel = new Map<Level, LogRecord>();
  for (const r of same)
    if (r.kind === 'decision' && r.level)
      if (!latestByLevel.has(r.level) || latestByLevel.get(r.level)!.seq < r.seq) latestByLevel.set(r.level, r);
  const submitted = same.find((r) => r.kind === 'screening' && r.decision === 'approve');
  const withFindings = [...same].reverse().find((r) => r.findings.length > 0) ?? focus;
  const secretCount = withFindings.findings.filter((f) => f.category === 'secret').length;
  const rows = FORM_ROWS.map(({ label, level }) => {
    const r = latestByLevel.get(level);
    if (!r) return { label, level, reviewer: '', opinion: '', date: '' };
    const opinion = r.decision === 'approve' ? r.note?.trim() || '同意发布。' : `退回：${r.note ?? ''}`;
    const reviewer = r.reviewer.unit ? `${r.reviewer.name}（${r.reviewer.unit}）` : r.reviewer.name;
    return { label, level, reviewer, opinion, date: formatFormDate(r.at) };
  });
  return {
    title: focus.title,
    platform: focus.platform,
    account: focus.account,
    secret: secretCount ? `待核：检出涉密标识 ${secretCount} 处` : '否',
    requestedAt: (submitted ?? focus).at,
    summary: same.map((r) => r.summary).find((s) => s) ?? '',
    rows,
    focus,
    findings: withFindings.findings,
  };
}

function categoryCells(platform: Platform, account?: string): string {
  const checked = PLATFORM_BOX[platform];
  return CATEGORY_BOXES.map((name) => {
    const extra = name === '其他' && checked === '其他' && OTHER_NAME[platform] ? `（${OTHER_NAME[platform]}）` : '';
    return `<span class="box">${name === checked ? '☑' : '□'}${name}${extra}</span>`;
  }).join(' ') + (account ? `<div class="small">账号：${escapeHtml(account)}</div>` : '');
}

const STYLE = `
@page { size: A4; margin: 18mm 16mm; }
body { font-family: "SimSun", "Songti SC", "Noto Serif CJK SC", serif; color: #000; margin: 0; }
.form { page-break-after: always; max-width: 180mm; margin: 0 auto; }
.form:last-child { page-break-after: auto; }
h1 { text-align: center; font-size: 20pt; font-weight: bold; margin: 8mm 0 6mm; letter-spacing: 2px; }
table { width: 100%; border-collapse: collapse; table-layout: fixed; }
th, td { border: 1px solid #000; padding: 6px 8px; font-size: 11.5pt; vertical-align: top; word-break: break-all; }
th { width: 26%; font-weight: normal; text-align: center; vertical-align: middle; }
.opinion { min-height: 22mm; white-space: pre-wrap; }
.sign { text-align: right; margin-top: 6px; }
.sign span { display: inline-block; min-width: 32mm; text-align: left; }
.content { min-height: 40mm; white-space: pre-wrap; }
.box { margin-right: 10px; white-space: nowrap; }
.small { font-size: 9pt; color: #333; margin-top: 4px; }
h2 { font-size: 12pt; margin: 6mm 0 2mm; }
.findings td, .findings th { font-size: 9.5pt; width: auto; text-align: left; }
.hashes { font-family: monospace; font-size: 8pt; margin-top: 4mm; color: #333; word-break: break-all; }
`;

/** The form's heading; each unit sets its own (the review server passes it from the unit's configuration). */
export const DEFAULT_FORM_TITLE = '六安市民政局信息发布审批表';

function formSection(data: ApprovalFormData, formTitle: string): string {
  const rows = data.rows
    .map(
      (row) => `<tr><th>${row.label}<div class="small">（${LEVEL_LABELS[row.level]}）</div></th><td colspan="3">
<div class="opinion">${escapeHtml(row.opinion)}</div>
<div class="sign">审核人：<span>${escapeHtml(row.reviewer)}</span> ${row.date ? escapeHtml(row.date) : '&emsp;&emsp;年&emsp;月&emsp;日'}</div></td></tr>`,
    )
    .join('\n');
  const findings = data.findings.length
    ? `<h2>附：发布前检查发现的问题及处理</h2><table class="findings"><tr><th>级别</th><th>内容</th><th>处理</th><th>理由</th></tr>${data.findings
        .map(
          (f) =>
            `<tr><td>${SEVERITY_LABELS[f.severity]}</td><td>${escapeHtml(f.text)}</td><td>${RESOLUTION_LABELS[f.resolution]}</td><td>${escapeHtml(f.reason ?? '')}</td></tr>`,
        )
        .join('')}</table>`
    : '<h2>附：发布前检查未发现问题</h2>';
  const titleAttr = escapeHtml(data.findings.map(describeFinding).join('；'));
  return `<section class="form" data-seq="${data.focus.seq}">
<h1>${escapeHtml(formTitle)}</h1>
<table>
<tr><th>信息标题</th><td>${escapeHtml(data.title)}</td><th style="width:14%">是否涉密</th><td style="width:20%">${escapeHtml(data.secret)}</td></tr>
<tr><th>信息发布类别</th><td colspan="3">${categoryCells(data.platform, data.account)}</td></tr>
<tr><th>要求发布时间</th><td colspan="3">${data.requestedAt ? escapeHtml(formatLocalTime(data.requestedAt)) : ''}</td></tr>
<tr><th>信息内容</th><td colspan="3"><div class="content">${escapeHtml(data.summary)}</div></td></tr>
${rows}
</table>
${findings}
<div class="hashes" title="${titleAttr}">稿件内容 SHA-256：${escapeHtml(data.focus.draftHash)}<br>审核日志第 ${data.focus.seq} 条，记录哈希：${escapeHtml(data.focus.hash)}<br>由“先审 XianShen”依审核日志生成，可用日志页“校验”核对。</div>
</section>`;
}

/** One standalone HTML document with one form per focus record (page breaks between them). */
export function approvalFormHtml(
  focus: LogRecord | LogRecord[],
  records: LogRecord[],
  options: { formTitle?: string } = {},
): string {
  const formTitle = options.formTitle?.trim() || DEFAULT_FORM_TITLE;
  const list = Array.isArray(focus) ? focus : [focus];
  const title = list.length === 1 ? `${formTitle} - ${list[0].title}` : `${formTitle}（${list.length} 份）`;
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title><style>${STYLE}</style></head>
<body>
${list.map((r) => formSection(approvalFormData(r, records), formTitle)).join('\n')}
</body></html>`;
}

