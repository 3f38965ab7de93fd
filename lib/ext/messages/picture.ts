/**
 * Messages of the picture service (lib/ext/picture-service.ts): reading a picture of the draft, and its status.
 * Part of the one protocol in lib/ext/messages.ts.
 *
 * The background's own channel to the offscreen document is not part of that protocol (no page may ask the
 * offscreen document anything): it is a runtime Port named OFFSCREEN_PORT (lib/ext/picture-channel.ts).
 */
import type { PictureReading } from '../../images/types';

export type PictureReadResult =
  | { status: 'read'; reading: PictureReading; cached: boolean; ms: number }
  /** zh-CN reason, shown in the sidebar: the picture is reported as not read, never passed. */
  | { status: 'not-read'; reason: string };

export interface PictureStatus {
  queued: number;
  reading: boolean;
  readerOpen: boolean;
}

export interface PictureRequests {
  /**
   * Read one picture. `src` is its address in the page; `dataBase64` carries the bytes when only the page can
   * reach them (data: and blob: URLs, pictures the page fetched with CORS), since runtime messages are JSON.
   */
  'picture:read': { request: { src: string; dataBase64?: string }; response: PictureReadResult };
  'picture:status': { request: object; response: PictureStatus };
}
