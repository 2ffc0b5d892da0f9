/** Task pane messages, English and Chinese: The template picker and the template categories. */
import type { Catalogue } from "../../engine";

export const PICKER_MESSAGES = {
  "category.pipeline": { en: "Sales pipeline", zh: "销售漏斗" },
  "category.value": { en: "Customer value", zh: "客户价值" },
  "category.scorecard": { en: "Scorecards", zh: "评分卡" },
  "category.credit-risk": { en: "Credit and risk", zh: "信用与风险" },
  "category.retail": { en: "Retail", zh: "零售" },
  "category.lifecycle": { en: "Lifecycle", zh: "生命周期" },
  "category.custom": { en: "Custom", zh: "自定义" },

  "picker.title": { en: "Choose a template", zh: "选择模板" },
  "picker.intro": {
    en: "Select your customer table in the sheet, choose how to grade it, check the preview, then apply.",
    zh: "先在工作表中选中客户表格，再选择分级方式，查看预览后写入。",
  },
  "picker.search": { en: "Search templates", zh: "搜索模板" },
  "picker.searchHint": { en: "English or Chinese: names, descriptions, column names", zh: "可用中文或英文搜索：名称、说明、列名" },
  "picker.searchPlaceholder": { en: "e.g. spend, 年消费额, risk", zh: "例如：年消费额、spend、风险" },
  "picker.found": { en: "{count} matches", zh: "找到 {count} 项" },
  "picker.found.one": { en: "1 match", zh: "找到 1 项" },
  "picker.noMatch": {
    en: "No template matches “{query}”. Try another word, or use ad-hoc bands.",
    zh: "没有与“{query}”匹配的模板。请换个词，或使用临时阈值分级。",
  },
  "picker.quick": { en: "Quick options", zh: "快速分级" },
  "picker.quick.bandsDescription": {
    en: "Grade one number column with your own thresholds and labels, e.g. A ≥ 100,000, B ≥ 50,000, C ≥ 20,000, else D.",
    zh: "用自定义的阈值和等级名称为一列数值分级，例如 A ≥ 100,000、B ≥ 50,000、C ≥ 20,000，其余为 D。",
  },
  "picker.quick.tiersDescription": {
    en: "Rank one number column into percentile tiers (top 20% / middle 60% / bottom 20% by default), optionally within groups.",
    zh: "按一列数值排名分档（默认前 20% / 中间 60% / 后 20%），可按分组分别排名。",
  },
  "picker.quick.shareDescription": {
    en: "ABC analysis (Pareto) of one number column: the largest amounts making up 70% of the total get the first grade, up to 90% the second, the rest the third; your own shares and labels, optionally within groups.",
    zh: "对一列数值做 ABC 分析（帕累托）：合计占总额前 70% 的大额为第一级，至 90% 为第二级，其余为第三级；占比和名称可自定义，可按分组分别计算。",
  },
  "picker.quick.keywords": { en: "ad-hoc custom thresholds bands percentile tiers rank quick", zh: "临时 自定义 阈值 分级 百分位 分档 排名 快速" },
  "picker.use": { en: "Use", zh: "使用" },
  "picker.useNamed": { en: "Use {name}", zh: "使用 {name}" },
  "picker.details": { en: "Details", zh: "详情" },
  "picker.detailsNamed": { en: "Details of {name}", zh: "{name} 的详情" },
  "picker.hideDetails": { en: "Hide details", zh: "收起详情" },
  "picker.hideDetailsNamed": { en: "Hide details of {name}", zh: "收起 {name} 的详情" },
  "picker.source": { en: "Source:", zh: "来源：" },
  "picker.fields": { en: "Columns:", zh: "所需列：" },
  "picker.grades": { en: "Grades", zh: "等级" },
  "picker.readings": { en: "How the source is read", zh: "对来源的解读" },
  "picker.how": { en: "How rows are scored", zh: "计分方法" },
  "picker.rules": { en: "Grades and their rules", zh: "等级与规则" },
  "picker.after": { en: "After grading", zh: "定级后调整" },
  "picker.numbers": { en: "Numbers:", zh: "数字来源：" },
  "picker.numbersDefaults": {
    en: "some are example defaults, not the source's: see how the source is read below.",
    zh: "部分为示例默认值，并非来源数字：见下方“对来源的解读”。",
  },
  "picker.review": { en: "Review:", zh: "复核：" },
} as const satisfies Catalogue;
