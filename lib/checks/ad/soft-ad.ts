/**
 * ad.soft-ad: 软文广告：购买号召、促销价格、包邮等信号组合计分.
 * The ad family scans once per screen (util/ad-scan.ts, which documents the rules); this sub-check is its unit in the registry, in settings and policy (`disabledChecks`), with its own examples.
 */
import { defineCheck } from '../../core/check';
import { AD_GUARDS } from './guards';
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
      ...AD_GUARDS,
    ],
  },
  run: (ctx) => adFindings(ctx).filter((f) => f.check === 'ad.soft-ad'),
});
