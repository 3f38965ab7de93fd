/**
 * ad.contact-bait: 私下联系方式诱导购买.
 * The ad family scans once per screen (util/ad-scan.ts, which documents the rules); this sub-check is its unit in the registry, in settings and policy (`disabledChecks`), with its own examples.
 */
import { defineCheck } from '../../core/check';
import { AD_GUARDS } from './guards';
import { adFindings } from '../util/ad-scan';

export const adContactBait = defineCheck({
  id: 'ad.contact-bait',
  category: 'ad',
  severity: 'review',
  clause: '000_0077cba45e8101c3.txt 第十五条',
  description: '私下联系方式诱导购买',
  lists: ['ad-signals', 'ad-domains'],
  examples: {
    positive: [
      {draft: "新茶上市，需要的朋友加微信下单，全国包邮，仅需98元！", expect: [{text: "加微信"}]},
      {draft: "土蜂蜜现货，加vx下单，全国包邮，限时抢购！", expect: [{text: "加vx"}]},
    ],
    guard: AD_GUARDS,
  },
  run: (ctx) => adFindings(ctx).filter((f) => f.check === 'ad.contact-bait'),
});
