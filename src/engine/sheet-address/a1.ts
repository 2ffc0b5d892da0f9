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
