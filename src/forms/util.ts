/** Small helpers shared by the writers of a form layout. */
import type { Area, FormLayout, FormStyle } from "./types";

/**
 * Excel's column width (characters of the default font, Calibri 11: 7 px per character + 5 px
 * padding) in points, as Office.js `format.columnWidth` takes it (96 dpi: 1 px = 0.75 pt).
 */
export function excelColumnWidthToPoints(chars: number): number {
  return Math.round((chars * 7 + 5) * 0.75 * 100) / 100;
}

/** The inverse of `excelColumnWidthToPoints`. */
export function pointsToExcelColumnWidth(points: number): number {
  return Math.round(((points / 0.75 - 5) / 7) * 100) / 100;
}

function inside(a: Area, row: number, col: number): boolean {
  return row >= a.row && row < a.row + a.rows && col >= a.col && col < a.col + a.cols;
}

/** The style of one cell: every style entry covering it, later entries over earlier ones (borders excepted). */
export function styleAt(layout: Pick<FormLayout, "styles">, row: number, col: number): Omit<FormStyle, "border"> {
  const out: FormStyle = {};
  for (const s of layout.styles) if (inside(s.area, row, col)) Object.assign(out, s.style);
  delete out.border;
  return out;
}
