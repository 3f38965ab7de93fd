/**
 * ad.medical: a medical advert carried into a draft (copied from an aggregator or a mirror page): a disease that
 * clinics advertise for (白癜风, 不孕不育…), a care-seeking phrase (怎么治, 哪家好, 在线咨询…) and a link or a phone
 * on the same line (util/medical-ads.ts). One that promises a cure is sensitive.medical instead. Health advice from
 * a 卫健 office names diseases without links to clinics, and a gov.cn link is the office's own.
 */
import { defineCheck, type RawFinding } from '../../core/check';
import { sourceOf } from '../util/lists';
import { MEDICAL_LIST, medicalAds } from '../util/medical-ads';

export const adMedical = defineCheck({
  id: 'ad.medical',
  category: 'ad',
  severity: 'review',
  clause: '000_0077cba45e8101c3.txt 第十五条',
  description: '医疗广告引流：病种 + 怎么治、哪家好等求医用语 + 链接或电话',
  lists: [MEDICAL_LIST],
  examples: {
    positive: [
      { draft: '春季养生小常识。\n牛皮癣怎么治才能好 http://pfb.health-ad.cc/a/1234.html', expect: [{ text: '牛皮癣怎么治才能好 http://pfb.health-ad.cc/a/1234.html' }] },
      { draft: '不孕不育医院哪家好，专家在线解答，电话13812345678', expect: [{ text: '不孕不育' }] },
    ],
    guard: [
      { draft: '县卫健委提醒：湿疹患者应避免抓挠，症状加重请及时到正规医院皮肤科就诊。' },
      { draft: '痛风怎么治？请看县人民医院专家的科普：https://www.txrmyy.gov.cn/kp/12.html' },
    ],
  },
  run(ctx) {
    const out: RawFinding[] = [];
    for (const field of ctx.fields) {
      for (const m of medicalAds(field)) {
        if (m.cure) continue;
        out.push({
          field: field.name,
          start: m.start,
          end: m.end,
          check: 'ad.medical',
          message: `「${field.text.slice(m.start, m.end)}」是医疗广告引流（病种、求医用语和链接或电话），政务新媒体不得刊登商业广告或链接广告页面，请删除；转载内容请核对原始出处。`,
          source: sourceOf(ctx, MEDICAL_LIST),
        });
      }
    }
    return out;
  },
});
