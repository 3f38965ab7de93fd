/**
 * Props contract of the flagged-issues sidebar. The sidebar is presentational: whoever mounts it (the
 * content script, inside the `<xianshen-sidebar>` shadow root) owns the state and answers the callbacks.
 */
import type { ReactNode } from 'react';
import type { Finding } from '@/lib/core/types';
import type { PicturePreviews } from './pictures';

export type SidebarState = 'screening' | 'clean' | 'problems' | 'held' | 'unsupported';

/** The one Resolution type (lib/review/types.ts): the row shows `by.name` when the review store recorded who. */
export type { Resolution } from '@/lib/review/types';
import type { Resolution } from '@/lib/review/types';

export interface SidebarProps {
  state: SidebarState;
  findings: Finding[];
  /** Keyed by Finding.id. */
  resolutions: Record<string, Resolution>;
  /** Display label per field; its key order is the order the field groups are listed in. */
  fieldLabels: Record<string, string>;
  /** 微信公众号 / 微博 / 抖音 */
  platformLabel: string;
  /** Overrides the default status text. */
  statusText?: string;
  /** Why publishing was held (zh-CN lines), shown in an alert when state === 'held'. */
  heldReasons?: string[];
  /** e.g. 未识别编辑器（适配可能已过期） */
  unsupportedReason?: string;
  /** The draft's pictures: thumbnails and read text for picture findings, and which are being read. */
  pictures?: PicturePreviews;
  /** Offers a 重试 button in the held alert (e.g. the review service could not be reached). */
  onRetry?(): void;
  /** Review panel rendered below the findings (another component). */
  reviewSlot?: ReactNode;
  collapsed: boolean;
  onToggleCollapsed(): void;
  onJump(f: Finding): void;
  /** Only offered when f.suggestion is a literal replacement (see isLiteralSuggestion). */
  onFix(f: Finding): void;
  /** reason is never empty: the inline form refuses to submit without one. */
  onAccept(f: Finding, reason: string): void;
}
