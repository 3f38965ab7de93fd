/** 词语重复: doubled words found with the fix keeping one copy; legitimate reduplication clean. Our own sentences. */
import { describe, expect, it } from 'vitest';
import { doubled } from '../../lib/checks/wording';
import { screen } from '../../lib/core/screen';
import type { Finding } from '../../lib/core/types';
import { shippedRuleset } from './helpers/shipped-lists';

const ruleset = shippedRuleset();
const run = (body: string): Finding[] => screen({ platform: 'generic', fields: { body } }, ruleset, [doubled]);
const fix = (body: string, f: Finding) => body.slice(0, f.start) + f.suggestion + body.slice(f.end);

describe('wording.doubled', () => {
  it.each([
    ['县卫健委主任主任李华出席会议。', '主任主任', '县卫健委主任李华出席会议。'],
    ['要加强引导引导群众移风易俗。', '引导引导', '要加强引导群众移风易俗。'],
    ['各单位要切实落实落实主体责任。', '落实落实', '各单位要切实落实主体责任。'],
    ['这是全县人民的的共同心愿。', '的的', '这是全县人民的共同心愿。'],
    ['现就就有关事项通知如下：', '就就', '现就有关事项通知如下：'],
    ['防汛抗旱指挥部防汛抗旱指挥部发出通知。', '防汛抗旱指挥部防汛抗旱指挥部', '防汛抗旱指挥部发出通知。'],
    ['縣長縣長到場指導。', '縣長縣長', '縣長到場指導。'],
  ])('%s', (body, text, fixed) => {
    const found = run(body);
    expect(found).toHaveLength(1);
    expect(found[0].text).toBe(text);
    expect(fix(body, found[0])).toBe(fixed);
  });

  it.each([
    '这件事请大家研究研究、商量商量再定。',
    '周末出去走走，活动活动筋骨，放松放松心情。',
    '同学们高高兴兴地上学，大家常常回家看看。',
    '工作人员一户一户走访，一个一个登记。',
    '雪白雪白的羊群，哗啦哗啦的流水。',
    '欢迎欢迎！谢谢谢谢！观众高喊加油加油加油。',
    '你是不是不舒服？要不要要求医生复查？',
    '他的目的的确达到了，的的确确很不容易。',
    '现就就业创业有关政策解读如下。',
    '问题一拖再拖，最后不了了之。',
    '二〇二〇年，1010次列车。',
  ])('clean: %s', (body) => {
    expect(run(body).map((f) => f.text)).toEqual([]);
  });
});
