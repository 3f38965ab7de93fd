import { describe, expect, it } from 'vitest';
import { ALLOW_TAG } from '../../lib/checks/list-hits';
import { sensitiveContact } from '../../lib/checks/sensitive/contact';
import { sensitiveMedical } from '../../lib/checks/sensitive/medical';
import { sensitiveMention } from '../../lib/checks/sensitive/mention';
import { sensitiveOffer } from '../../lib/checks/sensitive/offer';
import { sensitivePlatform } from '../../lib/checks/sensitive/platform';
import { normalizeTerm } from '../../lib/core/normalize';
import { screen } from '../../lib/core/screen';
import { describeCheckExamples } from './helpers/check-examples';
import type { Finding } from '../../lib/core/types';
import { shippedLists, shippedRuleset } from './helpers/shipped-lists';

const ruleset = shippedRuleset();
const SENSITIVE = [sensitiveOffer, sensitiveContact, sensitivePlatform, sensitiveMedical, sensitiveMention];
const run = (body: string): Finding[] => screen({ platform: 'generic', fields: { body } }, ruleset, SENSITIVE);
/** block and review findings: what holds a draft. */
const problems = (body: string) => run(body).filter((f) => f.severity !== 'info').map((f) => f.text);

for (const check of SENSITIVE) describeCheckExamples(check, ruleset);

// Table tests per context class: invented sentences; guards stay clean (at most an info reminder), positives are caught.
describe('sensitive: mention is not use, per context class', () => {
  it.each([
    ['warning', '警方提醒：网上出售冰毒、代开发票的信息都是骗局，切勿相信。'],
    ['warning (prohibition)', '严禁在校园周边销售仿真枪、钢珠枪等危险玩具。'],
    ['enforcement', '县公安局破获一起贩毒案，当场缴获冰毒35克、K粉12克。'],
    ['enforcement (court)', '被告人通过网络以每部10元的价格出售淫秽视频，被判处有期徒刑一年。'],
    ['definition', '所谓“刷单返利”，是指不法分子以高额佣金为诱饵骗取钱财。'],
    ['negation', '我们从不出售个人信息，也没有代办信用卡业务。'],
    ['quotation', '小区楼道里贴着“代开发票”“办证刻章”的小广告。'],
    ['book title', '学习《中华人民共和国禁毒法》，了解冰毒、海洛因等毒品的危害。'],
    ['exposure of a cult', '宣讲团揭露“全能神”编造末日谣言、敛取钱财的真面目。'],
  ])('%s: %s', (_cls, body) => {
    expect(problems(body)).toEqual([]);
  });

  it.each([
    ['offer term', '长期出售冰毒，量大从优。', '出售冰毒'],
    ['name with an offer cue', '另有钢珠枪低价出售，需要的私信。', '钢珠枪'],
    ['porn vocabulary', '国产av在线免费看', '国产av'],
    ['cult recruiting', '赶紧加入我们，信全能神才能得救。', '全能神'],
    ['contact in a quoted scam', '警惕这类短信：“驾照消分，加威信：ab12345，当天办好。”', '加威信：ab12345'],
    ['platform brand', '星辉888体育官方开户', '星辉888体育官方开户'],
  ])('%s is caught', (_cls, body, text) => {
    expect(problems(body)).toContain(text);
  });

  it('a quoted offer in a warning yields nothing; once its contact is left in, the contact is the finding', () => {
    expect(problems('警惕“代开各类发票，微信号：****”一类短信。')).toEqual([]);
    expect(problems('警惕“代开各类发票，微信号：fp8899”一类短信。')).toEqual(['微信号：fp8899']);
  });
});

describe('sensitive: one aggregated reminder per kind', () => {
  it('a crackdown report that names drugs many times gets one info finding with every place', () => {
    const body = '警方查获冰毒20克。经查，嫌疑人从外地购入冰毒后分装。冰毒、海洛因等毒品危害极大。';
    const found = run(body);
    expect(found).toHaveLength(1);
    const [f] = found;
    expect(f.severity).toBe('info');
    expect(f.check).toBe('sensitive.mention');
    expect(f.occurrences).toHaveLength(4);
    for (const o of f.occurrences!) expect(['冰毒', '海洛因']).toContain(body.slice(o.start, o.end));
    expect(f.message).toMatch(/毒品类事物 4 处/);
  });
});

describe('sensitive: robustness on the original text', () => {
  it.each(['冰 毒', '冰-毒', '冰\u200b毒', '冰　毒', '氷毒', '冰①毒', '冰α毒', '冰 - - 毒'])('catches %j in an offer and highlights the original characters', (variant) => {
    const body = `${variant}出售，同城送货。`;
    const found = run(body).filter((f) => f.severity === 'block');
    expect(found).toHaveLength(1);
    expect(found[0].text.startsWith(variant)).toBe(true);
    expect(body.slice(found[0].start, found[0].end)).toBe(found[0].text);
  });

  it('reads traditional and full-width forms', () => {
    expect(problems('長期出售冰毒')).toEqual(['出售冰毒']);
    expect(problems('专业代开ＦＡ票，税点低')).toEqual(['代开ＦＡ票']);
  });

  it('never reads a term across a sentence end, and digits stay word characters', () => {
    expect(run('周末小赌。博物馆开放。')).toEqual([]);
    expect(run('社区超市零售商品明码标价。')).toEqual([]);
  });

  it('allow entries cover, they do not merely overlap', () => {
    expect(problems('专业刻章办证服务，立等可取。')).toEqual(['刻章办证']);
    expect(run('请拨打不动产办证电话咨询；天津大麻花；税务局代开发票业务。')).toEqual([]);
  });

  it('fills message, clause, source and sub-check from the list', () => {
    const [f] = run('卖冰毒');
    const list = shippedLists().find((l) => l.id === 'sensitive')!;
    expect(f.check).toBe('sensitive.offer');
    expect(f.message).toMatch(/「卖冰毒」.*删除/);
    expect(f.clause).toBe(list.clause);
    expect(f.source).toBe(`sensitive@${list.version ?? 'bundled'}`);
    expect(f.suggestion).toBeUndefined();
  });
});

describe('sensitive: the shipped list', () => {
  const list = shippedLists().find((l) => l.id === 'sensitive')!;
  const TAGS = ['gambling', 'drugs', 'porn', 'fraud', 'weapons', 'fake-docs', 'cult', 'illegal-trade', ALLOW_TAG];

  it('is category sensitive with a clause and a few hundred terms, each with a known tag', () => {
    expect(list.category).toBe('sensitive');
    expect(list.clause).toMatch(/^\d{3}_[0-9a-f]{16}\.txt 第.+条$/);
    const terms = list.entries.filter((e) => e.tag !== ALLOW_TAG);
    expect(terms.length).toBeGreaterThanOrEqual(200);
    for (const e of list.entries) expect(TAGS, e.term).toContain(e.tag);
    for (const tag of TAGS.filter((t) => t !== ALLOW_TAG)) expect(terms.some((e) => e.tag === tag), tag).toBe(true);
  });

  it('holds no generic awareness word that government notices use', () => {
    const terms = new Set(list.entries.filter((e) => e.tag !== ALLOW_TAG).map((e) => normalizeTerm(e.term)));
    for (const word of ['毒品', '禁毒', '吸毒', '贩毒', '假币', '枪支', '诈骗', '发票', '博彩', '上门服务']) expect(terms.has(word), word).toBe(false);
  });
});
