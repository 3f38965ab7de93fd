/**
 * pii.bank-card: 未脱敏的银行卡号（Luhn 校验）.
 * The pii family scans once per screen (util/pii-scan.ts, which documents the rules); this sub-check is its unit in the registry, in settings and policy (`disabledChecks`), with its own examples.
 */
import { defineCheck } from '../../core/check';
import { PII_GUARDS } from './guards';
import { piiFindings } from '../util/pii-scan';

export const piiBankCard = defineCheck({
  id: 'pii.bank-card',
  category: 'pii',
  severity: 'block',
  clause: '003_54205cdec66d062b.txt 第十一条',
  description: '未脱敏的银行卡号（Luhn 校验）',
  lists: ['pii-context'],
  examples: {
    positive: [
      {draft: "社保卡金融账户（原二代卡卡号）：6217 0023 1456 0871 433", expect: [{text: "6217 0023 1456 0871 433"}]},
      {draft: "爱心捐款请汇至工会账户，收款卡号：6222 0212 3456 7890 128。", expect: [{text: "6222 0212 3456 7890 128"}]},
    ],
    guard: PII_GUARDS,
  },
  run: (ctx) => piiFindings(ctx).filter((f) => f.check === 'pii.bank-card'),
});
