/**
 * Must-not-flag examples shared by the ad sub-checks that score one signal set (util/ad-scan.ts): public
 * fees, consumer vouchers, job offers, free services and statistics must stay clean for all of them.
 * One list, so a new must-not-flag sentence guards every sub-check of the family at once.
 */
import type { CheckExample } from '../../core/check';

export const AD_GUARDS: CheckExample[] = [
  {draft: "县人社局开展免费电工技能培训，名额有限，先到先得，报名请到县就业服务中心。"},
  {draft: "经市发展改革委核定，游泳馆收费标准为：成人20元/人·次，老年人享受半价优惠，儿童免费。"},
  {draft: "市政府发放政府消费券，市民可通过云闪付领取，满200元可抵扣50元，先到先得。"},
  {draft: "第一季度全区实现地区生产总值186.3亿元，增速居全市第一。"},
  {draft: "求职者可扫码报名，月薪5000—8000元，包吃住，缴纳五险一金。"},
  {draft: "家长可扫码预约，接种费用由财政承担，个人无需支付任何费用。"},
  {draft: "预计最高气温37℃，这是今年第一个高温橙色预警。"},
  {draft: "符合条件的小微企业可享受税费优惠政策，扫码即可在线申请补贴，咨询电话0550-4017720。"},
  {draft: "政府消费券每张可抵扣50元，领取后凭券码到指定商户核销，先到先得。"},
];
