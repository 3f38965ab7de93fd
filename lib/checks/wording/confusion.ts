/**
 * 易混词 (wording.confusion): a word that is right in one sense and a typo in another — 登陆 a typhoon but 登录 a
 * website, 形势严峻 but 活动形式 — decided from the words around it, which are data (wordlists/confusion.tsv,
 * context column, syntax in util/cues.ts). The hit must also sit on word boundaries (此处予以 is not 处予).
 */
import type { CheckContext, RawFinding } from '../../core/check';
import { defineCheck } from '../../core/check';
import { listSource } from '../../core/ruleset';
import { capFindings, MAX_FINDINGS_PER_FIELD } from '../util/text';
import { crossesWordBoundary } from '../util/words';
import { WORDING_CLAUSE, withSource } from './util/clause';
import { isQuotedMention } from './util/mention';
import { cuesSayWrong, parseCues, surroundings } from './util/cues';

export const CONFUSION_LIST = 'confusion';

function run(ctx: CheckContext): RawFinding[] {
  const list = ctx.list(CONFUSION_LIST);
  if (!list) return [];
  const out: RawFinding[] = [];
  for (const field of ctx.fields) {
    let reported = 0;
    for (const hit of field.hits(list.id)) {
      const { entry } = hit;
      if (!entry.replacement || entry.tag === 'allow') continue;
      // Cheapest test first; the segmenter only for hits the cues call wrong. At the per-field cap the rest of a
      // pasted megabyte is not examined (the sidebar shows the cap's findings either way).
      if (!cuesSayWrong(parseCues(entry.context), surroundings(field.folded, hit.start, hit.end))) continue;
      if (isQuotedMention(field.text, hit.start, hit.end) || crossesWordBoundary(field, hit)) continue;
      if (++reported > MAX_FINDINGS_PER_FIELD) break;
      const meaning = entry.note?.replace(/^\[[^\]]*\]\s*/, '') ?? '';
      out.push({
        field: field.name,
        start: hit.start,
        end: hit.end,
        severity: entry.severity ?? list.severity,
        message: `「${field.text.slice(hit.start, hit.end)}」在此处疑为「${entry.replacement}」之误。${meaning ? meaning + '。' : ''}`,
        suggestion: entry.replacement,
        clause: withSource(list.clause, entry.note?.startsWith('[SPIN]') ? '易混词表（洗稿改写痕迹）' : '易混词表（常见错别字和易混词）'),
        source: listSource(list),
        check: 'wording.confusion',
      });
    }
  }
  return capFindings(out);
}

export const confusion = defineCheck({
  id: 'wording.confusion',
  category: 'wording',
  severity: 'review',
  clause: WORDING_CLAUSE,
  description: '易混词：依上下文判断用错的词（登陆／登录、形势／形式、题材／体裁、截至／截止、违反／违法、处以、一旦、即使……）',
  lists: [CONFUSION_LIST],
  examples: {
    positive: [
      { draft: '办事群众可登陆县政务服务网在线申报。', expect: [{ text: '登陆', severity: 'review' }] },
      { draft: '受台风影响，预计“海葵”将于今晚在沿海登录。', expect: [{ text: '登录' }] },
      { draft: '活动以知识竞赛的形势开展，内容丰富、形势多样。', expect: [{ text: '形势' }] },
      { draft: '当前防汛形式依然严峻，各乡镇要压实责任。', expect: [{ text: '形式' }] },
      { draft: '剧组正在拍摄一部红色体裁的电视剧。', expect: [{ text: '体裁' }] },
      { draft: '既使天气恶劣，救援队员也坚持搜救。', expect: [{ text: '既使' }] },
      { draft: '一但发现火情，请立即拨打119。', expect: [{ text: '一但' }] },
      { draft: '对当事人处予罚款五千元。', expect: [{ text: '处予' }] },
      { draft: '截止6月底，全县新增就业岗位1200个。', expect: [{ text: '截止' }] },
      { draft: '该商家的行为违法《中华人民共和国广告法》第九条。', expect: [{ text: '违法' }] },
      { draft: '请广大群众体量工作人员的难处。', expect: [{ text: '体量' }] },
      { draft: '接到线索后，民警立即举行核实。', expect: [{ text: '举行' }] },
      { draft: '如接到可疑电话，请实时拨打110报警。', expect: [{ text: '实时' }] },
    ],
    guard: [
      { draft: '今年第5号台风“海葵”于9时在福建沿海登陆。' },
      { draft: '请登录县政务服务网，使用账号密码完成申报。' },
      { draft: '当前安全生产形势严峻复杂，活动形式多样。' },
      { draft: '征文题材不限，体裁可以是诗歌、散文或小说。' },
      { draft: '即使下雨，活动也照常举行；既使群众满意，又使企业受益。' },
      { draft: '坚持全县一盘棋，统一但不统死；一旦发现问题立即整改。' },
      { draft: '此处予以警示；对违法行为处以罚款。' },
      { draft: '截至目前，报名已于6月30日截止，逾期不再受理。' },
      { draft: '该行为违反了《广告法》，属于违法行为。' },
      { draft: '我县经济体量不大，但增速较快。' },
      { draft: '县里举行消防演练和表彰大会，监测站实时监测水位，及时发布预警。' },
    ],
  },
  run,
});
