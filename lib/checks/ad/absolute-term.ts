/**
 * ad.absolute-term: 广告法绝对化用语（与其他广告信号同现时）.
 * The ad family scans once per screen (util/ad-scan.ts, which documents the rules); this sub-check is its unit in the registry, in settings and policy (`disabledChecks`), with its own examples.
 */
import { defineCheck } from '../../core/check';
import { AD_GUARDS } from './guards';
import { adFindings } from '../util/ad-scan';

export const adAbsoluteTerm = defineCheck({
  id: 'ad.absolute-term',
  category: 'ad',
  severity: 'review',
  clause: '000_0077cba45e8101c3.txt 第十五条',
  description: '广告法绝对化用语（与其他广告信号同现时）',
  lists: ['ad-signals', 'ad-domains'],
  examples: {
    positive: [
      {draft: {digest: "桐溪板鸭，全国板鸭第一品牌", body: "逢年过节，一只板鸭是馈赠亲友最好的选择。现面向全国招商加盟。"}, expect: [{text: "第一品牌", field: "digest"}]},
      {draft: "本店茶叶全网最低价，国家级品质，点击购买立享包邮！", expect: [{text: "全网最低价"}]},
    ],
    guard: AD_GUARDS,
  },
  run: (ctx) => adFindings(ctx).filter((f) => f.check === 'ad.absolute-term'),
});
