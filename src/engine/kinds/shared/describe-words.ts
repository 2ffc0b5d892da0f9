/** The words of template descriptions (the rules, criteria and thresholds of a template in words), en and zh. */
import { catalogue } from "../../text/format";

export const DESCRIBE_TEXT = {
  // grades
  otherwise: { en: "otherwise", zh: "其余" },
  noGradeOtherwise: { en: "no grade (the row is reported)", zh: "不定级（该行报错）" },
  bandOn: { en: "{measure} {op} {value}", zh: "{measure} {op} {value}" },
  score: { en: "score", zh: "得分" },
  weightedScore: { en: "weighted score", zh: "加权得分" },
  topShare: { en: "top {share} by {measure}", zh: "{measure}前 {share}" },
  nextShare: { en: "next {share} by {measure} (to the top {upto})", zh: "{measure}其后 {share}（至前 {upto}）" },
  restShare: { en: "the rest by {measure}", zh: "{measure}其余" },
  inGroups: { en: "ranked within each {group}", zh: "在各{group}内排名" },
  tiesShare: { en: "ties share a tier", zh: "并列者同档" },
  // scorecards
  criterionLine: { en: "{criterion}: {how} (0–{points} points){weight}", zh: "{criterion}：{how}（0–{points} 分）{weight}" },
  weight: { en: ", weight {weight}", zh: "，权重 {weight}" },
  relativeToMax: { en: "{field} against the largest value of the graded rows", zh: "按所评各行中{field}的最大值折算" },
  steps: { en: "by {field}: {steps}", zh: "按{field}：{steps}" },
  step: { en: "{op} {value} → {points}", zh: "{op} {value} 得 {points}" },
  stepOtherwise: { en: "otherwise {points}", zh: "其余得 {points}" },
  stepOtherwiseExpr: { en: "otherwise {points}", zh: "其余{points}" },
  formula: { en: "a formula of {fields}", zh: "按{fields}的公式计算" },
  map: { en: "by {field}: {pairs}", zh: "按{field}：{pairs}" },
  mapPair: { en: "{value} {points}", zh: "{value} {points} 分" },
  input: { en: "entered as {field}", zh: "人工填写（{field}）" },
  sumOf: { en: "Score = the sum of the criteria's points.", zh: "得分 = 各项指标得分之和。" },
  weightedOf: { en: "Score = each criterion's points × its weight, added up.", zh: "得分 = 各项指标得分 × 权重之和。" },
  // grouped scorecards
  groupLine: { en: "{group} ({weight}%): the mean of {fields} (blank = not assessed)", zh: "{group}（{weight}%）：{fields}的平均分（空白 = 未评）" },
  groupScore: { en: "Score = each group's mean × its weight / 100, added up.", zh: "得分 = 各组平均分 × 权重 / 100 之和。" },
  // cumulative shares
  shareGrade: { en: "the larger amounts above it hold less than {share} of the total {measure}", zh: "比它大的金额合计不足{measure}总额的 {share}" },
  shareLine: { en: "Amounts are sorted from the largest; a row's grade depends on the share of the total held by the larger amounts.", zh: "金额从大到小排列；每行的等级取决于比它大的金额合计占总额的比例。" },
  // segments
  segmentLine: { en: "{measure}: high when {better} the mean of the graded rows", zh: "{measure}：{better}所评各行的均值为高" },
  atLeastMean: { en: "at or above", zh: "不低于" },
  atMostMean: { en: "at or below", zh: "不高于" },
  high: { en: "{measure} high", zh: "{measure}高" },
  low: { en: "{measure} low", zh: "{measure}低" },
  // codes
  codeLine: { en: "The grade is a code made of: {parts}.", zh: "等级为代码，依次由以下部分组成：{parts}。" },
  codeCategory: { en: "{field} ({codes})", zh: "{field}（{codes}）" },
  codeTier: { en: "{field} tier ({codes}, cut at {cuts})", zh: "{field}分档（{codes}，切点 {cuts}）" },
  codeFlag: { en: "{label}: {code} when {when}", zh: "{label}：{when}时加 {code}" },
  // conditions
  and: { en: " and ", zh: "且" },
  or: { en: " or ", zh: "或" },
  not: { en: "not ({c})", zh: "非（{c}）" },
  cmp: { en: "{field} {op} {value}", zh: "{field} {op} {value}" },
  is: { en: "{field} is {value}", zh: "{field}为{value}" },
  isBlank: { en: "{field} is blank", zh: "{field}为空" },
  notBlank: { en: "{field} is filled in", zh: "{field}已填写" },
  contains: { en: "{field} contains {words}", zh: "{field}包含{words}" },
  startsWith: { en: "{field} starts with {words}", zh: "{field}以{words}开头" },
  endsWith: { en: "{field} ends with {words}", zh: "{field}以{words}结尾" },
  equalsAny: { en: "{field} is {words}", zh: "{field}为{words}" },
  since: { en: "{unit} since {field}", zh: "距{field}的{unit}" },
  unitDays: { en: "days", zh: "天数" },
  stat: { en: "the {stat} of {field} over the graded rows", zh: "参与分级各行{field}的{stat}" },
  statMean: { en: "mean", zh: "平均值" },
  statMedian: { en: "median", zh: "中位数" },
  statPercentile: { en: "{p}th percentile", zh: "第 {p} 百分位数" },
  unitMonths: { en: "months", zh: "月数" },
  unitYears: { en: "years", zh: "年数" },
  param: { en: "{value} ({param})", zh: "{value}（{param}）" },
  // adjustments and where the numbers come from
  floor: { en: "raised to at least {grade} when {when}", zh: "当{when}时至少为{grade}" },
  cap: { en: "limited to at most {grade} when {when}", zh: "当{when}时至多为{grade}" },
  fromSource: { en: "The thresholds and points are the source's.", zh: "阈值与分值均为来源规定。" },
  exampleDefaults: { en: "Example defaults and GradeKit's readings (not the source's numbers): {text}", zh: "示例默认值与 GradeKit 的解读（非来源数字）：{text}" },
} as const;

export const describeSay = catalogue(DESCRIBE_TEXT);
