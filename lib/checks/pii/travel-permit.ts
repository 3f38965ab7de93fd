/**
 * pii.travel-permit: 未脱敏的港澳台通行证号.
 * The pii family scans once per screen (util/pii-scan.ts, which documents the rules); this sub-check is its unit in the registry, in settings and policy (`disabledChecks`), with its own examples.
 */
import { defineCheck } from '../../core/check';
import { PII_GUARDS } from './guards';
import { piiFindings } from '../util/pii-scan';

export const piiTravelPermit = defineCheck({
  id: 'pii.travel-permit',
  category: 'pii',
  severity: 'block',
  clause: '003_54205cdec66d062b.txt 第十一条',
  description: '未脱敏的港澳台通行证号',
  lists: ['pii-context'],
  examples: {
    positive: [
      {draft: "失物招领：往来港澳通行证一本，证件号C12345678，请失主认领。", expect: [{text: "C12345678"}]},
      {draft: "拾到台湾居民来往大陆通行证，号码：H12345678，请本人到派出所领取。", expect: [{text: "H12345678"}]},
    ],
    guard: PII_GUARDS,
  },
  run: (ctx) => piiFindings(ctx).filter((f) => f.check === 'pii.travel-permit'),
});
