/**
 * Excel-shaped arguments, as the custom functions runtime passes them:
 * - a parameter declared `any[][]` ("matrix") gets a 2-D array, rows of cells, even for one cell;
 *   a scalar parameter gets the value itself;
 * - an omitted optional argument is `null` (or `undefined`), an empty cell is `null` or `""`;
 * - numbers, text (numbers as text too), booleans;
 * - with `allowErrorForDataTypeAny`, error cells arrive as `CustomFunctions.Error` objects
 *   (`{ code: "#N/A", type: "Error", ... }`); rich values (`allowCustomDataForDataTypeAny`) as objects
 *   with a `basicValue`.
 * These helpers turn all of that into plain cells the engine reads: error objects become their error
 * text (`"#N/A"`, which the engine reports as "the cell holds an error"), rich values their basic value.
 */
import { isBlank, parseNumber } from "../engine";

export type Matrix = unknown[][];

/** True for an omitted optional argument. */
export function isOmitted(v: unknown): boolean {
  return v === undefined || v === null;
}

/**
 * Any argument as a 2-D array: a scalar is 1x1, a 1-D array is one row. (Excel's matrices are arrays
 * of equal-length row arrays; only the first row is checked, so a 100,000-row range costs nothing.)
 */
export function toMatrix(v: unknown): Matrix {
  if (!Array.isArray(v)) return [[v]];
  if (v.length === 0) return [[null]];
  return Array.isArray(v[0]) ? (v as Matrix) : [v];
}

/** True when a matrix has more than one cell. */
export function isMultiCell(m: Matrix): boolean {
  return m.length > 1 || m[0].length > 1;
}

export interface Shape {
  rows: number;
  cols: number;
}

export function shapeOf(m: Matrix): Shape {
  let cols = 0;
  for (let r = 0; r < m.length; r++) if (m[r].length > cols) cols = m[r].length;
  return { rows: m.length, cols };
}

export function cellCount(m: Matrix): number {
  let n = 0;
  for (let r = 0; r < m.length; r++) n += m[r].length;
  return n;
}

export const showShape = (s: Shape): string => `${s.rows}×${s.cols}`;

/** The error text (`#N/A`, `#DIV/0!`...) of an Excel error object, or undefined. */
export function errorCodeOf(v: unknown): string | undefined {
  if (v === null || typeof v !== "object" || Array.isArray(v)) return undefined;
  const code = (v as { code?: unknown }).code;
  return typeof code === "string" && code.startsWith("#") ? code : undefined;
}

/** One cell as a plain value: error objects become their error text, rich values their basic value. */
export function plainCell(v: unknown): unknown {
  if (v === null || typeof v !== "object") return v;
  const code = errorCodeOf(v);
  if (code !== undefined) return code;
  if ("basicValue" in (v as object)) return plainCell((v as { basicValue: unknown }).basicValue);
  return v;
}

/**
 * Rows with plain cells. Rows without objects are passed through untouched (no copy), so a
 * 100,000-row block of numbers and text costs one scan.
 */
export function plainRows(m: Matrix): Matrix {
  let out: Matrix | null = null;
  for (let r = 0; r < m.length; r++) {
    const row = m[r];
    let copy: unknown[] | null = null;
    for (let c = 0; c < row.length; c++) {
      const v = row[c];
      if (v !== null && typeof v === "object") {
        if (!copy) copy = row.slice();
        copy[c] = plainCell(v);
      }
    }
    if (copy) {
      if (!out) out = m.slice();
      out[r] = copy;
    }
  }
  return out ?? m;
}

/** Non-blank cells, row by row, as plain values. */
export function nonBlankCells(m: Matrix): unknown[] {
  const out: unknown[] = [];
  for (const row of m) for (const v of row) if (!isBlank(v)) out.push(plainCell(v));
  return out;
}

/** The number in a cell, or NaN when it is blank or not a number (numbers as text count). */
export function numberOrNaN(v: unknown): number {
  if (typeof v === "number") return v - v === 0 ? v : NaN;
  if (isBlank(v)) return NaN;
  const r = parseNumber(plainCell(v));
  return r.ok ? r.value : NaN;
}
