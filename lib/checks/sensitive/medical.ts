/**
 * sensitive.medical: an illegal medical advert — a cure promise (祖传偏方, 专治, 三副见效, 根治) for a disease with a
 * way to reach the seller (phone, 400 line, link) on one line (util/medical-ads.ts). Such ads are banned outright
 * (虚假医疗广告), so this is a block; a plain care-seeking advert without a promise is ad.medical.
 */
import { defineCheck, type RawFinding } from '../../core/check';
import { sourceOf } from '../util/lists';
import { MEDICAL_LIST, medicalAds } from '../util/medical-ads';

export const sensitiveMedical = defineCheck({
  id: 'sensitive.medical',
  category: 'sensitive',
  severity: 'block',
  clause: '004_ffa469a3430680ee.txt 第三十一条',
  description: '违法医疗广告：偏方、专治、根治等包治承诺 + 病种 + 电话或链接',
  // The list is ad.medical's (category ad); this sub-check reads it through the shared scanner.
  examples: {
    positive: [
      { draft: '活动圆满结束。\n老中医秘方根治类风湿，一月见效，订购电话400-1234-567', expect: [{ text: '类风湿', severity: 'block' }] },
      { draft: '白癜风能根治吗？老中医偏方三个月断根，微信同号13912345678', expect: [{ text: '白癜风能根治', severity: 'block' }] },
    ],
    guard: [
      { draft: '警惕“祖传偏方专治糖尿病”一类虚假广告，有病请到正规医院就诊，咨询电话0563-6725120。' },
      { draft: '糖尿病没有偏方能根治，请遵医嘱规范用药。' },
    ],
  },
  run(ctx) {
    const out: RawFinding[] = [];
    for (const field of ctx.fields) {
      for (const m of medicalAds(field)) {
        if (!m.cure) continue;
        out.push({
          field: field.name,
          start: m.start,
          end: m.end,
          check: 'sensitive.medical',
          message: `「${field.text.slice(m.start, m.end)}」是包治疾病的违法医疗广告（偏方、专治、见效等承诺加联系方式），请删除；转载内容请核对原始出处。`,
          source: sourceOf(ctx, MEDICAL_LIST),
        });
      }
    }
    return out;
  },
});
