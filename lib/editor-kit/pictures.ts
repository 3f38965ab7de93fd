/**
 * The pictures of a draft: which <img> each field holds (synchronous, on every reading) and, where the page
 * allows it, a content hash of their bytes (asynchronous, cached by source). The draft hash binds to both
 * (lib/review/draft-hash.ts), so swapping a picture after approval voids the approvals.
 *
 * Bytes are read with fetch from the page's context: data: and blob: URLs, same-origin pictures and
 * cross-origin ones served with CORS headers. Anything else (a CDN without CORS) keeps only its `src`, which
 * the console changes when a picture is replaced. A later picture reader (QR codes, OCR) reads the same
 * `Picture` records and reports findings with `field: 'picture:<id>'`.
 */
import type { FieldName, Picture } from '../core/types';

/** Images that are editor chrome, not content. */
const NOT_CONTENT = 'img.ProseMirror-separator, img[data-xs-ignore]';
/** Pictures larger than this are identified by their source only. */
export const MAX_PICTURE_BYTES = 20 * 1024 * 1024;

export interface PictureSource {
  field: FieldName;
  element: Element;
}

/** The pictures in these fields, in field and document order; `hash` filled from `known` when cached. */
export function collectPictures(fields: readonly PictureSource[], known?: ReadonlyMap<string, string | null>): Picture[] {
  const out: Picture[] = [];
  for (const { field, element } of fields) {
    let index = 0;
    for (const img of Array.from(element.querySelectorAll('img'))) {
      if (img.matches(NOT_CONTENT)) continue;
      const src = img.currentSrc || img.getAttribute('src') || '';
      if (!src) continue;
      const hash = known?.get(src) ?? undefined;
      const alt = img.getAttribute('alt')?.trim();
      out.push({ id: `${field}#${index}`, src, field, index, ...(hash ? { hash } : {}), ...(alt ? { alt } : {}) });
      index++;
    }
  }
  return out;
}

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

async function sha256OfBytes(bytes: ArrayBuffer): Promise<string> {
  const digest = new Uint8Array(await globalThis.crypto.subtle.digest('SHA-256', bytes));
  let out = '';
  for (const byte of digest) out += HEX[byte];
  return out;
}

export type FetchBytes = (src: string) => Promise<ArrayBuffer | undefined>;

/** Reads a picture's bytes if the page allows it (CORS mode: an opaque response is "not allowed"). */
export const fetchPictureBytes: FetchBytes = async (src) => {
  try {
    const response = await fetch(src, { mode: 'cors', credentials: 'same-origin', cache: 'force-cache' });
    if (!response.ok) return undefined;
    const length = Number(response.headers.get('content-length') ?? 0);
    if (length > MAX_PICTURE_BYTES) return undefined;
    const bytes = await response.arrayBuffer();
    return bytes.byteLength > MAX_PICTURE_BYTES ? undefined : bytes;
  } catch {
    return undefined; // cross-origin without CORS, offline, revoked blob
  }
};

/**
 * Content hashes by source, shared by every reading of one page. `hashes` answers what is known now (null:
 * tried, not readable); `read` fetches the missing ones and resolves when all given sources are settled.
 */
export class PictureHashes {
  private readonly known = new Map<string, string | null>();
  private readonly inFlight = new Map<string, Promise<void>>();

  constructor(private readonly fetchBytes: FetchBytes = fetchPictureBytes) {}

  get hashes(): ReadonlyMap<string, string | null> {
    return this.known;
  }

  /**
   * A hash learnt elsewhere: the picture reader fetches pictures the page may not (image CDNs without CORS) and
   * hashes their bytes, so the draft hash binds to their content too.
   */
  learn(src: string, hash: string): void {
    this.known.set(src, hash);
  }

  /** Sources among these pictures whose bytes have not been tried yet. */
  unread(pictures: readonly Picture[]): string[] {
    return [...new Set(pictures.map((p) => p.src))].filter((src) => !this.known.has(src));
  }

  read(sources: readonly string[]): Promise<void> {
    return Promise.all(
      sources.map((src) => {
        if (this.known.has(src)) return undefined;
        let job = this.inFlight.get(src);
        if (!job) {
          job = this.fetchBytes(src)
            .then((bytes) => (bytes ? sha256OfBytes(bytes) : null))
            .catch(() => null)
            .then((hash) => {
              this.known.set(src, hash);
              this.inFlight.delete(src);
            });
          this.inFlight.set(src, job);
        }
        return job;
      }),
    ).then(() => undefined);
  }
}
