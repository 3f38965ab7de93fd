/**
 * secret.draft-status: 征求意见稿、讨论稿、送审稿等草稿状态.
 * The secret family scans once per screen (util/secret-scan.ts, which documents the rules); this sub-check is its unit in the registry, in settings and policy (`disabledChecks`), with its own examples.
 */
import { defineCheck } from '../../core/check';
import { secretFindings } from '../util/secret-scan';

export const secretDraftStatus = defineCheck({
  id: 'secret.draft-status',
  category: 'secret',
  severity: 'review',
  clause: '001_c25ab7322e23089b.txt 第十一条',
  description: '征求意见稿、讨论稿、送审稿等草稿状态',
  lists: ['secret-markers'],
  examples: {
    positive: [
      {draft: "讨论稿\n关于推进老旧小区改造的实施方案", expect: [{text: "讨论稿", severity: "review"}]},
      {draft: "送审稿\n关于调整城区停车收费标准的方案", expect: [{text: "送审稿"}]},
    ],
    guard: [
      {draft: "选举大会现场设立秘密写票处，选民在秘密写票处填写选票后投入票箱，采取无记名投票方式。"},
      {draft: "关于公开征求《安澜市养犬管理办法（征求意见稿）》意见的公告\n欢迎社会各界提出意见建议。"},
      {draft: "建立健全内部控制制度，定期开展内部审计，确保财政资金安全规范使用。", note: "a bare 内部 is no marker"},
      {draft: "二、依申请公开情况\n不予公开 3件\n部分公开 6件", note: "a statistics row on its own line"},
    ],
  },
  run: (ctx) => secretFindings(ctx).filter((f) => f.check === 'secret.draft-status'),
});
