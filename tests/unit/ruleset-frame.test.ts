/**
 * The ruleset frame protocol (lib/ext/ruleset-channel.ts) without a browser: the frame serves the binary
 * snapshot over the port of the one handshake it accepts, in chunks cut at table boundaries that together are
 * the snapshot byte for byte, and the tab loads it from the chunks in place. (The built extension's route is exercised by tests/e2e/updates.test.ts.)
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { compileRuleset } from '../../lib/core/ruleset';
import { ByteSource } from '../../lib/core/byte-source';
import { decodeRuleset, encodeRuleset, snapshotSections } from '../../lib/core/ruleset-snapshot';
import { screen } from '../../lib/core/screen';
import { CHECKS } from '../../lib/checks/index';
import { putAssets, resetRulesetDbConnection } from '../../lib/ext/ruleset-db';
import { CHUNK_SIZES, HANDSHAKE } from '../../lib/ext/ruleset-channel';
import { serveRulesetFrame } from '../../lib/ext/ruleset-frame-server';
import { requestSnapshot } from '../../lib/ext/ruleset-frame-client';
import { loadRulesetPayload } from '../../lib/ext/ruleset-payload';
import { RULESET_SNAPSHOT_KEY } from '../../lib/ext/ruleset-store';
import { shippedLists } from './helpers/shipped-lists';

vi.setConfig({ testTimeout: 90_000 });

function handshake(): MessagePort {
  const channel = new MessageChannel();
  window.dispatchEvent(new MessageEvent('message', { data: { type: HANDSHAKE }, source: window.parent, ports: [channel.port2] }));
  return channel.port1;
}

describe('ruleset frame', () => {
  // Shipped lists plus 30k invented terms: a 3 MB snapshot, sent as several chunks.
  const invented = Array.from({ length: 30_000 }, (_, i) => ({ term: `试${String.fromCharCode(0x4e00 + (i % 5000), 0x5e00 + Math.floor(i / 5000))}售` }));
  const bytes = encodeRuleset(compileRuleset([...shippedLists(), { id: 'invented', name: '测试', category: 'sensitive', severity: 'review', clause: 'test', entries: invented }]));

  beforeEach(async () => {
    fakeBrowser.reset();
    globalThis.indexedDB = new IDBFactory();
    resetRulesetDbConnection();
    await putAssets({ 'snapshot:test': bytes });
    await fakeBrowser.storage.local.set({
      [RULESET_SNAPSHOT_KEY]: { version: 3, source: 'update', appliedAt: '2026-12-03T00:00:00Z', counts: {}, dataKey: 'snapshot:test' },
    });
  });

  it('hands the tab the exact snapshot bytes in chunks cut at table boundaries, and they screen without a copy', async () => {
    serveRulesetFrame();
    const snapshot = await requestSnapshot(handshake());
    expect(snapshot).toMatchObject({ version: 3, source: 'update', via: 'indexeddb', byteLength: bytes.length, verified: true });
    const { pieces } = snapshot!;
    expect(bytes.length).toBeGreaterThan(CHUNK_SIZES.packBytes);
    expect(pieces.length).toBeGreaterThan(1);
    const joined = new Uint8Array(bytes.length);
    for (const piece of pieces) {
      expect(piece.bytes.byteLength).toBeLessThanOrEqual(CHUNK_SIZES.maxBytes);
      joined.set(piece.bytes, piece.offset);
    }
    expect(Buffer.compare(joined, bytes)).toBe(0); // byte for byte (toEqual on 3 MB takes seconds)
    // Every section (each automaton and ruleset table) arrived inside one chunk: decoding copies nothing.
    for (const s of snapshotSections(bytes))
      expect(pieces.some((p) => p.offset <= s.offset && s.offset + s.byteLength <= p.offset + p.bytes.byteLength), s.name).toBe(true);
    const source = ByteSource.from(pieces);
    decodeRuleset(source, { verified: true });
    expect(source.copiedBytes).toBe(0);
    const ruleset = loadRulesetPayload(snapshot!);
    expect(screen({ platform: 'wechat', fields: { body: '有人枪支出售' } }, ruleset, CHECKS).map((f) => f.text)).toContain('枪支出售');
  });

  it('accepts one handshake only: a second port (a page script, say) gets no answer', async () => {
    serveRulesetFrame();
    const first = handshake();
    const second = handshake();
    const answered = await Promise.race([requestSnapshot(second).then(() => true), new Promise((r) => setTimeout(() => r(false), 300))]);
    expect(answered).toBe(false);
    expect(await requestSnapshot(first)).toMatchObject({ version: 3 });
  });
});
