/**
 * repost.unapproved-source: 来源不在可转载稿源名单内（提醒）.
 * The repost family scans once per screen (util/repost-scan.ts, which documents the rules); this sub-check is its unit in the registry, in settings and policy (`disabledChecks`), with its own examples.
 */
import { defineCheck } from '../../core/check';
import { repostFindings } from '../util/repost-scan';

export const repostUnapprovedSource = defineCheck({
  id: 'repost.unapproved-source',
  category: 'repost',
  severity: 'info',
  clause: '003_54205cdec66d062b.txt 第七条',
  description: '来源不在可转载稿源名单内（提醒）',
  lists: ['repost-markers', 'approved-sources'],
  examples: {
    positive: [
      {draft: "新春走基层活动圆满结束。\n来源：某某文化传播公司", expect: [{text: "来源：某某文化传播公司", severity: "info"}]},
      {draft: "来源：星河视界工作室\n县文化馆举办书画展。", expect: [{text: "来源：星河视界工作室", severity: "info"}]},
    ],
    guard: [
      {draft: "来源：桐溪县人民政府网站\n编辑：张三"},
      {draft: "据气象部门消息，未来三天我县以晴热天气为主，请做好防暑降温。"},
      {draft: "央视网消息：据“安澜发布”微信公众号消息，当地已组织力量开展救援。"},
    ],
  },
  run: (ctx) => repostFindings(ctx).filter((f) => f.check === 'repost.unapproved-source'),
});
