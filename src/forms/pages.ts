/**
 * Where a printed form's pages break (A4, one page wide): data rows fill each page under the
 * repeated header rows; the legend, notes and signature lines stay together on one page with at
 * least a few data rows before them, so no page holds only the repeated header (and the footer).
 */
import type { PrintSetup } from "../engine";

/** Excel's default row height in points (Calibri 11), for rows the layout gives no height. */
export const DEFAULT_ROW_HEIGHT = 15;
/** Share of the page's printable height the breaks plan to fill (room for rounding in the program that prints). */
const PAGE_FILL = 0.95;
/**
 * Pixels per character of a column width in the program that fits the columns to the page:
 * LibreOffice with the font it uses for Calibri on Debian (DejaVu Sans, max digit width 9.3 px at
 * 11 pt). Excel with Calibri (7 px) prints the same columns at a larger scale, so its pages hold
 * fewer rows than planned here (see the README's "Grading forms").
 */
const FIT_CHAR_PX = 9.3;
/** Data rows that go with the legend onto its page when the legend does not fit under the last row. */
const ROWS_WITH_LEGEND = 3;

/** A4 in points. */
const A4 = { short: 595.3, long: 841.9 };

export interface PageRows {
  /** Height of every row of the form (points). */
  height(row: number): number;
  /** Zero-based first and last row repeated on every page (the column groups and headers). */
  titleFirst: number;
  headerRow: number;
  /** Zero-based first and last data rows. */
  first: number;
  last: number;
  /** Rows of the form (the legend, notes and signature lines end at `total - 1`). */
  total: number;
  /** Column widths in characters. */
  widths: readonly number[];
}

/** Printable height of a page in sheet points: the paper less the margins, at the scale that fits the columns to the width. */
export function pageHeight(print: Pick<PrintSetup, "orientation" | "margins">, widths: readonly number[]): number {
  const landscape = print.orientation === "landscape";
  const paperW = landscape ? A4.long : A4.short;
  const paperH = landscape ? A4.short : A4.long;
  const m = print.margins;
  const printableW = paperW - (m.left + m.right) * 72;
  const printableH = paperH - (m.top + m.bottom) * 72;
  const content = widths.reduce((s, w) => s + (w * FIT_CHAR_PX + 5) * 0.75, 0);
  const scale = Math.min(1, printableW / content);
  return (printableH / scale) * PAGE_FILL;
}

/**
 * Rows before which a new page starts (zero-based), for a page `pageH` points high: data rows fill
 * each page; the block after the last data row (legend, notes, signatures) is kept whole and never
 * alone with the repeated header.
 */
export function pageBreaks(rows: PageRows, pageH: number): number[] {
  const sum = (a: number, b: number) => {
    let s = 0;
    for (let r = a; r <= b; r++) s += rows.height(r);
    return s;
  };
  const titleH = sum(rows.titleFirst, rows.headerRow);
  const bottomH = sum(rows.last + 1, rows.total - 1);
  const breaks: number[] = [];
  let used = sum(0, rows.headerRow);
  for (let r = rows.first; r <= rows.last; r++) {
    const h = rows.height(r);
    if (used + h > pageH && r > (breaks[breaks.length - 1] ?? rows.first)) {
      breaks.push(r);
      used = titleH;
    }
    used += h;
  }
  if (used + bottomH <= pageH) return breaks;
  // The legend block does not fit under the last row: it goes onto a new page with the last few
  // data rows, leaving at least one data row on the page before.
  const pageStart = breaks[breaks.length - 1] ?? rows.first;
  let b = Math.max(rows.last - ROWS_WITH_LEGEND + 1, pageStart + 1);
  while (b <= rows.last && titleH + sum(b, rows.last) + bottomH > pageH) b++;
  if (b > rows.last && pageStart > rows.first && breaks.length) {
    // Only one row on the last page: move that page's start back so the legend's page gets rows too.
    const before = breaks[breaks.length - 2] ?? rows.first;
    const moved = Math.max(before + 1, pageStart - ROWS_WITH_LEGEND + 1);
    if (titleH + sum(moved, rows.last) + bottomH <= pageH) {
      breaks[breaks.length - 1] = moved;
      return breaks;
    }
  }
  breaks.push(Math.min(b, rows.last + 1));
  return breaks;
}
