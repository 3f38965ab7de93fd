import { describe, expect, it } from 'vitest';
import { screen } from '../../lib/core/screen';
import { describeContentCheck, family, shippedRuleset, type RobustCase } from './helpers/content-check';

const ROBUST: RobustCase[] = [
  { text: '企业参会报名联系人：刘洋，手机：13956412876，欢迎报名。', target: '13956412876', exact: true },
  { text: '王桂兰，女，71岁，身份证号341502195304126625，家庭人口2人。', target: '341502195304126625', exact: true },
  { text: '社保卡金融账户（原二代卡卡号）：6217002314560871433，领取方式：网点领取。', target: '6217002314560871433', exact: true },
  { text: '住址：凤岭镇兴华路18号3栋402室，保障类别：城市低保。', target: '兴华路18号3栋402室', exact: true },
  { text: '报名方式：将简历发送至陈老师的邮箱chenxi0917@qq.com，或电话联系。', target: 'chenxi0917@qq.com', exact: true, skip: ['spaces', 'symbols'] },
  { text: '持护照（号码E12345678）入境。', target: 'E12345678', exact: true, skip: ['spaces', 'symbols'] },
];


const PII = family('pii');
describeContentCheck(PII, ROBUST);

describe('pii: specifics', () => {
  const rs = shippedRuleset();
  const run = (body: string) => screen({ platform: 'generic', fields: { body } }, rs, PII);
  it('suggests the masked form', () => {
    const [f] = run('身份证号11010519491231002X，请核对');
    expect(f.suggestion).toBe('110105********002X');
    expect(f.message).toContain('110105********002X');
    expect(run('手机：13956412876')[0].suggestion).toBe('139****2876');
  });
  it('rejects a wrong check digit, an unreal date and an unknown province', () => {
    expect(run('编号110105194912310021，备案')).toEqual([]);
    expect(run('编号110105194902300028，备案')).toEqual([]);
    expect(run('编号990105194912310021，备案')).toEqual([]);
  });
  it('reads a 15-digit ID only with a context word', () => {
    expect(run('身份证号：340104880512123').map((f) => f.check)).toEqual(['pii.id-card']);
    expect(run('批次号340104880512123')).toEqual([]);
  });
  it('keeps legal disclosures at review and says why', () => {
    const [f] = run('失信被执行人名单：赵某军，身份证号341522197803152013');
    expect(f.severity).toBe('review');
    expect(f.message).toContain('惩戒公示');
  });
  it('finds a mobile glued to a year by a space, and +86 forms', () => {
    expect(run('2025 13956412876').map((f) => f.text)).toEqual(['13956412876']);
    expect(run('电话+86-139-5641-2876').length).toBe(1);
  });
});
