/** A1-style address parsing and formatting. All indexes are zero-based and inclusive. */

import { cellA1, columnIndex, columnLetters, MAX_COLS, MAX_ROWS, quoteSheet, type Rect } from "../engine/sheet-address/a1";

export { MAX_COLS, MAX_ROWS, type Rect };
/** The shared A1 helpers under the host's names. */
export const columnToLetters = columnLetters;
export const lettersToColumn = columnIndex;
export const quoteSheetName = quoteSheet;
export const cellAddress = cellA1;

export interface ParsedAddress {
  sheet?: string;
  rect: Rect;
}

/** Formats a rect like Excel does: `A1`, `A1:C3`, `B:B`, `2:2`, `1:1048576`. */
export function rectToA1(rect: Rect): string {
  const fullCols = rect.r0 === 0 && rect.r1 === MAX_ROWS - 1;
  const fullRows = rect.c0 === 0 && rect.c1 === MAX_COLS - 1;
  if (fullCols && !fullRows) {
    return `${columnToLetters(rect.c0)}:${columnToLetters(rect.c1)}`;
  }
  if (fullRows) {
    return `${rect.r0 + 1}:${rect.r1 + 1}`;
  }
  if (rect.r0 === rect.r1 && rect.c0 === rect.c1) return cellAddress(rect.r0, rect.c0);
  return `${cellAddress(rect.r0, rect.c0)}:${cellAddress(rect.r1, rect.c1)}`;
}

export function fullAddress(sheetName: string, rect: Rect): string {
  return `${quoteSheetName(sheetName)}!${rectToA1(rect)}`;
}

type Ref =
  | { kind: "cell"; r: number; c: number }
  | { kind: "col"; c: number }
  | { kind: "row"; r: number };

function parseRef(token: string): Ref | null {
  const t = token.replace(/\$/g, "");
  let m = /^([A-Za-z]{1,3})([0-9]{1,7})$/.exec(t);
  if (m) {
    const c = lettersToColumn(m[1]);
    const r = parseInt(m[2], 10) - 1;
    if (c < 0 || r < 0 || r >= MAX_ROWS) return null;
    return { kind: "cell", r, c };
  }
  m = /^([A-Za-z]{1,3})$/.exec(t);
  if (m) {
    const c = lettersToColumn(m[1]);
    if (c < 0) return null;
    return { kind: "col", c };
  }
  m = /^([0-9]{1,7})$/.exec(t);
  if (m) {
    const r = parseInt(m[1], 10) - 1;
    if (r < 0 || r >= MAX_ROWS) return null;
    return { kind: "row", r };
  }
  return null;
}

/** Splits an optional sheet prefix: `Sheet1!A1`, `'My ''x'' sheet'!A1:B2`. */
export function splitSheet(address: string): { sheet?: string; ref: string } | null {
  const s = address.trim();
  if (s.startsWith("'")) {
    let i = 1;
    let name = "";
    while (i < s.length) {
      if (s[i] === "'") {
        if (s[i + 1] === "'") {
          name += "'";
          i += 2;
          continue;
        }
        break;
      }
      name += s[i];
      i++;
    }
    if (s[i] !== "'" || s[i + 1] !== "!") return null;
    return { sheet: name, ref: s.slice(i + 2) };
  }
  const bang = s.lastIndexOf("!");
  if (bang >= 0) return { sheet: s.slice(0, bang), ref: s.slice(bang + 1) };
  return { ref: s };
}

/**
 * Parses `A1`, `$A$1`, `A1:C10`, `B:B`, `B:D`, `2:2`, `2:5`, optionally sheet-qualified.
 * Returns null for anything invalid or outside the grid (A1:XFD1048576).
 */
export function parseAddress(address: string): ParsedAddress | null {
  if (typeof address !== "string") return null;
  const split = splitSheet(address);
  if (!split) return null;
  const parts = split.ref.split(":");
  if (parts.length < 1 || parts.length > 2 || parts[0] === "") return null;
  const a = parseRef(parts[0]);
  if (!a) return null;
  let rect: Rect;
  if (parts.length === 1) {
    if (a.kind !== "cell") return null;
    rect = { r0: a.r, c0: a.c, r1: a.r, c1: a.c };
  } else {
    const b = parseRef(parts[1]);
    if (!b || b.kind !== a.kind) return null;
    if (a.kind === "cell" && b.kind === "cell") {
      rect = { r0: Math.min(a.r, b.r), c0: Math.min(a.c, b.c), r1: Math.max(a.r, b.r), c1: Math.max(a.c, b.c) };
    } else if (a.kind === "col" && b.kind === "col") {
      rect = { r0: 0, c0: Math.min(a.c, b.c), r1: MAX_ROWS - 1, c1: Math.max(a.c, b.c) };
    } else if (a.kind === "row" && b.kind === "row") {
      rect = { r0: Math.min(a.r, b.r), c0: 0, r1: Math.max(a.r, b.r), c1: MAX_COLS - 1 };
    } else {
      return null;
    }
  }
  return split.sheet !== undefined ? { sheet: split.sheet, rect } : { rect };
}

export function rectRows(r: Rect): number {
  return r.r1 - r.r0 + 1;
}

export function rectCols(r: Rect): number {
  return r.c1 - r.c0 + 1;
}

export function rectContains(r: Rect, row: number, col: number): boolean {
  return row >= r.r0 && row <= r.r1 && col >= r.c0 && col <= r.c1;
}

export function rectIntersect(a: Rect, b: Rect): Rect | null {
  const r0 = Math.max(a.r0, b.r0);
  const c0 = Math.max(a.c0, b.c0);
  const r1 = Math.min(a.r1, b.r1);
  const c1 = Math.min(a.c1, b.c1);
  if (r0 > r1 || c0 > c1) return null;
  return { r0, c0, r1, c1 };
}

/** a minus b, as up to four disjoint rects. */
export function rectSubtract(a: Rect, b: Rect): Rect[] {
  const i = rectIntersect(a, b);
  if (!i) return [a];
  const out: Rect[] = [];
  if (a.r0 < i.r0) out.push({ r0: a.r0, c0: a.c0, r1: i.r0 - 1, c1: a.c1 });
  if (i.r1 < a.r1) out.push({ r0: i.r1 + 1, c0: a.c0, r1: a.r1, c1: a.c1 });
  if (a.c0 < i.c0) out.push({ r0: i.r0, c0: a.c0, r1: i.r1, c1: i.c0 - 1 });
  if (i.c1 < a.c1) out.push({ r0: i.r0, c0: i.c1 + 1, r1: i.r1, c1: a.c1 });
  return out;
}

export function rectInGrid(r: Rect): boolean {
  return (
    Number.isInteger(r.r0) &&
    Number.isInteger(r.c0) &&
    Number.isInteger(r.r1) &&
    Number.isInteger(r.c1) &&
    r.r0 >= 0 &&
    r.c0 >= 0 &&
    r.r1 < MAX_ROWS &&
    r.c1 < MAX_COLS &&
    r.r0 <= r.r1 &&
    r.c0 <= r.c1
  );
}

export function isEntireColumn(r: Rect): boolean {
  return r.r0 === 0 && r.r1 === MAX_ROWS - 1;
}

export function isEntireRow(r: Rect): boolean {
  return r.c0 === 0 && r.c1 === MAX_COLS - 1;
}

/** Absolute reference with sheet, as used in defined names: `Sheet1!$A$1:$B$2`. */
export function absoluteAddress(sheetName: string, rect: Rect): string {
  const fullCols = rect.r0 === 0 && rect.r1 === MAX_ROWS - 1;
  const fullRows = rect.c0 === 0 && rect.c1 === MAX_COLS - 1;
  let ref: string;
  if (fullCols && !fullRows) ref = `$${columnToLetters(rect.c0)}:$${columnToLetters(rect.c1)}`;
  else if (fullRows) ref = `$${rect.r0 + 1}:$${rect.r1 + 1}`;
  else {
    const a = `$${columnToLetters(rect.c0)}$${rect.r0 + 1}`;
    const b = `$${columnToLetters(rect.c1)}$${rect.r1 + 1}`;
    ref = a === b ? a : `${a}:${b}`;
  }
  return `${quoteSheetName(sheetName)}!${ref}`;
}
