/**
 * A snapshot decoded straight from the pieces it arrived in (the ruleset frame's chunks): the same ruleset as
 * from one buffer, no copy when the pieces are cut at table boundaries, a correct copy when they are cut
 * anywhere else, and a clear RulesetError when a piece is missing, overlaps another or is short.
 */
import { describe, expect, it } from 'vitest';
import { ByteSource, type BytePiece } from '../../lib/core/byte-source';
import { compileRuleset, rulesetEntry, RulesetError } from '../../lib/core/ruleset';
import { decodeRuleset, encodeRuleset, snapshotPieces, snapshotSections } from '../../lib/core/ruleset-snapshot';
import { screen } from '../../lib/core/screen';
import { CHECKS } from '../../lib/checks/index';
import type { Draft } from '../../lib/core/types';
import type { WordList } from '../../lib/core/wordlist';
import { shippedLists } from './helpers/shipped-lists';

const invented: WordList = {
  id: 'invented',
  name: '测试补充词表',
  category: 'sensitive',
  severity: 'review',
  clause: 'test',
  entries: [
    { term: '紫晶糖丸批发', severity: 'block', tag: 'drugs', note: '编造的测试词' },
    { term: '𠮷野家代购', replacement: '（已删除）' },
    ...Array.from({ length: 3000 }, (_, i) => ({ term: `测${String.fromCharCode(0x4e00 + (i % 3000))}卖` })),
  ],
};
const lists = [...shippedLists(), invented];
const bytes = encodeRuleset(compileRuleset(lists));
const oneBuffer = decodeRuleset(bytes);
const draft: Draft = { platform: 'wechat', fields: { title: '震惊！速看', body: '群里有人紫晶糖丸批发，还有𠮷野家代购；枪支出售；台灣總統；大家再接再励。' } };

/** Fresh copies of `bytes` cut at these ranges, as the tab receives them (each its own buffer). */
function piecesAt(ranges: { offset: number; byteLength: number }[]): BytePiece[] {
  return ranges.map(({ offset, byteLength }) => ({ offset, bytes: bytes.slice(offset, offset + byteLength) }));
}

function cutEvery(step: number): { offset: number; byteLength: number }[] {
  const ranges = [];
  for (let offset = 0; offset < bytes.length; offset += step) ranges.push({ offset, byteLength: Math.min(step, bytes.length - offset) });
  return ranges;
}

function expectSameRuleset(pieces: BytePiece[] | ByteSource, verified = false): void {
  const loaded = decodeRuleset(pieces, { verified });
  expect(screen(draft, loaded, CHECKS)).toEqual(screen(draft, oneBuffer, CHECKS));
  expect(loaded.lists).toEqual(oneBuffer.lists);
  lists.forEach((list, li) => list.entries.forEach((entry, ei) => expect(rulesetEntry(loaded, li, ei)).toEqual(entry)));
}

describe('snapshot decoded from pieces', () => {
  it('finds the planted terms (the sample draft is meaningful)', () => {
    expect(screen(draft, oneBuffer, CHECKS).map((f) => f.text)).toEqual(expect.arrayContaining(['紫晶糖丸批发', '枪支出售']));
  });

  it('cut at table boundaries: every table is a view onto its piece, nothing is copied', () => {
    const sections = snapshotSections(bytes);
    const largest = Math.max(...sections.map((s) => s.byteLength));
    const ranges = snapshotPieces(bytes, { packBytes: largest, maxBytes: largest });
    expect(ranges.length).toBeGreaterThan(3);
    for (const s of sections) expect(ranges.some((r) => r.offset <= s.offset && s.offset + s.byteLength <= r.offset + r.byteLength), s.name).toBe(true);
    for (const verified of [false, true]) {
      const source = ByteSource.from(piecesAt(ranges));
      expectSameRuleset(source, verified);
      expect(source.copiedBytes).toBe(0);
    }
  });

  it('cut inside tables, at odd offsets and in any order: the straddled tables are copied and decode the same', () => {
    for (const step of [4096, 7777, 100_003]) {
      const pieces = piecesAt(cutEvery(step)).reverse();
      const source = ByteSource.from(pieces);
      expectSameRuleset(source);
      expect(source.copiedBytes).toBeGreaterThan(0);
    }
    // Pieces that cannot be aligned (a view at an odd byte offset) are copied too.
    const shifted = piecesAt(cutEvery(50_000)).map(({ offset, bytes: b }) => {
      const holder = new Uint8Array(b.length + 1);
      holder.set(b, 1);
      return { offset, bytes: holder.subarray(1) };
    });
    expectSameRuleset(shifted, true);
  });

  it('a table is cut only when it exceeds the largest piece allowed; small sections share pieces', () => {
    const sections = snapshotSections(bytes);
    const largest = Math.max(...sections.map((s) => s.byteLength));
    const packed = snapshotPieces(bytes, { packBytes: 64 * 1024, maxBytes: largest });
    expect(packed.length).toBeLessThan(sections.length);
    expect(packed.every((r) => r.byteLength <= Math.max(64 * 1024, largest))).toBe(true);
    const source = ByteSource.from(piecesAt(packed));
    expectSameRuleset(source);
    expect(source.copiedBytes).toBe(0);

    const max = 8192;
    const ranges = snapshotPieces(bytes, { packBytes: max, maxBytes: max });
    expect(Math.max(...ranges.map((r) => r.byteLength))).toBeLessThanOrEqual(max);
    expect(ranges.reduce((n, r) => n + r.byteLength, 0)).toBe(bytes.length);
    expectSameRuleset(piecesAt(ranges));
  });

  it('refuses a missing, overlapping, short or damaged piece with a RulesetError', () => {
    const pieces = piecesAt(cutEvery(65_536));
    const refuse = (broken: BytePiece[], why: RegExp) => {
      for (const verified of [false, true]) {
        expect(() => decodeRuleset(broken, { verified })).toThrow(RulesetError);
        expect(() => decodeRuleset(broken, { verified })).toThrow(why);
      }
    };
    refuse(pieces.filter((_, i) => i !== 2), /规则集已损坏.*missing bytes/);
    refuse(pieces.slice(0, -1), /规则集已损坏.*truncated/);
    refuse([...pieces, { offset: 100, bytes: bytes.slice(100, 200) }], /规则集已损坏.*overlap/);
    refuse(pieces.map((p, i) => (i === 1 ? { ...p, bytes: p.bytes.subarray(0, p.bytes.length - 4) } : p)), /规则集已损坏.*missing bytes/);
    refuse(pieces.map((p, i) => (i === pieces.length - 1 ? { ...p, bytes: p.bytes.subarray(0, p.bytes.length - 4) } : p)), /规则集已损坏.*truncated/);
    refuse([], /规则集已损坏/);
    // Damage inside the automaton: the checksum runs across pieces when the bytes were not verified.
    const damaged = piecesAt(cutEvery(65_536));
    damaged[1].bytes[10] ^= 0x20;
    expect(() => decodeRuleset(damaged)).toThrow(/规则集已损坏.*checksum/);
  });
});
