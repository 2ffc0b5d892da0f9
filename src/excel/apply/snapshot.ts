/**
 * The undo snapshot of the output area, and putting it back.
 *
 * Capture (during apply's read phase, same `Excel.run`, before anything is written): for each
 * block of rows, the output cells' `values`, `formulas`, `valueTypes` and `numberFormat` are
 * loaded together with the input columns (no extra sync). Each cell becomes the value that,
 * written to `Range.formulas`, recreates it: a formula as its text, a number or boolean as is, an
 * error constant as its literal, text with an apostrophe when Excel would otherwise convert it
 * (`'123`, `'=x`) unless the cell is formatted as Text. A formula is told apart from text that
 * starts with "=" by comparing `values` with `formulas` (text reads back identical).
 *
 * Cell formats: apply changes no cell-level fill or font in the data rows (grade colours and
 * the bad-input style are conditional formats, removed by id on undo) and only sets bold on the
 * header cells, so the snapshot keeps the header cells' `font.bold` (one proxy per output
 * column, loaded in the first block's sync) and the number formats of every output cell. That is
 * why no per-cell fill/font capture (`getCellProperties`, ExcelApi 1.9 — not in the in-memory
 * host) is needed.
 */
import { textCell } from "../cell-text";
import { columnFormats, formatAt } from "./number-formats";
import type { CapturedBlock, CapturedColumn, RestoreValue } from "./state";

export interface LoadedOutput {
  values: unknown[][];
  formulas: unknown[][];
  valueTypes: string[][];
  numberFormat: string[][];
}

/** Queues the loads the snapshot needs on a range. */
export function loadForSnapshot(range: Excel.Range): void {
  range.load("values,formulas,valueTypes,numberFormat");
}

/** The value that recreates a cell when written to `Range.formulas`. */
export function restoreValueOf(value: unknown, formula: unknown, valueType: string, numberFormat: string): RestoreValue {
  const isFormula = typeof formula === "string" && formula.startsWith("=") && !(valueType === "String" && value === formula);
  if (isFormula) return formula as string;
  switch (valueType) {
    case "Empty":
      return "";
    case "Double":
    case "Integer":
      return typeof value === "number" ? value : Number(value);
    case "Boolean":
      return value === true || value === "TRUE" || value === "true";
    case "Error":
      return String(value); // "#N/A" typed as a constant: the literal becomes the error again
    case "String":
      return textCell(String(value), numberFormat);
    default:
      return typeof formula === "string" || typeof formula === "number" || typeof formula === "boolean" ? formula : "";
  }
}

/**
 * Turns the loaded output cells of one block into a captured block; also counts the non-empty
 * cells (what apply would replace).
 */
export function captureBlock(start: number, loaded: LoadedOutput): { block: CapturedBlock; nonEmpty: number } {
  const rows = loaded.values.length;
  const cols = rows > 0 ? loaded.values[0].length : 0;
  let nonEmpty = 0;
  const columns: CapturedColumn[] = [];
  for (let j = 0; j < cols; j++) {
    let restore: RestoreValue[] | null = null;
    for (let i = 0; i < rows; i++) {
      const f = loaded.formulas[i][j];
      const t = loaded.valueTypes[i][j];
      if (t === "Empty" && (f === "" || f === null || f === undefined)) continue;
      nonEmpty++;
      if (!restore) restore = new Array(rows).fill("");
      restore[i] = restoreValueOf(loaded.values[i][j], f, t, loaded.numberFormat[i][j]);
    }
    columns.push({ restore, numberFormat: columnFormats(loaded.numberFormat, j) });
  }
  return { block: { start, count: rows, columns }, nonEmpty };
}

/** Bytes (JSON) one row of a captured block costs to write back. */
export function restoreRowBytes(block: CapturedBlock, i: number): number {
  let n = 0;
  for (const c of block.columns) {
    const v = c.restore ? c.restore[i] : "";
    n += typeof v === "string" ? v.length * 3 + 3 : 8;
    n += formatAt(c.numberFormat, i).length * 3 + 3;
  }
  return n;
}

/**
 * Queues the writes that put one captured block back (number formats first, so text goes into
 * Text-formatted cells as text, then contents; a column that was empty is cleared).
 */
export function queueRestore(sheet: Excel.Worksheet, top: number, left: number, block: CapturedBlock): void {
  block.columns.forEach((c, j) => {
    const range = sheet.getRangeByIndexes(top + block.start, left + j, block.count, 1);
    range.numberFormat =
      typeof c.numberFormat === "string" ? new Array(block.count).fill(0).map(() => [c.numberFormat as string]) : c.numberFormat.map((nf) => [nf]);
    if (c.restore) range.formulas = c.restore.map((v) => [v]);
    else range.clear("Contents");
  });
}
