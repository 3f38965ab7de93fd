/**
 * The background's private channel to the offscreen picture reader: a runtime Port (not a protocol message,
 * so no page can ask the reader anything, and the background learns at once when the document goes away).
 * Requests carry an id; the reader answers each with the same id, one picture at a time.
 */
import { browser } from 'wxt/browser';
import type { PictureReading } from '../images/types';

export const OFFSCREEN_PORT = 'xs-picture-reader';

export interface ReaderRequest {
  id: number;
  hash: string;
  dataBase64: string;
}
export type ReaderReply = { id: number; ok: true; value: PictureReading } | { id: number; ok: false; error: string };

type Pending = { resolve: (r: PictureReading) => void; reject: (e: Error) => void };
type Port = ReturnType<typeof browser.runtime.connect>;

/** Background side: one connection per offscreen document. */
export class ReaderChannel {
  private port: Port | undefined;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();

  private connect(): Port {
    if (this.port) return this.port;
    const port = browser.runtime.connect({ name: OFFSCREEN_PORT });
    port.onMessage.addListener((reply: ReaderReply) => {
      const p = this.pending.get(reply.id);
      if (!p) return;
      this.pending.delete(reply.id);
      if (reply.ok) p.resolve(reply.value);
      else p.reject(new Error(reply.error));
    });
    port.onDisconnect.addListener(() => this.drop('识图组件已关闭'));
    this.port = port;
    return port;
  }

  /** Fails every open request (the document closed or crashed) and forgets the port. */
  drop(reason: string): void {
    this.port = undefined;
    for (const p of this.pending.values()) p.reject(new Error(reason));
    this.pending.clear();
  }

  read(hash: string, dataBase64: string): Promise<PictureReading> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.connect().postMessage({ id, hash, dataBase64 } satisfies ReaderRequest);
    });
  }
}

/** Offscreen side: answers requests on every reader port with `read`, in arrival order. */
export function serveReader(read: (hash: string, dataBase64: string) => Promise<PictureReading>): void {
  let queue: Promise<unknown> = Promise.resolve();
  browser.runtime.onConnect.addListener((port) => {
    if (port.name !== OFFSCREEN_PORT) return;
    port.onMessage.addListener((req: ReaderRequest) => {
      const job = queue.then(() => read(req.hash, req.dataBase64));
      queue = job.catch(() => undefined);
      job.then(
        (value) => port.postMessage({ id: req.id, ok: true, value } satisfies ReaderReply),
        (error) => port.postMessage({ id: req.id, ok: false, error: error instanceof Error ? error.message : String(error) } satisfies ReaderReply),
      );
    });
  });
}
