/**
 * pii.id-card: 未脱敏的身份证号（GB 11643 校验）.
 * The pii family scans once per screen (util/pii-scan.ts, which documents the rules); this sub-check is its unit in the registry, in settings and policy (`disabledChecks`), with its own examples.
 */
import { defineCheck } from '../../core/check';
import { PII_GUARDS } from './guards';
import { piiFindings } from '../util/pii-scan';

export const piiIdCard = defineCheck({
  id: 'pii.id-card',
  category: 'pii',
  severity: 'block',
  clause: '003_54205cdec66d062b.txt 第十一条',
  description: '未脱敏的身份证号（GB 11643 校验）',
  lists: ['pii-context'],
  examples: {
    positive: [
      {draft: "王桂兰，身份证号341502195304126625，保障类别：城市低保", expect: [{text: "341502195304126625"}]},
      {draft: "嫌疑人周某（身份证号：３４１５２２１９９２０６１７３３１７）", expect: [{text: "３４１５２２１９９２０６１７３３１７"}], note: "full-width digits"},
      {draft: "失信被执行人：赵某军，身份证号341522197803152013", expect: [{text: "341522197803152013", severity: "review"}], note: "legal disclosure stays review"},
    ],
    guard: PII_GUARDS,
  },
  run: (ctx) => piiFindings(ctx).filter((f) => f.check === 'pii.id-card'),
});
