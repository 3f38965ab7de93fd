/**
 * secret.internal-marker: 内部资料、注意保存、不得外传等不宜公开标识.
 * The secret family scans once per screen (util/secret-scan.ts, which documents the rules); this sub-check is its unit in the registry, in settings and policy (`disabledChecks`), with its own examples.
 */
import { defineCheck } from '../../core/check';
import { secretFindings } from '../util/secret-scan';

export const secretInternalMarker = defineCheck({
  id: 'secret.internal-marker',
  category: 'secret',
  severity: 'block',
  clause: '001_c25ab7322e23089b.txt 第十一条',
  description: '内部资料、注意保存、不得外传等不宜公开标识',
  lists: ['secret-markers'],
  examples: {
    positive: [
      {draft: "內部資料\n4月18日，桐溪县召开2025年台商台胞座谈会。", expect: [{text: "內部資料"}]},
      {draft: "会上还对典型问题进行了点名通报（通报内容不得​外传）。", expect: [{text: "不得​外传"}]},
      {draft: "会议强调，作风建设永远在路上。\n内部文件 请勿转发", expect: [{text: "内部文件"}, {text: "请勿转发"}]},
      {draft: "县财政局关于2025年预算调整情况的说明（此件不予公开）", expect: [{text: "此件不予公开", severity: "block"}]},
      {draft: "公开属性：不予公开\n关于做好2025年防汛工作的通知", expect: [{text: "不予公开", severity: "block"}]},
    ],
    guard: [
      {draft: "出行期间请注意保管好个人财物。"},
      {draft: "经查证属实的将给予奖励，并严格为举报人保密。"},
      {draft: "这是一个藏了三十年的秘密，直到今天才被揭开。"},
      {draft: "全年共收到政府信息公开申请47件。其中，予以公开29件，部分公开6件，不予公开3件（涉及商业秘密1件），本机关不掌握相关政府信息9件。", note: "disclosure-report statistics"},
    ],
  },
  run: (ctx) => secretFindings(ctx).filter((f) => f.check === 'secret.internal-marker'),
});
