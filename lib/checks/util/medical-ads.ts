/**
 * The shared scanner of the medical-advert sub-checks (ad.medical, sensitive.medical): on one line, a disease
 * clinics advertise for, a care-seeking phrase (怎么治, 哪家好) or a cure promise (祖传偏方, 专治, 三副见效), and a
 * way to reach the seller (a non-gov link, a mobile, a 400/800 line). Words are data (wordlists/medical-ad.tsv).
 * A line that warns or denies (警惕“包治百病”, 没有偏方能根治) advertises nothing. Memoised per field.
 */
import type { FieldContext } from '../../core/check';
import { findUrls } from './urls';

export const MEDICAL_LIST = 'medical-ad';
/** How far along the line the parts may lie from the disease (bounded: a megabyte line stays linear). */
const WINDOW = 80;
const PHONE_RE = /(?<!\d)(?:1[3-9]\d(?:[\s-]?\d){8}|[48]00[\s-]?\d{3,4}[\s-]?\d{3,4})(?!\d)/g;

export interface MedicalAd {
  start: number;
  end: number;
  /** A cure promise (偏方, 专治, 见效): an illegal medical advert, not only a commercial one. */
  cure: boolean;
}

const memo = new WeakMap<FieldContext, MedicalAd[]>();

export function medicalAds(field: FieldContext): MedicalAd[] {
  const cached = memo.get(field);
  if (cached) return cached;
  const out: MedicalAd[] = [];
  memo.set(field, out);
  const hits = field.hits(MEDICAL_LIST);
  const diseases = hits.filter((h) => h.entry.tag === 'disease');
  const phrases = hits.filter((h) => h.entry.tag === 'seek' || h.entry.tag === 'cure');
  if (diseases.length === 0 || phrases.length === 0) return out;
  const urls = findUrls(field.folded).filter((u) => !/(^|\.)gov\.cn$/.test(u.host));
  const phones = [...field.folded.text.matchAll(PHONE_RE)].map((m) => ({ start: field.folded.start[m.index!], end: field.folded.end[m.index! + m[0].length - 1] }));
  const leads = [...urls, ...phones].sort((a, b) => a.start - b.start);
  if (leads.length === 0) return out;
  const cx = field.context;
  let pi = 0;
  let li = 0;
  let lastEnd = -1;
  for (const d of diseases) {
    if (d.start < lastEnd) continue;
    const line = cx.lineAt(d.start);
    const from = Math.max(line.start, d.start - WINDOW);
    const to = Math.min(line.end, d.end + WINDOW);
    while (pi < phrases.length && phrases[pi].end <= from) pi++;
    while (li < leads.length && leads[li].end <= from) li++;
    let cure = false;
    let first: { start: number; end: number } | undefined;
    let last: { start: number; end: number } | undefined;
    for (let k = pi; k < phrases.length && phrases[k].start < to; k++) {
      first ??= phrases[k];
      last = phrases[k];
      if (phrases[k].entry.tag === 'cure') cure = true;
    }
    const lead = li < leads.length && leads[li].start < to ? leads[li] : undefined;
    if (!first || !last || !lead) continue;
    if (cx.sentenceHas(d.start, 'warning', 'negation')) continue;
    const start = Math.min(d.start, first.start, lead.start);
    const end = Math.max(d.end, last.end, lead.end);
    lastEnd = end;
    out.push({ start, end, cure });
  }
  return out;
}
