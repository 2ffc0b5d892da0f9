/** Tables: the column names a header row gives and the data rows. */
import type { Rect } from "../../engine/sheet-address/a1";
import { apiValue } from "./values";
import type { SheetModel, TableRecord } from "./workbook";

/** Column names of a table's header row: the cells' text, `ColumnN` for blanks, made unique. */
export function headerNames(sheet: SheetModel, rect: Rect): string[] {
  const names: string[] = [];
  const seen = new Set<string>();
  for (let c = rect.c0; c <= rect.c1; c++) {
    const v = sheet.getValue(rect.r0, c);
    let base = v === undefined ? `Column${c - rect.c0 + 1}` : String(apiValue(v));
    if (base === "") base = `Column${c - rect.c0 + 1}`;
    let name = base;
    let k = 2;
    while (seen.has(name.toLowerCase())) name = `${base}${k++}`;
    seen.add(name.toLowerCase());
    names.push(name);
  }
  return names;
}

/** The data rows of a table (without header and total rows), or null when it has none. */
export function tableBody(t: TableRecord): Rect | null {
  const r0 = t.rect.r0 + (t.showHeaders ? 1 : 0);
  const r1 = t.rect.r1 - (t.showTotals ? 1 : 0);
  if (r1 < r0) return null;
  return { r0, c0: t.rect.c0, r1, c1: t.rect.c1 };
}
