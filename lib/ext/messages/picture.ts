/**
 * Messages of the picture service (lib/ext/picture-service.ts): reading a picture of the draft, and its status.
 * Part of the one message union in lib/ext/messages.ts. The offscreen document's own channel (background ->
 * offscreen) is OffscreenMessage, addressed with `target: 'xs-offscreen'` so no other page answers it.
 */
import type { PictureReading } from '../../images/types';

export type PictureMessage =
  /**
   * Read one picture. `src` is its address in the page; `dataBase64` carries the bytes when only the page can
   * reach them (data: and blob: URLs), since runtime messages are JSON.
   */
  | { type: 'picture:read'; src: string; dataBase64?: string }
  | { type: 'picture:status' };

export type PictureReadResult =
  | { status: 'read'; reading: PictureReading; cached: boolean; ms: number }
  /** zh-CN reason, shown in the sidebar: the picture is reported as not read, never passed. */
  | { status: 'not-read'; reason: string };

export interface PictureStatus {
  queued: number;
  reading: boolean;
  readerOpen: boolean;
}

export interface PictureReplies {
  'picture:read': PictureReadResult;
  'picture:status': PictureStatus;
}

export function isPictureMessage(message: unknown): message is PictureMessage {
  const type = (message as { type?: unknown } | null)?.type;
  return typeof type === 'string' && type.startsWith('picture:');
}

export const OFFSCREEN_TARGET = 'xs-offscreen';

export type OffscreenMessage = { target: typeof OFFSCREEN_TARGET; type: 'offscreen:read'; hash: string; dataBase64: string };

export function isOffscreenMessage(message: unknown): message is OffscreenMessage {
  return (message as { target?: unknown } | null)?.target === OFFSCREEN_TARGET;
}
