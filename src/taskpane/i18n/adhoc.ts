/** Task pane messages, English and Chinese: Ad-hoc grading (threshold bands, percentile tiers, ABC analysis) and the texts of the templates it builds. */
import type { Catalogue } from "../../engine";

export const ADHOC_MESSAGES = {
  "adhoc.bands.name": { en: "Ad-hoc bands", zh: "临时阈值分级" },
  "adhoc.bands.descriptionHigher": {
    en: "Thresholds on one number column, higher is better: {bands}; otherwise {last}.",
    zh: "按一列数值的阈值分级，越高越好：{bands}；其余为 {last}。",
  },
  "adhoc.bands.descriptionLower": {
    en: "Thresholds on one number column, lower is better: {bands}; otherwise {last}.",
    zh: "按一列数值的阈值分级，越低越好：{bands}；其余为 {last}。",
  },
  "adhoc.bands.editorTitle": { en: "Thresholds and labels", zh: "阈值与等级名称" },
  "adhoc.bands.help": {
    en: "Labels best first. Each threshold is included in its grade (the better side). Numbers like 100000, 100,000, 10万 or 100K all work.",
    zh: "等级从好到差排列。阈值本身归入较好的等级。可输入 100000、100,000、10万 或 100K 等写法。",
  },
  "adhoc.percentile.name": { en: "Percentile tiers", zh: "百分位分档" },
  "adhoc.percentile.description": {
    en: "Ranks rows by one number column: cut points {cuts} give tiers {tiers}.",
    zh: "按一列数值排名：切点 {cuts} 分为 {tiers} 档。",
  },
  "adhoc.percentile.descriptionGrouped": {
    en: "Ranks rows by one number column within each group: cut points {cuts} give tiers {tiers}.",
    zh: "在每个分组内按一列数值排名：切点 {cuts} 分为 {tiers} 档。",
  },
  "adhoc.percentile.editorTitle": { en: "Cut points and labels", zh: "切点与档位名称" },
  "adhoc.percentile.help": {
    en: "Labels best first. A cut point is the share of rows ranked higher: 20 and 80 make top 20% / middle 60% / bottom 20%. Ties share a tier.",
    zh: "档位从好到差排列。切点是排名更高的行所占的比例：20 和 80 即前 20% / 中间 60% / 后 20%。数值相同的行同档。",
  },
  "adhoc.share.name": { en: "ABC analysis", zh: "ABC 分析" },
  "adhoc.share.description": {
    en: "Cumulative shares of one number column, largest amounts first: {tiers}. A row's grade depends on the share of the total held by the larger amounts; ties share a grade; an amount of 0 or less is {last}.",
    zh: "按一列数值的累计占比分级，金额从大到小：{tiers}。行的等级取决于比它更大的金额合计占总额的比例；金额相同同级；金额 ≤ 0 为 {last}。",
  },
  "adhoc.share.descriptionGrouped": {
    en: "Cumulative shares of one number column within each group, largest amounts first: {tiers}. A row's grade depends on the share of its group's total held by the larger amounts; ties share a grade; an amount of 0 or less is {last}.",
    zh: "在每个分组内按一列数值的累计占比分级，金额从大到小：{tiers}。行的等级取决于组内比它更大的金额合计占组总额的比例；金额相同同级；金额 ≤ 0 为 {last}。",
  },
  "adhoc.share.editorTitle": { en: "Cumulative shares and labels", zh: "累计占比与等级名称" },
  "adhoc.share.help": {
    en: "Labels best first. Rows are ranked by amount: a row gets the first grade while the larger amounts hold less than the first share of the total, and so on (70 and 90: the top 70% / the next 20% / the rest). Ties share a grade.",
    zh: "等级从好到差排列。按金额从大到小排序：比本行更大的金额合计占总额不足第一个占比时为第一级，依此类推（70 和 90：前 70% / 其后 20% / 其余）。金额相同的行同级。",
  },
  "adhoc.shareFor": { en: "{label}: larger amounts under", zh: "{label}：更大金额合计低于" },
  "adhoc.groupShare": { en: "Shares within groups of", zh: "按此列分组计算占比" },
  "adhoc.groupShareHint": { en: "Optional: e.g. a region column, so each region has its own total.", zh: "可选：例如选择地区列，每个地区各自计算总额。" },
  "adhoc.valueField": { en: "Value", zh: "数值" },
  "adhoc.groupField": { en: "Group", zh: "分组" },
  "adhoc.direction": { en: "Direction", zh: "方向" },
  "adhoc.direction.higher": { en: "Higher is better (≥)", zh: "越高越好（≥）" },
  "adhoc.direction.lower": { en: "Lower is better (≤)", zh: "越低越好（≤）" },
  "adhoc.gradeN": { en: "Grade {n}", zh: "第 {n} 级" },
  "adhoc.atLeastFor": { en: "{label} from (≥)", zh: "{label} 下限（≥）" },
  "adhoc.atMostFor": { en: "{label} up to (≤)", zh: "{label} 上限（≤）" },
  "adhoc.cutFor": { en: "{label}: within the top", zh: "{label}：位于前" },
  "adhoc.percentSign": { en: "%", zh: "%" },
  "adhoc.otherwise": { en: "everything else", zh: "其余全部" },
  "adhoc.rest": { en: "the rest", zh: "其余" },
  "adhoc.remove": { en: "Remove", zh: "删除" },
  "adhoc.removeNamed": { en: "Remove {label}", zh: "删除 {label}" },
  "adhoc.addGrade": { en: "Add a grade", zh: "添加等级" },
  "adhoc.addTier": { en: "Add a tier", zh: "添加档位" },
  "adhoc.groupBy": { en: "Rank within groups of", zh: "按此列分组排名" },
  "adhoc.groupByHint": { en: "Optional: e.g. a region column, so each region has its own top 20%.", zh: "可选：例如选择地区列，每个地区各自取前 20%。" },
  "adhoc.noGroup": { en: "(whole table)", zh: "（整张表）" },
  "adhoc.problem.tooFewGrades": { en: "Give at least two grades.", zh: "至少需要两个等级。" },
  "adhoc.problem.tooManyGrades": { en: "At most {max} grades.", zh: "最多 {max} 个等级。" },
  "adhoc.problem.badNumber": { en: "Grade {row}: “{text}” is not a number.", zh: "第 {row} 级：“{text}”不是数字。" },
  "adhoc.problem.thresholdOrderHigher": {
    en: "“{label}” starts at {text}, which is not below “{prevLabel}” ({prevText}). With higher is better, list the grades best first, each threshold lower than the one above it.",
    zh: "“{label}”的下限 {text} 不低于上一级“{prevLabel}”的 {prevText}。越高越好时，请从最好的等级开始排列，每一级的阈值都低于上一级。",
  },
  "adhoc.problem.thresholdOrderLower": {
    en: "“{label}” goes up to {text}, which is not above “{prevLabel}” ({prevText}). With lower is better, list the grades best first, each threshold higher than the one above it.",
    zh: "“{label}”的上限 {text} 不高于上一级“{prevLabel}”的 {prevText}。越低越好时，请从最好的等级开始排列，每一级的阈值都高于上一级。",
  },
  "adhoc.problem.duplicateThreshold": { en: "The threshold {text} appears twice.", zh: "阈值 {text} 出现了两次。" },
  "adhoc.problem.badCut": {
    en: "Tier {row}: “{text}” must be a percentage between 0 and 100.",
    zh: "第 {row} 档：“{text}”须为 0 到 100 之间的百分比。",
  },
  "adhoc.problem.cutOrder": { en: "Tier {row}: cut points must increase from top to bottom.", zh: "第 {row} 档：切点须自上而下递增。" },
  "adhoc.problem.badShare": {
    en: "“{label}” cumulative share: “{text}” must be a percentage above 0 and below 100.",
    zh: "“{label}”的累计占比：“{text}”须为大于 0、小于 100 的百分比。",
  },
  "adhoc.problem.shareOrder": {
    en: "“{label}” cumulative share {text}% is not above “{prevLabel}” ({prevText}%): shares must increase from the best grade down.",
    zh: "“{label}”的累计占比 {text}% 不高于上一级“{prevLabel}”的 {prevText}%：累计占比须自上而下递增。",
  },
  "adhoc.problem.emptyLabel": { en: "Grade {row} has no label.", zh: "第 {row} 级没有名称。" },
  "adhoc.problem.longLabel": { en: "Grade {row}: labels are at most {max} characters.", zh: "第 {row} 级：名称最多 {max} 个字符。" },
  "adhoc.problem.duplicateLabel": {
    en: "The label “{text}” is used twice (Excel does not tell upper and lower case apart).",
    zh: "名称“{text}”用了两次（Excel 不区分大小写）。",
  },
  "adhoc.problem.labelCount": { en: "Give one label more than there are thresholds.", zh: "等级名称须比阈值多一个。" },
  "adhoc.problem.checker": { en: "{detail}", zh: "{detail}" },
} as const satisfies Catalogue;
