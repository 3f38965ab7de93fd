/** zh-CN labels shared by the options page and the popup. */
import type { CheckOutcome, CheckTrigger } from '@/lib/ext/messages/ruleset';
import type { ListSource } from '@/lib/bundle/merge';

export const SOURCE_LABELS: Record<ListSource, string> = { bundled: '内置', update: '在线更新', import: '本地导入' };

export const OUTCOME_LABELS: Record<CheckOutcome, string> = {
  applied: '已更新',
  'up-to-date': '已是最新',
  rejected: '已拒绝',
  failed: '检查失败',
  'no-urls': '未配置更新地址',
};

export const TRIGGER_LABELS: Record<CheckTrigger, string> = {
  install: '安装时',
  startup: '浏览器启动时',
  alarm: '定时检查',
  manual: '手动检查',
  settings: '设置变更后',
  import: '本地导入',
};

export function formatTime(iso: string | undefined): string {
  if (!iso) return '—';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleString('zh-CN', { hour12: false });
}
