/**
 * The wording checks on hostile input: a megabyte of near misses, doubled words and confusion-set words completes,
 * stays within the per-field cap and reports exact offsets (speed itself is proved by `npm run bench`).
 * Punctuation and numeral reminders on our own sentences are covered here too.
 */
import { describe, expect, it } from 'vitest';
import { WORDING_CHECKS, numerals, punctuation } from '../../lib/checks/wording';
import { MAX_FINDINGS_PER_FIELD } from '../../lib/checks/util/text';
import { screen } from '../../lib/core/screen';
import type { Finding } from '../../lib/core/types';
import { shippedRuleset } from './helpers/shipped-lists';

const ruleset = shippedRuleset();
const MB = 1 << 20;
const fill = (unit: string) => unit.repeat(Math.ceil(MB / unit.length)).slice(0, MB);

describe('wording checks on 1 MB adversarial input', () => {
  const inputs = {
    'formulation near misses': fill('社会主义社会主意核心价值观以习近平为核心的党中央中国特色社会主义'),
    'doubled words': fill('局长局长是不是不的的就就研究研究'),
    'confusion words': fill('登陆网站形势多样截止6月处予罚款'),
  };
  for (const [name, body] of Object.entries(inputs)) {
    it(`${name}: completes with exact offsets, capped per check`, () => {
      const found = screen({ platform: 'generic', fields: { body } }, ruleset, WORDING_CHECKS);
      const perCheck = new Map<string, number>();
      for (const f of found) {
        expect(body.slice(f.start, f.end)).toBe(f.text);
        perCheck.set(f.check, (perCheck.get(f.check) ?? 0) + 1);
      }
      for (const n of perCheck.values()) expect(n).toBeLessThanOrEqual(MAX_FINDINGS_PER_FIELD);
      expect(found.length).toBeGreaterThan(0);
    });
  }
});

const run = (body: string, check = numerals): Finding[] => screen({ platform: 'generic', fields: { body } }, ruleset, [check]);

describe('wording.numerals (GB/T 15835)', () => {
  it.each([
    ['会议于2023年十二月5日召开。', '2023年十二月5日'],
    ['二〇二三年12月起施行。', '二〇二三年12月'],
    ['截至12月三十日，共接待游客。', '12月三十日'],
    ['依据年3月15日起施行的新规。', '年3月15日'],
    ['诈骗金额近五十余万元。', '近五十余万'],
    ['近20多名群众参与。', '近20多'],
    ['大约300名志愿者左右参加。', '大约300名志愿者左右'],
    ['超过1000人以上参加。', '超过1000人以上'],
  ])('%s', (body, text) => {
    const found = run(body);
    expect(found.map((f) => f.text)).toEqual([text]);
    expect(found[0].severity).toBe('review');
    expect(found[0].clause).toMatch(/；/);
  });
  it('offers a one-click fix for redundant approximations', () => {
    expect(run('超过1000人以上参加。')[0].suggestion).toBe('超过1000人');
    expect(run('诈骗金额近五十余万元。')[0].suggestion).toBe('五十余万');
  });
  it.each(['2023年12月5日召开，二〇二三年十二月五日印发。', '今年3月15日起施行，去年8月1日起，同年9月1日。', '约300人参加，超过1000人，近50万元，十余万元。', '第1010次会议，3.15晚会。'])(
    'clean: %s',
    (body) => expect(run(body)).toEqual([]),
  );
});

describe('wording.punctuation (GB/T 15834), reminders only', () => {
  it.each([
    ['他说：“我们一定完成任务。', '“'],
    ['请阅读《乡村振兴促进法，了解政策。', '《'],
    ['会议（第一次全体会议召开。', '（'],
    ['会议第一次全体会议）召开。', '）'],
    ['上午开会,下午调研.', ','],
  ])('%s', (body, text) => {
    const found = run(body, punctuation);
    expect(found.map((f) => [f.text, f.severity])).toEqual([[text, 'info']]);
  });
  it('counts half-width punctuation once per field, with the full-width fix', () => {
    const [f, ...rest] = run('上午开会,下午调研;晚上总结.', punctuation);
    expect(rest).toEqual([]);
    expect(f.suggestion).toBe('，');
    expect(f.message).toContain('共 3 处');
  });
  it.each(['他说：“我们一定完成任务。”', '学习《乡村振兴促进法》（2021年）。', '气温3.5℃，9:30开会，www.gov.cn。', '第一段“引文\n第二段继续”'.replace('\n', '”\n“')])('clean: %s', (body) =>
    expect(run(body, punctuation)).toEqual([]),
  );
});
