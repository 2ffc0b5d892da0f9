/**
 * Header row detection for a block of cells read from a sheet. Pure (no Office.js).
 *
 * Heuristic, in order (rows are looked at within the first `MAX_LEAD_ROWS + 1` rows of the
 * region, so a title or a blank-ish line above the headers is skipped):
 *
 * 1. **Template words.** Among rows that are "header-like" (at least half their cells filled, and
 *    at least half of the filled cells text that is not a number), the row whose cells match the
 *    most template fields (by key, English or Chinese label — engine `matchHeaders`) is the
 *    header, provided it matches at least one field. Ties go to the upper row.
 * 2. **Text over data.** Otherwise the first header-like row whose filled cells are *all* text,
 *    followed by rows of which at least half hold a number or a yes/no boolean somewhere.
 * 3. **Distinct labels over text data.** Otherwise, when every row is text: the first row is a
 *    header if all its cells are filled, its texts are all different, and none of them appears
 *    again in its own column below.
 * 4. Otherwise the region has no header row: every row is data and the columns are named by
 *    their letters.
 *
 * "Text" means a non-blank string that the engine's `parseNumber` does not read as a number, so
 * `1,200`, `10万` and `12.5%` count as numbers.
 */
import { isBlank, matchHeaders, parseNumber, type Template } from "../../engine";

/** Rows above the header that may be skipped (titles, notes). */
export const MAX_LEAD_ROWS = 4;
/** Rows below a candidate header looked at by rules 2 and 3. */
const LOOK_BELOW = 20;

export interface HeaderDetection {
  /** Index of the header row within the rows given, or -1 when there is none. */
  headerRow: number;
  /** Which rule decided: "template", "text", "distinct" or "none". */
  rule: "template" | "text" | "distinct" | "none";
  /** Template fields matched by the header row (rule "template"). */
  matched: number;
}

export function isText(v: unknown): boolean {
  return typeof v === "string" && !isBlank(v) && !parseNumber(v).ok;
}

function filled(row: readonly unknown[]): number {
  let n = 0;
  for (const v of row) if (!isBlank(v)) n++;
  return n;
}

function textCount(row: readonly unknown[]): number {
  let n = 0;
  for (const v of row) if (isText(v)) n++;
  return n;
}

/** At least half the cells filled, and at least half of those text. */
function headerLike(row: readonly unknown[]): boolean {
  const f = filled(row);
  return f > 0 && f * 2 >= row.length && textCount(row) * 2 >= f;
}

function hasNonText(row: readonly unknown[]): boolean {
  return row.some((v) => typeof v === "number" || typeof v === "boolean" || (typeof v === "string" && !isBlank(v) && parseNumber(v).ok));
}

export function detectHeader(rows: readonly (readonly unknown[])[], template?: Template): HeaderDetection {
  const lead = Math.min(MAX_LEAD_ROWS, rows.length - 1);
  // 1. template words
  if (template) {
    let best = -1;
    let bestMatched = 0;
    for (let r = 0; r <= lead; r++) {
      if (!headerLike(rows[r])) continue;
      const m = Object.keys(matchHeaders(rows[r], template).mapping).length;
      if (m > bestMatched) {
        best = r;
        bestMatched = m;
      }
    }
    if (best >= 0) return { headerRow: best, rule: "template", matched: bestMatched };
  }
  // 2. text over data
  for (let r = 0; r <= lead && r < rows.length - 1; r++) {
    const row = rows[r];
    if (!headerLike(row) || textCount(row) !== filled(row)) continue;
    const below = rows.slice(r + 1, r + 1 + LOOK_BELOW);
    const withData = below.filter(hasNonText).length;
    if (below.length > 0 && withData * 2 >= below.length) return { headerRow: r, rule: "text", matched: 0 };
  }
  // 3. distinct labels over text-only data
  if (rows.length >= 2 && rows.every((row) => !hasNonText(row))) {
    const first = rows[0];
    const texts = first.map((v) => (typeof v === "string" ? v.trim().toLowerCase() : ""));
    const allFilled = texts.every((t) => t !== "");
    const distinct = new Set(texts).size === texts.length;
    if (allFilled && distinct) {
      const below = rows.slice(1, 1 + LOOK_BELOW);
      const repeats = texts.some((t, c) => below.some((row) => typeof row[c] === "string" && (row[c] as string).trim().toLowerCase() === t));
      if (!repeats) return { headerRow: 0, rule: "distinct", matched: 0 };
    }
  }
  return { headerRow: -1, rule: "none", matched: 0 };
}

/** Header texts as shown to people: trimmed strings; numbers and booleans as text. */
export function headerTexts(row: readonly unknown[]): string[] {
  return row.map((v) => (v === null || v === undefined ? "" : String(v).trim()));
}
