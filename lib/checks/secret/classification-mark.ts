/**
 * secret.classification-mark: 密级标志：密级★保密期限、密级栏、作为标注的绝密/机密.
 * The secret family scans once per screen (util/secret-scan.ts, which documents the rules); this sub-check is its unit in the registry, in settings and policy (`disabledChecks`), with its own examples.
 */
import { defineCheck } from '../../core/check';
import { secretFindings } from '../util/secret-scan';

export const secretClassificationMark = defineCheck({
  id: 'secret.classification-mark',
  category: 'secret',
  severity: 'block',
  clause: '001_c25ab7322e23089b.txt 第十一条',
  description: '密级标志：密级★保密期限、密级栏、作为标注的绝密/机密',
  lists: ['secret-markers'],
  examples: {
    positive: [
      {draft: "县教研室编制的2025年中考模拟试卷（绝密★启用前）已下发各校", expect: [{text: "绝密", severity: "block"}]},
      {draft: "秘密★1年\n近日，新能源产业园二期项目完成土地摘牌。", expect: [{text: "秘密★"}]},
      {draft: "机 密\n#安澜警方# 【发布虚假信息实施诈骗，5人落网】", expect: [{text: "机 密"}]},
      {draft: "密级：机密\n关于做好防汛工作的通知", expect: [{text: "密级：机密"}]},
    ],
    guard: [
      {draft: "温馨提示\n请注意保存好购物小票。", note: "a short line that runs on into a sentence is advice, not a marker"},
      {draft: "税务机关依法为纳税人的商业秘密和个人隐私保密。"},
      {draft: "保密教育培训中强调，严禁将内部资料带离办公场所，严防失泄密。"},
      {draft: "游览小贴士：\n村内部分古民居仍有村民居住，参观时请勿擅自进入。", note: "村内|部分: 内部 across a word boundary"},
      {draft: "公司拟非公开发行股票，募集资金用于新建生产线项目，并非公开招标采购。"},
    ],
  },
  run: (ctx) => secretFindings(ctx).filter((f) => f.check === 'secret.classification-mark'),
});
