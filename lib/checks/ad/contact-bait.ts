/**
 * ad.contact-bait: 私下联系方式诱导购买.
 * The ad family scans once per screen (util/ad-scan.ts, which documents the rules); this sub-check is its unit in the registry, in settings and policy (`disabledChecks`), with its own examples.
 */
import { defineCheck } from '../../core/check';
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
    guard: [
      {draft: "县人社局开展免费电工技能培训，名额有限，先到先得，报名请到县就业服务中心。"},
      {draft: "经市发展改革委核定，游泳馆收费标准为：成人20元/人·次，老年人享受半价优惠，儿童免费。"},
      {draft: "市政府发放政府消费券，市民可通过云闪付领取，满200元可抵扣50元，先到先得。"},
      {draft: "第一季度全区实现地区生产总值186.3亿元，增速居全市第一。"},
      {draft: "求职者可扫码报名，月薪5000—8000元，包吃住，缴纳五险一金。"},
      {draft: "家长可扫码预约，接种费用由财政承担，个人无需支付任何费用。"},
      {draft: "预计最高气温37℃，这是今年第一个高温橙色预警。"},
      {draft: "符合条件的小微企业可享受税费优惠政策，扫码即可在线申请补贴，咨询电话0550-4017720。"},
      {draft: "政府消费券每张可抵扣50元，领取后凭券码到指定商户核销，先到先得。"},
    ],
  },
  run: (ctx) => adFindings(ctx).filter((f) => f.check === 'ad.contact-bait'),
});
