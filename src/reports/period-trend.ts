/**
 * The period comparison sheet ("GradeKit Trend" / 分级趋势): grades side by side over the saved
 * periods (oldest first), as the auto-base source sets 09年 beside 10年.
 *
 * Layout (0-based rows): 0 title (14 pt bold), 1 what it counts, 2 blank; 3 header of the counts
 * table (Grade | one column per period | Change), one row per grade (grade colour on the label),
 * grades the template does not know after them (first appearance), the total (bold);
 * two blank rows; the shares table with the same rows (shares of the period's total, `0.0%`; the
 * change in percentage points, `0.0`). A clustered column chart of the counts (one series per
 * period) to the right. Printed on A4, fitted to the page width, header row repeated.
 *
 * The numbers come from the engine's `periodTables` (one group: the whole history); this module
 * only lays them out.
 */
import { area, catalogue, SheetBuilder, type CellValue, type Lang, type PeriodTables, type SheetLayout } from "../engine";
import { validSheetName } from "./sheet-name";

const say = catalogue({
  sheet: { en: "GradeKit Trend", zh: "分级趋势" },
  title: { en: "Grades by period: {template}", zh: "各期间等级分布：{template}" },
  counts: { en: "Customers per grade in each saved period (history: {rows} rows)", zh: "各已保存期间每个等级的客户数（历史记录：{rows} 行）" },
  grade: { en: "Grade", zh: "等级" },
  change: { en: "Change {from} → {to}", zh: "{from} → {to} 变化" },
  changePoints: { en: "Change (points)", zh: "变化（百分点）" },
  total: { en: "Total", zh: "合计" },
  shares: { en: "Share of the period's customers", zh: "占该期间客户的比例" },
  chart: { en: "Customers per grade by period", zh: "各期间各等级客户数" },
});

/** The sheet's name in each language (a new trend replaces the sheet of its language). */
export const TREND_SHEETS: Readonly<Record<Lang, string>> = Object.freeze({ en: say("sheet", "en"), "zh-CN": say("sheet", "zh-CN") });

export interface PeriodTrendOptions {
  lang: Lang;
  templateName: string;
  /** Per value (grade id as saved), the text shown (the grade's label). */
  labels?: Readonly<Record<string, string>>;
  /** Per value, the grade's colour. */
  colors?: Readonly<Record<string, string>>;
  /** Rows of the history that were read (for the subtitle). */
  historyRows: number;
}

const HEAD = 3;
const CHART_ROWS = 17;
const CHART_COLS = 8;

/** The trend sheet of `pt` (one group; `pt.periods` oldest first). */
export function periodTrendLayout(pt: PeriodTables, o: PeriodTrendOptions): SheetLayout {
  const { lang } = o;
  const P = pt.periods.length;
  const V = pt.values.length;
  const b = new SheetBuilder(validSheetName(TREND_SHEETS[lang]));
  b.block(0, 0, [[say("title", lang, { template: o.templateName })], [say("counts", lang, { rows: o.historyRows })]]);
  b.style(area(0, 0), { bold: true, size: 14 });

  const twoOrMore = P >= 2;
  const from = twoOrMore ? pt.periods[P - 2] : "";
  const to = pt.periods[P - 1] ?? "";
  const label = (v: string) => o.labels?.[v] ?? v;
  const count = (p: number, v: number) => pt.tables[p].counts[0]?.[v] ?? 0;
  const total = (p: number) => pt.tables[p].rowTotals[0] ?? 0;
  const share = (p: number, v: number) => (total(p) ? count(p, v) / total(p) : 0);

  const countRows: CellValue[][] = [
    [say("grade", lang), ...pt.periods, ...(twoOrMore ? [say("change", lang, { from, to })] : [])],
    ...pt.values.map((v, k) => [label(v), ...pt.periods.map((_, p) => count(p, k)), ...(twoOrMore ? [count(P - 1, k) - count(P - 2, k)] : [])]),
    [say("total", lang), ...pt.periods.map((_, p) => total(p)), ...(twoOrMore ? [total(P - 1) - total(P - 2)] : [])],
  ];
  const W = countRows[0].length;
  b.block(HEAD, 0, countRows);
  b.style(area(HEAD, 0, 1, W), { bold: true, fill: "#DDEBF7", hAlign: "center", wrap: true });
  b.style(area(HEAD + V + 1, 0, 1, W), { bold: true });

  const sharesTop = HEAD + countRows.length + 2;
  const shareRows: CellValue[][] = [
    [say("shares", lang), ...pt.periods, ...(twoOrMore ? [say("changePoints", lang)] : [])],
    ...pt.values.map((v, k) => [
      label(v),
      ...pt.periods.map((_, p) => share(p, k)),
      ...(twoOrMore ? [Math.round((share(P - 1, k) - share(P - 2, k)) * 1e6) / 1e4] : []),
    ]),
  ];
  b.block(sharesTop, 0, shareRows);
  b.style(area(sharesTop, 0, 1, W), { bold: true, fill: "#DDEBF7", hAlign: "center", wrap: true });
  b.style(area(sharesTop + 1, 1, V, P), { numberFormat: "0.0%" });
  if (twoOrMore) b.style(area(sharesTop + 1, P + 1, V, 1), { numberFormat: "0.0" });

  pt.values.forEach((v, k) => {
    const fill = o.colors?.[v];
    if (fill) for (const top of [HEAD, sharesTop]) b.style(area(top + 1 + k, 0), { fill });
  });

  const bottom = sharesTop + shareRows.length;
  b.columns([{ width: 22 }, ...Array.from({ length: W - 1 }, () => ({ width: 12 }))]);
  b.freeze(HEAD + 1, 1);
  b.chart({
    kind: "column",
    source: area(HEAD, 0, V + 1, P + 1),
    seriesBy: "columns",
    title: say("chart", lang),
    legend: true,
    at: area(HEAD, W + 1, CHART_ROWS, CHART_COLS),
  });
  b.print({
    paper: "A4",
    orientation: "landscape",
    fitToWidth: 1,
    fitToHeight: 0,
    titleRows: { first: HEAD, last: HEAD },
    area: area(0, 0, bottom, W + 1 + CHART_COLS),
    header: { left: "", center: say("title", lang, { template: o.templateName }).replace(/&/g, "&&"), right: "" },
    footer: { left: "", center: "&P / &N", right: "" },
    margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.25, footer: 0.25 },
    centerHorizontally: true,
  });
  return b.done();
}
