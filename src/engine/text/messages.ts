/**
 * Every sentence the engine writes, in English and Chinese. Placeholders are `{name}`.
 * Other layers (task pane, CLI) keep their own catalogues; this one covers reasons and errors.
 */
import { catalogue, fillAround, pick } from "./format";
import type { Lang } from "./lang";

export const MESSAGES = {
  noData: { en: "no data", zh: "无数据" },
  notNumber: { en: "{field}: '{text}' is not a number", zh: "{field}：“{text}”不是数字" },
  notYesNo: { en: "{field}: '{text}' is not yes/no", zh: "{field}：“{text}”不是“是/否”" },
  notCategory: { en: "{field}: '{text}' is not one of {allowed}", zh: "{field}：“{text}”不在可选值（{allowed}）中" },
  errorValue: { en: "{field}: the cell holds an error ({text})", zh: "{field}：单元格是错误值（{text}）" },
  outOfRange: { en: "{field}: {value} is outside {min}–{max}", zh: "{field}：{value} 超出范围 {min}–{max}" },
  belowMin: { en: "{field}: {value} is below the minimum {min}", zh: "{field}：{value} 小于最小值 {min}" },
  aboveMax: { en: "{field}: {value} is above the maximum {max}", zh: "{field}：{value} 大于最大值 {max}" },
  required: { en: "{field} is blank", zh: "{field}为空" },
  requireOneOf: { en: "one of {fields} is needed", zh: "{fields}至少需要填写一项" },
  noBand: { en: "{measure} {value} is below every band", zh: "{measure} {value} 不在任何等级范围内" },
  noRule: { en: "no rule applies and the template has no default grade", zh: "没有适用的规则，模板也没有默认等级" },
  groupBlank: { en: "{field} (the group) is blank", zh: "{field}（分组）为空" },
  notInPopulation: { en: "{field} is blank, so the row has no tier", zh: "{field}为空，不参与分档" },
  otherwise: { en: "{grade}: none of the rules above applies", zh: "{grade}：以上规则均不适用" },
  ruleFired: { en: "{grade}: {why}", zh: "{grade}：{why}" },
  bandFired: { en: "{grade}: {measure} {value} {op} {threshold}", zh: "{grade}：{measure} {value} {op} {threshold}" },
  bandOtherwise: { en: "{grade}: {measure} {value} is below every higher band", zh: "{grade}：{measure} {value} 未达到更高等级" },
  score: { en: "score {score} = {parts}", zh: "得分 {score} = {parts}" },
  /** A scorecard's reason: the grade and its cut-off, then the points that make the score (the score shown once). */
  scoreReason: { en: "{grade}; points: {parts}", zh: "{grade}；各项得分：{parts}" },
  /** A value or code shown after a label: `Purchase amount (1,200,000)`, `进货额（1,200,000）`. */
  labelled: { en: "{label} ({value})", zh: "{label}（{value}）" },
  codePart: { en: "{part}: {why}", zh: "{part}：{why}" },
  scoreName: { en: "score", zh: "得分" },
  tier: {
    en: "{grade}: {greater} of {n} values{group} are higher (top {share})",
    zh: "{grade}：{n} 个值{group}中有 {greater} 个更高（前 {share}）",
  },
  inGroup: { en: " in {group}", zh: "（{group}组内）" },
  floor: { en: "raised to {grade}: {why}", zh: "提升至{grade}：{why}" },
  cap: { en: "limited to {grade}: {why}", zh: "限制为{grade}：{why}" },
  and: { en: " and ", zh: "且" },
  or: { en: " or ", zh: "或" },
  not: { en: "not ({c})", zh: "非（{c}）" },
  isBlank: { en: "{field} is blank", zh: "{field}为空" },
  notBlank: { en: "{field} is not blank", zh: "{field}不为空" },
  inList: { en: "{field} is {value}", zh: "{field}为{value}" },
  relativeToMax: { en: "{value} of max {max}", zh: "最大值 {max} 中的 {value}" },
  codeReason: { en: "{code}: {parts}", zh: "{code}：{parts}" },
  codePartSeparator: { en: ", ", zh: "，" },
  newRetailer: { en: "new", zh: "新户" },
  blankValue: { en: "blank", zh: "空" },
  notDate: {
    en: "{field}: '{text}' is not a date (write 2026-12-03, 2026/12/03 or 2026年12月3日)",
    zh: "{field}：“{text}”不是日期（请写作 2026-12-03、2026/12/03 或 2026年12月3日）",
  },
  ambiguousDate: {
    en: "{field}: '{text}' could be day/month or month/day; choose the date order (day first or month first; CLI --date-order dmy|mdy) or write 2026-12-03",
    zh: "{field}：“{text}”无法确定是日/月还是月/日；请选择日期顺序（日在前或月在前；命令行 --date-order dmy|mdy），或写作 2026-12-03",
  },
  noSuchDate: { en: "{field}: '{text}' is not a day of the calendar", zh: "{field}：“{text}”不是日历上存在的日期" },
  asOf: { en: "as of {date}", zh: "截至 {date}" },
  since: { en: "{unit} since {field} ({date}) to {asOf}: {value}", zh: "{field}（{date}）至 {asOf} 的{unit}：{value}" },
  sinceDays: { en: "days", zh: "天数" },
  sinceMonths: { en: "months", zh: "月数" },
  sinceYears: { en: "years", zh: "年数" },
  contains: { en: "{field} “{value}” contains {words}", zh: "{field}“{value}”包含 {words}" },
  containsNot: { en: "{field} “{value}” contains none of {words}", zh: "{field}“{value}”不包含 {words}" },
  startsWith: { en: "{field} “{value}” starts with {words}", zh: "{field}“{value}”以 {words} 开头" },
  startsWithNot: { en: "{field} “{value}” starts with none of {words}", zh: "{field}“{value}”不以 {words} 开头" },
  endsWith: { en: "{field} “{value}” ends with {words}", zh: "{field}“{value}”以 {words} 结尾" },
  endsWithNot: { en: "{field} “{value}” ends with none of {words}", zh: "{field}“{value}”不以 {words} 结尾" },
  equalsAny: { en: "{field} “{value}” is one of {words}", zh: "{field}“{value}”属于 {words}" },
  equalsAnyNot: { en: "{field} “{value}” is none of {words}", zh: "{field}“{value}”不属于 {words}" },
  population: { en: "needs the whole table (it compares rows), give a block of rows", zh: "需要整个表格（按行相互比较），请传入多行区域" },
  // Computed measures, population thresholds, deductions (issue 20).
  measureDivZero: { en: "{measure}: division by zero in {how}", zh: "{measure}：{how} 中除数为零" },
  measureShown: { en: "{measure} {value} = {how}", zh: "{measure} {value} = {how}" },
  statMean: { en: "mean of {field}{group}", zh: "{field}{group}平均值" },
  statMedian: { en: "median of {field}{group}", zh: "{field}{group}中位数" },
  statPercentile: { en: "{p}th percentile of {field}{group}", zh: "{field}{group}第 {p} 百分位数" },
  statGroup: { en: " in {group}", zh: "（{group} 组内）" },
  statShown: { en: "{stat} ({value})", zh: "{stat}（{value}）" },
  totalClamped: { en: "total {total} is below 0, counted as 0", zh: "总分 {total} 低于 0，按 0 计" },
} as const;

export type MessageKey = keyof typeof MESSAGES;

/**
 * Formats a message in a language.
 *
 * @example msg("required", "en", { field: "Order count" }) // "Order count is blank"
 */
export const msg: (key: MessageKey, lang: Lang, args?: Record<string, string | number>) => string = catalogue(MESSAGES);

/** A message filled once but for `key`, as pieces to join with the value (`fillAround`). */
export function msgAround(key: MessageKey, lang: Lang, args: Record<string, string | number>, around: string): string[] {
  return fillAround(pick(MESSAGES[key], lang), args, around);
}
