/**
 * clickbait.body: 正文中的标题党用语（叠用、诱导转发）.
 * The clickbait family scans once per screen (util/clickbait-scan.ts, which documents the rules); this sub-check is its unit in the registry, in settings and policy (`disabledChecks`), with its own examples.
 */
import { defineCheck } from '../../core/check';
import { clickbaitFindings } from '../util/clickbait-scan';

export const clickbaitBody = defineCheck({
  id: 'clickbait.body',
  category: 'clickbait',
  severity: 'review',
  clause: '003_54205cdec66d062b.txt 第十一条',
  description: '正文中的标题党用语（叠用、诱导转发）',
  lists: ['clickbait-phrases'],
  examples: {
    positive: [
      {draft: "赶紧转给家人！近期有不法分子冒充社保局工作人员实施诈骗。", expect: [{text: "赶紧转给"}]},
      {draft: "速​看！五一假期出行提醒来了", expect: [{text: "速​看"}]},
      {draft: "震驚！男子轻信“稳赚”平台，半年输光60万……", expect: [{text: "震驚"}]},
      {draft: "祖国76岁生日快乐！不转不是中国人！", expect: [{text: "不转不是中国人"}]},
      {draft: "９９％的人都不知道，老街的青石板路下面还藏着一条暗渠！", expect: [{text: "９９％的人都不知道"}]},
      {draft: "#梧冈交通# 【刚刚！！！县城公交3路、8路线路有调整】因管网施工，3路车临时绕行建设路。", expect: [{text: "刚刚！！！"}], note: "a Weibo 【】 headline is the title"},
      {draft: "家人们，今晚7点半，副县长带着咱们的山货来直播间啦！", expect: [{text: "家人们"}]},
      {draft: "宝子们，这些“彩色药丸”千万别碰！", expect: [{text: "宝子们"}]},
    ],
    guard: [
      {draft: "第一季度全区地区生产总值同比增长6.8%，重点项目开工率达99%。"},
      {draft: "请加快推进项目建设，迅速看齐先进地区。"},
      {draft: "暑期中小学生放假在家，请各位家长务必看管好自家孩子，不私自下水游泳。", note: "务必|看管 contains 必看 across a word boundary"},
      {draft: "#梧冈天气# 【高温橙色预警！】预计未来3天最高气温将达37℃以上，请注意防暑。"},
    ],
  },
  run: (ctx) => clickbaitFindings(ctx).filter((f) => f.check === 'clickbait.body'),
});
