/** Styles of a sheet layout as a cell sees them. */
import { inArea } from "./area";
import type { CellStyle, SheetLayout } from "./layout";

/** The style of one cell: every style entry covering it, later entries over earlier ones (borders excepted). */
export function styleAt(layout: Pick<SheetLayout, "styles">, row: number, col: number): Omit<CellStyle, "border"> {
  const out: CellStyle = {};
  for (const s of layout.styles) if (inArea(s.area, row, col)) Object.assign(out, s.style);
  delete out.border;
  return out;
}

/** The number format a cell gets (the last style entry covering it that sets one). */
export function numberFormatAt(layout: Pick<SheetLayout, "styles">, row: number, col: number): string | undefined {
  let out: string | undefined;
  for (const s of layout.styles) if (s.style.numberFormat !== undefined && inArea(s.area, row, col)) out = s.style.numberFormat;
  return out;
}
