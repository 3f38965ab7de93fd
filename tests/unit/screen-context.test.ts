/** The context layer (lib/core/context.ts) every check reads: table tests per context class, own sentences. */
import { describe, expect, it } from 'vitest';
import type { CheckDef, FieldContext } from '../../lib/core/check';
import { TextContext } from '../../lib/core/context';
import { screen } from '../../lib/core/screen';
import { shippedRuleset } from './helpers/shipped-lists';

const ruleset = shippedRuleset();

/** The context of a body as screen() builds it (cues from the shipped context-cues list). */
function contextOf(body: string): TextContext {
  let cx: TextContext | undefined;
  const probe: CheckDef = {
    id: 'test.probe',
    category: 'sensitive',
    severity: 'info',
    clause: 'x',
    description: '测试',
    examples: { positive: [], guard: [] },
    run: (ctx) => {
      cx = (ctx.fields[0] as FieldContext).context;
      return [];
    },
  };
  screen({ platform: 'generic', fields: { body } }, ruleset, [probe]);
  return cx!;
}

describe('context layer: sentences and clauses', () => {
  const text = '第一句，有两个分句；第二句。第三句！\n第四行';
  const cx = new TextContext(text, []);
  it.each([
    ['有两个', '第一句，有两个分句；', '有两个分句；'],
    ['第二句', '第二句。', '第二句。'],
    ['第四行', '第四行', '第四行'],
  ])('%s sits in sentence %s and clause %s', (word, sentence, clause) => {
    const at = text.indexOf(word);
    const s = cx.sentenceAt(at);
    const c = cx.clauseAt(at);
    expect(text.slice(s.start, s.end)).toBe(sentence);
    expect(text.slice(c.start, c.end)).toBe(clause);
  });
});

describe('context layer: quotations and titles', () => {
  const text = '他说：“这是「内层」引文”，并推荐《保守国家秘密法》一书。"ASCII 引文"也算。';
  const cx = new TextContext(text, []);
  const at = (w: string) => [text.indexOf(w), text.indexOf(w) + w.length] as const;
  it.each([
    ['内层', true, false],
    ['这是', true, false],
    ['秘密', false, true],
    ['ASCII', true, false],
    ['推荐', false, false],
  ])('%s: quoted %s, in a title %s', (w, quoted, title) => {
    expect(cx.inQuote(...at(w))).toBe(quoted);
    expect(cx.inTitle(...at(w))).toBe(title);
  });

  it('drops an unclosed mark at the end of its line', () => {
    const t = '“没有闭合\n下一行“闭合了”';
    const c = new TextContext(t, []);
    expect(c.inQuote(t.indexOf('没有'), t.indexOf('没有') + 2)).toBe(false);
    expect(c.inQuote(t.indexOf('闭合了'), t.indexOf('闭合了') + 3)).toBe(true);
  });
});

describe('context layer: headings and rows', () => {
  const text = '什么是国家秘密？\n国家秘密是关系国家安全和利益、依照法定程序确定的事项，在一定时间内只限一定范围的人员知悉，这一段明显是正文。\n一、依申请公开情况\n不予公开 | 3 | 件';
  const cx = new TextContext(text, []);
  it.each([
    ['什么是', true, false],
    ['关系国家安全', false, false],
    ['依申请', true, true],
    ['不予公开', true, true],
  ])('%s: heading %s, row %s', (w, heading, row) => {
    const line = cx.lineAt(text.indexOf(w));
    expect(line.heading).toBe(heading);
    expect(line.row).toBe(row);
  });
});

describe('context layer: cue classes and their scope', () => {
  it.each([
    ['warning', '警方提醒：切勿轻信网上的兼职信息。', '兼职'],
    ['enforcement', '民警当场查获一批违禁物品。', '违禁物品'],
    ['definition', '所谓电信诈骗，是指利用电话实施的诈骗。', '电话'],
    ['negation', '该平台并非官方渠道。', '官方渠道'],
    ['offer', '本店长期出售土特产，包邮到家。', '土特产'],
    ['promote', '快来加入我们，一起得救。', '一起'],
  ])('%s cues reach the sentence', (cls, body, word) => {
    expect(contextOf(body).sentenceHas(body.indexOf(word), cls)).toBe(true);
  });

  it('an offer cue scopes to its clause, a warning to its sentence', () => {
    const body = '警方提醒，有人出售假证。另起一句讲天气。';
    const cx = contextOf(body);
    expect(cx.clauseHas(body.indexOf('假证'), 'offer')).toBe(true);
    expect(cx.clauseHas(body.indexOf('警方'), 'offer')).toBe(false);
    expect(cx.sentenceHas(body.indexOf('假证'), 'warning')).toBe(true);
    expect(cx.sentenceHas(body.indexOf('天气'), 'warning')).toBe(false);
  });

  it('reads cues through traditional characters and inserted symbols', () => {
    const body = '警方提醒：警-惕網絡陷阱。';
    expect(contextOf(body).cues.map((c) => c.term)).toEqual(expect.arrayContaining(['警惕', '提醒']));
  });
});
