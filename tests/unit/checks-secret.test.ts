import { describe, expect, it } from 'vitest';
import { screen } from '../../lib/core/screen';
import { describeContentCheck, family, shippedRuleset, type RobustCase } from './helpers/content-check';

const ROBUST: RobustCase[] = [
  { text: '县教研室编制的中考模拟试卷（绝密★启用前）已下发各校。', target: '绝密★', exact: true },
  { text: '秘密★1年\n近日，新能源产业园二期项目完成土地摘牌。', target: '秘密★', exact: true },
  { text: '内部资料\n近日，县国土变更调查成果通过省级核查。', target: '内部资料', exact: true },
  { text: '会上对典型问题进行了点名通报（通报内容不得外传）。', target: '不得外传', exact: true },
  { text: '机密\n#安澜警方# 发布虚假信息实施诈骗，5人落网。', target: '机密', exact: true },
  { text: '县财政局关于2025年预算调整情况的说明（此件不予公开）', target: '此件不予公开', exact: true },
];


const SECRET = family('secret');
describeContentCheck(SECRET, ROBUST);

describe('secret: specifics', () => {
  const rs = shippedRuleset();
  const run = (body: string) => screen({ platform: 'generic', fields: { body } }, rs, SECRET);
  it('does not flag 秘密 in prose', () => {
    expect(run('选民在秘密写票处填写选票，保守党和国家的秘密是每个公民的义务。')).toEqual([]);
  });
  it('reads an internal marker in prose as review, in secrecy education as info', () => {
    expect(run('会议通报了督查中发现的问题，有关材料属内部资料，各部门要认真整改落实到位并于月底前上报。').map((f) => f.severity)).toEqual(['review']);
    expect(run('保密教育培训中强调，严禁将内部资料带离办公场所，严防失泄密，切实筑牢保密防线。').map((f) => f.severity)).toEqual(['info']);
  });
  it('drops marker words matched across a word boundary and a bare 内部', () => {
    for (const s of ['村内部分古民居仍有村民居住。', '内部控制\n内部审计', '不要向任何人透露手机密码和验证码，谨防诈骗。'])
      expect(run(s).filter((f) => f.severity !== 'info'), s).toEqual([]);
  });
  it('reads 不予公开 as a marking only in marking position, never as a statistic', () => {
    expect(run('其中，予以公开29件，部分公开6件，不予公开3件（涉及商业秘密1件），本机关不掌握相关政府信息9件，均在法定期限内答复。')).toEqual([]);
    expect(run('不予公开 3件\n部分公开：6件')).toEqual([]);
    expect(run('公开属性：不予公开\n关于做好防汛工作的通知').map((f) => f.severity)).toEqual(['block']);
  });
  it('leaves a public consultation draft alone', () => {
    expect(run('关于公开征求意见的公告\n征求意见稿\n欢迎提出意见')).toEqual([]);
  });
});
