/**
 * Content-script side of the ruleset frame (protocol: ruleset-channel.ts). Embeds the hidden extension page
 * once, hands it a private MessagePort, and asks it for the snapshot bytes whenever the tab needs them.
 * Returns undefined when the frame cannot be used (page removed it, a page script took the handshake, the
 * frame does not answer in time): the caller then falls back to runtime messaging.
 */
import { browser } from 'wxt/browser';
import type { BytePiece } from '../core/byte-source';
import { HANDSHAKE, RULESET_FRAME_PATH, type FrameReply, type FrameSnapshot, type FrameSnapshotHead } from './ruleset-channel';

const TIMEOUT_MS = 5000;

let portPromise: Promise<MessagePort | undefined> | undefined;

function openPort(): Promise<MessagePort | undefined> {
  return new Promise((resolve) => {
    const url = browser.runtime.getURL(RULESET_FRAME_PATH as never);
    const frame = document.createElement('iframe');
    frame.src = url;
    frame.setAttribute('aria-hidden', 'true');
    frame.tabIndex = -1;
    frame.style.cssText = 'display:none!important';
    const timer = setTimeout(() => resolve(undefined), TIMEOUT_MS);
    frame.addEventListener(
      'load',
      () => {
        clearTimeout(timer);
        const channel = new MessageChannel();
        // Target origin = the extension: the page never sees the port.
        frame.contentWindow?.postMessage({ type: HANDSHAKE }, new URL(url).origin, [channel.port2]);
        resolve(channel.port1);
      },
      { once: true },
    );
    document.documentElement.append(frame);
  });
}

/**
 * Asks the frame on `port` for the snapshot and collects its chunks as they arrive, one message each, with no
 * reassembly copy: decodeRuleset reads them in place (exported for tests).
 */
export function requestSnapshot(port: MessagePort): Promise<FrameSnapshot | null | undefined> {
  return new Promise((resolve) => {
    let timer = setTimeout(() => done(undefined), TIMEOUT_MS);
    let head: FrameSnapshotHead | undefined;
    const pieces: BytePiece[] = [];
    let received = 0;
    let headAt = 0;
    const done = (value: FrameSnapshot | null | undefined) => {
      clearTimeout(timer);
      port.removeEventListener('message', onMessage);
      resolve(value);
    };
    const onMessage = (event: MessageEvent<FrameReply>) => {
      const reply = event.data;
      clearTimeout(timer);
      timer = setTimeout(() => done(undefined), TIMEOUT_MS);
      if (reply?.type === 'head') {
        if (!reply.snapshot) return done(null);
        head = reply.snapshot;
        headAt = performance.now();
      } else if (reply?.type === 'chunk' && head && typeof reply.bytes?.byteLength === 'number') {
        pieces.push({ offset: reply.offset, bytes: new Uint8Array(reply.bytes) });
        received += reply.bytes.byteLength;
      } else {
        return done(undefined);
      }
      // A gap or overlap among the pieces is caught by decodeRuleset; more bytes than announced is a broken route.
      if (head && received > head.byteLength) return done(undefined);
      if (head && received === head.byteLength) done({ ...head, pieces, headAt, lastChunkAt: performance.now() });
    };
    port.addEventListener('message', onMessage);
    port.start();
    port.postMessage({ type: 'get' });
  });
}

/**
 * The snapshot in force as bytes, null when the background has none yet, undefined when the frame route
 * failed (then the frame is dropped and the next call tries a fresh one).
 */
export async function fetchSnapshotViaFrame(): Promise<FrameSnapshot | null | undefined> {
  portPromise ??= openPort();
  const port = await portPromise;
  const snapshot = port ? await requestSnapshot(port) : undefined;
  if (snapshot === undefined) portPromise = undefined;
  return snapshot;
}
