/** Languages, bilingual text and number display for reasons. */
import type { Field, Text } from "../template/schema";
import { pick, type Lang } from "./";

export { LANGS, toLang, joinParts, type Lang } from "./";

/** Picks the text for a language. @example tr({ en: "Gold", zh: "金卡" }, "zh-CN") // "金卡" */
export function tr(text: Text, lang: Lang): string {
  return pick(text, lang);
}

/**
 * Rounds to 9 decimal places, the precision at which GradeKit compares computed scores
 * ("29% gives 29 margin points, a weighted sum of exactly 80 is 80").
 *
 * @example round9(0.29 * 100) // 29
 */
export function round9(x: number): number {
  if (!Number.isFinite(x) || Math.abs(x) >= 1e6) return x;
  return Math.round(x * 1e9) / 1e9;
}

/**
 * Shows a number for a person: grouping, at most 4 decimals.
 *
 * @example fmt(85.25) // "85.25"
 * @example fmt(0.125, "percent") // "12.5%"
 */
export function fmt(x: number, unit?: Field["unit"]): string {
  if (!Number.isFinite(x)) return String(x);
  if (unit === "percent") return fmtPlain(x * 100) + "%";
  return fmtPlain(x);
}

function fmtPlain(x: number): string {
  const r = Math.round(x * 1e4) / 1e4;
  const neg = r < 0;
  const [int, frac] = Math.abs(r).toString().includes("e")
    ? [Math.abs(r).toFixed(0), ""]
    : Math.abs(r).toString().split(".");
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return (neg ? "-" : "") + grouped + (frac ? "." + frac : "");
}

