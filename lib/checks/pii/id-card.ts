/**
 * pii.id-card: 未脱敏的身份证号（GB 11643 校验）.
 * The pii family scans once per screen (util/pii-scan.ts, which documents the rules); this sub-check is its unit in the registry, in settings and policy (`disabledChecks`), with its own examples.
 */
import { defineCheck } from '../../core/check';
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
    guard: [
      {draft: "认证页面仅显示证件号码前六位和后四位，如“340104********1234”。"},
      {draft: "一等奖获得者：周先生（138****5678）、李同学（139****0215）、陈女士（手机尾号6632）。"},
      {draft: "咨询电话：0564-3371234；政务服务便民热线：12345；客服热线400-820-8820；报警请拨打110。"},
      {draft: "安澜某建材有限公司，统一社会信用代码91341522MA2N4K7Q3T，执行标的67万元。"},
      {draft: "投稿邮箱txwl2025@tongxi.gov.cn，邮件主题注明“征文+作者姓名”。"},
      {draft: "报名地点：人民路18号政务服务中心2号楼301室。"},
      {draft: "商品链接 https://item.taobao.com/item.htm?id=738215604417"},
      {draft: "全县生产总值186.3亿元，同比增长6.8%，订单编号20250319。"},
    ],
  },
  run: (ctx) => piiFindings(ctx).filter((f) => f.check === 'pii.id-card'),
});
