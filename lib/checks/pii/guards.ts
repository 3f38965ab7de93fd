/**
 * Must-not-flag examples shared by every pii sub-check: the family scans once (util/pii-scan.ts), so
 * masked values, hotlines, credit codes and office addresses must stay clean for all of them.
 * One list, so a new must-not-flag sentence guards every sub-check of the family at once.
 */
import type { CheckExample } from '../../core/check';

export const PII_GUARDS: CheckExample[] = [
  {draft: "认证页面仅显示证件号码前六位和后四位，如“340104********1234”。"},
  {draft: "一等奖获得者：周先生（138****5678）、李同学（139****0215）、陈女士（手机尾号6632）。"},
  {draft: "咨询电话：0564-3371234；政务服务便民热线：12345；客服热线400-820-8820；报警请拨打110。"},
  {draft: "安澜某建材有限公司，统一社会信用代码91341522MA2N4K7Q3T，执行标的67万元。"},
  {draft: "投稿邮箱txwl2025@tongxi.gov.cn，邮件主题注明“征文+作者姓名”。"},
  {draft: "报名地点：人民路18号政务服务中心2号楼301室。"},
  {draft: "商品链接 https://item.taobao.com/item.htm?id=738215604417"},
  {draft: "全县生产总值186.3亿元，同比增长6.8%，订单编号20250319。"},
];
