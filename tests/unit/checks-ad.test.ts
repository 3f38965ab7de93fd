import { describe, expect, it } from 'vitest';
import { screen } from '../../lib/core/screen';
import { describeContentCheck, family, shippedRuleset, type RobustCase } from './helpers/content-check';

const ROBUST: RobustCase[] = [
  { text: '250克装仅需98元，视频左下角扫码购买，全国包邮！', target: '扫码购买', exact: true },
  { text: '老街文创馆推出冰箱贴和帆布包，限时抢购，售完即止！', target: '限时抢购', exact: true },
  { text: '不少市民关心血压计怎么选，可通过以下链接购买：https://u.jd.com/Kx9mQ2a', target: 'https://u.jd.com/Kx9mQ2a', exact: true, skip: ['spaces', 'symbols'] },
  { text: '直播期间下单的前100名网友可领取无门槛优惠券，整点还有限时抢购环节。', target: '优惠券', exact: true },
  { text: '旗舰店开业啦！结算时输入优惠码WGFM88享受开业优惠，点击下单即可。', target: '优惠码WGFM88' },
];


const AD = family('ad');
describeContentCheck(AD, ROBUST);

describe('ad: specifics', () => {
  const rs = shippedRuleset();
  const run = (fields: Record<string, string>) => screen({ platform: 'generic', fields }, rs, AD);
  it('reports a commercial 原文链接 on its own', () => {
    const f = run({ sourceUrl: 'https://detail.tmall.com/item.htm?id=1', body: '助农直播圆满结束。' });
    expect(f.map((x) => [x.check, x.field, x.severity])).toEqual([['ad.ecommerce-link', 'sourceUrl', 'block']]);
  });
  it('does not score one weak signal', () => {
    expect(run({ body: '这是全市最好的一次展会，门票20元。' }).filter((f) => f.severity !== 'info')).toEqual([]);
  });
  it('counts a discount code with its value, not the word 优惠 in a subsidy notice', () => {
    expect(run({ body: '输入优惠码WGFM88享受开业优惠，欢迎选购。' }).map((f) => f.text)).toContain('优惠码WGFM88');
    expect(run({ body: '企业可享受税费优惠政策，扫码即可在线申请补贴，优惠政策咨询热线0550-4017720。' })).toEqual([]);
  });
  it('only reminds about generic short links', () => {
    expect(run({ body: '详情见 https://t.cn/A6abcdE 。' }).map((f) => f.severity)).toEqual(['info']);
  });
  it('ignores gov.cn links', () => {
    expect(run({ body: '详见 https://www.ahtx.gov.cn/content/123.html' })).toEqual([]);
  });
});
