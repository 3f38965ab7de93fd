/**
 * repost.original-title: 转载稿改动标题（提醒）.
 * The repost family scans once per screen (util/repost-scan.ts, which documents the rules); this sub-check is its unit in the registry, in settings and policy (`disabledChecks`), with its own examples.
 */
import { defineCheck } from '../../core/check';
import { repostFindings } from '../util/repost-scan';

export const repostOriginalTitle = defineCheck({
  id: 'repost.original-title',
  category: 'repost',
  severity: 'info',
  clause: '001_c25ab7322e23089b.txt 第十七条',
  description: '转载稿改动标题（提醒）',
  lists: ['repost-markers', 'approved-sources'],
  examples: {
    positive: [
      {draft: "原标题：《老街焕新颜》\n老街改造完成。\n来源：新华社", expect: [{text: "原标题：《老街焕新颜》", severity: "info"}]},
      {draft: "原标题：春耕正当时\n全县春耕有序推进。\n转载自：人民网", expect: [{text: "原标题：春耕正当时", severity: "info"}]},
    ],
    guard: [
      {draft: "项目资金来源于县级财政和社会资本，来源网络安全专项资金的部分另行核算。"},
      {draft: "据县气象台消息，今年入汛以来我县降雨量较常年偏多三成。"},
      {draft: "县融媒体中心通讯员深入田间地头采访种粮大户。"},
    ],
  },
  run: (ctx) => repostFindings(ctx).filter((f) => f.check === 'repost.original-title'),
});
