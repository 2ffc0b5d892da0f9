/**
 * Comparing two saved periods: the history's rows of both (`history-table.ts`) compared by the
 * engine (`comparePeriods`), laid out by the engine (`reviewSheet`) and drawn here as the review
 * sheet ("GradeKit Review" / "分级变动").
 */
import { isBlank, type Lang } from "../../engine";
import { comparePeriods, keyText, reviewSheet, type ReviewSheet } from "../../engine/review";
import { getBuiltinTemplate } from "../../templates";
import { chunkRows, MAX_BLOCK_ROWS, PAYLOAD_BUDGET_BYTES } from "../batching";
import { guardCell } from "../cell-text";
import type { ComparePeriodsOptions, ComparePeriodsResult } from "../contract";
import type { ExcelApi } from "../excel-api";
import { dataTop } from "../table/columns";
import { ReviewError, type HistoryRole } from "./catalogue";
import { isSuperseded, readHistory } from "./history-table";

/** Writes a review sheet (cells, then formats) into a fresh sheet at `position`. */
async function writeSheet(context: Excel.RequestContext, layout: ReviewSheet, old: Excel.Worksheet): Promise<void> {
  const wb = context.workbook;
  const app = wb.application;
  const rowsOut = layout.cells.map((r) => r.map(guardCell));
  let ws: Excel.Worksheet | null = null;
  for (const chunk of chunkRows(rowsOut.length, (i) => rowsOut[i], { maxRows: MAX_BLOCK_ROWS, budget: PAYLOAD_BUDGET_BYTES })) {
    app.suspendApiCalculationUntilNextSync();
    app.suspendScreenUpdatingUntilNextSync();
    if (!ws) {
      if (!old.isNullObject) old.delete();
      ws = wb.worksheets.add(layout.name);
      if (!old.isNullObject) ws.position = old.position;
    }
    ws.getRangeByIndexes(chunk.start, 0, chunk.rows.length, layout.width).values = chunk.rows;
    await context.sync();
  }
  // formats: a constant number of operations per matrix row, none per list row
  const sheet = ws!;
  app.suspendApiCalculationUntilNextSync();
  app.suspendScreenUpdatingUntilNextSync();
  sheet.getRange("A1").format.font.size = 14;
  for (const r of layout.bold) sheet.getRangeByIndexes(r, 0, 1, layout.width).format.font.bold = true;
  for (const f of layout.fills) sheet.getRangeByIndexes(f.row, f.col, f.rows, f.cols).format.fill.color = f.color;
  for (const p of layout.percent) sheet.getRangeByIndexes(p.row, p.col, p.rows, p.cols).numberFormat = Array.from({ length: p.rows }, () => new Array(p.cols).fill("0.0%"));
  sheet.getRangeByIndexes(layout.matrix.row, 0, layout.cells.length - layout.matrix.row, layout.width).format.autofitColumns();
  sheet.activate();
  await context.sync();
}

/**
 * Compares two saved periods and writes the review sheet ("GradeKit Review" / "分级变动"),
 * replacing an earlier one of the same language at its position. Syncs: 2 + one per read block +
 * one per written block + 1 (formats).
 */
export async function comparePeriodsSheet(excel: ExcelApi, options: ComparePeriodsOptions): Promise<ComparePeriodsResult> {
  const lang: Lang = options.lang ?? "en";
  return excel.run(async (context) => {
    const { loc, columns } = await readHistory(context, options.onProgress);
    const c = loc.cols;
    const per = columns.get(c.period)!;
    const st = columns.get(c.status)!;
    const top = dataTop(loc.info);
    const pick = (label: string) => {
      const idx: number[] = [];
      for (let i = 0; i < loc.info.rowCount; i++) if (keyText(per[i]) === label && !isSuperseded(st[i])) idx.push(i);
      if (idx.length === 0) throw new ReviewError("periodMissing", label);
      return idx;
    };
    const a = pick(options.previous);
    const b = pick(options.current);
    const col = (role: HistoryRole, idx: number[]) => idx.map((i) => columns.get(c[role])![i]);
    const templateIds = [...new Set([...col("template", a), ...col("template", b)].map(keyText).filter((x) => x))];
    const template = options.template ?? (templateIds.length === 1 ? getBuiltinTemplate(templateIds[0]) : undefined);
    const hasMeasure = [...col("measure", a), ...col("measure", b)].some((v) => !isBlank(v));
    const side = (idx: number[]) => ({
      keys: col("key", idx),
      grades: col("grade", idx),
      measure: hasMeasure ? col("measure", idx) : undefined,
      rows: idx.map((i) => top + i + 1),
    });
    const comparison = comparePeriods(side(a), side(b), { template });
    const layout = reviewSheet(comparison, {
      lang,
      previous: options.previous,
      current: options.current,
      template,
      measureName: options.measureName,
    });
    const old = context.workbook.worksheets.getItemOrNullObject(layout.name);
    old.load("position");
    await context.sync();
    await writeSheet(context, layout, old);
    return { sheet: layout.name, comparison, templateIds, order: template ? "template" : "firstAppearance" };
  });
}
