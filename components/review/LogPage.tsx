/**
 * The review log page (chrome-extension://<id>/log.html): filter, open a record, verify the chain, export
 * CSV / JSON and print the 信息发布审批表. Reads through the background (the only writer of the log).
 * The chain is also checked against an outside anchor (lib/review/anchor.ts): an earlier export the user
 * picks, or the collector's copy of the head (GET <collectorUrl>/head).
 */
import { useEffect, useState, type CSSProperties, type FormEvent } from 'react';
import { PLATFORMS, type Platform } from '@/lib/core/types';
import type { VerifyResult } from '@/lib/review/hash-chain';
import type { LogFilter } from '@/lib/review/query';
import { approvalFormHtml } from '@/lib/review/approval-form';
import { toCsv, toJson, describeFinding } from '@/lib/review/exports';
import { collectorAnchor, compareWithAnchor, parseLogExport, type AnchorResult, type LogAnchor } from '@/lib/review/anchor';
import { formatLocalTime, PLATFORM_LABELS, RESOLUTION_LABELS, roleLabel, SEVERITY_LABELS } from '@/lib/review/labels';
import { DECISION_LABELS, LEVEL_LABELS, LOG_KIND_LABELS, type Decision, type LogKind, type LogRecord } from '@/lib/review/types';
import { ask, sendReview, type ReviewSend } from './client';
import { downloadText, printHtml, stamp } from './download';

export interface LogPageProps {
  send?: ReviewSend;
  /** Injected for tests; the page downloads and prints through the browser by default. */
  download?: (filename: string, content: string, mime: string) => void;
  print?: (html: string) => void;
  /** Injected for tests: reads the collector's copy of the chain head. */
  fetchImpl?: typeof fetch;
}

const PAGE_SIZE = 200;

/** Who acted in which capacity: the level signed, or what the person at the machine did. */
function roleText(r: LogRecord): string {
  if (r.level) return LEVEL_LABELS[r.level];
  if (r.kind === 'screening') return '提交人';
  if (r.kind === 'edit') return '修改人';
  return roleLabel(r.reviewer.role);
}

interface FilterForm {
  from: string;
  to: string;
  platform: '' | Platform;
  account: string;
  reviewer: string;
  decision: '' | Decision;
  kind: '' | LogKind;
}

const EMPTY: FilterForm = { from: '', to: '', platform: '', account: '', reviewer: '', decision: '', kind: '' };

/** Local calendar days → ISO instants (from = start of the first day, to = start of the day after the last). */
export function toLogFilter(form: FilterForm): LogFilter {
  const dayStart = (value: string, plusDays = 0) => {
    const [y, m, d] = value.split('-').map(Number);
    return new Date(y, m - 1, d + plusDays).toISOString();
  };
  return {
    ...(form.from ? { from: dayStart(form.from) } : {}),
    ...(form.to ? { to: dayStart(form.to, 1) } : {}),
    ...(form.platform ? { platform: form.platform } : {}),
    ...(form.account.trim() ? { account: form.account.trim() } : {}),
    ...(form.reviewer.trim() ? { reviewer: form.reviewer.trim() } : {}),
    ...(form.decision ? { decision: form.decision } : {}),
    ...(form.kind ? { kind: form.kind } : {}),
  };
}

const cell: CSSProperties = { border: '1px solid #d1d5db', padding: '4px 6px', textAlign: 'left', verticalAlign: 'top' };
const mono: CSSProperties = { fontFamily: 'monospace', fontSize: 12, wordBreak: 'break-all' };

/** Where a collector offers its copy of the chain head: <collectorUrl>/head (documented in the README). */
export function collectorHeadUrl(collectorUrl: string): string {
  return `${collectorUrl.replace(/\/+$/, '')}/head`;
}

export function LogPage({ send = sendReview, download = downloadText, print = printHtml, fetchImpl = (...args) => fetch(...args) }: LogPageProps) {
  const [form, setForm] = useState<FilterForm>(EMPTY);
  const [records, setRecords] = useState<LogRecord[]>([]);
  const [total, setTotal] = useState<number>();
  const [selected, setSelected] = useState<{ record: LogRecord; related: LogRecord[] }>();
  const [verify, setVerify] = useState<VerifyResult>();
  const [error, setError] = useState<string>();
  const [forward, setForward] = useState<{ pending: number; collectorUrl?: string; stoppedBy?: string }>();
  const [anchor, setAnchor] = useState<AnchorResult>();

  const guard = async (action: () => Promise<void>) => {
    setError(undefined);
    try {
      await action();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };

  const search = (f: FilterForm = form) =>
    guard(async () => {
      const result = await ask(send, { type: 'review:log-query', filter: { ...toLogFilter(f), limit: PAGE_SIZE } });
      setRecords(result.records);
      setTotal(result.total);
    });

  useEffect(() => {
    void search(EMPTY);
    void guard(async () => setForward(await ask(send, { type: 'review:forward' })));
  }, []);

  const open = (seq: number) =>
    guard(async () => {
      const result = await ask(send, { type: 'review:log-record', seq });
      if (result.record) setSelected({ record: result.record, related: result.related });
    });

  const allMatching = async () => (await ask(send, { type: 'review:log-query', filter: toLogFilter(form) })).records.reverse();

  const exportCsv = () =>
    guard(async () => download(`审核日志-${stamp()}.csv`, toCsv(await allMatching()), 'text/csv;charset=utf-8'));
  const exportJson = () =>
    guard(async () => {
      const [matching, verified] = await Promise.all([allMatching(), ask(send, { type: 'review:verify' })]);
      download(`审核日志-${stamp()}.json`, toJson(matching, verified), 'application/json;charset=utf-8');
    });
  const runVerify = () => guard(async () => setVerify(await ask(send, { type: 'review:verify' })));
  /** The whole chain in force, unfiltered, compared with pairs that left the machine earlier. */
  const checkAnchor = async (source: () => Promise<LogAnchor>) =>
    guard(async () => {
      setAnchor(undefined);
      const against = await source();
      const { records: all } = await ask(send, { type: 'review:log-query', filter: {} });
      setAnchor(compareWithAnchor(all, against));
    });
  const anchorFromFile = (file: File | undefined) => {
    if (file) void checkAnchor(async () => parseLogExport(file.name, await file.text()));
  };
  const anchorFromCollector = (collectorUrl: string) =>
    checkAnchor(async () => {
      const url = collectorHeadUrl(collectorUrl);
      let response: Response;
      try {
        response = await fetchImpl(url, { cache: 'no-store', credentials: 'omit' });
      } catch (e) {
        throw new Error(`无法连接汇集服务器 ${url}（${e instanceof Error ? e.message : String(e)}）。`);
      }
      if (response.status === 404) throw new Error(`汇集服务器未提供链头副本（${url} 返回 404），无法对照。`);
      if (!response.ok) throw new Error(`读取汇集服务器的链头失败：${url} 返回 HTTP ${response.status}。`);
      return collectorAnchor(url, await response.json().catch(() => undefined));
    });
  const formHtml = () => (selected ? approvalFormHtml(selected.record, selected.related) : '');

  const set = <K extends keyof FilterForm>(key: K) => (value: FilterForm[K]) => setForm((f) => ({ ...f, [key]: value }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void search();
  };

  return (
    <main style={{ fontFamily: 'system-ui, "PingFang SC", "Microsoft YaHei", sans-serif', padding: 16, fontSize: 14 }}>
      <h1 style={{ fontSize: 20 }}>先审 · 审核日志</h1>
      <p style={{ color: '#4b5563', marginTop: 0 }}>
        每次提交检查、问题处理、审核决定和紧急放行都按顺序记入本机日志，并以 SHA-256 哈希链首尾相连：任何一条被改动、删除或调换顺序，“校验”都能指出位置。
        {forward &&
          (forward.collectorUrl
            ? ` 日志同时发送到 ${forward.collectorUrl}（待发送 ${forward.pending} 条${forward.stoppedBy ? `，${forward.stoppedBy}` : ''}）。`
            : ' 未配置汇集地址，日志只保存在本机。')}
      </p>

      <form onSubmit={submit} data-xs="log-filters" style={{ display: 'flex', flexWrap: 'wrap', gap: 8, alignItems: 'end' }}>
        <label>
          起始日期 <input type="date" data-xs="filter-from" value={form.from} onChange={(e) => set('from')(e.target.value)} />
        </label>
        <label>
          结束日期 <input type="date" data-xs="filter-to" value={form.to} onChange={(e) => set('to')(e.target.value)} />
        </label>
        <label>
          平台{' '}
          <select data-xs="filter-platform" value={form.platform} onChange={(e) => set('platform')(e.target.value as FilterForm['platform'])}>
            <option value="">全部</option>
            {PLATFORMS.map((p) => (
              <option key={p} value={p}>
                {PLATFORM_LABELS[p]}
              </option>
            ))}
          </select>
        </label>
        <label>
          账号 <input data-xs="filter-account" value={form.account} onChange={(e) => set('account')(e.target.value)} size={10} />
        </label>
        <label>
          审核人 <input data-xs="filter-reviewer" value={form.reviewer} onChange={(e) => set('reviewer')(e.target.value)} size={8} />
        </label>
        <label>
          结论{' '}
          <select data-xs="filter-decision" value={form.decision} onChange={(e) => set('decision')(e.target.value as FilterForm['decision'])}>
            <option value="">全部</option>
            <option value="approve">通过/放行</option>
            <option value="return">退回/拦截</option>
          </select>
        </label>
        <label>
          类型{' '}
          <select data-xs="filter-kind" value={form.kind} onChange={(e) => set('kind')(e.target.value as FilterForm['kind'])}>
            <option value="">全部</option>
            {(Object.keys(LOG_KIND_LABELS) as LogKind[]).map((k) => (
              <option key={k} value={k}>
                {LOG_KIND_LABELS[k]}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" data-xs="log-search">
          查询
        </button>
        <button type="button" data-xs="verify" onClick={runVerify}>
          校验日志链
        </button>
        <button type="button" data-xs="export-csv" onClick={exportCsv}>
          导出 CSV
        </button>
        <button type="button" data-xs="export-json" onClick={exportJson}>
          导出 JSON
        </button>
      </form>

      <p data-xs="anchor-controls" style={{ display: 'flex', flexWrap: 'wrap', gap: 8, alignItems: 'center' }}>
        <label>
          对照早先导出的文件校验（JSON 或 CSV）{' '}
          <input type="file" accept=".json,.csv,application/json,text/csv" data-xs="anchor-file" onChange={(e) => anchorFromFile(e.target.files?.[0])} />
        </label>
        {forward?.collectorUrl && (
          <button type="button" data-xs="anchor-collector" onClick={() => anchorFromCollector(forward.collectorUrl!)}>
            对照汇集服务器校验
          </button>
        )}
      </p>
      {anchor && (
        <p role="status" data-xs="anchor-result" data-ok={anchor.ok ? 'true' : 'false'} style={{ color: anchor.ok ? '#047857' : '#b91c1c', fontWeight: 600 }}>
          {anchor.ok ? anchor.message : `对照失败：${anchor.message}`}
        </p>
      )}

      {verify && (
        <p role="status" data-xs="verify-result" data-ok={verify.ok ? 'true' : 'false'} style={{ color: verify.ok ? '#047857' : '#b91c1c', fontWeight: 600 }}>
          {verify.ok
            ? `校验通过：共 ${verify.count} 条记录，哈希链完整。`
            : `校验失败：${verify.break.message}（此前 ${verify.count} 条完好）`}
        </p>
      )}
      {error && (
        <p role="alert" style={{ color: '#b91c1c' }}>
          {error}
        </p>
      )}

      <p data-xs="log-count">
        {total === undefined ? '正在读取…' : `共 ${total} 条${total > records.length ? `，显示最新 ${records.length} 条` : ''}`}
      </p>
      <table style={{ borderCollapse: 'collapse', width: '100%' }}>
        <thead>
          <HeaderRow labels={['序号', '时间', '类型', '平台', '账号', '标题', '审核人', '角色', '结论', '问题']} />
        </thead>
        <tbody>
          {records.map((r) => (
            <tr
              key={r.seq}
              data-xs="log-row"
              data-seq={r.seq}
              onClick={() => open(r.seq)}
              style={{ cursor: 'pointer', background: selected?.record.seq === r.seq ? '#eef2ff' : undefined }}
            >
              <td style={cell}>{r.seq}</td>
              <td style={cell}>{formatLocalTime(r.at)}</td>
              <td style={cell}>{LOG_KIND_LABELS[r.kind]}</td>
              <td style={cell}>{PLATFORM_LABELS[r.platform]}</td>
              <td style={cell}>{r.account ?? ''}</td>
              <td style={cell}>{r.title}</td>
              <td style={cell}>{r.reviewer.name}</td>
              <td style={cell}>{roleText(r)}</td>
              <td style={cell}>{DECISION_LABELS[r.decision]}</td>
              <td style={cell}>{r.findings.length}</td>
            </tr>
          ))}
        </tbody>
      </table>

      {selected && <RecordDetail record={selected.record} onPrint={() => print(formHtml())} onDownloadForm={() => download(`信息发布审批表-${selected.record.seq}.html`, formHtml(), 'text/html;charset=utf-8')} />}
    </main>
  );
}

function RecordDetail({ record: r, onPrint, onDownloadForm }: { record: LogRecord; onPrint(): void; onDownloadForm(): void }) {
  const rows: [string, string][] = [
    ['时间', formatLocalTime(r.at)],
    ['类型', LOG_KIND_LABELS[r.kind]],
    ['平台 / 账号', `${PLATFORM_LABELS[r.platform]}${r.account ? ` / ${r.account}` : ''}`],
    ['标题', r.title],
    ['审核人', `${r.reviewer.name}${r.reviewer.unit ? `（${r.reviewer.unit}）` : ''} · ${roleText(r)}`],
    ['结论', DECISION_LABELS[r.decision]],
    ['意见', r.note ?? ''],
    ['内容摘要', r.summary ?? ''],
  ];
  return (
    <section data-xs="log-detail" data-seq={r.seq} style={{ marginTop: 16, borderTop: '2px solid #4f46e5', paddingTop: 8 }}>
      <h2 style={{ fontSize: 16 }}>第 {r.seq} 条记录</h2>
      <dl style={{ display: 'grid', gridTemplateColumns: '8em 1fr', gap: '2px 8px' }}>
        {rows.map(([k, v]) => (
          <div key={k} style={{ display: 'contents' }}>
            <dt style={{ color: '#6b7280' }}>{k}</dt>
            <dd style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{v}</dd>
          </div>
        ))}
        <dt style={{ color: '#6b7280' }}>稿件哈希</dt>
        <dd style={{ margin: 0, ...mono }}>{r.draftHash}</dd>
        <dt style={{ color: '#6b7280' }}>前一条哈希</dt>
        <dd style={{ margin: 0, ...mono }}>{r.prevHash}</dd>
        <dt style={{ color: '#6b7280' }}>本条哈希</dt>
        <dd style={{ margin: 0, ...mono }}>{r.hash}</dd>
      </dl>
      <h3 style={{ fontSize: 14 }}>问题（{r.findings.length}）</h3>
      {r.findings.length > 0 ? (
        <table style={{ borderCollapse: 'collapse' }} data-xs="log-detail-findings">
          <thead>
            <HeaderRow labels={['级别', '内容', '处理', '理由']} />
          </thead>
          <tbody>
            {r.findings.map((f) => (
              <tr key={f.id} title={describeFinding(f)}>
                <td style={cell}>{SEVERITY_LABELS[f.severity]}</td>
                <td style={cell}>{f.text}</td>
                <td style={cell}>{RESOLUTION_LABELS[f.resolution]}</td>
                <td style={cell}>{f.reason ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p>无</p>
      )}
      <p>
        <button type="button" data-xs="print-form" onClick={onPrint}>
          打印信息发布审批表
        </button>{' '}
        <button type="button" data-xs="download-form" onClick={onDownloadForm}>
          下载审批表（HTML）
        </button>
      </p>
    </section>
  );
}

function HeaderRow({ labels }: { labels: string[] }) {
  return (
    <tr>
      {labels.map((h) => (
        <th key={h} style={{ ...cell, background: '#f3f4f6' }}>
          {h}
        </th>
      ))}
    </tr>
  );
}
