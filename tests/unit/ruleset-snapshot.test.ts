/**
 * The binary ruleset snapshot a tab loads: same findings as the compiled ruleset, entries decoded on demand,
 * and every kind of damage refused at load time rather than at screen time.
 */
import { describe, expect, it } from 'vitest';
import { compileRuleset, rulesetEntry } from '../../lib/core/ruleset';
import { decodeRuleset, encodeRuleset } from '../../lib/core/ruleset-snapshot';
import { screen } from '../../lib/core/screen';
import { CHECKS } from '../../lib/checks/index';
import type { WordList } from '../../lib/core/wordlist';
import { shippedLists } from './helpers/shipped-lists';

const extra: WordList = {
  id: 'admin-extra',
  name: '单位补充词表',
  category: 'sensitive',
  severity: 'review',
  clause: '004_ffa469a3430680ee.txt 第三十一条',
  entries: [
    { term: '蓝冰糖块出售', severity: 'block', tag: 'drugs', note: '说明：含 "引号" 与 \t 制表符', context: '群|出售' },
    { term: '𠮷野家代购', replacement: '（已删除）' },
  ],
};

describe('binary ruleset snapshot', () => {
  const lists = [...shippedLists(), extra];
  const compiled = compileRuleset(lists);
  const bytes = encodeRuleset(compiled);

  it('screens exactly like the compiled ruleset', () => {
    const loaded = decodeRuleset(bytes);
    const body = '有人在群里蓝冰糖块出售，还有𠮷野家代购；枪支出售；台灣總統；大家再接再励，冰 毒出售。';
    const draft = { platform: 'wechat' as const, fields: { title: '震惊！速看', body } };
    expect(screen(draft, loaded, CHECKS)).toEqual(screen(draft, compiled, CHECKS));
  });

  it('gives back every entry and every list unchanged', () => {
    const loaded = decodeRuleset(bytes);
    expect(loaded.lists.map((l) => l.id)).toEqual(compiled.lists.map((l) => l.id));
    compiled.lists.forEach((list, li) => {
      list.entries.forEach((entry, ei) => expect(rulesetEntry(loaded, li, ei)).toEqual(entry));
      expect(loaded.lists[li]).toEqual(list);
    });
  });

  it('refuses a truncated or corrupted buffer with a clear error', () => {
    expect(() => decodeRuleset(bytes.slice(0, bytes.length - 8))).toThrow(/规则集已损坏|truncated/);
    const flipped = bytes.slice();
    flipped[200] ^= 0xff; // inside the automaton: its checksum catches it
    expect(() => decodeRuleset(flipped)).toThrow();
    expect(() => decodeRuleset(new Uint8Array(64))).toThrow(/不是规则集快照/);
  });

  it('loads bytes already checked (the frame did) without the checks, with the same results', () => {
    const quick = decodeRuleset(bytes, { verified: true });
    const body = '有人在群里蓝冰糖块出售，枪支出售。';
    expect(screen({ platform: 'generic', fields: { body } }, quick, CHECKS)).toEqual(screen({ platform: 'generic', fields: { body } }, compiled, CHECKS));
    // the format version is still guarded
    const other = bytes.slice();
    new DataView(other.buffer).setUint32(4, 99, true);
    expect(() => decodeRuleset(other, { verified: true })).toThrow(/规则集格式不符/);
  });

  it('loads from an unaligned copy too', () => {
    const shifted = new Uint8Array(bytes.length + 1);
    shifted.set(bytes, 1);
    const loaded = decodeRuleset(shifted.subarray(1));
    expect(loaded.lists.length).toBe(compiled.lists.length);
  });
});
