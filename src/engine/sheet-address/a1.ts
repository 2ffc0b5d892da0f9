/**
 * A1 references as Excel writes them, shared by the formula compilers, the Office adapter and the
 * in-memory host. Indexes are zero-based; rectangles are inclusive.
 */

export const MAX_ROWS = 1_048_576;
export const MAX_COLS = 16_384; // XFD

/** Zero-based rectangle on a sheet (inclusive bounds). */
export interface Rect {
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

/**
 * Column letters of a zero-based column.
 *
 * @example columnLetters(0) // "A"; columnLetters(26) // "AA"
 */
export function columnLetters(col: number): string {
  let n = col + 1;
  let s = "";
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/**
 * Zero-based column of column letters (any case); -1 when not letters or beyond XFD.
 *
 * @example columnIndex("AA") // 26; columnIndex("A1") // -1
 */
export function columnIndex(letters: string): number {
  if (!/^[A-Za-z]{1,3}$/.test(letters)) return -1;
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n > MAX_COLS ? -1 : n - 1;
}

/**
 * Quotes a sheet name when Excel would: spaces, punctuation, names that look like A1 or R1C1
 * references.
 *
 * @example quoteSheet("Sheet1") // "Sheet1"; quoteSheet("My sheet") // "'My sheet'"
 */
export function quoteSheet(name: string): string {
  const plain =
    /^[A-Za-z_\u00C0-\uFFFF][A-Za-z0-9_.\u00C0-\uFFFF]*$/.test(name) &&
    !/^[A-Za-z]{1,3}[0-9]+$/.test(name) &&
    !/^[Rr]([0-9]+)?([Cc]([0-9]+)?)?$/.test(name);
  return plain ? name : `'${name.replace(/'/g, "''")}'`;
}

/** `B2` for row 1, column 1. */
export function cellA1(r: number, c: number): string {
  return `${columnLetters(c)}${r + 1}`;
}

// ---------------------------------------------------------------------------------------------
// Rectangles

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

/** a minus b, as up to four disjoint rectangles. */
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

/** Whether the rectangles together cover every cell of `rect`. */
export function rectCovered(rect: Rect, by: Rect[]): boolean {
  let rest: Rect[] = [rect];
  for (const b of by) {
    rest = rest.flatMap((r) => rectSubtract(r, b));
    if (rest.length === 0) return true;
  }
  return rest.length === 0;
}

/** Integer bounds inside A1:XFD1048576, top-left before bottom-right. */
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

// ---------------------------------------------------------------------------------------------
// Range addresses: cells, cell ranges, whole columns (`B:D`) and whole rows (`2:5`)

/**
 * A range as Excel writes it: `A1`, `A1:C3`, `B:B`, `2:2`, `1:1048576`.
 *
 * @example rectToA1({ r0: 0, c0: 1, r1: 1048575, c1: 1 }) // "B:B"
 */
export function rectToA1(rect: Rect): string {
  if (isEntireColumn(rect) && !isEntireRow(rect)) return `${columnLetters(rect.c0)}:${columnLetters(rect.c1)}`;
  if (isEntireRow(rect)) return `${rect.r0 + 1}:${rect.r1 + 1}`;
  if (rect.r0 === rect.r1 && rect.c0 === rect.c1) return cellA1(rect.r0, rect.c0);
  return `${cellA1(rect.r0, rect.c0)}:${cellA1(rect.r1, rect.c1)}`;
}

/** `Sheet1!A1:C3`, `'My sheet'!B:B`. */
export function fullAddress(sheetName: string, rect: Rect): string {
  return `${quoteSheet(sheetName)}!${rectToA1(rect)}`;
}

/** Absolute reference with its sheet, as defined names store it: `Sheet1!$A$1:$B$2`, `Sheet1!$B:$B`. */
export function absoluteAddress(sheetName: string, rect: Rect): string {
  let ref: string;
  if (isEntireColumn(rect) && !isEntireRow(rect)) ref = `$${columnLetters(rect.c0)}:$${columnLetters(rect.c1)}`;
  else if (isEntireRow(rect)) ref = `$${rect.r0 + 1}:$${rect.r1 + 1}`;
  else {
    const a = `$${columnLetters(rect.c0)}$${rect.r0 + 1}`;
    const b = `$${columnLetters(rect.c1)}$${rect.r1 + 1}`;
    ref = a === b ? a : `${a}:${b}`;
  }
  return `${quoteSheet(sheetName)}!${ref}`;
}

/**
 * Splits an optional sheet prefix: `Sheet1!A1`, `'My ''x'' sheet'!A1:B2`, `A1`. Null for a quoted
 * name that is not closed and followed by `!`.
 */
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

type RefPart = { kind: "cell"; r: number; c: number } | { kind: "col"; c: number } | { kind: "row"; r: number };

function parseRefPart(token: string): RefPart | null {
  const t = token.replace(/\$/g, "");
  let m = /^([A-Za-z]{1,3})([0-9]{1,7})$/.exec(t);
  if (m) {
    const c = columnIndex(m[1]);
    const r = parseInt(m[2], 10) - 1;
    if (c < 0 || r < 0 || r >= MAX_ROWS) return null;
    return { kind: "cell", r, c };
  }
  m = /^([A-Za-z]{1,3})$/.exec(t);
  if (m) {
    const c = columnIndex(m[1]);
    return c < 0 ? null : { kind: "col", c };
  }
  m = /^([0-9]{1,7})$/.exec(t);
  if (m) {
    const r = parseInt(m[1], 10) - 1;
    return r < 0 || r >= MAX_ROWS ? null : { kind: "row", r };
  }
  return null;
}

/**
 * Parses `A1`, `$A$1`, `A1:C10`, `B:B`, `B:D`, `2:2`, `2:5`, optionally sheet-qualified.
 * Null for anything invalid or outside the grid (A1:XFD1048576).
 *
 * @example parseAddress("'My sheet'!B:C") // { sheet: "My sheet", rect: { r0: 0, c0: 1, r1: 1048575, c1: 2 } }
 */
export function parseAddress(address: string): { sheet?: string; rect: Rect } | null {
  if (typeof address !== "string") return null;
  const split = splitSheet(address);
  if (!split) return null;
  const parts = split.ref.split(":");
  if (parts.length > 2 || parts[0] === "") return null;
  const a = parseRefPart(parts[0]);
  if (!a) return null;
  let rect: Rect;
  if (parts.length === 1) {
    if (a.kind !== "cell") return null;
    rect = { r0: a.r, c0: a.c, r1: a.r, c1: a.c };
  } else {
    const b = parseRefPart(parts[1]);
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
