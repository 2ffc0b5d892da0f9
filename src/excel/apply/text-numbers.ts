/**
 * Number text under "write grades as formulas": the cells of the table the engine reads as
 * numbers and the compiled formulas cannot (`1,200`, `10万`; the engine's `textNumberCells`),
 * with their sheet addresses — named by the task pane before anything is written — and, when the
 * person accepts, written as the engine's numbers in the same undo entry as the formulas.
 *
 * Each run of consecutive rows of one column is one range: its number formats are captured (a
 * Text-formatted cell (`@`) is set to General for the number and gets `@` back on undo), the text
 * is put back through `Range.formulas` with the text guard (`'1,200`) so Excel keeps it as text.
 */
import { textNumberCells, type Template } from "../../engine";
import { sheetAddress } from "../address";
import { textCell } from "../cell-text";
import type { TableInfo } from "../contract";
import type { NumberRun } from "./state";

/** One number-text cell of a table, where it is in the sheet. */
export interface TextNumberAt {
  field: string;
  /** Zero-based data row of the table. */
  row: number;
  /** `Sheet1!B3` */
  address: string;
  text: string;
  /** The number the engine reads (and that is written on request). */
  value: number;
}

/**
 * The number-text cells of the mapped number columns, by sheet address, in field order then
 * row order. `columnOf(c)` gives the data values of column `c` within the table (from the rows
 * `readSelection` returned, or the columns apply read); `mapping` maps field keys to such columns.
 */
export function textNumbersIn(
  template: Template,
  table: Pick<TableInfo, "sheet" | "rowIndex" | "columnIndex" | "hasHeader">,
  columnOf: (c: number) => readonly unknown[] | undefined,
  mapping: Readonly<Record<string, number>>,
): TextNumberAt[] {
  const columns: Record<string, readonly unknown[] | undefined> = {};
  for (const f of template.fields) {
    const c = mapping[f.key];
    if (c !== undefined && c >= 0) columns[f.key] = columnOf(c);
  }
  const top = table.rowIndex + (table.hasHeader ? 1 : 0);
  return textNumberCells(template, columns).map((cell) => {
    const r = top + cell.row;
    const c = table.columnIndex + mapping[cell.field];
    return { ...cell, address: sheetAddress(table.sheet, { r0: r, c0: c, r1: r, c1: c }) };
  });
}

/** Groups cells (sheet row, sheet column, text, value) into runs of consecutive rows per column. */
export function numberRuns(cells: readonly { r: number; c: number; text: string; value: number }[]): NumberRun[] {
  const sorted = [...cells].sort((a, b) => a.c - b.c || a.r - b.r);
  const runs: NumberRun[] = [];
  for (const x of sorted) {
    const last = runs[runs.length - 1];
    if (last && last.col === x.c && last.row + last.after.length === x.r) {
      last.before.push(x.text);
      last.after.push(x.value);
    } else runs.push({ row: x.r, col: x.c, before: [x.text], formats: [], after: [x.value] });
  }
  return runs;
}

/**
 * Reads the runs' number formats (one sync, before anything is written) and guards the texts to
 * write back on undo (no guard in a Text cell).
 */
export async function captureRunFormats(context: Excel.RequestContext, ws: Excel.Worksheet, runs: NumberRun[]): Promise<void> {
  const ranges = runs.map((run) => ws.getRangeByIndexes(run.row, run.col, run.after.length, 1).load("numberFormat"));
  await context.sync();
  runs.forEach((run, k) => {
    const nf = ranges[k].numberFormat as unknown[][];
    run.formats = run.after.map((_, i) => String(nf[i]?.[0] ?? "General"));
    run.before = run.before.map((t, i) => textCell(String(t), run.formats[i]));
  });
}

/** Queues the writes of the numbers (a Text-formatted cell becomes General first). */
export function queueNumberWrites(ws: Excel.Worksheet, runs: readonly NumberRun[]): void {
  for (const run of runs) {
    const range = ws.getRangeByIndexes(run.row, run.col, run.after.length, 1);
    if (run.formats.includes("@")) range.numberFormat = run.formats.map((nf) => [nf === "@" ? "General" : nf]);
    range.values = run.after.map((v) => [v]);
  }
}

/** Queues the writes that put the text back (formats first, so text goes into Text cells as text). */
export function queueTextRestore(ws: Excel.Worksheet, runs: readonly NumberRun[]): void {
  for (const run of runs) {
    const range = ws.getRangeByIndexes(run.row, run.col, run.after.length, 1);
    if (run.formats.includes("@")) range.numberFormat = run.formats.map((nf) => [nf]);
    range.formulas = run.before.map((v) => [v]);
  }
}
