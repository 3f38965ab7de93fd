/**
 * ad.soft-ad: 软文广告：购买号召、促销价格、包邮等信号组合计分.
 * The ad family scans once per screen (util/ad-scan.ts, which documents the rules); this sub-check is its unit in the registry, in settings and policy (`disabledChecks`), with its own examples.
 */
import { defineCheck } from '../../core/check';
import { adFindings } from '../util/ad-scan';

export const adSoftAd = defineCheck({
  id: 'ad.soft-ad',
  category: 'ad',
  severity: 'review',
  clause: '000_0077cba45e8101c3.txt 第十五条',
  description: '软文广告：购买号召、促销价格、包邮等信号组合计分',
  lists: ['ad-signals', 'ad-domains'],
  examples: {
    positive: [
      {draft: "两日游套餐含客栈住宿一晚、双人早餐，套餐价368元/2人，名额有限，私信下单即可锁定房源！", expect: [{text: "私信下单"}]},
      {draft: "“春茶尝鲜装”，250克装仅需98元，视频左下角扫码购买，全国包邮！", expect: [{text: "仅需98元"}, {text: "扫码购买"}, {text: "包邮"}]},
      {draft: "直播期间下单的前100名网友可领取无门槛优​惠券，整点还有限时抢购环节，好货不等人！", expect: [{text: "下单"}, {text: "优​惠券"}, {text: "限时抢购"}]},
      {draft: "老街文创馆推出冰箱贴和帆布包，限時搶購，售完即止！", expect: [{text: "限時搶購"}]},
      {draft: "复制这段描述￥AbC1234XyZ￥后打开手机淘宝即可下单", expect: [{text: "￥AbC1234XyZ￥"}]},
      {draft: "土蜂蜜旗舰店开业啦！结算时输入优惠码WGFM88享受开业优惠，点击下单即可。", expect: [{text: "优惠码WGFM88"}, {text: "点击下单"}]},
    ],
    guard: [
      {draft: "市场监管局提醒：广告中不得使用“第一品牌”“全网最低价”等用语，违者将被依法处罚，请商家点击下单前核实。"},
      {draft: "本项目采购预算金额98万元，最高限价96万元，中标供应商须提供包邮配送服务，请于截止时间前扫码报名。"},
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
  run: (ctx) => adFindings(ctx).filter((f) => f.check === 'ad.soft-ad'),
});
