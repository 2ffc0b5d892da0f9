/**
 * The tobacco month-end supply review in the workbook (templates.md "Month-end supply review"):
 * one sheet per month (oldest first), each a table with a header row (the key column, 购进量,
 * 守法等级, and optionally 供量档位, 受到行政处罚, 升档申请), read by the engine's `supplyMonthOf`,
 * reviewed by `reviewSupply`, laid out by `reports/supply-review.ts` (the same sheet the CLI
 * writes) and drawn here as "Supply review" / 供量档位复核, replacing an earlier one of the same
 * language.
 */
import { tr, type Lang } from "../../engine";
import { reviewSupply, supplyMonthOf, supplyParams, type SupplyMonth, type SupplyParams } from "../../engine/analysis";
import { supplyCounts, supplyReviewLayout } from "../../reports/supply-review";
import type { SupplyReviewOptions, SupplyReviewResult, TableInfo } from "../contract";
import { drawSheet, replacingSheet } from "../draw";
import type { ExcelApi } from "../excel-api";
import { readColumns } from "../table/columns";
import { ReviewError } from "./catalogue";

/** Estimated bytes per cell read (numbers and short texts). */
const BYTES_PER_CELL = 24;

/**
 * Reviews the month sheets and writes the review sheet. Syncs: 1 (the sheets' used ranges) + one
 * per read block of each month + the drawing's.
 */
export async function supplyReviewSheet(excel: ExcelApi, options: SupplyReviewOptions): Promise<SupplyReviewResult> {
  const lang: Lang = options.lang ?? "en";
  if (options.months.length === 0) throw new ReviewError("noMonths");
  const params: SupplyParams = supplyParams(options.params ?? {});
  const p: SupplyParams = options.holidayNext ? { ...params, holidays: [...params.holidays, options.months.length + 1] } : params;
  const names = options.months.map((m) => m.name?.trim() || m.sheet);
  return excel.run(async (context) => {
    const wb = context.workbook;
    const used = options.months.map((m) => {
      const ws = wb.worksheets.getItemOrNullObject(m.sheet);
      const range = ws.getUsedRangeOrNullObject(true);
      range.load("rowIndex,columnIndex,rowCount,columnCount");
      return { ws, range };
    });
    await context.sync();
    const months: SupplyMonth[] = [];
    for (let m = 0; m < options.months.length; m++) {
      const { ws, range } = used[m];
      if (ws.isNullObject) throw new ReviewError("monthSheetMissing", options.months[m].sheet);
      let rows: unknown[][] = [];
      if (!range.isNullObject) {
        const info: TableInfo = {
          sheet: options.months[m].sheet,
          address: "",
          rowIndex: range.rowIndex,
          columnIndex: range.columnIndex,
          hasHeader: false,
          headers: [],
          rowCount: range.rowCount,
          columnCount: range.columnCount,
        };
        const all = Array.from({ length: info.columnCount }, (_, c) => c);
        const { columns } = await readColumns(context, info, all, BYTES_PER_CELL * info.columnCount);
        rows = Array.from({ length: info.rowCount }, (_, i) => all.map((c) => columns.get(c)![i]));
      }
      const read = supplyMonthOf(rows, names[m], options.key, range.isNullObject ? 0 : range.rowIndex);
      if (!read.ok) throw new ReviewError("monthColumn", `${options.months[m].sheet}: '${read.column}' (${read.headers})`);
      months.push(read.month);
    }
    const review = reviewSupply(months, p);
    const layout = supplyReviewLayout(review.last, { lang, months: names, params: p });
    const old = wb.worksheets.getItemOrNullObject(layout.sheetName);
    old.load("position");
    await context.sync();
    const { charts } = await drawSheet(context, layout, { sheet: replacingSheet(wb, old, layout.sheetName), activate: true });
    return {
      sheet: layout.sheetName,
      month: names[names.length - 1],
      results: review.last.map((r) => ({
        key: r.key,
        status: r.status,
        oldTier: r.oldTier,
        newTier: r.newTier,
        change: r.change,
        ceiling: r.ceiling,
        reason: tr(r.reason, lang),
      })),
      counts: supplyCounts(review.last),
      blankKeys: review.blankKeys,
      chart: charts[0]?.name ?? "",
    };
  });
}
