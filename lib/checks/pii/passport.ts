/**
 * pii.passport: 未脱敏的护照号.
 * The pii family scans once per screen (util/pii-scan.ts, which documents the rules); this sub-check is its unit in the registry, in settings and policy (`disabledChecks`), with its own examples.
 */
import { defineCheck } from '../../core/check';
import { PII_GUARDS } from './guards';
import { piiFindings } from '../util/pii-scan';

export const piiPassport = defineCheck({
  id: 'pii.passport',
  category: 'pii',
  severity: 'block',
  clause: '003_54205cdec66d062b.txt 第十一条',
  description: '未脱敏的护照号',
  lists: ['pii-context'],
  examples: {
    positive: [
      {draft: "持护照（号码E12345678）入境", expect: [{text: "E12345678"}]},
      {draft: "遗失声明：本人护照，护照号码E12345678，声明作废。", expect: [{text: "E12345678"}]},
    ],
    guard: PII_GUARDS,
  },
  run: (ctx) => piiFindings(ctx).filter((f) => f.check === 'pii.passport'),
});
