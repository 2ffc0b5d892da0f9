/**
 * writeSummary(): a "GradeKit Summary" sheet (zh: 分级汇总) with, per grade, the number of rows,
 * their share, the sum of a measure column and its share ("VIP are 5% of customers and 40% of
 * revenue"), an optional group × grade cross-tab (region × grade in the auto-dealer source) and a
 * native column chart of the distribution.
 *
 * Shares are of the rows with data (graded + bad input; "no data" rows are listed but not part
 * of the shares), so the grade rows and the "not graded" row add up to 100%. Measure cells that
 * are not numbers (engine `parseNumber`: `1,200`, `10万` are numbers) count as 0.
 *
 * Re-running deletes and recreates only the summary sheet of the same language, at the same
 * position. One `Excel.run`; syncs: 1 (locate) + 1 (probe) + one per read block + 1 (write).
 */
import { compileTemplate, gradeTable, isBlank, parseNumber, type GradeInfo, type GradeResult, type Lang } from "../engine";
import { cellA1, columnLetters } from "./address";
import { gradeInfoText } from "./apply";
import { AdapterError } from "./errors";
import type { AdapterState } from "./state";
import { checkMapping, detectTable, locate, readColumns } from "./table";
import { textCell, WORDS } from "./text";
import type { SummaryOptions, SummaryResult, TableInfo } from "./types";
import type { ExcelApi } from "./run";

/** Most groups shown in the cross-tab; the smallest of the rest are folded into one row. */
export const MAX_GROUPS = 500;

export interface CrossTab {
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

export interface SummaryData {
  rows: SummaryResult["rows"];
  /** Rows with data: graded + bad input. */
  total: number;
  errors: number;
  empty: number;
  errorsMeasure?: number;
  measureTotal?: number;
  crossTab?: CrossTab;
}

function measureOf(v: unknown): number {
  if (isBlank(v)) return 0;
  const p = parseNumber(v);
  return p.ok ? p.value : 0;
}

/** The numbers of the summary, from a grading result and optional measure / group columns. */
export function summarize(
  result: GradeResult,
  lang: Lang,
  measure?: { values: readonly unknown[] },
  group?: { header: string; values: readonly unknown[] },
): SummaryData {
  const grades: readonly GradeInfo[] = result.compiled.grades;
  const G = grades.length;
  const count = new Array(G).fill(0);
  const sum = new Array(G).fill(0);
  let errors = 0;
  let empty = 0;
  let errorsMeasure = 0;
  for (let i = 0; i < result.n; i++) {
    const g = result.gradeIndex[i];
    if (g >= 0) {
      count[g]++;
      if (measure) sum[g] += measureOf(measure.values[i]);
    } else if (result.status(i) === "empty") empty++;
    else {
      errors++;
      if (measure) errorsMeasure += measureOf(measure.values[i]);
    }
  }
  const total = count.reduce((a, b) => a + b, 0) + errors;
  const measureTotal = measure ? sum.reduce((a, b) => a + b, 0) + errorsMeasure : undefined;
  const share = (x: number, of: number) => (of === 0 ? 0 : x / of);
  const rows: SummaryResult["rows"] = grades.map((g, k) => {
    const row: SummaryResult["rows"][number] = { grade: g.id, label: gradeInfoText(g, lang), count: count[k], share: share(count[k], total) };
    if (measure) {
      row.measure = sum[k];
      row.measureShare = share(sum[k], measureTotal!);
    }
    return row;
  });
  const data: SummaryData = { rows, total, errors, empty };
  if (measure) {
    data.errorsMeasure = errorsMeasure;
    data.measureTotal = measureTotal;
  }
  if (group) data.crossTab = crossTab(result, lang, group);
  return data;
}

function crossTab(result: GradeResult, lang: Lang, group: { header: string; values: readonly unknown[] }): CrossTab {
  const w = WORDS[lang];
  const G = result.compiled.grades.length;
  const index = new Map<string, number>();
  const names: string[] = [];
  const counts: number[][] = [];
  const errors: number[] = [];
  for (let i = 0; i < result.n; i++) {
    const st = result.status(i);
    if (st === "empty") continue;
    const v = group.values[i];
    const name = isBlank(v) ? w.blankGroup : String(v).trim();
    let gi = index.get(name);
    if (gi === undefined) {
      gi = names.length;
      index.set(name, gi);
      names.push(name);
      counts.push(new Array(G).fill(0));
      errors.push(0);
    }
    const g = result.gradeIndex[i];
    if (g >= 0) counts[gi][g]++;
    else errors[gi]++;
  }
  let order = names.map((_, i) => i);
  const totalOf = (i: number) => counts[i].reduce((a, b) => a + b, 0) + errors[i];
  if (names.length > MAX_GROUPS) {
    const keep = new Set([...order].sort((a, b) => totalOf(b) - totalOf(a) || a - b).slice(0, MAX_GROUPS - 1));
    const rest = order.filter((i) => !keep.has(i));
    order = order.filter((i) => keep.has(i));
    const other = new Array(G).fill(0);
    let otherErr = 0;
    for (const i of rest) {
      counts[i].forEach((c, k) => (other[k] += c));
      otherErr += errors[i];
    }
    names.push(w.otherGroups(rest.length));
    counts.push(other);
    errors.push(otherErr);
    order.push(names.length - 1);
  }
  return {
    groupHeader: group.header,
    groups: order.map((i) => names[i]),
    grades: result.compiled.grades.map((g) => gradeInfoText(g, lang)),
    counts: order.map((i) => counts[i]),
    errors: order.map((i) => errors[i]),
    totals: order.map(totalOf),
  };
}

type Cell = string | number;

/** Pads rows to the same width with "". */
function rect(rows: Cell[][]): Cell[][] {
  const w = Math.max(...rows.map((r) => r.length));
  return rows.map((r) => (r.length < w ? [...r, ...new Array(w - r.length).fill("")] : r));
}

const guard = (v: Cell): Cell => (typeof v === "string" ? textCell(v) : v);

export async function writeSummary(excel: ExcelApi, state: AdapterState, options: SummaryOptions): Promise<SummaryResult> {
  const lang: Lang = options.lang ?? "en";
  const w = WORDS[lang];
  const compiled = compileTemplate(options.template);
  return excel.run(async (context) => {
    const wb = context.workbook;
    let old = wb.worksheets.getItemOrNullObject(w.summarySheet);
    let loc = await locate(context, options.table, () => old.load("position"), options.template);
    if (!options.table && (loc.sheet === WORDS.en.summarySheet || loc.sheet === WORDS["zh-CN"].summarySheet)) {
      // The selection is on a summary sheet: use the table the last apply/read worked on.
      const last: TableInfo | undefined = state.get(loc.workbook).lastTable;
      if (!last) throw new AdapterError("noTable");
      old = wb.worksheets.getItemOrNullObject(w.summarySheet);
      loc = await locate(context, last, () => old.load("position"));
    }
    const { table, bytesPerRow } = await detectTable(context, loc, options.template);
    if (table.rowCount === 0) throw new AdapterError("noRows");
    checkMapping(table, options.mapping);
    const extra: Record<string, number> = {};
    if (options.measureColumn !== undefined) extra.measure = options.measureColumn;
    if (options.groupColumn !== undefined) extra.group = options.groupColumn;
    checkMapping(table, extra);
    const fields = Object.keys(options.mapping);
    const wanted = [...fields.map((f) => options.mapping[f]), ...Object.values(extra)];
    const { columns } = await readColumns(context, table, wanted, bytesPerRow);
    const cols: Record<string, unknown[]> = {};
    for (const f of fields) cols[f] = columns.get(options.mapping[f])!;
    const result = gradeTable(compiled, { columns: cols, rowCount: table.rowCount }, { params: options.params });
    const headerOf = (c: number) => table.headers[c] || columnLetters(table.columnIndex + c);
    const data = summarize(
      result,
      lang,
      options.measureColumn !== undefined ? { values: columns.get(options.measureColumn)! } : undefined,
      options.groupColumn !== undefined ? { header: headerOf(options.groupColumn), values: columns.get(options.groupColumn)! } : undefined,
    );

    // ---- layout
    const hasMeasure = options.measureColumn !== undefined;
    const mName = hasMeasure ? headerOf(options.measureColumn!) : "";
    const G = data.rows.length;
    const head: Cell[] = [w.grade, w.count, w.share, ...(hasMeasure ? [w.sumOf(mName), w.shareOf(mName)] : [])];
    const body: Cell[][] = data.rows.map((r) => [r.label, r.count, r.share, ...(hasMeasure ? [r.measure!, r.measureShare!] : [])]);
    const share = (x: number, of: number) => (of === 0 ? 0 : x / of);
    body.push([w.notGraded, data.errors, share(data.errors, data.total), ...(hasMeasure ? [data.errorsMeasure!, share(data.errorsMeasure!, data.measureTotal!)] : [])]);
    body.push([w.noData, data.empty, "", ...(hasMeasure ? ["", ""] : [])]);
    body.push([w.total, data.total, data.total ? 1 : 0, ...(hasMeasure ? [data.measureTotal!, data.measureTotal ? 1 : 0] : [])]);
    const HEAD_ROW = 3; // 0-based row of the table header
    const templateName = lang === "zh-CN" ? options.template.name.zh || options.template.name.en : options.template.name.en;

    // ---- write: values, then formats, then the chart (one sync)
    const app = wb.application;
    app.suspendApiCalculationUntilNextSync();
    app.suspendScreenUpdatingUntilNextSync();
    // eslint-disable-next-line office-addins/call-sync-before-read -- `old` was loaded and synced by locate() above
    if (!old.isNullObject) old.delete();
    const ws = wb.worksheets.add(w.summarySheet);
    // eslint-disable-next-line office-addins/call-sync-after-load, office-addins/call-sync-before-read -- `old` was loaded and synced by locate() above
    if (!old.isNullObject) ws.position = old.position;
    ws.getRange("A1:A2").values = [[guard(w.summaryTitle(templateName))], [guard(w.summarySource(table.address, table.rowCount))]];
    const main = rect([head, ...body]).map((r) => r.map(guard));
    const mainRange = ws.getRangeByIndexes(HEAD_ROW, 0, main.length, main[0].length);
    mainRange.values = main;
    let ctRange: Excel.Range | null = null;
    let ctTop = -1;
    const ct = data.crossTab;
    if (ct) {
      ctTop = HEAD_ROW + main.length + 2;
      const rows: Cell[][] = [
        [w.crossTabTitle(ct.groupHeader)],
        [ct.groupHeader, ...ct.grades, w.notGraded, w.total],
        ...ct.groups.map((g, i) => [g, ...ct.counts[i], ct.errors[i], ct.totals[i]]),
        [w.total, ...ct.grades.map((_, k) => ct.counts.reduce((a, r) => a + r[k], 0)), ct.errors.reduce((a, b) => a + b, 0), ct.totals.reduce((a, b) => a + b, 0)],
      ];
      const grid = rect(rows).map((r) => r.map(guard));
      ctRange = ws.getRangeByIndexes(ctTop, 0, grid.length, grid[0].length);
      ctRange.values = grid;
    }
    // formats
    ws.getRange("A1").format.font.bold = true;
    ws.getRange("A1").format.font.size = 14;
    mainRange.getRow(0).format.font.bold = true;
    mainRange.getLastRow().format.font.bold = true;
    const pct = (col: number) => {
      const r = ws.getRangeByIndexes(HEAD_ROW + 1, col, body.length, 1);
      r.numberFormat = body.map(() => ["0.0%"]);
    };
    pct(2);
    if (hasMeasure) {
      ws.getRangeByIndexes(HEAD_ROW + 1, 3, body.length, 1).numberFormat = body.map(() => ["#,##0.00"]);
      pct(4);
    }
    if (ctRange) {
      ctRange.getRow(0).format.font.bold = true;
      ctRange.getRow(1).format.font.bold = true;
      ctRange.getLastRow().format.font.bold = true;
    }
    const width = Math.max(main[0].length, ct ? ct.grades.length + 3 : 0);
    const bottom = ctRange ? ctTop + ct!.groups.length + 3 : HEAD_ROW + main.length;
    ws.getRangeByIndexes(HEAD_ROW, 0, bottom - HEAD_ROW, width).format.autofitColumns(); // not the title rows
    // chart: grade labels and counts
    const chartSource = ws.getRangeByIndexes(HEAD_ROW, 0, G + 1, 2);
    const chart = ws.charts.add("ColumnClustered", chartSource, "Columns");
    chart.title.text = w.chartTitle;
    chart.legend.visible = false;
    const chartCol = width + 1;
    chart.setPosition(cellA1(HEAD_ROW, chartCol), cellA1(HEAD_ROW + 16, chartCol + 7));
    chart.load("name");
    ws.activate();
    await context.sync();

    const out: SummaryResult = {
      sheet: w.summarySheet,
      rows: data.rows,
      total: data.total,
      errors: data.errors,
      empty: data.empty,
      chart: chart.name,
    };
    if (hasMeasure) out.measureTotal = data.measureTotal;
    if (ct) out.crossTab = { groupHeader: ct.groupHeader, groups: ct.groups, grades: ct.grades, counts: ct.counts, errors: ct.errors };
    return out;
  });
}
