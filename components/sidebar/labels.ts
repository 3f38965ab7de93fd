/** zh-CN labels shown by the sidebar. One place, so wording stays consistent across rows, counts and badge. */
import type { Category, Severity } from '@/lib/core/types';
import type { SidebarState } from './types';

export const PRODUCT_NAME = '先审';

export const CATEGORY_LABELS: Record<Category, string> = {
  sensitive: '敏感词',
  wording: '规范表述',
  pii: '个人信息',
  ad: '广告',
  repost: '转载来源',
  map: '地图',
  secret: '涉密标识',
  clickbait: '标题党',
};

export const SEVERITY_LABELS: Record<Severity, string> = {
  block: '阻断',
  review: '需复核',
  info: '提示',
};

/** Reasons reviewers give most often; one click fills the reason field, which stays editable. */
export const COMMON_ACCEPT_REASONS = ['依法公示', '已获授权转载', '已核实来源', '引用原文'] as const;

/** The unsupported fallback matters: a page we cannot read must never look like a clean pass. */
export function defaultStatusText(state: SidebarState, findingCount: number, unsupportedReason?: string): string {
  switch (state) {
    case 'screening':
      return '正在审查…';
    case 'clean':
      return '未发现问题';
    case 'problems':
      return `发现 ${findingCount} 个问题`;
    case 'held':
      return '已拦截发布';
    case 'unsupported':
      return unsupportedReason?.trim() || '未识别编辑器，本页未审查';
  }
}
