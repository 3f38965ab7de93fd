/**
 * repost.unacceptable-source: 来源不明或不可接受的来源（网络、朋友圈、自媒体）、侵权声明.
 * The repost family scans once per screen (util/repost-scan.ts, which documents the rules); this sub-check is its unit in the registry, in settings and policy (`disabledChecks`), with its own examples.
 */
import { defineCheck } from '../../core/check';
import { repostFindings } from '../util/repost-scan';

export const repostUnacceptableSource = defineCheck({
  id: 'repost.unacceptable-source',
  category: 'repost',
  severity: 'block',
  clause: '001_c25ab7322e23089b.txt 第十七条',
  description: '来源不明或不可接受的来源（网络、朋友圈、自媒体）、侵权声明',
  lists: ['repost-markers', 'approved-sources'],
  examples: {
    positive: [
      {draft: "企业参会报名联系人：刘洋\n图片来源于网络", expect: [{text: "图片来源于网络", severity: "block"}]},
      {draft: "古树群是祖辈留下的“风水林”。\n來源：網絡", expect: [{text: "來源：網絡"}]},
      {draft: "警方提醒：切勿上当。\n来源 : 网络", expect: [{text: "来源 : 网络"}]},
      {draft: "凡是要求先交钱的兼职都是诈骗。\n转自朋友圈", expect: [{text: "转自朋友圈"}]},
      {draft: "老街重新焕发活力。\n来源：自媒体“皖南老街志”", expect: [{text: "来源：自媒体“皖南老街志”"}]},
      {draft: "2025-03-05 08:33 | 来源：abc2025\n县政府召开常务会议。", expect: [{text: "来源：abc2025"}]},
    ],
    guard: [
      {draft: "人民网安澜4月9日电（记者 周敏）早上8点半，社区养老服务站已经热闹起来。\n转载自：人民网"},
      {draft: "来源：网络安全宣传周组委会"},
      {draft: "央视网消息：全国防汛抗旱工作会议在京召开。\n来源：央视网"},
    ],
  },
  run: (ctx) => repostFindings(ctx).filter((f) => f.check === 'repost.unacceptable-source'),
});
