import { describe, expect, it } from 'vitest';
import { screen } from '../../lib/core/screen';
import { describeContentCheck, family, shippedRuleset, type RobustCase } from './helpers/content-check';

const ROBUST: RobustCase[] = [
  { text: '速看！五一假期出行提醒来了', target: '速看', exact: true },
  { text: '震惊！城郊出租屋成了违法加工点', target: '震惊', exact: true },
  { text: '医保报销这些细节，99%的人都不知道！', target: '99%的人都不知道', field: 'title', other: { body: '今天梳理几个高频问题。' }, exact: true },
  { text: '祖国生日快乐！不转不是中国人！', target: '不转不是中国人', exact: true },
  { text: '家人们，今晚7点半，副县长带着山货来直播间啦！', target: '家人们', exact: true },
  { text: '#梧冈交通# 【刚刚！！！县城公交3路线路有调整】因施工，3路车临时绕行。', target: '刚刚' },
];


const CLICKBAIT = family('clickbait');
describeContentCheck(CLICKBAIT, ROBUST);

describe('clickbait: specifics', () => {
  const rs = shippedRuleset();
  const run = (fields: Record<string, string>) => screen({ platform: 'generic', fields }, rs, CLICKBAIT);
  it('weights the title: a mild word flags a title with stacked marks, not a body sentence', () => {
    expect(run({ title: '居然是这样！！', body: '正文。' }).length).toBeGreaterThan(0);
    expect(run({ body: '没想到他居然还记得我们！' })).toEqual([]);
  });
  it('counts a cute address only where it addresses the reader', () => {
    expect(run({ body: '家人们，今晚7点半，副县长带着山货来直播间啦！' }).map((f) => f.text)).toEqual(['家人们']);
    expect(run({ body: '春节期间，务工人员返乡与家人们团聚，父老乡亲们，欢聚一堂。' })).toEqual([]);
  });
  it('drops a phrase matched across a word boundary (务必|看管)', () => {
    expect(run({ title: '请各位家长务必看管好孩子', body: '暑期防溺水提醒。' })).toEqual([]);
    expect(run({ title: '家长必看：暑期防溺水提醒', body: '正文。' }).map((f) => f.text)).toEqual(['必看']);
  });
  it('reads the opening 【】 of a body as its title, stacked marks included', () => {
    expect(run({ body: '【刚刚！！！公交线路有调整】因施工，3路车临时绕行。' }).map((f) => f.text)).toEqual(['刚刚！！！']);
    expect(run({ body: '【高温橙色预警！】预计未来3天最高气温将达37℃以上。' })).toEqual([]);
    expect(run({ body: '公交线路有调整。刚刚！！！因施工，3路车临时绕行。' })).toEqual([]);
  });
  it('does not flag 震惊中外 or a single exclamation', () => {
    expect(run({ title: '铭记历史！', body: '南京大屠杀惨案震惊中外。' })).toEqual([]);
  });
});
