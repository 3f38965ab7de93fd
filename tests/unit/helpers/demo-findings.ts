/**
 * A realistic sample for tests, docs and screenshots: one WeChat MP draft and the findings the checks would
 * report on it. Offsets are computed from the draft text, so field.slice(start, end) === text holds, as the
 * Finding contract requires; a typo in the sample fails loudly instead of producing a wrong span.
 */
import type { Category, Finding, Severity } from '@/lib/core/types';

export const DEMO_FIELD_LABELS: Record<string, string> = {
  title: '标题',
  digest: '摘要',
  author: '作者',
  sourceUrl: '原文链接',
  body: '正文',
  description: '作品描述',
};

export const DEMO_DRAFT: Record<string, string> = {
  title: '重磅！我市2026年城乡低保标准上调',
  digest: '新标准自7月1日起执行，详情见正文。',
  body: [
    '近日，市民政局印发通知，城乡最低生活保障标准统一上调。',
    '经核实，申请人张某（身份证号11010519491231002X）已纳入保障范围。',
    '另据报道，台湾总统选举期间两岸交流活动照常进行。',
    '购买同款助老用品请点击 https://item.taobao.com/item.htm?id=6688123 领取优惠。',
    '本文所附区位示意图仅供参考。',
    '来源：网络',
  ].join('\n'),
};

interface DemoSpec {
  id: string;
  check: string;
  category: Category;
  severity: Severity;
  field: string;
  text: string;
  message: string;
  suggestion?: string;
  clause: string;
  source?: string;
}

function locate(spec: DemoSpec): Finding {
  const fieldText = DEMO_DRAFT[spec.field];
  const start = fieldText?.indexOf(spec.text) ?? -1;
  if (start < 0) throw new Error(`demo-findings: 「${spec.text}」 not found in field ${spec.field}`);
  return { ...spec, start, end: start + spec.text.length };
}

const SPECS: DemoSpec[] = [
  {
    id: 'demo-clickbait-title',
    check: 'clickbait.title-hype',
    category: 'clickbait',
    severity: 'review',
    field: 'title',
    text: '重磅！',
    message: '标题使用“重磅”等夸张词语，政务信息标题应平实准确，请删除或改写。',
    suggestion: '(删除)',
    clause: '003_54205cdec66d062b.txt 第七条',
  },
  {
    id: 'demo-pii-id-card',
    check: 'pii.id-card',
    category: 'pii',
    severity: 'block',
    field: 'body',
    text: '11010519491231002X',
    message: '正文含完整居民身份证号码，发布前须去标识化处理。',
    suggestion: '110105********002X',
    clause: '000_0077cba45e8101c3.txt 第十五条',
  },
  {
    id: 'demo-wording-taiwan',
    check: 'wording.xinhua',
    category: 'wording',
    severity: 'block',
    field: 'body',
    text: '台湾总统',
    message: '不得称“台湾总统”，应称“台湾地区领导人”（新华社新闻报道中的禁用词）。',
    suggestion: '台湾地区领导人',
    clause: '003_54205cdec66d062b.txt 第九条',
    source: 'xinhua-terms@2026.11.01',
  },
  {
    id: 'demo-ad-ecommerce-link',
    check: 'ad.ecommerce-link',
    category: 'ad',
    severity: 'block',
    field: 'body',
    text: 'https://item.taobao.com/item.htm?id=6688123',
    message: '正文含电商商品链接，政务新媒体不得发布商业广告或广告链接。',
    suggestion: '(删除)',
    clause: '000_0077cba45e8101c3.txt 第十五条',
  },
  {
    id: 'demo-map-no-approval',
    check: 'map.no-approval-number',
    category: 'map',
    severity: 'info',
    field: 'body',
    text: '区位示意图',
    message: '提到地图类图片但未见审图号，请确认地图来自标准地图服务并标注审图号。',
    clause: '003_54205cdec66d062b.txt 第九条',
  },
  {
    id: 'demo-repost-unknown-source',
    check: 'repost.vague-source',
    category: 'repost',
    severity: 'review',
    field: 'body',
    text: '来源：网络',
    message: '转载来源不明确，请注明具体的权威来源，或经审核同意后发布。',
    suggestion: '(注明具体来源)',
    clause: '003_54205cdec66d062b.txt 第七条',
  },
];

export const DEMO_FINDINGS: Finding[] = SPECS.map(locate);
