import { describe, expect, it } from 'vitest';
import { screen } from '../../lib/core/screen';
import { describeContentCheck, family, shippedRuleset, type RobustCase } from './helpers/content-check';

const ROBUST: RobustCase[] = [
  { text: '视频中的累计降雨量分布图显示，南部山区降雨量可达100毫米。', target: '分布图', exact: true },
  { text: '文末附：桐溪县乡镇行政区划图', target: '行政区划图', exact: true },
  { text: '从项目区位图上看，产业园二期位于经开区东南部。', target: '区位图', exact: true },
];


const MAP = family('map');
describeContentCheck(MAP, ROBUST);

describe('map: specifics', () => {
  const rs = shippedRuleset();
  const run = (fields: Record<string, string>) => screen({ platform: 'generic', fields }, rs, MAP);
  it('reports only the first map mention', () => {
    expect(run({ body: '示意图一：线路图。示意图二：分布图。' }).map((f) => f.text)).toEqual(['示意图']);
  });
  it('accepts 审图号 in any field and in full-width forms', () => {
    for (const no of ['GS(2024)0650号', 'GS京(2022)1061号', '皖S(2021)012号', 'ＧＳ（２０２４）０６５０号', '鲁SG(2015)088号'])
      expect(run({ body: '项目区位图如下。', digest: `图片审图号：${no}` }), no).toEqual([]);
  });
});
