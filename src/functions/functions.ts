/*
 * GradeKit worksheet functions, namespace GK (manifest): GK.GRADE, GK.SCORE, GK.EXPLAIN, GK.TIER,
 * GK.PERCENTILE_TIER.
 *
 * This file only declares them. custom-functions-metadata-plugin reads the JSDoc blocks below to write
 * functions.json (parameter names come from the TypeScript signatures; `any[][]` = "matrix") and appends
 * the CustomFunctions.associate(...) calls to this module at build time. src/functions/metadata-plugin.js
 * then adds `allowErrorForDataTypeAny` (error cells reach us, so one bad cell only errors its own row)
 * and writes functions-zh-CN.json from the table in src/functions/zh-CN.json.
 *
 * `@helpurl` names each function's help page; the build points it at the deployment's base URL and
 * builds the pages into dist/help/ (scripts/function-help.js).
 *
 * The logic lives in core.ts (pure); office.ts maps results and errors to Excel's.
 */
import { gradeCells, percentileTierCells, tierCells } from "./core";
import { runForExcel } from "./office";

/**
 * Grades customers (or any rows of data) with a GradeKit template. One row gives one grade; a block of rows is graded together as one table and spills one grade per row. Blank rows give ""; a bad row gives #VALUE! naming the field.
 * @customfunction GRADE
 * @helpurl https://localhost:3000/help/grade.html
 * @param template Template id, e.g. "sales-pipeline", "spend-5" or "pharma-score". An unknown id gives #N/A listing the built-in templates.
 * @param inputs One row of input cells in the template's field order, or a block of such rows. Templates that compare rows (relative to max, percentiles) need the block.
 * @returns The grade of each row, e.g. "A".
 */
export function grade(template: string, inputs: any[][]): any[][] {
  return runForExcel((lang) => gradeCells("grade", template, inputs, lang));
}

/**
 * The score a scorecard template gives each row (full precision). One row or a block of rows, like GK.GRADE; templates without scores give #N/A.
 * @customfunction SCORE
 * @helpurl https://localhost:3000/help/score.html
 * @param template Template id of a scoring template, e.g. "pharma-score" or "multi-factor-5".
 * @param inputs One row of input cells in the template's field order, or a block of such rows.
 * @returns The score of each row.
 */
export function score(template: string, inputs: any[][]): any[][] {
  return runForExcel((lang) => gradeCells("score", template, inputs, lang));
}

/**
 * Explains why each row gets its grade, in Excel's display language (English or Chinese). One row or a block of rows, like GK.GRADE.
 * @customfunction EXPLAIN
 * @helpurl https://localhost:3000/help/explain.html
 * @param template Template id, e.g. "sales-pipeline".
 * @param inputs One row of input cells in the template's field order, or a block of such rows.
 * @returns The reason for each row's grade.
 */
export function explain(template: string, inputs: any[][]): any[][] {
  return runForExcel((lang) => gradeCells("reason", template, inputs, lang));
}

/**
 * Percentile tier of each value: 1 = top 20%, 2 = middle 60%, 3 = bottom 20% by default; ties share a tier; blanks give "". Spills over a column. GK.PERCENTILE_TIER(B2, B$2:B$1000) tiers one value within a population; cuts, labels and groups then follow.
 * @customfunction PERCENTILE_TIER
 * @helpurl https://localhost:3000/help/percentile_tier.html
 * @param values The values to tier (a column or block), or one value followed by its population.
 * @param cuts Cut points as shares from the top, increasing (default {0.2,0.8}). In the single-value form: the population.
 * @param labels Tier labels, best first, one more than the cut points (default {1,2,3}). In the single-value form: the cut points.
 * @param groups Group of each value (same size as values): values are tiered within their group. In the single-value form: the labels.
 * @param population_groups Single-value form only: the group of each population value (same size as the population).
 * @param value_group Single-value form only: the value's own group, e.g. C2.
 * @returns The tier label of each value.
 */
export function percentileTier(
  values: any[][],
  cuts?: any[][],
  labels?: any[][],
  groups?: any[][],
  population_groups?: any[][],
  value_group?: any[][],
): any[][] {
  return runForExcel((lang) => percentileTierCells(values, cuts, labels, groups, population_groups, value_group, lang));
}

/**
 * Grades values into ad-hoc bands without a template, e.g. GK.TIER(B2, {100000,50000,20000}, {"A","B","C","D"}). A value on a threshold gets the better band. Works on one value or spills over a column.
 * @customfunction TIER
 * @helpurl https://localhost:3000/help/tier.html
 * @param value The value to grade, or a column of values.
 * @param thresholds Band boundaries, e.g. {100000,50000,20000} (any order).
 * @param labels Band labels, best first: one more label than thresholds, e.g. {"A","B","C","D"}.
 * @param higher_is_better TRUE (default) when larger values earn better bands; FALSE when smaller is better.
 * @returns The band label of each value.
 */
export function tier(value: any[][], thresholds: any[][], labels: any[][], higher_is_better?: boolean): any[][] {
  return runForExcel((lang) => tierCells(value, thresholds, labels, higher_is_better, lang));
}
