/**
 * Text written into cells as text: protection against Excel's input rules (a leading apostrophe
 * where Excel would read a formula, number, date or boolean) and conditional-format formula
 * quoting. Pure (no Office.js).
 */

/**
 * True when Excel would not keep `s` as the same text if it were assigned to `range.values` of a
 * General-formatted cell: formulas (`=`, and `+`, `-`, `@` which Excel also reads as formula
 * starts), numbers, percentages, dates/times, booleans, error literals, leading spaces or
 * apostrophes. Deliberately broad: a false positive only costs one apostrophe.
 */
export function needsTextGuard(s: string): boolean {
  if (s === "") return false;
  if (!/^\p{L}/u.test(s)) return true; // digits, = + - @ ' # $ ( . space, punctuation, symbols ...
  if (/^(true|false)$/i.test(s)) return true;
  // month names and "Jan 5", "May-2024", "March/3": Excel may read them as dates
  if (/^(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?(\s*[-/ ]\s*\d|$)/i.test(s)) return true;
  return false;
}

/**
 * The value to assign so the cell holds exactly the text `s`. A leading apostrophe makes Excel
 * store the rest as text (it is not part of the value). In a cell formatted as Text (`@`) Excel
 * keeps strings as they are, and an apostrophe would become part of the value, so none is added.
 */
export function textCell(s: string, numberFormat?: string): string {
  return numberFormat !== "@" && needsTextGuard(s) ? `'${s}` : s;
}

/** A string as an Excel formula string literal: `"A"`, `"say ""hi"""`. */
export function formulaString(s: string): string {
  return `"${s.replace(/"/g, '""')}"`;
}

/** A cell value as written through `Range.values`: strings guarded, numbers and booleans as they are. */
export function guardCell<T extends string | number | boolean>(v: T): T {
  return (typeof v === "string" ? textCell(v) : v) as T;
}
