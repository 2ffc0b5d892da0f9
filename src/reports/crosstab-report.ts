/**
 * Cross-table report sheets (`gradekit summary`): one sheet per period with the counts of each
 * value (grade, reason) per group, row totals, rows left out (bad input, blank) and the share of
 * each value within its group; with two or more periods, a "Change" sheet putting the periods side
 * by side with the change between the last two. Frozen headers, grade colours on the value
 * headers, A4 landscape one page wide with the header repeated; a clustered-column chart of the
 * counts per group in each period sheet (drawn by drawers that can draw charts).
 *
 * Layout of a period sheet (0-based rows): 0 title (14 pt bold), 1 note on rows left out,
 * 2 blank, 3 header, then one row per group and the total row (bold). Columns: the group
 * columns, one count per value, Total, Bad input, Blank, then one share per value (0.0%).
 */
import {
  area,
  catalogue,
  SheetBuilder,
  type CellValue,
  type CrossTab,
  type Lang,
  type PeriodTables,
  type SheetLayout,
} from "../engine";
import { uniqueSheetName } from "./sheet-name";

const say = catalogue({
  title: { en: "{value} by {by}: {period}", zh: "{by} × {value}：{period}" },
  note: {
    en: "Left out: {errors} row(s) with bad input, {blanks} row(s) with a blank {value}",
    zh: "未计入：输入有误 {errors} 行，{value}为空 {blanks} 行",
  },
  total: { en: "Total", zh: "合计" },
  bad: { en: "Bad input", zh: "输入有误" },
  blank: { en: "Blank", zh: "空白" },
  blankGroup: { en: "(blank)", zh: "（空白）" },
  shareOf: { en: "{value} %", zh: "{value} 占比" },
  changeSheet: { en: "Change", zh: "变化" },
  changeTitle: {
    en: "{value} by {by}: {periods}, change {from} → {to}",
    zh: "{by} × {value}：{periods}，{from} → {to} 变化",
  },
  change: { en: "Change", zh: "变化" },
  chart: { en: "{value} per {by}: {period}", zh: "各{by}{value}：{period}" },
  chartPeriods: { en: "{value} per {by}: {periods}", zh: "各{by}{value}：{periods}" },
});

export interface CrossTabReportOptions {
  lang: Lang;
  /** Headers of the group columns. */
  by: readonly string[];
  /** Header of the counted column (e.g. Grade, 等级, 战败原因). */
  valueHeader: string;
  /** Fill per value (e.g. a template's grade colours). */
  colors?: Readonly<Record<string, string>>;
}

const HEAD = 3;

const groupCells = (g: string[], lang: Lang): string[] => g.map((x) => (x === "" ? say("blankGroup", lang) : x));

function print(b: SheetBuilder, rows: number, cols: number, title: string): void {
  b.print({
    paper: "A4",
    orientation: "landscape",
    fitToWidth: 1,
    fitToHeight: 0,
    titleRows: { first: HEAD, last: HEAD },
    area: area(0, 0, rows, cols),
    header: { left: "", center: title.replace(/&/g, "&&"), right: "" },
    footer: { left: "", center: "&P / &N", right: "" },
    margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.25, footer: 0.25 },
    centerHorizontally: true,
  });
}

function periodSheet(t: CrossTab, period: string, o: CrossTabReportOptions, used: Set<string>): SheetLayout {
  const { lang } = o;
  const by = o.by.join(" × ");
  const B = o.by.length;
  const V = t.values.length;
  const b = new SheetBuilder(uniqueSheetName(period, used));
  const title = say("title", lang, { value: o.valueHeader, by, period });
  b.block(0, 0, [[title], [say("note", lang, { errors: t.errorTotal, blanks: t.blankTotal, value: o.valueHeader })]]);
  b.style(area(0, 0), { bold: true, size: 14 });
  const head: CellValue[] = [
    ...o.by,
    ...t.values,
    say("total", lang),
    say("bad", lang),
    say("blank", lang),
    ...t.values.map((v) => say("shareOf", lang, { value: v })),
  ];
  const body: CellValue[][] = t.groups.map((g, i) => [
    ...groupCells(g, lang),
    ...t.counts[i],
    t.rowTotals[i],
    t.errors[i],
    t.blanks[i],
    ...t.rowShares[i].map((s) => s / 100),
  ]);
  const totalRow: CellValue[] = [
    say("total", lang),
    ...o.by.slice(1).map(() => ""),
    ...t.colTotals,
    t.total,
    t.errorTotal,
    t.blankTotal,
    ...t.colTotals.map((c) => (t.total ? c / t.total : 0)),
  ];
  const all = [head, ...body, totalRow];
  const W = head.length;
  b.block(HEAD, 0, all);
  b.style(area(HEAD, 0, 1, W), { bold: true, fill: "#DDEBF7", wrap: true, hAlign: "center", vAlign: "center" });
  b.style(area(HEAD, 0, all.length, W), { border: "grid" });
  b.style(area(HEAD + all.length - 1, 0, 1, W), { bold: true });
  b.style(area(HEAD + 1, B + V + 3, all.length - 1, V), { numberFormat: "0.0%" });
  t.values.forEach((v, k) => {
    const fill = o.colors?.[v];
    if (fill) {
      b.style(area(HEAD, B + k), { fill });
      b.style(area(HEAD, B + V + 3 + k), { fill });
    }
  });
  b.columns(head.map((h, c) => ({ width: c < B ? 14 : Math.max(8, Math.min(14, String(h).length + 2)) })));
  b.rowHeight(HEAD, 32);
  b.freeze(HEAD + 1, B);
  b.select(HEAD + 1, B);
  if (t.groups.length && V)
    b.chart({
      kind: "column",
      source: area(HEAD, B - 1, t.groups.length + 1, V + 1),
      seriesBy: "columns",
      title: say("chart", lang, { value: o.valueHeader, by, period }),
      legend: true,
      at: area(HEAD + all.length + 2, 0, 16, Math.max(8, W)),
    });
  print(b, HEAD + all.length + (t.groups.length && V ? 18 : 0), Math.max(W, 8), title); // the chart below the table too
  return b.done();
}

function changeSheet(pt: PeriodTables, o: CrossTabReportOptions, used: Set<string>): SheetLayout {
  const { lang } = o;
  const by = o.by.join(" × ");
  const B = o.by.length;
  const P = pt.periods.length;
  const b = new SheetBuilder(uniqueSheetName(say("changeSheet", lang), used));
  const from = pt.periods[P - 2];
  const to = pt.periods[P - 1];
  const title = say("changeTitle", lang, {
    value: o.valueHeader,
    by,
    periods: pt.periods.join(lang === "zh-CN" ? "、" : ", "),
    from,
    to,
  });
  b.put(0, 0, title);
  b.style(area(0, 0), { bold: true, size: 14 });
  const blocks = [...pt.values, say("total", lang)];
  const sub = [...pt.periods, say("change", lang)];
  const top: CellValue[] = [...o.by.map(() => ""), ...blocks.flatMap((v) => [v, ...sub.slice(1).map(() => "")])];
  const head: CellValue[] = [...o.by, ...blocks.flatMap(() => sub)];
  const row = (g: number): CellValue[] => [
    ...groupCells(pt.groups[g], lang),
    ...pt.values.flatMap((_, v) => [...pt.tables.map((t) => t.counts[g][v]), pt.change[g][v]]),
    ...pt.tables.map((t) => t.rowTotals[g]),
    pt.changeTotals[g],
  ];
  const body = pt.groups.map((_, g) => row(g));
  const last = pt.tables[P - 1];
  const prev = pt.tables[P - 2];
  const totalRow: CellValue[] = [
    say("total", lang),
    ...o.by.slice(1).map(() => ""),
    ...pt.values.flatMap((_, v) => [...pt.tables.map((t) => t.colTotals[v]), last.colTotals[v] - prev.colTotals[v]]),
    ...pt.tables.map((t) => t.total),
    last.total - prev.total,
  ];
  const all = [top, head, ...body, totalRow];
  const W = head.length;
  b.block(HEAD - 1, 0, all);
  blocks.forEach((v, k) => {
    const c = B + k * sub.length;
    b.merge(area(HEAD - 1, c, 1, sub.length));
    const fill = o.colors?.[v];
    if (fill) b.style(area(HEAD - 1, c, 1, sub.length), { fill });
    b.style(area(HEAD - 1 + 2, c + sub.length - 1, all.length - 2, 1), { bold: true, numberFormat: "+0;-0;0" });
  });
  b.style(area(HEAD - 1, 0, 2, W), { bold: true, hAlign: "center" });
  b.style(area(HEAD - 1, 0, all.length, W), { border: "grid" });
  b.style(area(HEAD - 1 + all.length - 1, 0, 1, W), { bold: true });
  b.columns(head.map((_, c) => ({ width: c < B ? 14 : 8 })));
  b.freeze(HEAD + 1, B);

  // below: the counts of each group and value, one column per period, and their clustered chart
  // (one series per period, as the source sets 09年 beside 10年)
  const chartTop = HEAD - 1 + all.length + 2;
  const sep = lang === "zh-CN" ? "·" : " · ";
  const pairs: CellValue[][] = [
    [`${by}${sep}${o.valueHeader}`, ...pt.periods],
    ...pt.groups.flatMap((g, gi) =>
      pt.values.map((v, vi) => [`${groupCells(g, lang).join(" / ")}${sep}${v}`, ...pt.tables.map((t) => t.counts[gi][vi])]),
    ),
  ];
  b.block(chartTop, 0, pairs);
  b.style(area(chartTop, 0, 1, P + 1), { bold: true, fill: "#DDEBF7" });
  b.style(area(chartTop, 0, pairs.length, P + 1), { border: "grid" });
  const chartRows = 18;
  if (pairs.length > 1)
    b.chart({
      kind: "column",
      source: area(chartTop, 0, pairs.length, P + 1),
      seriesBy: "columns",
      title: say("chartPeriods", lang, { value: o.valueHeader, by, periods: pt.periods.join(lang === "zh-CN" ? "、" : ", ") }),
      legend: true,
      at: area(chartTop + pairs.length + 1, 0, chartRows, Math.max(8, W)),
    });
  print(b, chartTop + pairs.length + 1 + (pairs.length > 1 ? chartRows : 0), W, title);
  return b.done();
}

/** The report's sheets: one per period, then "Change" when there are two periods or more. */
export function crossTabReport(pt: PeriodTables, o: CrossTabReportOptions): SheetLayout[] {
  const used = new Set<string>();
  const sheets = pt.tables.map((t, p) => periodSheet(t, pt.periods[p], o, used));
  if (pt.periods.length >= 2) sheets.push(changeSheet(pt, o, used));
  return sheets;
}

/**
 * The long-form records: header `period, <by…>, grade, count, share`, then per period and group
 * each value's count and its share of the group's total (percent, 4 decimals), the group's total,
 * bad-input and blank rows (share empty); then the column totals (group cells = the total word).
 */
export function crossTabRecords(pt: PeriodTables, o: { by: readonly string[]; lang: Lang }): string[][] {
  const { lang } = o;
  const num = (x: number) => String(Math.round(x * 1e4) / 1e4);
  const out: string[][] = [["period", ...o.by, "grade", "count", "share"]];
  const tot = say("total", lang);
  pt.tables.forEach((t, p) => {
    const period = pt.periods[p];
    t.groups.forEach((g, i) => {
      t.values.forEach((v, k) => out.push([period, ...g, v, String(t.counts[i][k]), num(t.rowShares[i][k])]));
      out.push([period, ...g, tot, String(t.rowTotals[i]), ""]);
      out.push([period, ...g, say("bad", lang), String(t.errors[i]), ""]);
      out.push([period, ...g, say("blank", lang), String(t.blanks[i]), ""]);
    });
    const totals = o.by.map(() => tot);
    t.values.forEach((v, k) =>
      out.push([period, ...totals, v, String(t.colTotals[k]), num(t.total ? (t.colTotals[k] / t.total) * 100 : 0)]),
    );
    out.push([period, ...totals, tot, String(t.total), ""]);
  });
  return out;
}
