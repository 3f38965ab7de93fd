/**
 * map.no-approval-number: 地图未标注审图号：稿件含地图、示意图、区位图等而全文无审图号.
 * The map family scans once per screen (util/map-scan.ts, which documents the rules); this sub-check is its unit in the registry, in settings and policy (`disabledChecks`), with its own examples.
 */
import { defineCheck } from '../../core/check';
import { mapFindings } from '../util/map-scan';

export const mapNoApprovalNumber = defineCheck({
  id: 'map.no-approval-number',
  category: 'map',
  severity: 'review',
  clause: '004_ffa469a3430680ee.txt 第三十一条',
  description: '地图未标注审图号：稿件含地图、示意图、区位图等而全文无审图号',
  lists: ['map-words'],
  examples: {
    positive: [
      {draft: "视频中的累计降雨量分布图显示，南部山区降雨量可达100毫米。", expect: [{text: "分布图"}]},
      {draft: "视频最后附上手绘景区地 图，建议收藏", expect: [{text: "地 图"}]},
      {draft: "文末附：桐溪县乡镇行政区划图", expect: [{text: "行政区划图"}]},
      {draft: "从青石镇行政區劃圖上可以看到，老街正处于两条古驿道的交汇处。", expect: [{text: "行政區劃圖"}]},
      {draft: "一张“特色农产品分​布图”带你看遍桐溪好物。", expect: [{text: "分​布图"}]},
      {draft: {title: "学区划分示意图公布", body: "具体范围以示意图为准。"}, expect: [{text: "示意图", field: "title"}]},
    ],
    guard: [
      {draft: "《安澜市全域旅游地图》免费发放，审图号：皖S（2025）021号。"},
      {draft: "视频中地图审图号：GS(2023)2762号。"},
      {draft: "底图来源：标准地图服务，审图号GS京(2022)1061号，项目区位图如下。"},
      {draft: "打开高德地图或百度地图搜索“青石古镇”即可导航前往。"},
      {draft: "根据《地图管理条例》，向社会公开的地图应当报送审核。审图号为GS(2024)0650号。"},
      {draft: "会议明确了任务书、时间表、路线图，绘就产业发展新版图。"},
      {draft: "今天是全国测绘法宣传日，工作人员向群众讲解如何规范使用标准地图、识别问题地图。"},
      {draft: "经查，该公司在网店发布含有不完整国家地图的商品宣传图片，被依法处罚。"},
      {draft: "自然资源部印发《公开地图内容表示规范》，自发布之日起施行。"},
    ],
  },
  run: (ctx) => mapFindings(ctx).filter((f) => f.check === 'map.no-approval-number'),
});
