/**
 * sensitive.offer: a harmful term USED, not mentioned (util/sensitive-hits.ts): an offer or service (出售冰毒,
 * 代开发票, 专业刻章办证), a harmful thing with an offer cue in its clause (钢珠枪出售，需要的私信), explicit porn
 * vocabulary and SEO spam strings (日韩无码), or a cult's recruiting slogan (快归向全能神).
 */
import { defineCheck } from '../../core/check';
import { listHitFinding } from '../list-hits';
import { RepeatMerger } from '../util/repeats';
import { SENSITIVE_LIST, sensitiveHits, tagLabel } from '../util/sensitive-hits';

export const sensitiveOffer = defineCheck({
  id: 'sensitive.offer',
  category: 'sensitive',
  severity: 'block',
  clause: '004_ffa469a3430680ee.txt 第三十一条',
  description: '违法有害信息的使用：违法服务或交易要约、带推销用语的违禁物品、色情用语、宣扬邪教',
  lists: [SENSITIVE_LIST],
  examples: {
    positive: [
      { draft: '本店长期出售冰毒，量大从优。', expect: [{ text: '出售冰毒', severity: 'block' }] },
      { draft: '专业刻章办证服务，立等可取。', expect: [{ text: '刻章办证', severity: 'block' }], note: '办证服务 overlaps but does not cover 刻章办证' },
      { draft: '另有钢珠枪低价出售，同城当天送到。', expect: [{ text: '钢珠枪', severity: 'block' }], note: 'a name with offer cues in its clause' },
      { draft: '最新无码电影免费看，点击进入。', expect: [{ text: '无码', severity: 'block' }] },
      { draft: '只有信奉全能神的人才能得救，欢迎加入我们的聚会。', expect: [{ text: '全能神', severity: 'block' }] },
      { draft: '冰①毒出售，冰α毒出售，冰 - - 毒出售。', expect: [{ text: '冰①毒出售' }, { text: '冰α毒出售' }, { text: '冰 - - 毒出售' }] },
    ],
    guard: [
      { draft: '现场查获冰毒120余克及加工工具一批。', note: 'crackdown report' },
      { draft: '警方提醒：网上出售枪支的信息都是骗局，切勿上当。', note: 'warning' },
      { draft: '电线杆上贴着“代开发票”的小广告，已全部清除。', note: 'quoted, reported' },
      { draft: '请携带材料到不动产办证大厅办理，不动产办证电话请见窗口公告。' },
      { draft: '《中华人民共和国禁毒法》规定，禁止非法种植罂粟。', note: 'a law title' },
      { draft: '所谓“跑分”，是指利用个人账户为他人收转资金。', note: 'definition' },
      { draft: '周末带孩子去看小赌。博物馆今天免费开放。', note: 'a sentence end is a barrier' },
      { draft: '社区超市零售商品明码标价。' },
    ],
  },
  run(ctx) {
    const merged = new RepeatMerger();
    for (const field of ctx.fields) {
      for (const { hit, kind } of sensitiveHits(ctx, field).uses) merged.add(field, hit.start, hit.end, () => {
        const label = tagLabel(hit.entry.tag);
        const what = `「${field.text.slice(hit.start, hit.end)}」`;
        const message =
          kind === 'promotion'
            ? `${what}所在语句宣扬${label}组织，政务新媒体不得发布，请删除整句。`
            : kind === 'offer-cue'
              ? `${what}与出售、联系等推销用语同在一句，属${label}类违法交易信息，请删除。`
              : `${what}属${label}类违法服务或有害信息，政务新媒体不得发布，请删除（转载网页时常夹带此类内容）。`;
        return listHitFinding(field, hit, { severity: 'block', message, check: 'sensitive.offer' });
      });
    }
    return merged.findings();
  },
});
