/**
 * Admin lists no check reads: an admin may push a list under a new id whose category has only signal lists
 * read by a scoring check (ad, clickbait, secret, repost, map, pii), e.g. `city-ad-terms`. Such a list must
 * still be screened, never silently compiled and ignored, so each hit is reported on the list's own terms:
 * its category, severity (or the entry's), clause and note. Lists of category sensitive and wording are read
 * by those checks themselves (listsOfCategory), so they are not repeated here.
 */
import type { CheckDef, RawFinding } from '../core/check';
import type { WordList } from '../core/wordlist';
import { isClaimedByRegistry } from './claimed-lists';
import { groupHits, listHitFinding, reportableHits } from './list-hits';

const READ_BY_CATEGORY_CHECK = new Set(['sensitive', 'wording']);

/** An admin's own list as it would arrive in a bundle, for the examples. */
const CITY_AD_TERMS: WordList = {
  id: 'city-ad-terms',
  name: '本市商业推广用语',
  category: 'ad',
  severity: 'review',
  clause: '000_0077cba45e8101c3.txt 第十五条',
  entries: [{ term: '团购价', note: '商业促销用语' }, { term: '老字号招牌菜', severity: 'info' }],
};

export const adminLists: CheckDef = {
  id: 'admin-list',
  // Nominal: every finding carries the category of the list it came from.
  category: 'sensitive',
  severity: 'review',
  clause: '004_ffa469a3430680ee.txt 第二十四条',
  description: '管理员下发的其他词表：按词表自身的类别、严重程度和依据条款报告命中词',
  examples: {
    positive: [
      { draft: '本店推出团购价套餐，欢迎选购。', lists: [CITY_AD_TERMS], expect: [{ text: '团购价', severity: 'review' }] },
      { draft: '活动期间團 購價更优惠。', lists: [CITY_AD_TERMS], expect: [{ text: '團 購價' }], note: 'traditional, inserted space' },
    ],
    guard: [
      { draft: '县政府召开常务会议，研究部署春季农业生产工作。', lists: [CITY_AD_TERMS] },
      { draft: '本周全县天气晴好，最高气温18℃。', lists: [CITY_AD_TERMS] },
    ],
  },
  run(ctx) {
    const ids = ctx.lists
      .filter((l) => !ctx.claimedListIds.has(l.id) && !isClaimedByRegistry(l.id) && !READ_BY_CATEGORY_CHECK.has(l.category))
      .map((l) => l.id);
    if (ids.length === 0) return [];
    const out: RawFinding[] = [];
    for (const field of ctx.fields) {
      for (const { hit, severity, rest } of groupHits(field, reportableHits(field, ids))) {
        const message = `「${hit.entry.term}」命中管理员词表「${hit.list.name}」${hit.entry.note ? `（${hit.entry.note}）` : ''}，请按本单位要求修改或删除。`;
        const finding = listHitFinding(field, hit, { severity, message, check: `admin-list.${hit.list.id}`, fix: true, category: hit.list.category });
        if (rest.length) finding.occurrences = rest.map((h) => ({ start: h.start, end: h.end }));
        out.push(finding);
      }
    }
    return out;
  },
};
