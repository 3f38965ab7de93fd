import { clickbait } from '../../lib/checks/clickbait';
import { describe, expect, it } from 'vitest';
import { screen } from '../../lib/core/screen';
import { describeContentCheck, shippedRuleset, type RobustCase } from './helpers/content-check';

const ROBUST: RobustCase[] = [
  { text: '速看！五一假期出行提醒来了', target: '速看', exact: true },
  { text: '震惊！城郊出租屋成了违法加工点', target: '震惊', exact: true },
  { text: '医保报销这些细节，99%的人都不知道！', target: '99%的人都不知道', field: 'title', other: { body: '今天梳理几个高频问题。' }, exact: true },
  { text: '祖国生日快乐！不转不是中国人！', target: '不转不是中国人', exact: true },
];


describeContentCheck(clickbait, ROBUST);

describe('clickbait: specifics', () => {
  const rs = shippedRuleset();
  const run = (fields: Record<string, string>) => screen({ platform: 'generic', fields }, rs, [clickbait]);
  it('weights the title: a mild word flags a title with stacked marks, not a body sentence', () => {
    expect(run({ title: '居然是这样！！', body: '正文。' }).length).toBeGreaterThan(0);
    expect(run({ body: '没想到他居然还记得我们！' })).toEqual([]);
  });
  it('does not flag 震惊中外 or a single exclamation', () => {
    expect(run({ title: '铭记历史！', body: '南京大屠杀惨案震惊中外。' })).toEqual([]);
  });
});
