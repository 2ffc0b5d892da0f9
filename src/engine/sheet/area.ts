/** Areas of a sheet layout: making them, their A1 references, their cells. */
import { cellA1 } from "../sheet-address/a1";
import type { Area } from "./layout";

/** The area of `rows` x `cols` cells from (`row`, `col`). */
export function area(row: number, col: number, rows = 1, cols = 1): Area {
  return { row, col, rows, cols };
}

/** A1 reference of an area (`A1:C3`, or `B2` for one cell), optionally absolute (`$A$1:$C$3`). */
export function areaA1(a: Area, absolute = false): string {
  const ref = (r: number, c: number) => (absolute ? cellA1(r, c).replace(/^([A-Z]+)(\d+)$/, "$$$1$$$2") : cellA1(r, c));
  const tl = ref(a.row, a.col);
  if (a.rows === 1 && a.cols === 1) return tl;
  return `${tl}:${ref(a.row + a.rows - 1, a.col + a.cols - 1)}`;
}

/** True when (`row`, `col`) is inside `a`. */
export function inArea(a: Area, row: number, col: number): boolean {
  return row >= a.row && row < a.row + a.rows && col >= a.col && col < a.col + a.cols;
}

/** Every cell of an area, row by row: [row, col]. */
export function cellsOf(a: Area): [number, number][] {
  const out: [number, number][] = [];
  for (let r = a.row; r < a.row + a.rows; r++) for (let c = a.col; c < a.col + a.cols; c++) out.push([r, c]);
  return out;
}
