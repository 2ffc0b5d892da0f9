/**
 * `drawSheet(context, layout, options)`: writes a sheet layout (the engine's sheet model) to a
 * worksheet through Office.js. Values first, then formats, in as few round trips as the payload
 * allows:
 *
 *   batch 1..n  the worksheet (`options.sheet()`), widths, heights, number formats, then the
 *               values and formulas, cut to the 4 MB / 20,000-row budget; the last of these
 *               batches also carries merges, styles, data validation, conditional formats (one
 *               per rule and area), frozen panes, fitted columns, charts, activation, selection;
 *   batch n+1   the print setup (ExcelApi 1.9), only when the layout has one.
 *
 * A small layout is therefore one sync (two with a print setup). Where Excel lacks the page
 * layout API or refuses a setting, the sheet stays drawn and `printSetup` is false.
 */
import type { SheetLayout } from "../../engine";
import { WriteBatches } from "./batches";
import { writeFormulas, writeValues } from "./cells";
import { drawMergesAndStyles, drawSizesAndNumberFormats } from "./formats";
import { drawCharts, drawFittedColumns, drawFreeze, drawPrintSetup } from "./page";
import { drawConditionalFormats, drawValidations } from "./rules";

export interface DrawOptions {
  /**
   * Queues the worksheet to draw on, in the first batch: e.g. `worksheets.add(name)`, or delete
   * an earlier sheet and add the new one at its position.
   */
  sheet: () => Excel.Worksheet;
  /** Activate the sheet (and select `layout.select`). @default true */
  activate?: boolean;
}

export interface DrawResult {
  worksheet: Excel.Worksheet;
  /** The layout's charts, in order, with their `name` loaded. */
  charts: Excel.Chart[];
  /** False when the layout's print setup could not be applied (no print setup: true). */
  printSetup: boolean;
}

/**
 * A `sheet` for `drawSheet` that replaces a sheet: deletes `old` (loaded with `position`, or a
 * null object) and adds the sheet `name` at its position (at the end when there was none).
 */
export function replacingSheet(workbook: Excel.Workbook, old: Excel.Worksheet, name: string): () => Excel.Worksheet {
  return () => {
    if (!old.isNullObject) old.delete();
    const ws = workbook.worksheets.add(name);
    if (!old.isNullObject) ws.position = old.position;
    return ws;
  };
}

export async function drawSheet(context: Excel.RequestContext, layout: SheetLayout, options: DrawOptions): Promise<DrawResult> {
  const batches = new WriteBatches(context);
  const ws = options.sheet();
  await batches.room(drawSizesAndNumberFormats(ws, layout), 0);
  await writeValues(ws, layout, batches);
  await writeFormulas(ws, layout, batches);

  drawMergesAndStyles(ws, layout);
  drawValidations(ws, layout);
  drawConditionalFormats(ws, layout);
  drawFreeze(ws, layout);
  drawFittedColumns(ws, layout);
  const charts = drawCharts(ws, layout);
  if (options.activate ?? true) {
    ws.activate();
    if (layout.select) ws.getRangeByIndexes(layout.select.row, layout.select.col, 1, 1).select();
  }
  await context.sync();

  let printSetup = true;
  if (layout.print) {
    try {
      drawPrintSetup(ws, layout.print);
      await context.sync();
    } catch {
      // The sheet is in place and usable; only its print setup is missing (ApiNotFound before
      // ExcelApi 1.9, or a setting this Excel refuses). The caller says so.
      printSetup = false;
    }
  }
  return { worksheet: ws, charts, printSetup };
}
