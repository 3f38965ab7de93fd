/**
 * repost.missing-attribution: 电头、记者署名、媒体消息头而全文无来源行.
 * The repost family scans once per screen (util/repost-scan.ts, which documents the rules); this sub-check is its unit in the registry, in settings and policy (`disabledChecks`), with its own examples.
 */
import { defineCheck } from '../../core/check';
import { repostFindings } from '../util/repost-scan';

export const repostMissingAttribution = defineCheck({
  id: 'repost.missing-attribution',
  category: 'repost',
  severity: 'review',
  clause: '001_c25ab7322e23089b.txt 第十七条',
  description: '电头、记者署名、媒体消息头而全文无来源行',
  lists: ['repost-markers', 'approved-sources'],
  examples: {
    positive: [
      {draft: "目前，违法行为人已被依法行政拘留，案件正在进一步办理之中。（王晓东）", expect: [{text: "（王晓东）"}]},
      {draft: "本报讯 近日，县公安局经侦大队成功侦破一起案件。", expect: [{text: "本报讯"}]},
      {draft: "记者 王晓东\n5月18日是全国助残日。", expect: [{text: "记者 王晓东"}]},
      {draft: "原标题：《社区嵌入式服务设施建设全面推进》\n新华社北京3月5日电 在社区“家门口”吃上热乎饭。", expect: [{text: "原标题：《社区嵌入式服务设施建设全面推进》"}, {text: "新华社北京3月5日电"}]},
      {draft: "看哭了😭 央视网消息：在青岚乡，有一位90后村医坚守山村8年。", expect: [{text: "央视网消息"}]},
      {draft: "人民日报客户端消息，近日，全省乡村振兴现场推进会在我县召开。", expect: [{text: "人民日报客户端消息"}]},
      {draft: "据新华社消息，国家出台了一系列稳就业政策措施。", expect: [{text: "据新华社消息"}]},
      {draft: "桐溪新闻网讯 近日，县供电公司发布检修停电公告。", expect: [{text: "桐溪新闻网讯"}]},
      {draft: "安澜日报讯（记者周晓明）清明期间，全市森林防火形势严峻。", expect: [{text: "安澜日报讯"}, {text: "记者周晓明"}]},
      {draft: "全县春耕生产有序推进。\n本报记者", expect: [{text: "本报记者"}]},
      {draft: "志愿者们走进社区开展义诊。（撰稿：林小雨）", expect: [{text: "撰稿：林小雨"}]},
    ],
    guard: [
      {draft: "会议由县委副书记主持。县长作工作报告。（详见附件）\n来源：县政府办公室"},
      {draft: "请群众拨打12345热线反映问题。（完）"},
      {draft: "新华社北京1月8日电 国家出台了一系列税费优惠政策。记者梳理了其中几项。\n来源：新华社"},
      {draft: "这些谣言大多来源于网络，请市民不信谣、不传谣。"},
      {draft: "发布时间：2025-03-05 08:33 来源：桐溪县人民政府网站\n县政府召开常务会议。"},
    ],
  },
  run: (ctx) => repostFindings(ctx).filter((f) => f.check === 'repost.missing-attribution'),
});
