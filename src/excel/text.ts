/**
 * Text the adapter writes into cells: protection against Excel's input rules, conditional-format
 * formula quoting, and the adapter's own words in English and Chinese.
 */
import type { Lang } from "../engine";

/**
 * True when Excel would not keep `s` as the same text if it were assigned to `range.values` of a
 * General-formatted cell: formulas (`=`, and `+`, `-`, `@` which Excel also reads as formula
 * starts), numbers, percentages, dates/times, booleans, error literals, leading spaces or
 * apostrophes. Deliberately broad: a false positive only costs one apostrophe.
 */
export function needsTextGuard(s: string): boolean {
  if (s === "") return false;
  if (!/^\p{L}/u.test(s)) return true; // digits, = + - @ ' # $ ( . space, punctuation, symbols ...
  if (/^(true|false)$/i.test(s)) return true;
  // month names and "Jan 5", "May-2024", "March/3": Excel may read them as dates
  if (/^(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?(\s*[-/ ]\s*\d|$)/i.test(s)) return true;
  return false;
}

/**
 * The value to assign so the cell holds exactly the text `s`. A leading apostrophe makes Excel
 * store the rest as text (it is not part of the value). In a cell formatted as Text (`@`) Excel
 * keeps strings as they are, and an apostrophe would become part of the value, so none is added.
 */
export function textCell(s: string, numberFormat?: string): string {
  return numberFormat !== "@" && needsTextGuard(s) ? `'${s}` : s;
}

/** A string as an Excel formula string literal: `"A"`, `"say ""hi"""`. */
export function formulaString(s: string): string {
  return `"${s.replace(/"/g, '""')}"`;
}

export interface Words {
  grade: string;
  score: string;
  reason: string;
  summarySheet: string;
  summaryTitle: (template: string) => string;
  summarySource: (address: string, rows: number) => string;
  count: string;
  share: string;
  sumOf: (measure: string) => string;
  shareOf: (measure: string) => string;
  notGraded: string;
  noData: string;
  total: string;
  blankGroup: string;
  otherGroups: (n: number) => string;
  chartTitle: string;
  crossTabTitle: (group: string) => string;
}

export const WORDS: Readonly<Record<Lang, Words>> = Object.freeze({
  en: {
    grade: "Grade",
    score: "Score",
    reason: "Reason",
    summarySheet: "GradeKit Summary",
    summaryTitle: (t: string) => `GradeKit summary: ${t}`,
    summarySource: (a: string, n: number) => `Data: ${a} (${n} rows)`,
    count: "Count",
    share: "Share",
    sumOf: (m: string) => `Sum of ${m}`,
    shareOf: (m: string) => `Share of ${m}`,
    notGraded: "Not graded (bad input)",
    noData: "No data",
    total: "Total",
    blankGroup: "(blank)",
    otherGroups: (n: number) => `(${n} other groups)`,
    chartTitle: "Rows per grade",
    crossTabTitle: (g: string) => `${g} × grade`,
  },
  "zh-CN": {
    grade: "等级",
    score: "得分",
    reason: "原因",
    summarySheet: "分级汇总",
    summaryTitle: (t: string) => `GradeKit 分级汇总：${t}`,
    summarySource: (a: string, n: number) => `数据：${a}（${n} 行）`,
    count: "数量",
    share: "占比",
    sumOf: (m: string) => `${m}合计`,
    shareOf: (m: string) => `${m}占比`,
    notGraded: "未分级（输入有误）",
    noData: "无数据",
    total: "合计",
    blankGroup: "（空）",
    otherGroups: (n: number) => `（其他 ${n} 组）`,
    chartTitle: "各等级行数",
    crossTabTitle: (g: string) => `${g} × 等级`,
  },
});

/** Header texts the adapter writes above its output columns, in every language (lower case). */
export const OUTPUT_HEADERS: ReadonlySet<string> = new Set(
  Object.values(WORDS).flatMap((w) => [w.grade, w.score, w.reason].map((s) => s.toLowerCase())),
);
