/**
 * The adapter's own words in English and Chinese: output column headers and the summary sheet's
 * texts (the period review's words are in `review/catalogue.ts`).
 */
import type { Lang } from "../engine";

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
