/**
 * ad.short-link: 无法核实跳转目标的短链接（提醒）.
 * The ad family scans once per screen (util/ad-scan.ts, which documents the rules); this sub-check is its unit in the registry, in settings and policy (`disabledChecks`), with its own examples.
 */
import { defineCheck } from '../../core/check';
import { AD_GUARDS } from './guards';
import { adFindings } from '../util/ad-scan';

export const adShortLink = defineCheck({
  id: 'ad.short-link',
  category: 'ad',
  severity: 'info',
  clause: '000_0077cba45e8101c3.txt 第十五条',
  description: '无法核实跳转目标的短链接（提醒）',
  lists: ['ad-signals', 'ad-domains'],
  examples: {
    positive: [
      {draft: "活动详情见 https://t.cn/A6xYz12 。", expect: [{text: "https://t.cn/A6xYz12", severity: "info"}]},
      {draft: "报名入口：https://dwz.cn/AbCd123", expect: [{text: "https://dwz.cn/AbCd123", severity: "info"}]},
    ],
    guard: AD_GUARDS,
  },
  run: (ctx) => adFindings(ctx).filter((f) => f.check === 'ad.short-link'),
});
