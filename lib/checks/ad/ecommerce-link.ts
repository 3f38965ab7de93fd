/**
 * ad.ecommerce-link: 指向电商或店铺页面的链接.
 * The ad family scans once per screen (util/ad-scan.ts, which documents the rules); this sub-check is its unit in the registry, in settings and policy (`disabledChecks`), with its own examples.
 */
import { defineCheck } from '../../core/check';
import { AD_GUARDS } from './guards';
import { adFindings } from '../util/ad-scan';

export const adEcommerceLink = defineCheck({
  id: 'ad.ecommerce-link',
  category: 'ad',
  severity: 'block',
  clause: '000_0077cba45e8101c3.txt 第十五条',
  description: '指向电商或店铺页面的链接',
  lists: ['ad-signals', 'ad-domains'],
  examples: {
    positive: [
      {draft: "可通过以下链接购买：https://u.jd.com/Kx9mQ2a", expect: [{text: "https://u.jd.com/Kx9mQ2a", severity: "block"}]},
      {draft: {sourceUrl: "https://item.taobao.com/item.htm?id=738215604417", body: "错过直播的网友，点击文末“阅读原文”即可进入店铺下单。"}, expect: [{text: "https://item.taobao.com/item.htm?id=738215604417", field: "sourceUrl"}]},
    ],
    guard: AD_GUARDS,
  },
  run: (ctx) => adFindings(ctx).filter((f) => f.check === 'ad.ecommerce-link'),
});
