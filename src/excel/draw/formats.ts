/**
 * Formats of a layout through Office.js: column widths and row heights, number formats (queued
 * before the values, so Text cells hold text as typed), merges, fonts, fills, alignment and
 * borders. One operation per style entry, never one per cell.
 */
import { columnLetters, excelColumnWidthToPoints, type Area, type CellStyle, type SheetLayout } from "../../engine";
import { jsonBytes } from "../batching";
import { rangeOf } from "./batches";

const H_ALIGN = { left: "Left", center: "Center", right: "Right" } as const;
const V_ALIGN = { top: "Top", center: "Center", bottom: "Bottom" } as const;
const BORDER_COLOR = "#808080";

/** Runs of consecutive rows with the same height: [firstRow, lastRow, height]. */
function heightRuns(heights: Record<number, number>): [number, number, number][] {
  const rows = Object.keys(heights).map(Number).sort((a, b) => a - b);
  const out: [number, number, number][] = [];
  for (const r of rows) {
    const last = out[out.length - 1];
    if (last && last[1] === r - 1 && last[2] === heights[r]) last[1] = r;
    else out.push([r, r, heights[r]]);
  }
  return out;
}

/**
 * Column widths (except the columns fitted to their contents later), row heights and number
 * formats; returns the bytes of the number formats sent (they count towards the batch's budget).
 */
export function drawSizesAndNumberFormats(ws: Excel.Worksheet, layout: SheetLayout): number {
  const fit = layout.fitColumns;
  layout.columns.forEach((c, i) => {
    if (fit && i >= fit.col && i < fit.col + fit.cols) return;
    const letters = columnLetters(i);
    ws.getRange(`${letters}:${letters}`).format.columnWidth = excelColumnWidthToPoints(c.width);
  });
  for (const [r0, r1, h] of heightRuns(layout.rowHeights)) ws.getRange(`${r0 + 1}:${r1 + 1}`).format.rowHeight = h;
  let bytes = 0;
  for (const { area, style } of layout.styles) {
    if (style.numberFormat === undefined) continue;
    const formats = Array.from({ length: area.rows }, () => new Array<string>(area.cols).fill(style.numberFormat!));
    rangeOf(ws, area).numberFormat = formats;
    bytes += jsonBytes(formats);
  }
  return bytes;
}

function applyStyle(range: Excel.Range, area: Area, s: CellStyle): void {
  const f = range.format;
  if (s.bold !== undefined) f.font.bold = s.bold;
  if (s.italic !== undefined) f.font.italic = s.italic;
  if (s.size !== undefined) f.font.size = s.size;
  if (s.color !== undefined) f.font.color = s.color;
  if (s.fill !== undefined) f.fill.color = s.fill;
  if (s.hAlign !== undefined) f.horizontalAlignment = H_ALIGN[s.hAlign];
  if (s.vAlign !== undefined) f.verticalAlignment = V_ALIGN[s.vAlign];
  if (s.wrap !== undefined) f.wrapText = s.wrap;
  if (!s.border) return;
  const edges =
    s.border === "bottom"
      ? ["EdgeBottom"]
      : ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight", ...(area.cols > 1 ? ["InsideVertical"] : []), ...(area.rows > 1 ? ["InsideHorizontal"] : [])];
  for (const e of edges) {
    const b = f.borders.getItem(e as Excel.BorderIndex);
    b.style = "Continuous";
    b.weight = "Thin";
    b.color = BORDER_COLOR;
  }
}

/** Merges, then every style entry but its number format (already set). */
export function drawMergesAndStyles(ws: Excel.Worksheet, layout: SheetLayout): void {
  for (const a of layout.merges) rangeOf(ws, a).merge(false);
  for (const { area, style } of layout.styles) {
    const { numberFormat: _set, ...rest } = style;
    void _set;
    if (Object.keys(rest).length) applyStyle(rangeOf(ws, area), area, rest);
  }
}
