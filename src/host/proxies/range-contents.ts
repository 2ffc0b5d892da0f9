/**
 * Range contents through the API: reading values, formulas, number formats and text, and writing
 * them with Excel's input rules (a scalar or 1x1 array fills the range; other arrays must match
 * its shape; `null` leaves a cell unchanged).
 */
import { rectCols, rectRows } from "../../engine/sheet-address/a1";
import { HostErrorCodes, invalidArgument, rangeExceedsLimit, RichApiError } from "../errors";
import { FormatPatch, patchKeyOf } from "../model/formats";
import { formatValue } from "../model/number-format";
import type { RangeTarget } from "../model/workbook";

const DIMENSION_MISMATCH =
  "The number of rows or columns in the input array doesn't match the size or dimensions of the range.";

export function checkReadSize(t: RangeTarget, host: { maxCellsPerRead: number }, location: string): void {
  const cells = rectRows(t.rect) * rectCols(t.rect);
  if (cells > host.maxCellsPerRead) throw rangeExceedsLimit(`${cells} cells > ${host.maxCellsPerRead}`, location);
}

function normalizeInputCell(x: unknown, location: string): unknown {
  if (x === null || x === undefined) return null;
  const t = typeof x;
  if (t === "string" || t === "boolean") return x;
  if (t === "number") {
    if (!Number.isFinite(x as number)) throw invalidArgument(location, "numbers must be finite");
    return x;
  }
  if (x instanceof Date) return x.toJSON();
  throw invalidArgument(location, `unsupported cell value of type ${Array.isArray(x) ? "array" : t}`);
}

/**
 * Shape rules for values/formulas/numberFormat writes: a scalar or a 1x1 array is applied to every
 * cell; otherwise the array must have exactly the range's dimensions. `null` entries leave the
 * corresponding cell unchanged.
 */
function shapeInput(
  t: RangeTarget,
  input: unknown,
  location: string,
): { grid: unknown[][] | null; scalar: unknown } {
  const rows = rectRows(t.rect);
  const cols = rectCols(t.rect);
  if (Array.isArray(input)) {
    if (input.length === 1 && Array.isArray(input[0]) && input[0].length === 1) {
      return { grid: null, scalar: normalizeInputCell(input[0][0], location) };
    }
    if (input.length !== rows) throw new RichApiError(HostErrorCodes.invalidArgument, DIMENSION_MISMATCH, location);
    let needsCopy = false;
    for (let i = 0; i < rows; i++) {
      const row = input[i];
      if (!Array.isArray(row) || row.length !== cols) throw new RichApiError(HostErrorCodes.invalidArgument, DIMENSION_MISMATCH, location);
      for (let j = 0; j < cols; j++) {
        const x = row[j];
        const tx = typeof x;
        if (tx === "string" || tx === "boolean" || x === null) continue;
        if (tx === "number" && Number.isFinite(x)) continue;
        normalizeInputCell(x, location); // throws for unsupported values
        needsCopy = true;
      }
    }
    if (needsCopy) {
      return { grid: input.map((row: unknown[]) => row.map((x) => normalizeInputCell(x, location))), scalar: undefined };
    }
    return { grid: input as unknown[][], scalar: undefined };
  }
  return { grid: null, scalar: normalizeInputCell(input, location) };
}

export function writeContents(t: RangeTarget, input: unknown, asFormula: boolean, location: string, maxCells: number): number {
  const cells = rectRows(t.rect) * rectCols(t.rect);
  if (cells > maxCells) {
    throw rangeExceedsLimit(`${cells} cells > ${maxCells}; values and formulas can't be written to unbounded ranges`, location);
  }
  const { grid, scalar } = shapeInput(t, input, location);
  if (!grid && scalar === null) return 0;
  return t.sheet.writeGrid(t.rect, grid, scalar, asFormula);
}

export function writeNumberFormat(t: RangeTarget, input: unknown, location: string): number {
  const { grid, scalar } = shapeInput(t, input, location);
  const sheet = t.sheet;
  if (!grid) {
    if (scalar === null) return 0;
    if (typeof scalar !== "string") throw invalidArgument(location, "number formats must be strings");
    sheet.applyFormat(t.rect, { numberFormat: scalar });
    return rectRows(t.rect) * rectCols(t.rect);
  }
  let n = 0;
  const ft = sheet.formats;
  for (let i = 0; i < grid.length; i++) {
    for (let j = 0; j < grid[i].length; j++) {
      const x = grid[i][j];
      if (x === null) continue;
      if (typeof x !== "string") throw invalidArgument(location, "number formats must be strings");
      const r = t.rect.r0 + i;
      const c = t.rect.c0 + j;
      const patch: FormatPatch = { numberFormat: x };
      sheet.setFormatAt(r, c, ft.apply(sheet.formatAt(r, c), patch, patchKeyOf(patch)));
      n++;
    }
  }
  return n;
}

export function textGrid(t: RangeTarget): string[][] {
  const values = t.sheet;
  const rows = rectRows(t.rect);
  const cols = rectCols(t.rect);
  const out: string[][] = new Array(rows);
  for (let i = 0; i < rows; i++) {
    const row = new Array(cols);
    for (let j = 0; j < cols; j++) {
      const r = t.rect.r0 + i;
      const c = t.rect.c0 + j;
      row[j] = formatValue(values.getValue(r, c), values.formatAt(r, c).numberFormat);
    }
    out[i] = row;
  }
  return out;
}
