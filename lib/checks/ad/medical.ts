/**
 * ad.medical: a medical advert carried into a draft (copied from an aggregator or a mirror page): a disease that
 * clinics advertise for (白癜风, 不孕不育…), a care-seeking phrase (偏方, 怎么治, 哪家好, 在线咨询…) and a link or a
 * mobile number on the same line. Health advice from a 卫健 office names diseases without links to clinics, and a
 * gov.cn link is the office's own, so neither is an ad. Words are data (wordlists/medical-ad.tsv).
 */
import { defineCheck, type RawFinding } from '../../core/check';
import { sourceOf } from '../util/lists';
import { findUrls } from '../util/urls';

const LIST = 'medical-ad';
/** How far along the line the parts may lie from the disease (bounded: a megabyte line stays linear). */
const WINDOW = 80;
const MOBILE_RE = /(?<!\d)1[3-9]\d(?:[\s-]?\d){8}(?!\d)/g;

export const adMedical = defineCheck({
  id: 'ad.medical',
  category: 'ad',
  severity: 'review',
  clause: '000_0077cba45e8101c3.txt 第十五条',
  description: '医疗广告引流：病种 + 偏方、怎么治、哪家好等求医用语 + 链接或手机号',
  lists: [LIST],
  examples: {
    positive: [
      { draft: '春季养生小常识。\n牛皮癣怎么治才能断根 http://pfb.health-ad.cc/a/1234.html', expect: [{ text: '牛皮癣怎么治才能断根 http://pfb.health-ad.cc/a/1234.html' }] },
      { draft: '治疗不孕不育的好方法，专家在线解答，电话13812345678', expect: [{ text: '不孕不育' }] },
    ],
    guard: [
      { draft: '县卫健委提醒：湿疹患者应避免抓挠，症状加重请及时到正规医院皮肤科就诊。' },
      { draft: '痛风怎么治？请看县人民医院专家的科普：https://www.txrmyy.gov.cn/kp/12.html' },
    ],
  },
  run(ctx) {
    const out: RawFinding[] = [];
    for (const field of ctx.fields) {
      const hits = field.hits(LIST);
      const diseases = hits.filter((h) => h.entry.tag === 'disease');
      if (diseases.length === 0) continue;
      const treats = hits.filter((h) => h.entry.tag === 'treat');
      if (treats.length === 0) continue;
      const urls = findUrls(field.folded).filter((u) => !/(^|\.)gov\.cn$/.test(u.host));
      const mobiles = [...field.folded.text.matchAll(MOBILE_RE)].map((m) => ({ start: field.folded.start[m.index!], end: field.folded.end[m.index! + m[0].length - 1] }));
      const leads = [...urls, ...mobiles].sort((a, b) => a.start - b.start);
      if (leads.length === 0) continue;
      const cx = field.context;
      let ti = 0;
      let li = 0;
      let lastEnd = -1;
      for (const d of diseases) {
        if (d.start < lastEnd) continue;
        const line = cx.lineAt(d.start);
        const from = Math.max(line.start, d.start - WINDOW);
        const to = Math.min(line.end, d.end + WINDOW);
        while (ti < treats.length && treats[ti].end <= from) ti++;
        while (li < leads.length && leads[li].end <= from) li++;
        const treat = treats[ti] && treats[ti].start < to ? treats[ti] : undefined;
        const lead = leads.slice(li).find((l) => l.start >= from && l.start < to);
        if (!treat || !lead) continue;
        const start = Math.min(d.start, treat.start, lead.start);
        const end = Math.max(d.end, treat.end, lead.end);
        lastEnd = end;
        out.push({
          field: field.name,
          start,
          end,
          check: 'ad.medical',
          message: `「${field.text.slice(start, end)}」是医疗广告引流（病种、求医用语和链接或电话），政务新媒体不得刊登商业广告或链接广告页面，请删除；转载内容请核对原始出处。`,
          source: sourceOf(ctx, LIST),
        });
      }
    }
    return out;
  },
});
