/**
 * Cells as they are written out: input cells as CSV text or xlsx values, and the outcome cells
 * (grade text, fill colour).
 */
import { neutralise, type GradeResult, type Lang } from "../../engine";
import { cellText, columnLetter, type CellValue } from "../io";
import { fail } from "../messages";

/** Grade label as written: the canonical id in English, the Chinese label in Chinese. */
export function gradeText(result: GradeResult, i: number, lang: Lang): string {
  const g = result.grade(i);
  if (g === null) return "";
  return lang === "zh-CN" ? result.label(i, lang) : g;
}

/** ARGB (exceljs) from `#RRGGBB`. */
export function argb(color: string): string {
  return "FF" + color.replace(/^#/, "").toUpperCase();
}

/** A plain decimal number as CSV writes it (no thousands separators, no leading zeros that an ID keeps). */
export const CSV_NUMBER = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?$/;
/** An xlsx cell holds at most this many characters. */
export const XLSX_MAX_TEXT = 32_767;

/** A CSV cell as an xlsx value: plain numbers become number cells; text over Excel's limit is refused naming the cell. */
export function xlsxValue(v: CellValue, r: number, c: number): CellValue {
  if (typeof v !== "string") return v;
  if (v.length > XLSX_MAX_TEXT) throw fail("cellTooLong", "output", { cell: columnLetter(c + 1) + (r + 1), n: v.length });
  if (CSV_NUMBER.test(v) && v.length <= 17) {
    const x = Number(v);
    if (Number.isFinite(x)) return x;
  }
  return v;
}

/** An input cell as CSV text, neutralised when it is text a spreadsheet would run as a formula. */
export function csvCell(v: CellValue | undefined): string {
  return typeof v === "string" ? neutralise(v) : cellText(v);
}
