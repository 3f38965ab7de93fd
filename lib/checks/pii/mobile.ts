/**
 * pii.mobile: 未脱敏的手机号.
 * The pii family scans once per screen (util/pii-scan.ts, which documents the rules); this sub-check is its unit in the registry, in settings and policy (`disabledChecks`), with its own examples.
 */
import { defineCheck } from '../../core/check';
import { PII_GUARDS } from './guards';
import { piiFindings } from '../util/pii-scan';

export const piiMobile = defineCheck({
  id: 'pii.mobile',
  category: 'pii',
  severity: 'block',
  clause: '003_54205cdec66d062b.txt 第十一条',
  description: '未脱敏的手机号',
  lists: ['pii-context'],
  examples: {
    positive: [
      {draft: "联系人：刘洋，手机：13956412876", expect: [{text: "13956412876", severity: "block"}]},
      {draft: "包内名片上的电话是158-5641-3320，请失主认领", expect: [{text: "158-5641-3320"}]},
      {draft: "请拨打+86 139 5641 2876联系", expect: [{text: "86 139 5641 2876"}]},
    ],
    guard: PII_GUARDS,
  },
  run: (ctx) => piiFindings(ctx).filter((f) => f.check === 'pii.mobile'),
});
