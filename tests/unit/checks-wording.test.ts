import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ALLOW_TAG, isInstruction, literalSuggestion } from '../../lib/checks/list-hits';
import { WORDING_CHECKS, typo, variant, xinhua } from '../../lib/checks/wording';
import { normalizeTerm } from '../../lib/core/normalize';
import { screen } from '../../lib/core/screen';
import { describeCheckExamples } from './helpers/check-examples';
import type { Finding } from '../../lib/core/types';
import { parseWordlistText } from '../../lib/core/wordlist-file';
import { wordEntrySchema } from '../../lib/core/wordlist';
import { WORDLIST_DIR, shippedLists, shippedRuleset } from './helpers/shipped-lists';
import { loadWordlistDir } from '../../lib/node/wordlist-dir';

const ruleset = shippedRuleset();
const run = (body: string): Finding[] =>
  screen({ platform: 'generic', fields: { body } }, ruleset, [xinhua, typo]).filter((f) => f.category === 'wording');
const brief = (fs: Finding[]) => fs.map((f) => [f.text, f.severity, f.check]);

for (const check of WORDING_CHECKS) describeCheckExamples(check, ruleset);

describe('wording: example coverage', () => {
  it.each(WORDING_CHECKS.map((c) => [c.id, c] as const))('%s ships at least 2 positive and 2 guard examples', (_, check) => {
    expect(check.examples.positive.length).toBeGreaterThanOrEqual(2);
    expect(check.examples.guard.length).toBeGreaterThanOrEqual(2);
  });
});

describe('wording: robustness and overlaps', () => {
  it('reads 臺灣總統 (traditional) and reports the longest entry only, with a literal fix', () => {
    const found = run('他说臺灣總統将出席。');
    expect(brief(found)).toEqual([['臺灣總統', 'block', 'wording.xinhua']]);
    expect(found[0].suggestion).toBe('台湾地区领导人');
    expect(found[0].message).toContain('「台湾总统」为不规范表述，应改为「台湾地区领导人」');
  });

  it.each(['台湾 总统', '台湾-总统', '台湾\u200b总统', '台灣总统'])('highlights %j including the inserted characters', (variant) => {
    const body = `赶上${variant}选举前后`;
    const [f, ...rest] = run(body);
    expect(rest).toEqual([]);
    expect(f.text.startsWith(variant)).toBe(true);
    expect(body.slice(f.start, f.end)).toBe(f.text);
  });

  it('reads full-width Latin and digits, but not inside longer Latin words', () => {
    expect(brief(run('两队ＰＫ。'))).toEqual([['ＰＫ', 'review', 'wording.xinhua']]);
    expect(run('别装１３了')[0].text).toBe('装１３');
    expect(run('下载APK安装包，装130台设备。')).toEqual([]);
  });

  it('does not fire inside ordinary words (国家级, 人大常委会, 国家和地区, 大学生村官, 朝鲜族)', () => {
    expect(run('国家级示范区；省人大常委会；日本、台湾等国家和地区；大学生村官；朝鲜族、哈萨克族群众。')).toEqual([]);
  });

  it('accepts quoted terms where quoting is the fix, and suggests the quotes otherwise', () => {
    expect(run('反对“台独”，坚持「一国两制」。')).toEqual([]);
    const [f] = run('反对台独分裂。');
    expect(f.suggestion).toBe('“台独”');
  });

  it('downgrades a context-qualified entry to info when the field lacks the context', () => {
    expect(brief(run('中央银行宣布降准。'))).toEqual([['中央银行', 'info', 'wording.xinhua']]);
    expect(run('台湾的中央银行宣布升息。').find((f) => f.text === '中央银行')?.severity).toBe('block');
    expect(run('中央银行宣布降准。')[0].suggestion).toBeUndefined();
  });

  it('gives no one-click fix for instructions', () => {
    const [f] = run('哇噻，太美了');
    expect(f.suggestion).toBeUndefined();
    expect(f.message).toMatch(/删除/);
  });

  it('reports typos with their correction; meaning inversions of political terms are block', () => {
    expect(brief(run('希望同学们再接再励。'))).toEqual([['再接再励', 'review', 'wording.typo']]);
    const [f] = run('深入开展扫黑险恶专项斗争');
    expect([f.severity, f.suggestion, f.check]).toEqual(['block', '扫黑除恶', 'wording.typo']);
    expect(run('按装修标准验收，按装机容量补贴，请安装好电池。')).toEqual([]);
    expect(run('最好')).toEqual(run('最好').filter((x) => x.severity === 'info'));
  });
});

describe('every shipped list', () => {
  const lists = shippedLists();

  it('parses (schema-valid entries) and round-trips from its file', () => {
    expect(lists.length).toBeGreaterThan(0);
    for (const list of lists) for (const e of list.entries) expect(wordEntrySchema.safeParse(e).success, `${list.id}: ${e.term}`).toBe(true);
    expect(loadWordlistDir(WORDLIST_DIR).map((l) => l.entries.length)).toEqual(lists.map((l) => l.entries.length));
  });

  it('has no two entries that normalise to the same term with conflicting data', () => {
    for (const list of lists) {
      const seen = new Map<string, string>();
      for (const e of list.entries) {
        const norm = normalizeTerm(e.term);
        expect(norm, `${list.id}: 「${e.term}」 normalises to nothing`).not.toBe('');
        const data = JSON.stringify([e.replacement, e.severity ?? list.severity, e.tag, e.context]);
        const prev = seen.get(norm);
        expect(prev === undefined || prev === data, `${list.id}: 「${e.term}」 conflicts with an entry normalising to 「${norm}」`).toBe(true);
        seen.set(norm, data);
      }
    }
  });
});

describe('wording and typos lists', () => {
  const byId = (id: string) => shippedLists().find((l) => l.id === id)!;

  it('are category wording with clauses', () => {
    for (const id of ['wording', 'typos']) {
      expect(byId(id).category).toBe('wording');
      expect(byId(id).clause).toMatch(/^\d{3}_[0-9a-f]{16}\.txt 第.+条$/);
    }
  });

  it('wording: every rule has a replacement (literal or instruction); context words are listed', () => {
    for (const e of byId('wording').entries.filter((x) => x.tag !== ALLOW_TAG)) {
      expect(e.replacement, e.term).toBeTruthy();
      expect(isInstruction(e.replacement!) || literalSuggestion(e) !== undefined, e.term).toBe(true);
      if (e.context) expect(e.context.split('|').every((w) => w.trim().length > 0), e.term).toBe(true);
    }
  });

  it('wording: context-dependent everyday words are review at most and never auto-replaced', () => {
    const entries = new Map(byId('wording').entries.map((e) => [e.term, e]));
    for (const t of ['亲自', '村官', '猪肉', 'PK', '老板', '杀牛']) {
      const e = entries.get(t)!;
      expect(e, t).toBeDefined();
      if (e.severity === 'block') expect(e.context, t).toBeTruthy();
      expect(isInstruction(e.replacement!), t).toBe(true);
    }
  });

  it('typos: every entry has a literal correction different from the typo', () => {
    for (const e of byId('typos').entries.filter((x) => x.tag !== ALLOW_TAG)) {
      expect(e.replacement && !isInstruction(e.replacement), e.term).toBe(true);
      expect(normalizeTerm(e.replacement!)).not.toBe(normalizeTerm(e.term));
    }
  });

  it('the files carry their own ids in the header', () => {
    for (const [file, id] of [['wording.tsv', 'wording'], ['typos.tsv', 'typos'], ['sensitive.tsv', 'sensitive']]) {
      expect(parseWordlistText(file, readFileSync(join(WORDLIST_DIR, file), 'utf8')).id).toBe(id);
    }
  });
});

describe('wording.xinhua: context-qualified rows use word boundaries and context', () => {
  const all = (body: string) => screen({ platform: 'generic', fields: { body } }, ruleset, [xinhua]).filter((f) => f.severity !== 'info');
  it.each([
    ['澳门回归后，中澳经贸往来日益密切。', '中澳'],
    ['台湾青年代表说，中台交流越来越多。', '中台交流'],
    ['香港特区政府代表团来访，双方签署中港合作备忘录。', '中港合作'],
    ['台湾同胞投资的中台合资企业落户我县。', '中台合资'],
    ['来自台湾国立清华大学的学者作报告。', '国立'],
  ])('flags %s', (body, text) => {
    expect(all(body).some((f) => f.text.includes(text))).toBe(true);
    expect(all(body).every((f) => f.severity === 'block')).toBe(true);
  });
  it.each([
    '中澳自由贸易协定实施以来，我县对澳大利亚出口增长三成。',
    '中澳两国在农业领域合作前景广阔。',
    '县里建设了数据中台和业务中台，中台架构已上线。',
    '市场主体集中台账已建立，集中港口作业。',
    '国立西南联合大学旧址纪念馆对外开放。',
  ])('keeps %s clean', (body) => {
    expect(all(body).map((f) => `${f.text} ${f.severity}`)).toEqual([]);
  });
});

describe('wording.variant: GF 1001—2001', () => {
  const run2 = (body: string) => screen({ platform: 'generic', fields: { body } }, ruleset, [variant]);
  it.each([
    ['该字共有十二笔划。', '笔划', '笔画'],
    ['民警据其交待查明了资金去向。', '交待', '交代'],
    ['要做好保密工作，不能掉以轻心，过份依赖网络。', '过份', '过分'],
    ['主要成份为碳酸钙。', '成份', '成分'],
  ])('%s', (body, text, fix) => {
    expect(run2(body).map((f) => [f.text, f.suggestion, f.severity])).toEqual([[text, fix, 'review']]);
    expect(run2(body)[0].clause).toContain('GF 1001—2001');
  });
  it.each(['请到指定单位办理，确定单价后签订合同。', '笔画、成分、交代、过分都是推荐词形。', '超过份额的部分不再报销。'])('clean: %s', (body) => {
    expect(run2(body)).toEqual([]);
  });
});
