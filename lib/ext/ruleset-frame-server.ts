/**
 * The ruleset frame (entrypoints/ruleset-frame): answers a console tab's requests for the binary snapshot over
 * the MessagePort of the one handshake it accepts (protocol: ruleset-channel.ts). Reads the pointer from
 * storage.local and the bytes from the background's IndexedDB; where the frame's storage is partitioned
 * (it is embedded in a web page), the background sends them instead, and the JSON and base64 work of that
 * path is done here, in the extension's process, not on the page's main thread.
 */
import { browser } from 'wxt/browser';
import { decodeRuleset, RULESET_FORMAT, snapshotPieces } from '../core/ruleset-snapshot';
import { getAsset } from './ruleset-db';
import { decodeBase64 } from './ruleset-payload';
import { readRulesetSnapshot, RULESET_SNAPSHOT_KEY, type RulesetSnapshotMeta } from './ruleset-store';
import { CHUNK_SIZES, HANDSHAKE, type FrameReply, type FrameRequest, type FrameSnapshotHead } from './ruleset-channel';

async function readSnapshot(): Promise<(Omit<FrameSnapshotHead, 'byteLength' | 'verified'> & { bytes: ArrayBuffer }) | null> {
  const started = performance.now();
  const meta = (await browser.storage.local.get(RULESET_SNAPSHOT_KEY))[RULESET_SNAPSHOT_KEY] as RulesetSnapshotMeta | undefined;
  if (!meta) return null;
  const { dataKey, ...rest } = meta;
  const stored = await getAsset<Uint8Array>(dataKey).catch(() => undefined);
  if (stored instanceof Uint8Array) {
    // A copy of exactly the snapshot's bytes, so the buffer can be transferred.
    return { ...rest, format: RULESET_FORMAT, bytes: stored.slice().buffer as ArrayBuffer, via: 'indexeddb', readMs: performance.now() - started };
  }
  const snapshot = await readRulesetSnapshot();
  if (!snapshot) return null;
  const { data, ...fields } = snapshot;
  const bytes = decodeBase64(data);
  return { ...fields, bytes: bytes.slice().buffer as ArrayBuffer, via: 'message', readMs: performance.now() - started };
}

export function serveRulesetFrame(): void {
  let connected = false;
  window.addEventListener('message', (event: MessageEvent) => {
    if (connected || event.source !== window.parent || event.data?.type !== HANDSHAKE || !event.ports[0]) return;
    connected = true;
    const port = event.ports[0];
    port.onmessage = (message: MessageEvent<FrameRequest>) => {
      if (message.data?.type !== 'get') return;
      const send = (reply: FrameReply, transfer: Transferable[] = []) => port.postMessage(reply, transfer);
      readSnapshot()
        .then((snapshot) => {
          if (!snapshot) return send({ type: 'head', snapshot: null });
          const { bytes, ...head } = snapshot;
          // Every check here, in the extension's process, so the tab can skip them on the page's main thread.
          // Throws for a corrupted snapshot: the tab then falls back to the message route (checked there).
          decodeRuleset(new Uint8Array(bytes));
          send({ type: 'head', snapshot: { ...head, byteLength: bytes.byteLength, verified: true } });
          // Cut at table boundaries: the tab decodes from the chunks in place (ruleset-channel.ts).
          for (const { offset, byteLength } of snapshotPieces(new Uint8Array(bytes), CHUNK_SIZES)) {
            const chunk = bytes.slice(offset, offset + byteLength);
            send({ type: 'chunk', offset, bytes: chunk }, [chunk]);
          }
        })
        .catch((error: unknown) => send({ type: 'error', error: error instanceof Error ? error.message : String(error) }));
    };
  });
}
