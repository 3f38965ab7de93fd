/** zh-CN labels and formatting shared by exports and the log page. Pure. */
import type { Platform, Severity } from '../core/types';
import { ROLE_LABELS, type Role } from '../settings/schema';

export const PLATFORM_LABELS: Record<Platform, string> = {
  wechat: '微信公众号',
  weibo: '微博',
  douyin: '抖音',
  generic: '其他',
};

export const SEVERITY_LABELS: Record<Severity, string> = { block: '阻断', review: '待审', info: '提示' };

export const RESOLUTION_LABELS = { fixed: '已修改', accepted: '已接受', open: '未处理' } as const;

export function roleLabel(role: Role): string {
  return ROLE_LABELS[role];
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Local wall-clock time, e.g. 2026-11-24 09:30:05 (what an inspector expects in a spreadsheet). */
export function formatLocalTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

/** 2026 年 11 月 24 日, as the paper form writes dates. */
export function formatFormDate(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  return `${d.getFullYear()} 年 ${d.getMonth() + 1} 月 ${d.getDate()} 日`;
}
