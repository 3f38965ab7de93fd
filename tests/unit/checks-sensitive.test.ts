import { describe, expect, it } from 'vitest';
import { sensitiveCheck } from '../../lib/checks/sensitive';
import { ALLOW_TAG } from '../../lib/checks/list-hits';
import { normalizeTerm } from '../../lib/core/normalize';
import { screen } from '../../lib/core/screen';
import { describeCheckExamples } from './helpers/check-examples';
import type { Finding } from '../../lib/core/types';
import { shippedLists, shippedRuleset } from './helpers/shipped-lists';

const ruleset = shippedRuleset();
const run = (body: string): Finding[] =>
  screen({ platform: 'generic', fields: { body } }, ruleset, [sensitiveCheck]).filter((f) => f.category === 'sensitive');

describeCheckExamples(sensitiveCheck, ruleset);

describe('sensitive: example coverage', () => {
  it('ships at least 3 positive and 3 guard examples', () => {
    expect(sensitiveCheck.examples.positive.length).toBeGreaterThanOrEqual(3);
    expect(sensitiveCheck.examples.guard.length).toBeGreaterThanOrEqual(3);
  });
});

describe('sensitive: robustness on the original text', () => {
  it.each(['冰 毒', '冰-毒', '冰\u200b毒', '冰　毒', '氷毒'])('catches %j and highlights the original characters', (variant) => {
    const body = `不法分子把${variant}伪装成零食。`;
    const found = run(body);
    expect(found).toHaveLength(1);
    expect(found[0].text).toBe(variant);
    expect(body.slice(found[0].start, found[0].end)).toBe(variant);
  });

  it('reads traditional and full-width forms', () => {
    expect(run('被拉进網絡賭博。').map((f) => f.text)).toEqual(['網絡賭博']);
    expect(run('清除代开ＦＡ票小广告。').map((f) => [f.text, f.severity])).toEqual([['代开ＦＡ票', 'block']]);
  });

  it('never reads a term across a sentence end: 小赌。博物馆 is not 赌博', () => {
    expect(run('周末小赌。博物馆开放。')).toEqual([]);
  });

  it('reports the longest entry only (冰毒出售 covers 冰毒) at the entry severity', () => {
    const found = run('网上有人发布冰毒出售信息。');
    expect(found.map((f) => [f.text, f.severity, f.check])).toEqual([['冰毒出售', 'block', 'sensitive.drugs']]);
  });

  it('keeps awareness vocabulary clean and names at review, offers at block', () => {
    expect(run('开展禁毒宣传，远离毒品，拒绝吸毒；开展反假币宣传。')).toEqual([]);
    expect(run('警方提示：冰毒危害极大。')[0].severity).toBe('review');
    expect(run('发现枪支出售信息请举报。')[0].severity).toBe('block');
  });

  it('downgrades 办证 to info where it is the ordinary government-service word', () => {
    expect(run('请到政务服务中心办证，群众办证更便捷。').every((f) => f.severity === 'info')).toBe(true);
    expect(run('清除“办证”等非法小广告。').map((f) => f.severity)).toEqual(['review']);
  });

  it('does not report allow entries nor hits they overlap', () => {
    expect(run('请到不动产办证大厅办理；天津大麻花；税务局代开发票业务。')).toEqual([]);
  });

  it('fills message, clause, source and sub-check from the list', () => {
    const [f] = run('卖冰毒');
    const list = shippedLists().find((l) => l.id === 'sensitive')!;
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
