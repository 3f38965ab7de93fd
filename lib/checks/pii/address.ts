/**
 * pii.address: 门牌级个人住址.
 * The pii family scans once per screen (util/pii-scan.ts, which documents the rules); this sub-check is its unit in the registry, in settings and policy (`disabledChecks`), with its own examples.
 */
import { defineCheck } from '../../core/check';
import { PII_GUARDS } from './guards';
import { piiFindings } from '../util/pii-scan';

export const piiAddress = defineCheck({
  id: 'pii.address',
  category: 'pii',
  severity: 'block',
  clause: '003_54205cdec66d062b.txt 第十一条',
  description: '门牌级个人住址',
  lists: ['pii-context'],
  examples: {
    positive: [
      {draft: "住址：凤岭镇兴华路18号3栋402室，保障类别：城市低保", expect: [{text: "兴华路18号3栋402室"}]},
      {draft: "走失老人家住城关镇兴华路18号3栋402室，请见到者联系派出所。", expect: [{text: "兴华路18号3栋402室"}]},
    ],
    guard: PII_GUARDS,
  },
  run: (ctx) => piiFindings(ctx).filter((f) => f.check === 'pii.address'),
});
