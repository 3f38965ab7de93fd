/**
 * clickbait.title: 标题党：标题中的夸张、煽情、诱导转发用语（加倍计分）.
 * The clickbait family scans once per screen (util/clickbait-scan.ts, which documents the rules); this sub-check is its unit in the registry, in settings and policy (`disabledChecks`), with its own examples.
 */
import { defineCheck } from '../../core/check';
import { clickbaitFindings } from '../util/clickbait-scan';

export const clickbaitTitle = defineCheck({
  id: 'clickbait.title',
  category: 'clickbait',
  severity: 'review',
  clause: '003_54205cdec66d062b.txt 第十一条',
  description: '标题党：标题中的夸张、煽情、诱导转发用语（加倍计分）',
  lists: ['clickbait-phrases'],
  examples: {
    positive: [
      {draft: {title: "惊呆了！这个小山村藏着百年古树群", body: "在桐溪县凤岭镇柳塘村，有一片古树群。"}, expect: [{text: "惊呆了", field: "title"}]},
      {draft: {title: "医保报销这些细节，99%的人都不知道！", body: "今天为大家梳理几个高频问题。"}, expect: [{text: "99%的人都不知道", field: "title"}]},
      {draft: {title: "竟然是这样？？", body: "今天说说社保卡。"}, expect: [{text: "竟然是", field: "title"}]},
    ],
    guard: [
      {draft: "南京大屠杀惨案震惊中外，我们要铭记历史、缅怀先烈。"},
      {draft: {title: "关于开展2025年度养老保险待遇资格认证的通知", body: "请符合条件的人员在规定时间内完成认证。"}},
      {draft: {title: "高温橙色预警！", body: "预计未来3天最高气温将达37℃以上。"}},
      {draft: "春节期间，在外务工人员陆续返乡与家人们团聚，父老乡亲们其乐融融。", note: "家人们 not addressing the reader"},
    ],
  },
  run: (ctx) => clickbaitFindings(ctx).filter((f) => f.check === 'clickbait.title'),
});
