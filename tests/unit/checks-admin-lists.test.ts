/** A list an admin pushes under a new id is screened, never compiled and silently ignored. */
import { describe, expect, it } from 'vitest';
import { adminLists } from '../../lib/checks/admin-lists';
import { compileRuleset } from '../../lib/core/ruleset';
import { screen } from '../../lib/core/screen';
import { CHECKS } from '../../lib/checks/index';
import { describeCheckExamples } from './helpers/check-examples';
import type { WordList } from '../../lib/core/wordlist';
import { loadLists } from '../../lib/node/load-lists';

const shipped = loadLists();
const list = (id: string, category: WordList['category'], terms: string[]): WordList => ({
  id, name: `管理员词表 ${id}`, category, severity: 'block', clause: '004_ffa469a3430680ee.txt 第二十四条', entries: terms.map((term) => ({ term })),
});

describeCheckExamples(adminLists, compileRuleset(shipped));

describe('admin lists with new ids', () => {
  it('screens new sensitive, wording and ad lists with their own category, severity and clause', () => {
    const rs = compileRuleset([...shipped, list('city-sensitive', 'sensitive', ['地下钱庄兑换']), list('city-wording', 'wording', ['某某新区管委']), list('city-ad', 'ad', ['扫码领红包'])]);
    const body = '有人提供地下钱庄兑换。某某新区管委发布通知。关注后扫码领红包。';
    const found = screen({ platform: 'wechat', fields: { body } }, rs, CHECKS);
    const pick = (text: string) => found.find((f) => f.text === text);
    expect(pick('地下钱庄兑换')).toMatchObject({ category: 'sensitive', source: 'city-sensitive@bundled' });
    expect(pick('某某新区管委')).toMatchObject({ category: 'wording', source: 'city-wording@bundled' });
    expect(pick('扫码领红包')).toMatchObject({ category: 'ad', severity: 'block', clause: '004_ffa469a3430680ee.txt 第二十四条', check: 'admin-list.city-ad' });
  });

  it('does not report a shipped signal list a check already reads', () => {
    const rs = compileRuleset(shipped);
    const found = screen({ platform: 'wechat', fields: { body: '县政府召开常务会议。' } }, rs, CHECKS);
    expect(found.filter((f) => f.check.startsWith('admin-list'))).toEqual([]);
  });
});
