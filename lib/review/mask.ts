/**
 * Personal information found in a draft is not copied into the review log in clear: the log is kept for
 * years and may be forwarded to a collector, and the finding id already identifies the match. Pure.
 */
import type { Category } from '../core/types';

export function maskForLog(category: Category, text: string): string {
  if (category !== 'pii') return text;
  const chars = [...text];
  if (chars.length <= 2) return '*'.repeat(chars.length);
  const keepHead = chars.length >= 8 ? 3 : 1;
  const keepTail = chars.length >= 8 ? 4 : 1;
  return chars.slice(0, keepHead).join('') + '*'.repeat(chars.length - keepHead - keepTail) + chars.slice(-keepTail).join('');
}
