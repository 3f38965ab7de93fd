/**
 * pii.protected-name: 依法应隐去姓名的人员（未成年人、被害人、患者等）.
 * The pii family scans once per screen (util/pii-scan.ts, which documents the rules); this sub-check is its unit in the registry, in settings and policy (`disabledChecks`), with its own examples.
 */
import { defineCheck } from '../../core/check';
import { PII_GUARDS } from './guards';
import { piiFindings } from '../util/pii-scan';

export const piiProtectedName = defineCheck({
  id: 'pii.protected-name',
  category: 'pii',
  severity: 'block',
  clause: '003_54205cdec66d062b.txt 第十一条',
  description: '依法应隐去姓名的人员（未成年人、被害人、患者等）',
  lists: ['pii-context'],
  examples: {
    positive: [
      {draft: "受害人张小明（男，13岁）系未成年人，目前已脱离危险。", expect: [{text: "张小明"}]},
      {draft: "被害人李小红（女，15岁）系在校学生，案件正在审理中。", expect: [{text: "李小红"}]},
    ],
    guard: PII_GUARDS,
  },
  run: (ctx) => piiFindings(ctx).filter((f) => f.check === 'pii.protected-name'),
});
