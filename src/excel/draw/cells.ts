/**
 * Cell contents of a layout through Office.js: the blocks and the single constants as values
 * (text guarded so Excel keeps it as written, except in Text-formatted cells), then the formulas,
 * column by column. Every write is cut to the payload budget and queued in `WriteBatches`.
 */
import { inArea, type CellValue, type SheetLayout } from "../../engine";
import { chunkRows, jsonBytes } from "../batching";
import { textCell } from "../cell-text";
import type { WriteBatches } from "./batches";

type Written = CellValue | null;

/** Tells whether a cell is formatted as Text (`@`): the last number format covering it. */
function textFormatted(layout: SheetLayout): (row: number, col: number) => boolean {
  const formats = layout.styles.filter((s) => s.style.numberFormat !== undefined);
  if (!formats.some((s) => s.style.numberFormat === "@")) return () => false;
  return (row, col) => {
    for (let i = formats.length - 1; i >= 0; i--) if (inArea(formats[i].area, row, col)) return formats[i].style.numberFormat === "@";
    return false;
  };
}

/** Writes `total` rows of `width` cells from (`row`, `col`), chunk by chunk. */
async function writeRows(ws: Excel.Worksheet, batches: WriteBatches, at: { row: number; col: number; width: number; total: number }, build: (i: number) => Written[], formulas = false): Promise<void> {
  for (const chunk of chunkRows(at.total, build)) {
    await batches.room(jsonBytes(chunk.rows), chunk.rows.length);
    const range = ws.getRangeByIndexes(at.row + chunk.start, at.col, chunk.rows.length, at.width);
    if (formulas) range.formulas = chunk.rows as unknown as string[][];
    else range.values = chunk.rows as unknown as CellValue[][];
  }
}

/** The constants: each block, then the single cells as one grid over their bounding box (`null` leaves a cell alone). */
export async function writeValues(ws: Excel.Worksheet, layout: SheetLayout, batches: WriteBatches): Promise<void> {
  const isText = textFormatted(layout);
  const guard = (v: CellValue, row: number, col: number): CellValue => (typeof v === "string" ? textCell(v, isText(row, col) ? "@" : undefined) : v);
  for (const b of layout.blocks) {
    const width = Math.max(...b.values.map((r) => r.length));
    await writeRows(ws, batches, { row: b.row, col: b.col, width, total: b.values.length }, (i) => {
      const src = b.values[i];
      return Array.from({ length: width }, (_, j) => (j < src.length ? guard(src[j], b.row + i, b.col + j) : ""));
    });
  }
  const singles = layout.cells.flatMap((c) => ("value" in c ? [c] : []));
  if (!singles.length) return;
  const r0 = Math.min(...singles.map((c) => c.row));
  const c0 = Math.min(...singles.map((c) => c.col));
  const rows = Math.max(...singles.map((c) => c.row)) - r0 + 1;
  const width = Math.max(...singles.map((c) => c.col)) - c0 + 1;
  const grid: Written[][] = Array.from({ length: rows }, () => new Array<Written>(width).fill(null));
  for (const c of singles) grid[c.row - r0][c.col - c0] = guard(c.value, c.row, c.col);
  await writeRows(ws, batches, { row: r0, col: c0, width, total: rows }, (i) => grid[i]);
}

/** The formulas, by column in runs of consecutive rows (a grade column is one run). */
export async function writeFormulas(ws: Excel.Worksheet, layout: SheetLayout, batches: WriteBatches): Promise<void> {
  const byColumn = new Map<number, { row: number; formula: string }[]>();
  for (const c of layout.cells) {
    if (!("formula" in c)) continue;
    const list = byColumn.get(c.col) ?? [];
    list.push({ row: c.row, formula: `=${c.formula}` });
    byColumn.set(c.col, list);
  }
  for (const [col, list] of byColumn) {
    list.sort((a, b) => a.row - b.row);
    let start = 0;
    for (let i = 1; i <= list.length; i++) {
      if (i < list.length && list[i].row === list[i - 1].row + 1) continue;
      const run = list.slice(start, i);
      await writeRows(ws, batches, { row: run[0].row, col, width: 1, total: run.length }, (k) => [run[k].formula], true);
      start = i;
    }
  }
}
