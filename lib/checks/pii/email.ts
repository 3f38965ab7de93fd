/**
 * pii.email: 个人电子邮箱.
 * The pii family scans once per screen (util/pii-scan.ts, which documents the rules); this sub-check is its unit in the registry, in settings and policy (`disabledChecks`), with its own examples.
 */
import { defineCheck } from '../../core/check';
import { PII_GUARDS } from './guards';
import { piiFindings } from '../util/pii-scan';

export const piiEmail = defineCheck({
  id: 'pii.email',
  category: 'pii',
  severity: 'block',
  clause: '003_54205cdec66d062b.txt 第十一条',
  description: '个人电子邮箱',
  lists: ['pii-context'],
  examples: {
    positive: [
      {draft: "报名请发送至陈老师的邮箱chenxi0917@qq.com。", expect: [{text: "chenxi0917@qq.com"}]},
      {draft: "报名表请发送至联系人邮箱 wangxiaoli1988@163.com。", expect: [{text: "wangxiaoli1988@163.com"}]},
    ],
    guard: PII_GUARDS,
  },
  run: (ctx) => piiFindings(ctx).filter((f) => f.check === 'pii.email'),
});
