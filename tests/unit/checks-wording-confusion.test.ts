/**
 * 易混词: every pair of wordlists/confusion.tsv is decided from its context, right in both senses (an invented
 * sentence where the word is wrong and one where it is right), with the correct word as the one-click fix.
 */
import { describe, expect, it } from 'vitest';
import { confusion } from '../../lib/checks/wording';
import { screen } from '../../lib/core/screen';
import type { Finding } from '../../lib/core/types';
import { shippedLists, shippedRuleset } from './helpers/shipped-lists';

const ruleset = shippedRuleset();
const run = (body: string): Finding[] => screen({ platform: 'generic', fields: { body } }, ruleset, [confusion]);

/** term -> [sentences where it is wrong], [sentences where it is right] */
const CASES: Record<string, [string[], string[]]> = {
  登陆: [['请登陆“皖事通”APP办理。', '考生可登陆省教育考试院官网查询成绩。', '登陸網站後輸入驗證碼。'], ['台风“杜苏芮”在福建晋江沿海登陆。', '该公司股票正式登陆科创板。', '登陆艇靠上海滩。']],
  登录: [['台风“梅花”将于今天夜间在浙江沿海登录。'], ['请登录系统后修改密码。', '登录账号需要实名认证。']],
  形势: [['本次培训以线上直播的形势开展。', '宣传形势多样，群众喜闻乐见。'], ['当前森林防火形势严峻。', '会议分析了全县经济形势。']],
  形式: [['今年防汛形式依然严峻复杂。', '当前安全生产形式不容乐观。'], ['活动形式多样。', '以座谈会的形式进行交流。', '坚决反对形式主义。']],
  体裁: [['这是一部反诈体裁的微电影。', '县里创作了一批红色体裁文艺作品。'], ['作品体裁不限，诗歌、散文均可。', '小说是一种文学体裁。']],
  题材: [['征文要求：诗歌、散文、小说等题材均可。'], ['围绕乡村振兴题材创作。', '这部电影的题材很新颖。']],
  既使: [['既使遇到困难，我们也要坚持。'], ['此举既使群众得实惠，又使集体增收入。']],
  一但: [['一但发现可疑情况，请立即报告。'], ['全县思想统一但方法多样。', '这是其中之一但不是全部。']],
  处予: [['对违法行为人处予警告并罚款。', '依法对其处予3000元罚款。'], ['此处予以保留。', '办事处予以登记。']],
  截止: [['截止2024年底，全县共有企业500家。', '截止目前，已完成任务的八成。'], ['报名截止日期为6月30日。', '申报工作于5月底截止。']],
  截至: [['报名时间从6月1日开始，到6月30日截至。'], ['截至目前，全县无新增病例。', '截至6月底，累计接待游客十万人次。']],
  违法: [['该广告违法《中华人民共和国广告法》规定。', '其行为违法了相关规定。'], ['依法打击违法犯罪活动。', '违法行为将被查处。']],
  违反: [['对违反行为依法处理。', '没收违反所得。'], ['违反《广告法》第九条规定。', '违反交通规则要受处罚。']],
  体量: [['感谢办案民警体量困难、主动上门服务。', '请大家相互体量。'], ['我县经济体量较小。', '项目体量大、投资多。']],
  反应: [['村民向镇政府反应问题。', '群众向村委会反应情况。'], ['接种后出现过敏反应。', '社会各界反应强烈。']],
  经典案例: [['保密教育课上，老师讲解了几起失泄密经典案例。'], ['这是红色旅游的经典案例，值得学习推广。']],
  按排: [['请各单位按排好值班人员。'], ['按排名先后录取。', '按排放量征收费用。']],
  举行: [['接到举报后，民警立即举行调查。', '要对可疑信息举行辨别。'], ['县里举行表彰大会。', '社区举行消防演练。']],
  实时: [['遇到可疑电话请实时报警。', '发现险情要实时上报。'], ['水文站实时监测水位。', '市民可实时查询公交到站信息。']],
  宽大: [['感谢宽大市民的支持。'], ['对自首者依法宽大处理。', '会场宽大明亮。']],
  相识到: [['记者从县公安局相识到，该案已告破。'], ['两人从相识到相知只用了一年。']],
  先容: [['据民警先容，该团伙分工明确。'], ['首先容我介绍一下今天的议程。']],
  利便: [['为利便群众办事，窗口延时服务。'], ['以利便民，服务群众。']],
  乐成: [['劝阻乐成率达到九成。', '警方乐成破获一起诈骗案。'], ['乐成镇位于县城东部。']],
  处置惩罚: [['有关部门已对问题处置惩罚完毕。'], ['依法处置，惩罚有度。']],
  一样平常: [['一样平常情况下不需要预约。'], ['他一样平常心对待。']],
  纷歧样: [['今年的活动有些纷歧样。'], ['今年的活动有些不一样。']],
  许多多少: [['许多多少市民前来参观。'], ['许多市民前来参观。']],
};

describe('wording.confusion: both senses of every pair', () => {
  for (const [term, [wrong, right]] of Object.entries(CASES)) {
    it.each(wrong)(`${term} wrong: %s`, (body) => {
      const found = run(body);
      expect(found.map((f) => f.text)).toHaveLength(1);
      const entry = shippedLists().find((l) => l.id === 'confusion')!.entries.find((e) => e.term === term)!;
      expect(found[0].suggestion).toBe(entry.replacement);
      expect(found[0].severity).toBe('review');
      expect(found[0].clause).toMatch(/^003_54205cdec66d062b\.txt 第九条；/);
    });
    it.each(right)(`${term} right: %s`, (body) => {
      expect(run(body).map((f) => `${f.text} -> ${f.suggestion}`)).toEqual([]);
    });
  }

  it('covers every entry of the list with both senses', () => {
    const terms = shippedLists().find((l) => l.id === 'confusion')!.entries.map((e) => e.term);
    expect(terms.filter((t) => !(t in CASES))).toEqual([]);
  });

  it('does not report a word quoted in an explainer of the rule', () => {
    expect(run('注意不要把“登录”写成“登陆”，网站、系统用“登录”。')).toEqual([]);
  });
});
