import { describe, expect, it } from 'vitest';
import { screen } from '../../lib/core/screen';
import { describeContentCheck, family, shippedRuleset, type RobustCase } from './helpers/content-check';

const ROBUST: RobustCase[] = [
  { text: '古树群是祖辈留下的“风水林”，大家都自觉守护。\n来源：网络', target: '来源：网络', exact: true },
  { text: '采摘季欢迎大家来茶园打卡。\n图片来源于网络', target: '图片来源于网络', exact: true },
  { text: '本报讯 近日，县公安局经侦大队成功侦破一起冒用他人身份信息骗取贷款案。', target: '本报讯', exact: true },
  { text: '新华社北京3月5日电 近年来，各地加快推进社区嵌入式服务设施建设。', target: '新华社北京3月5日电', exact: true },
  { text: '记者 王晓东\n5月18日是第35次全国助残日。', target: '记者 王晓东', exact: true, skip: ['spaces', 'symbols'] },
  { text: '看哭了 央视网消息：在青岚乡，有一位90后村医坚守山村8年。', target: '央视网消息', exact: true, skip: ['spaces', 'symbols'] },
  { text: '据新华社消息，国家出台了一系列稳就业政策措施。', target: '据新华社消息', exact: true, skip: ['spaces', 'symbols'] },
];


const REPOST = family('repost');
describeContentCheck(REPOST, ROBUST);

describe('repost: specifics', () => {
  const rs = shippedRuleset();
  const run = (body: string) => screen({ platform: 'generic', fields: { body } }, rs, REPOST);
  it('accepts approved and government sources', () => {
    for (const src of ['来源：新华社', '来源：人民日报客户端', '转载自：人民网', '来源：安徽日报', '来源：桐溪县人民政府', '来源：桐溪发布微信公众号', '来源：www.gov.cn'])
      expect(run(`新华社北京3月5日电 正文。\n${src}`).filter((f) => f.severity !== 'info'), src).toEqual([]);
  });
  it('flags a self-media source line for review and an unknown one as info', () => {
    expect(run('正文。\n来源：微信公众号“老街闲话”').map((f) => f.severity)).toEqual(['review']);
    expect(run('正文。\n来源：某某商贸公司').map((f) => f.severity)).toEqual(['info']);
  });
  it('reads media bylines (XX网消息, 据XX消息) but not a government unit quoted as 据…消息', () => {
    expect(run('人民日报客户端消息，近日，全省乡村振兴现场会在我县召开。').map((f) => f.text)).toEqual(['人民日报客户端消息']);
    expect(run('据人民日报报道，我县入选全国乡村振兴示范县。').map((f) => f.text)).toEqual(['据人民日报报道']);
    for (const s of ['据气象部门消息，明天有雨。', '据县气象台消息，明天有雨。', '据国家电网消息，今晚检修。', '会议传达了上级有关消息，要求抓好落实。'])
      expect(run(s), s).toEqual([]);
    expect(run('央视网消息：全国防汛抗旱工作会议召开。\n来源：央视网').filter((f) => f.severity !== 'info')).toEqual([]);
  });
  it('does not read 报道 as a newspaper name', () => {
    expect(run('正文。\n来源：安澜报道组').map((f) => f.check)).toEqual(['repost.unapproved-source']);
  });
});
