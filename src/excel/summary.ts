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
 * A summary of a period (`options.period`) has its own sheet (`GradeKit Summary 2026-11`), so the
 * summaries of earlier periods stay; replacing one of the same period is asked first
 * (`needsConfirmation`). Without a period, re-running deletes and recreates only the working
 * summary sheet of the same language, at the same position. One `Excel.run`; syncs: 1 (locate) + 1 (probe) + one per read block + 1 (write).
 */
import { compileTemplate, isBlank, parseNumber, type GradeInfo, type GradeResult, type Lang } from "../engine";
import { isSummarySheet, summaryLayout, summarySheetName, type SummaryCrossTab, type SummaryNumbers } from "../reports/summary";
import { columnLetters } from "./address";
import { gradeInfoText } from "./apply/output-columns";
import type { AdapterState } from "./apply/state";
import type { SummaryOptions, SummaryResult, TableInfo } from "./contract";
import { AdapterError } from "./errors";
import { drawSheet, replacingSheet } from "./draw";
import type { ExcelApi } from "./excel-api";
import { gradeSelection } from "./table/pipeline";
import { WORDS } from "./words";

/** Most groups shown in the cross-tab; the smallest of the rest are folded into one row. */
export const MAX_GROUPS = 500;

export type CrossTab = SummaryCrossTab;

/** The summary's numbers, with the grade ids of the rows (the contract's result rows). */
export interface SummaryData extends SummaryNumbers {
  rows: SummaryResult["rows"];
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

export async function writeSummary(excel: ExcelApi, state: AdapterState, options: SummaryOptions): Promise<SummaryResult> {
  const lang: Lang = options.lang ?? "en";
  const compiled = compileTemplate(options.template);
  return excel.run(async (context) => {
    const wb = context.workbook;
    const sheetName = summarySheetName(lang, options.period);
    const periodSheet = sheetName !== summarySheetName(lang);
    let old = wb.worksheets.getItemOrNullObject(sheetName);
    const onSummarySheet = isSummarySheet;
    const sel = await gradeSelection(context, {
      template: options.template,
      compiled,
      table: options.table,
      mapping: options.mapping,
      extra: { measure: options.measureColumn, group: options.groupColumn },
      params: options.params,
      dates: options.dates,
      alsoLoad: () => old.load("position"),
      // The selection is on a summary sheet: use the table the last apply/read worked on.
      redirect: (loc) => {
        if (!onSummarySheet(loc.sheet)) return undefined;
        const last: TableInfo | undefined = state.get(loc.workbook).lastTable;
        if (!last) throw new AdapterError("noTable");
        return {
          table: last,
          alsoLoad: () => {
            old = wb.worksheets.getItemOrNullObject(sheetName);
            old.load("position");
          },
        };
      },
    });
    const { table, columns } = sel;
    // A summary of a period is kept: replacing one of the same period needs the user's yes.
    // eslint-disable-next-line office-addins/call-sync-before-read -- `old` is loaded by alsoLoad and synced inside gradeSelection (locate)
    if (periodSheet && !old.isNullObject && !options.confirmReplace) return { status: "needsConfirmation", sheet: sheetName, rows: [] };
    const result = sel.grade();
    const headerOf = (c: number) => table.headers[c] || columnLetters(table.columnIndex + c);
    const data = summarize(
      result,
      lang,
      options.measureColumn !== undefined ? { values: columns.get(options.measureColumn)! } : undefined,
      options.groupColumn !== undefined ? { header: headerOf(options.groupColumn), values: columns.get(options.groupColumn)! } : undefined,
    );

    const hasMeasure = options.measureColumn !== undefined;
    const templateName = lang === "zh-CN" ? options.template.name.zh || options.template.name.en : options.template.name.en;
    const layout = summaryLayout(data, {
      lang,
      templateName,
      source: { address: table.address, rows: table.rowCount },
      measureName: hasMeasure ? headerOf(options.measureColumn!) : undefined,
      period: options.period,
    });
    // eslint-disable-next-line office-addins/call-sync-before-read -- `old` is loaded by alsoLoad and synced inside gradeSelection (locate)
    const created = old.isNullObject;
    const { charts } = await drawSheet(context, layout, { sheet: replacingSheet(wb, old, layout.sheetName) });
    // a summary sheet this summary created goes with the newest apply's undo (one it replaced,
    // e.g. an earlier summary of the same period, is not deleted by undo)
    const stack = state.get(sel.loc.workbook).undo;
    const last = stack[stack.length - 1];
    if (created && last && last.sheet === table.sheet && !last.createdSheets.includes(layout.sheetName)) last.createdSheets.push(layout.sheetName);

    const out: SummaryResult = {
      status: "written",
      sheet: layout.sheetName,
      rows: data.rows,
      total: data.total,
      errors: data.errors,
      empty: data.empty,
      chart: charts[0]?.name ?? "",
    };
    if (hasMeasure) out.measureTotal = data.measureTotal;
    const ct = data.crossTab;
    if (ct) out.crossTab = { groupHeader: ct.groupHeader, groups: ct.groups, grades: ct.grades, counts: ct.counts, errors: ct.errors };
    return out;
  });
}
