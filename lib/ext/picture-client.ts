/**
 * Content script side of the picture reader: asks the background to read one picture of the draft. The
 * background fetches pictures on the consoles' image hosts itself (host permissions); pictures only the page
 * can reach (data: and blob: URLs) are read here and their bytes sent along.
 */
import { bytesToBase64 } from '../core/base64';
import type { Picture } from '../core/types';
import type { PictureOutcome } from '../images/types';
import { send } from './send';

/** Pictures above this are not sent through a runtime message (the background refuses them too). */
const MAX_INLINE_BYTES = 20 * 1024 * 1024;

async function pageOnlyBytes(src: string): Promise<string | undefined> {
  if (!src.startsWith('data:') && !src.startsWith('blob:')) return undefined;
  const res = await fetch(src);
  const bytes = new Uint8Array(await res.arrayBuffer());
  if (bytes.byteLength > MAX_INLINE_BYTES) throw new Error('图片过大，未识别');
  return bytesToBase64(bytes);
}

export async function readPictureInBackground(picture: Picture): Promise<Exclude<PictureOutcome, { status: 'reading' }>> {
  let dataBase64: string | undefined;
  try {
    dataBase64 = await pageOnlyBytes(picture.src);
  } catch (e) {
    return { status: 'not-read', reason: `页面未交出图片内容：${e instanceof Error ? e.message : String(e)}` };
  }
  const reply = await send({ type: 'picture:read', src: picture.src, ...(dataBase64 !== undefined ? { dataBase64 } : {}) });
  if (!reply.ok) return { status: 'not-read', reason: reply.error };
  const r = reply.value;
  return r.status === 'read' ? { status: 'read', reading: r.reading } : { status: 'not-read', reason: r.reason };
}
