/**
 * sensitive.mention: harmful things only NAMED — in a warning, a crackdown report, an explanation, a quotation or
 * a law title (util/sensitive-hits.ts). Not a problem; one `info` reminder per kind (毒品, 赌博…) per field, with
 * every place highlighted, so a 禁毒 article that names ten drugs shows one quiet row instead of ten prompts.
 */
import { defineCheck, type RawFinding } from '../../core/check';
import type { ListHit } from '../../core/check';
import { SENSITIVE_LIST, sensitiveHits, tagLabel } from '../util/sensitive-hits';
import { sourceOf } from '../list-hits';

export const sensitiveMention = defineCheck({
  id: 'sensitive.mention',
  category: 'sensitive',
  severity: 'info',
  clause: '004_ffa469a3430680ee.txt 第三十一条',
  description: '提及违法有害事物（警示、通报、解释）：不算问题，每类合并为一条提醒',
  lists: [SENSITIVE_LIST],
  examples: {
    positive: [
      { draft: '民警提醒：冰毒、海洛因都是毒品，冰毒危害极大。', expect: [{ text: '冰毒', severity: 'info' }] },
      { draft: '法院审理查明，被告人在网上出售淫秽视频牟利。', expect: [{ text: '淫秽视频', severity: 'info' }] },
    ],
    guard: [
      { draft: '6·26国际禁毒日，我们开展禁毒宣传，引导群众远离毒品、拒绝吸毒。' },
      { draft: '天津大麻花深受游客喜爱，遇到大麻烦别慌。' },
    ],
  },
  run(ctx) {
    const out: RawFinding[] = [];
    for (const field of ctx.fields) {
      const byTag = new Map<string, ListHit[]>();
      for (const hit of sensitiveHits(ctx, field).mentions) {
        const tag = hit.entry.tag ?? 'other';
        const list = byTag.get(tag);
        if (list) list.push(hit);
        else byTag.set(tag, [hit]);
      }
      for (const [tag, hits] of byTag) {
        const names = [...new Set(hits.map((h) => h.entry.term))];
        const [first, ...rest] = hits;
        out.push({
          field: field.name,
          start: first.start,
          end: first.end,
          check: 'sensitive.mention',
          severity: 'info',
          message: `本文在警示、通报或解释中提及${tagLabel(tag)}类事物 ${hits.length} 处（${names.slice(0, 5).join('、')}${names.length > 5 ? '等' : ''}），属正常提及；请确认没有保留可用的联系方式、链接或推广内容（仅作提醒）。`,
          source: sourceOf(first),
          clause: first.list.clause,
          occurrences: rest.map((h) => ({ start: h.start, end: h.end })),
        });
      }
    }
    return out;
  },
});
