/**
 * 规范表述: the Xinhua 禁用词/慎用词 rules restated as our list (wordlists/wording.tsv, sub-check wording.xinhua)
 * and typos of official and political terms (wordlists/typos.tsv, wording.typo). A 严重表述错误 is a 单项否决
 * item in the national inspection, so territory/ethnic/religious wording and meaning-inverting typos are block.
 *
 * Context qualifiers (中央银行 only near 台湾) downgrade to info when no context word is in the field, and
 * instructions such as (删除) never become a one-click fix: the editor decides the new wording.
 */
import type { CheckDef, ListHit, RawFinding } from '../core/check';
import type { Severity } from '../core/types';
import { hitSeverity, isInstruction, listHitFinding, listsOfCategory, reportableHits, splitAlternatives } from './list-hits';

export const WORDING_LIST = 'wording';
export const TYPOS_LIST = 'typos';

function subCheck(hit: ListHit): string {
  if (hit.list.id === WORDING_LIST) return 'wording.xinhua';
  if (hit.list.id === TYPOS_LIST) return 'wording.typo';
  return `wording.${hit.list.id}`;
}

function message(hit: ListHit, severity: Severity): string {
  const { entry } = hit;
  const what = `「${entry.term}」`;
  const r = entry.replacement?.trim() ?? '';
  let text: string;
  if (hit.list.id === TYPOS_LIST) {
    text = severity === 'block' ? `${what}是错别字且改变原意，必须改为「${r}」。` : `${what}疑为错别字，应为「${r}」。`;
  } else if (!r) {
    text = `${what}为不规范表述，请修改。`;
  } else if (isInstruction(r)) {
    text = `${what}为不规范表述：${r.replace(/^[(（]|[)）]$/g, '')}。`;
  } else {
    text = `${what}为不规范表述，应改为${splitAlternatives(r).map((a) => `「${a}」`).join('或')}。`;
  }
  if (entry.note && hit.list.id !== TYPOS_LIST) text += `（${entry.note}）`;
  if (severity === 'info' && entry.context) {
    text += `本栏目未出现「${entry.context.split('|').join('」「')}」等语境词，仅作提醒。`;
  }
  return text;
}

export const wordingCheck: CheckDef = {
  id: 'wording',
  category: 'wording',
  severity: 'review',
  clause: '003_54205cdec66d062b.txt 第九条',
  description: '规范表述：新华社禁用词和慎用词、涉港澳台和民族宗教表述、不文明用语，以及政治和公文常用词的错别字',
  lists: [WORDING_LIST, TYPOS_LIST],
  examples: {
    positive: [
      { draft: '县委召开民营企业家坐谈会。', expect: [{ text: '坐谈会', severity: 'review' }] },
      { draft: '公司开业那年正赶上臺灣總統选举。', expect: [{ text: '臺灣總統', severity: 'block' }], note: 'traditional characters' },
      { draft: '她的茶叶曾在台湾政府主办的评鉴中获奖。', expect: [{ text: '台湾政府', severity: 'block' }] },
      { draft: '来自中国和香港的60名中学生走进云湖区。', expect: [{ text: '中国和香港' }] },
      { draft: '阿訇向群众介绍了回教的节日习俗和饮食禁忌。', expect: [{ text: '回教', severity: 'block' }], note: '国务院1956年通知：伊斯兰教不称回教' },
      { draft: '希望同学们再接再励，取得好成绩。', expect: [{ text: '再接再励', severity: 'review' }] },
      { draft: '养殖户老周对着满塘死鱼一愁\u200b莫展。', expect: [{ text: '一愁\u200b莫展' }], note: 'zero-width space inside' },
      { draft: '全区开展扫黑 险恶专项斗争。', expect: [{ text: '扫黑 险恶', severity: 'block' }], note: 'inserted space' },
      { draft: '两队在决赛中ＰＫ，观众热情高涨。', expect: [{ text: 'ＰＫ', severity: 'review' }], note: 'full-width Latin' },
    ],
    guard: [
      { draft: '我县获评国家级生态示范区，国家发展改革委予以通报表扬。' },
      { draft: '省人大常委会副主任一行到我县调研，全国人大常委会委员参加。' },
      { draft: '展会吸引了日本、韩国、台湾等国家和地区的客商。' },
      { draft: '坚决反对“台独”分裂行径，坚持“一国两制”方针。' },
      { draft: '大学生村官小王带领村民发展特色种植。' },
      { draft: '城关清真寺阿訇向群众介绍了伊斯兰教的节日习俗；回族群众热情参与，同学们下课后回教室继续学习。', note: '回族 is right; 回|教室' },
      { draft: '请下载APK安装包，NB-IoT水表已全面覆盖；妈妈的味道最难忘。' },
      { draft: '我市始终把根治欠薪作为重点，农村长期发展基础不断夯实。' },
    ],
  },
  run(ctx) {
    const out: RawFinding[] = [];
    for (const field of ctx.fields) {
      // Every list of category wording: Xinhua rules, typos and any list an admin adds with its own id.
      for (const hit of reportableHits(field, listsOfCategory(ctx, 'wording'), { quotes: true })) {
        const severity = hitSeverity(field, hit);
        out.push(listHitFinding(field, hit, { severity, message: message(hit, severity), check: subCheck(hit), fix: true }));
      }
    }
    return out;
  },
};
