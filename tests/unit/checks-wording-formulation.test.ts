/**
 * 规范提法: near misses of a canonical formulation are block with the canonical form as the fix; the canonical
 * form, legitimate shorter or sibling forms and ordinary words stay clean. Sentences are our own.
 */
import { describe, expect, it } from 'vitest';
import { formulation } from '../../lib/checks/wording';
import { screen } from '../../lib/core/screen';
import type { Finding } from '../../lib/core/types';
import { shippedLists, shippedRuleset } from './helpers/shipped-lists';

const ruleset = shippedRuleset();
const run = (body: string): Finding[] => screen({ platform: 'generic', fields: { body } }, ruleset, [formulation]);

describe('wording.formulation: near misses', () => {
  // [draft, the text flagged must contain, the draft after the one-click fix]
  it.each([
    ['全县掀起培育和践行社会主意核心价值观的热潮。', '社会主意', '全县掀起培育和践行社会主义核心价值观的热潮。'],
    ['全镇党员紧密团结在以习近平为核心的党中央周围。', '以习近平为核心', '全镇党员紧密团结在以习近平同志为核心的党中央周围。'],
    ['在以习近平同志为核心党中央坚强领导下。', '核心党中央', '在以习近平同志为核心的党中央坚强领导下。'],
    ['深入学习习近平新时代中国特色社会主义思相，推动工作落实。', '思相', '深入学习习近平新时代中国特色社会主义思想，推动工作落实。'],
    ['深入学习习近平新时代特色社会主义思想。', '新时代特色', '深入学习习近平新时代中国特色社会主义思想。'],
    ['牢固树立“四个意识”，坚定“四个自信”，做到“两个维户”。', '两个维户', '牢固树立“四个意识”，坚定“四个自信”，做到“两个维护”。'],
    ['大力倡导爱国、敬业、诚心、友善的社会风尚。', '诚心', '大力倡导爱国、敬业、诚信、友善的社会风尚。'],
    ['我县坚持绿水青山就是金山艮山的理念。', '金山艮山', '我县坚持绿水青山就是金山银山的理念。'],
    ['统筹推进“五位一体”总体布居。', '总体布居', '统筹推进“五位一体”总体布局。'],
    ['坚持以人民为中新的发展思想。', '中新', '坚持以人民为中心的发展思想。'],
    ['县人力资源和社保障局发布招聘公告。', '社保障局', '县人力资源和社会保障局发布招聘公告。'],
    ['县委宣传部组织学习中国共产党纪律处份条例。', '处份', '县委宣传部组织学习中国共产党纪律处分条例。'],
    ['牢记以习近平总书记为核心的党中央的嘱托。', '总书记为核心', '牢记以习近平同志为核心的党中央的嘱托。'],
  ])('%s', (body, flagged, fixed) => {
    const found = run(body).filter((f) => f.severity === 'block');
    expect(found).toHaveLength(1);
    const [f] = found;
    expect(f.check).toBe('wording.formulation');
    expect(f.text).toContain(flagged);
    expect(body.slice(f.start, f.end)).toBe(f.text);
    expect(f.clause).toMatch(/^003_54205cdec66d062b\.txt 第九条；/);
    expect(body.slice(0, f.start) + f.suggestion + body.slice(f.end)).toBe(fixed);
  });

  it('reads traditional characters and inserted spaces', () => {
    const [f] = run('踐行社會主意核心價值觀');
    expect(f.text).toContain('社會主意核心價值觀');
    expect(f.suggestion).toContain('社会主义核心价值观');
    expect(run('践行社会 主意核心价值观')[0]?.text).toContain('社会 主意核心价值观');
  });
});

describe('wording.formulation: known wrong forms', () => {
  it.each([
    ['加强对痴、呆、傻人员的监护，防止引发火灾。', '痴、呆、傻', '智力障碍者'],
    ['要看护好呆傻人员。', '呆傻人员', '智力障碍者'],
    ['以习总书记为核心的党中央', '以习总书记为核心的党中央', '以习近平同志为核心的党中央'],
  ])('%s', (body, text, fix) => {
    expect(run(body).map((f) => [f.text, f.suggestion, f.severity])).toEqual([[text, fix, 'block']]);
  });
  it('leaves a wrong form quoted in an explainer alone', () => {
    expect(run('不要写成“以习总书记为核心的党中央”，应为规范提法。')).toEqual([]);
  });
});

describe('wording.formulation: clean', () => {
  it.each([
    '全县上下紧密团结在以习近平同志为核心的党中央周围。',
    '深入学习贯彻习近平新时代中国特色社会主义思想和党的二十大精神。',
    '倡导富强、民主、文明、和谐，倡导自由、平等、公正、法治，倡导爱国、敬业、诚信、友善，积极培育和践行社会主义核心价值观。',
    '坚持和完善中国特色社会主义制度，坚定不移走中国特色社会主义道路，推进中国特色社会主义事业。',
    '党的十六大提出全面建设小康社会；党的十九大以来，我们实现了第一个百年奋斗目标。',
    '县住房城乡建设局、县人力资源社会保障局、县发展改革局、县市场监督管理局和市场监督管理分局联合检查。',
    '完整、准确、全面贯彻新发展理念，加快构建新发展格局，着力推动高质量发展。',
    '社会主义核心价值体系建设，社会主义现代化国家新征程。',
    '县文化和旅游局、文化旅游局、卫生健康委员会、卫生健康局、国家税务局、国家市场监管总局。',
    '习近平新时代中国特色社会主义经济思想；中国特色社会主义先进文化；中国特色社会主义伟大事业。',
    '以毛泽东同志为主要代表的中国共产党人；以胡锦涛同志为总书记的党中央。',
    '今天天气很好，大家一起去公园散步，看到社会各界人士。',
  ])('%s', (body) => {
    expect(run(body).map((f) => `${f.text} -> ${f.suggestion}`)).toEqual([]);
  });
});

describe('formulations list', () => {
  const list = shippedLists().find((l) => l.id === 'formulations')!;
  it('holds several hundred formulations, each with its public source noted', () => {
    const canonical = list.entries.filter((e) => e.tag === 'canonical');
    expect(canonical.length).toBeGreaterThanOrEqual(300);
    for (const e of list.entries) expect(e.note, e.term).toMatch(/^\[[A-Z0-9]+\] \S/);
    for (const e of list.entries.filter((x) => x.tag === 'wrong')) expect(e.replacement, e.term).toBeTruthy();
    expect(new Set(list.entries.map((e) => e.tag))).toEqual(new Set(['canonical', 'legit', 'wrong']));
  });
  it('contains the central formulations of the brief', () => {
    const terms = new Set(list.entries.map((e) => e.term));
    for (const t of ['以习近平同志为核心的党中央', '社会主义核心价值观', '富强、民主、文明、和谐', '增强“四个意识”', '坚定“四个自信”', '做到“两个维护”', '“五位一体”总体布局', '“四个全面”战略布局', '乡村振兴战略', '习近平新时代中国特色社会主义思想'])
      expect(terms.has(t), t).toBe(true);
  });
});
