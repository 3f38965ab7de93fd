/**
 * 违法有害信息: our own list (wordlists/sensitive.tsv) of illegal services and harmful content — gambling,
 * drugs, pornography, fraud, weapons, fake certificates and invoices, cults, illegal trade. Never political.
 *
 * Severity lives in the data: offers and services (代开发票, 枪支出售) are block; names of drugs, cults and
 * gambling (冰毒, 全能神, 赌博) are review, because 禁毒/反诈/反邪教 publicity on government accounts names
 * them on purpose and a reviewer must confirm the wording is warning, not promotion.
 */
import type { CheckDef, RawFinding } from '../core/check';
import { hitSeverity, listHitFinding, listsOfCategory, reportableHits } from './list-hits';

export const SENSITIVE_LIST = 'sensitive';

/** zh-CN label per tag (the tag column of the list); unknown tags read as 违法有害信息. */
const TAG_LABEL: Record<string, string> = {
  gambling: '赌博',
  drugs: '毒品',
  porn: '色情',
  fraud: '诈骗及非法金融服务',
  weapons: '枪支弹药及爆炸物',
  'fake-docs': '假证假票',
  cult: '邪教',
  'illegal-trade': '非法买卖',
};

const CLAUSE = '004_ffa469a3430680ee.txt 第三十一条';

export const sensitiveCheck: CheckDef = {
  id: 'sensitive',
  category: 'sensitive',
  severity: 'block',
  clause: CLAUSE,
  description: '违法有害信息：赌博、毒品、色情、诈骗、枪爆、假证假票、邪教等违法服务和有害内容用语',
  lists: [SENSITIVE_LIST],
  examples: {
    positive: [
      { draft: '电线杆上贴着“私刻公章 立等可取”的小广告。', expect: [{ text: '私刻公章', severity: 'block' }] },
      { draft: '现场查获冰毒120余克及加工工具一批。', expect: [{ text: '冰毒', severity: 'review' }] },
      { draft: '不法分子把冰 毒伪装成零食，还有冰-毒和冰\u200b毒等写法。', expect: [{ text: '冰 毒' }, { text: '冰-毒' }, { text: '冰\u200b毒' }] },
      { draft: '小李被一步步拉进網絡賭博。', expect: [{ text: '網絡賭博' }], note: 'traditional characters' },
      { draft: '清除“办证”“代开fa票”等各类非法小广告。', expect: [{ text: '办证' }, { text: '代开fa票', severity: 'block' }] },
      { draft: '有人在网上发布枪支出售信息。', expect: [{ text: '枪支出售', severity: 'block' }] },
      { draft: '谨防有人兜售ｋ粉。', expect: [{ text: 'ｋ粉' }], note: 'full-width Latin' },
      { draft: '该团伙在社交平台发布“代办学历”“学历包过”等信息。', expect: [{ text: '代办学历', severity: 'block' }, { text: '学历包过', severity: 'block' }] },
      { draft: '警惕“毕业证代办、学信网可查”一类广告。', expect: [{ text: '毕业证代办' }, { text: '学信网可查' }] },
    ],
    guard: [
      { draft: '周末带孩子去看小赌。博物馆今天免费开放。', note: 'a sentence end is a barrier' },
      { draft: '请携带材料到县政务服务中心不动产办证大厅办理，办证时间为工作日。' },
      { draft: '6·26国际禁毒日，我们开展禁毒宣传，引导群众远离毒品、拒绝吸毒。' },
      { draft: '人民银行桐溪支行开展反假币宣传，教群众识别假币。' },
      { draft: '账号粉丝突破10k粉丝量，感谢大家关注。' },
      { draft: '天津大麻花深受游客喜爱，遇到大麻烦别慌。' },
      { draft: '学校办学历史悠久，可为毕业生办理学历认证，毕业证遗失的可申请补办毕业证明书。' },
      { draft: '春节包过年饺子是我县的传统习俗。' },
    ],
  },
  run(ctx) {
    const out: RawFinding[] = [];
    for (const field of ctx.fields) {
      // Every list of category sensitive: the shipped one and any an admin adds with its own id.
      for (const hit of reportableHits(field, listsOfCategory(ctx, 'sensitive'))) {
        const severity = hitSeverity(field, hit);
        const tag = hit.entry.tag ?? 'other';
        const label = TAG_LABEL[tag] ?? '违法有害信息';
        const what = `「${hit.entry.term}」`;
        const message =
          severity === 'block'
            ? `${what}属${label}类违法服务或有害信息，政务新媒体不得发布，请删除。`
            : severity === 'review'
              ? `${what}为${label}类违法有害信息用语；如为警示宣传确需提及，请审核人确认表述为警示而非宣传推广，否则删除或改写。`
              : `${what}可能涉及${label}类有害信息，请留意语境（仅作提醒）。`;
        out.push(listHitFinding(field, hit, { severity, message, check: `sensitive.${tag}` }));
      }
    }
    return out;
  },
};
