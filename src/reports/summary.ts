/**
 * The summary sheet ("GradeKit Summary" / 分级汇总) as a sheet layout (the engine's sheet model):
 * per grade the number of rows, their share, the sum of a measure and its share; the "not
 * graded", "no data" and total rows; an optional group × grade cross-tab below; a column chart of
 * rows per grade to the right. Pure: the Office.js drawer (`src/excel/draw`) writes it into the
 * workbook, the xlsx drawer (`src/cli/xlsx-draw.ts`) into a file (without the chart).
 *
 * Layout (0-based rows): 0 title (14 pt bold), 1 source, 2 blank; 3 the table's header (bold),
 * one row per grade, not graded, no data, total (bold); two blank rows, then the cross-tab: its
 * title, header (bold), one row per group, total (bold). Shares as `0.0%`, measure sums as
 * `#,##0.00`. Columns fitted to the contents from row 3 down.
 *
 * The numbers come from the grading (the adapter's `summarize`); this module only lays them out.
 */
import { area, catalogue, SheetBuilder, type CellValue, type Lang, type SheetLayout } from "../engine";
import { validSheetName } from "./sheet-name";

const say = catalogue({
  sheet: { en: "GradeKit Summary", zh: "分级汇总" },
  title: { en: "GradeKit summary: {template}", zh: "GradeKit 分级汇总：{template}" },
  titlePeriod: { en: "GradeKit summary: {template}, {period}", zh: "GradeKit 分级汇总：{template}，{period}" },
  source: { en: "Data: {address} ({rows} rows)", zh: "数据：{address}（{rows} 行）" },
  grade: { en: "Grade", zh: "等级" },
  count: { en: "Count", zh: "数量" },
  share: { en: "Share", zh: "占比" },
  sumOf: { en: "Sum of {measure}", zh: "{measure}合计" },
  shareOf: { en: "Share of {measure}", zh: "{measure}占比" },
  notGraded: { en: "Not graded (bad input)", zh: "未分级（输入有误）" },
  noData: { en: "No data", zh: "无数据" },
  total: { en: "Total", zh: "合计" },
  chartTitle: { en: "Rows per grade", zh: "各等级行数" },
  crossTabTitle: { en: "{group} × grade", zh: "{group} × 等级" },
});

/** The summary sheet's name in each language (a re-run without a period replaces the sheet of its language). */
export const SUMMARY_SHEETS: Readonly<Record<Lang, string>> = Object.freeze({ en: say("sheet", "en"), "zh-CN": say("sheet", "zh-CN") });

/**
 * The summary sheet of a period: `GradeKit Summary 2026-11` / `分级汇总 2026-11` (a valid sheet
 * name, at most 31 characters); without a period, the language's summary sheet.
 */
export function summarySheetName(lang: Lang, period?: string): string {
  const p = period?.trim();
  return p ? validSheetName(`${SUMMARY_SHEETS[lang]} ${p}`) : SUMMARY_SHEETS[lang];
}

/** True for a sheet name `summarySheetName` makes in either language (with or without a period). */
export function isSummarySheet(name: string): boolean {
  return (Object.values(SUMMARY_SHEETS) as string[]).some((base) => name === base || name.startsWith(`${base} `));
}

/** Row of the table's header. */
const HEAD_ROW = 3;
/** Rows and columns the chart covers. */
const CHART_ROWS = 17;
const CHART_COLS = 8;

export interface SummaryRow {
  /** The grade as written (id in English, label in Chinese). */
  label: string;
  count: number;
  share: number;
  measure?: number;
  measureShare?: number;
}

export interface SummaryCrossTab {
  groupHeader: string;
  groups: string[];
  /** Grade texts (as written), in grade order. */
  grades: string[];
  /** counts[g][k]: rows of group g with grade k. */
  counts: number[][];
  /** Rows of each group with bad input. */
  errors: number[];
  totals: number[];
}

/** The numbers of a summary. */
export interface SummaryNumbers {
  rows: SummaryRow[];
  /** Rows with data: graded + bad input. */
  total: number;
  errors: number;
  empty: number;
  errorsMeasure?: number;
  measureTotal?: number;
  crossTab?: SummaryCrossTab;
}

export interface SummarySheetOptions {
  lang: Lang;
  /** The template's name as shown in the title. */
  templateName: string;
  /** The summarised table: its address and rows. */
  source: { address: string; rows: number };
  /** Header of the measure column; without it, no measure columns. */
  measureName?: string;
  /** The period the summary is of (`2026-11`): in the sheet's name and title. */
  period?: string;
}

const share = (x: number, of: number) => (of === 0 ? 0 : x / of);

/** The table: header, one row per grade, not graded, no data, total. */
function mainTable(data: SummaryNumbers, o: SummarySheetOptions): CellValue[][] {
  const { lang } = o;
  const m = o.measureName;
  const withMeasure = (cells: CellValue[], measure: CellValue[]) => (m !== undefined ? [...cells, ...measure] : cells);
  return [
    withMeasure([say("grade", lang), say("count", lang), say("share", lang)], [say("sumOf", lang, { measure: m ?? "" }), say("shareOf", lang, { measure: m ?? "" })]),
    ...data.rows.map((r) => withMeasure([r.label, r.count, r.share], [r.measure!, r.measureShare!])),
    withMeasure([say("notGraded", lang), data.errors, share(data.errors, data.total)], [data.errorsMeasure!, share(data.errorsMeasure!, data.measureTotal!)]),
    withMeasure([say("noData", lang), data.empty, ""], ["", ""]),
    withMeasure([say("total", lang), data.total, data.total ? 1 : 0], [data.measureTotal!, data.measureTotal ? 1 : 0]),
  ];
}

/** The cross-tab: title, header, one row per group, total. */
function crossTable(ct: SummaryCrossTab, lang: Lang): CellValue[][] {
  return [
    [say("crossTabTitle", lang, { group: ct.groupHeader })],
    [ct.groupHeader, ...ct.grades, say("notGraded", lang), say("total", lang)],
    ...ct.groups.map((g, i) => [g, ...ct.counts[i], ct.errors[i], ct.totals[i]]),
    [say("total", lang), ...ct.grades.map((_, k) => ct.counts.reduce((a, r) => a + r[k], 0)), ct.errors.reduce((a, b) => a + b, 0), ct.totals.reduce((a, b) => a + b, 0)],
  ];
}

/** The summary sheet of `data`. */
export function summaryLayout(data: SummaryNumbers, options: SummarySheetOptions): SheetLayout {
  const { lang } = options;
  const b = new SheetBuilder(summarySheetName(lang, options.period));
  const period = options.period?.trim();
  const title = period ? say("titlePeriod", lang, { template: options.templateName, period }) : say("title", lang, { template: options.templateName });
  b.block(0, 0, [[title], [say("source", lang, { address: options.source.address, rows: options.source.rows })]]);
  b.style(area(0, 0), { bold: true, size: 14 });

  const main = mainTable(data, options);
  const mainWidth = main[0].length;
  const bodyRows = main.length - 1;
  b.block(HEAD_ROW, 0, main);
  b.style(area(HEAD_ROW, 0, 1, mainWidth), { bold: true });
  b.style(area(HEAD_ROW + bodyRows, 0, 1, mainWidth), { bold: true });
  b.style(area(HEAD_ROW + 1, 2, bodyRows, 1), { numberFormat: "0.0%" });
  if (options.measureName !== undefined) {
    b.style(area(HEAD_ROW + 1, 3, bodyRows, 1), { numberFormat: "#,##0.00" });
    b.style(area(HEAD_ROW + 1, 4, bodyRows, 1), { numberFormat: "0.0%" });
  }

  let width = mainWidth;
  let bottom = HEAD_ROW + main.length;
  if (data.crossTab) {
    const ct = crossTable(data.crossTab, lang);
    const top = bottom + 2;
    const ctWidth = data.crossTab.grades.length + 3;
    b.block(top, 0, ct);
    for (const r of [0, 1, ct.length - 1]) b.style(area(top + r, 0, 1, ctWidth), { bold: true });
    width = Math.max(width, ctWidth);
    bottom = top + ct.length;
  }
  b.fitColumns(area(HEAD_ROW, 0, bottom - HEAD_ROW, width)); // not the title rows
  b.chart({
    kind: "column",
    source: area(HEAD_ROW, 0, data.rows.length + 1, 2),
    seriesBy: "columns",
    title: say("chartTitle", lang),
    legend: false,
    at: area(HEAD_ROW, width + 1, CHART_ROWS, CHART_COLS),
  });
  return b.done();
}
