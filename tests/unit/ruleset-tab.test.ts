/**
 * The tab's ruleset route (lib/ext/ruleset-tab.ts): chunks from the ruleset frame that do not add up are
 * refused, and the tab then takes the snapshot whole by runtime message instead of screening without it.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { bytesToBase64 } from '../../lib/core/base64';
import { compileRuleset } from '../../lib/core/ruleset';
import { encodeRuleset, RULESET_FORMAT, snapshotPieces } from '../../lib/core/ruleset-snapshot';
import { screen } from '../../lib/core/screen';
import { CHECKS } from '../../lib/checks/index';
import type { FrameSnapshot } from '../../lib/ext/ruleset-channel';
import type { RulesetSnapshot } from '../../lib/ext/ruleset-store';
import { shippedLists } from './helpers/shipped-lists';

const route = vi.hoisted(() => ({ framed: undefined as unknown, message: undefined as unknown, messageAsked: 0 }));
vi.mock('../../lib/ext/ruleset-frame-client', () => ({ fetchSnapshotViaFrame: async () => route.framed }));
vi.mock('../../lib/ext/ruleset-store', () => ({
  readRulesetSnapshot: async () => (route.messageAsked++, route.message),
  onRulesetPointerChanged: () => () => {},
}));
const { fetchTabRuleset } = await import('../../lib/ext/ruleset-tab');

const lists = [...shippedLists(), { id: 'invented', name: '测试', category: 'sensitive' as const, severity: 'review' as const, clause: 'test', entries: [{ term: '紫晶糖丸批发' }] }];
const bytes = encodeRuleset(compileRuleset(lists));
const head = { format: RULESET_FORMAT, version: 4, source: 'update' as const, appliedAt: '2026-12-03T00:00:00Z', counts: {} };
const pieces = snapshotPieces(bytes, { packBytes: 64 * 1024, maxBytes: 64 * 1024 }).map(({ offset, byteLength }) => ({ offset, bytes: bytes.slice(offset, offset + byteLength) }));
const framed = (p: typeof pieces): FrameSnapshot => ({ ...head, byteLength: bytes.length, via: 'indexeddb', readMs: 1, verified: true, pieces: p, headAt: 0, lastChunkAt: 0 });
const flagged = async () => {
  const ruleset = await fetchTabRuleset();
  return ruleset && screen({ platform: 'wechat', fields: { body: '群里有人紫晶糖丸批发。' } }, ruleset, CHECKS).map((f) => f.text);
};

describe('tab ruleset route', () => {
  beforeEach(() => {
    route.message = { ...head, data: bytesToBase64(bytes) } satisfies RulesetSnapshot;
    route.messageAsked = 0;
  });

  it('loads from the frame chunks when they add up, without asking by message', async () => {
    route.framed = framed(pieces);
    expect(await flagged()).toContain('紫晶糖丸批发');
    expect(route.messageAsked).toBe(0);
  });

  it('refuses chunks with a gap and takes the whole snapshot by message instead', async () => {
    expect(pieces.length).toBeGreaterThan(2);
    route.framed = framed(pieces.filter((_, i) => i !== 1));
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect(await flagged()).toContain('紫晶糖丸批发');
    expect(route.messageAsked).toBe(1);
    expect(String(warn.mock.calls[0]?.[1])).toMatch(/RulesetError.*missing bytes/);
    warn.mockRestore();
  });
});
