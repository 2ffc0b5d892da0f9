/** A1 addresses as Excel writes them (`Sheet1!B2:D9`, `'My sheet'!A1`). Pure helpers. */

export { cellA1, columnIndex, columnLetters, MAX_COLS, MAX_ROWS, quoteSheet, type Rect } from "../engine/sheet-address/a1";
import { cellA1, columnIndex, MAX_COLS, MAX_ROWS, quoteSheet, type Rect } from "../engine/sheet-address/a1";

export function rectA1(rect: Rect): string {
  const a = cellA1(rect.r0, rect.c0);
  return rect.r0 === rect.r1 && rect.c0 === rect.c1 ? a : `${a}:${cellA1(rect.r1, rect.c1)}`;
}

/** `Sheet1!B2:D9` */
export function sheetAddress(sheet: string, rect: Rect): string {
  return `${quoteSheet(sheet)}!${rectA1(rect)}`;
}

/** Splits `Sheet1!B2`, `'My ''x'' sheet'!A1:B2` or `B2` into sheet (if any) and reference. */
export function splitAddress(address: string): { sheet?: string; ref: string } {
  const s = address.trim();
  if (s.startsWith("'")) {
    let name = "";
    let i = 1;
    for (; i < s.length; i++) {
      if (s[i] === "'") {
        if (s[i + 1] === "'") {
          name += "'";
          i++;
          continue;
        }
        break;
      }
      name += s[i];
    }
    if (s[i] === "'" && s[i + 1] === "!") return { sheet: name, ref: s.slice(i + 2) };
    return { ref: s };
  }
  const bang = s.lastIndexOf("!");
  if (bang > 0) return { sheet: s.slice(0, bang), ref: s.slice(bang + 1) };
  return { ref: s };
}

/** Parses an A1 reference (`B2`, `B2:D9`, `$B$2`) into a rectangle; null when it is not one. */
export function parseRef(ref: string): Rect | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)(?::\$?([A-Za-z]{1,3})\$?(\d+))?$/.exec(ref.trim());
  if (!m) return null;
  const c0 = columnIndex(m[1]);
  const r0 = Number(m[2]) - 1;
  const c1 = m[3] ? columnIndex(m[3]) : c0;
  const r1 = m[4] ? Number(m[4]) - 1 : r0;
  if (c0 < 0 || c1 < 0 || r0 < 0 || r1 < 0 || r0 >= MAX_ROWS || r1 >= MAX_ROWS || c0 >= MAX_COLS || c1 >= MAX_COLS) return null;
  return { r0: Math.min(r0, r1), c0: Math.min(c0, c1), r1: Math.max(r0, r1), c1: Math.max(c0, c1) };
}

export function intersect(a: Rect, b: Rect): Rect | null {
  const r = { r0: Math.max(a.r0, b.r0), c0: Math.max(a.c0, b.c0), r1: Math.min(a.r1, b.r1), c1: Math.min(a.c1, b.c1) };
  return r.r0 <= r.r1 && r.c0 <= r.c1 ? r : null;
}
