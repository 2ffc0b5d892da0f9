/** How reasons show values: a bilingual text in a language, a number for a person. */
import type { Field } from "../template/schema";
import { pick, type Bilingual } from "./format";
import type { Lang } from "./lang";

/** Picks the text for a language. @example tr({ en: "Gold", zh: "金卡" }, "zh-CN") // "金卡" */
export function tr(text: Bilingual, lang: Lang): string {
  return pick(text, lang);
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

/**
 * Shows a score for a person: two decimals at most (the cell keeps full precision).
 *
 * @example fmtScore(93.66666666666667) // "93.67"
 */
export function fmtScore(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  return fmtPlain(Math.round(x * 100) / 100);
}

/** Integers this size format without the general path (x * 1e4 is exact). */
const PLAIN_INT = 9e11;

/** Digits `1234567` as `1,234,567`. */
function groupDigits(s: string): string {
  if (s.length <= 3) return s;
  let out = s.slice(0, ((s.length - 1) % 3) + 1);
  for (let k = out.length; k < s.length; k += 3) out += "," + s.slice(k, k + 3);
  return out;
}

function fmtPlain(x: number): string {
  if (Number.isInteger(x) && x < PLAIN_INT && x > -PLAIN_INT) return x < 0 ? "-" + groupDigits(String(-x)) : groupDigits(String(x));
  const r = Math.round(x * 1e4) / 1e4;
  if (r < PLAIN_INT && r > -PLAIN_INT) {
    // 0 or at least 0.0001 and below 1e21: written without an exponent
    const s = String(r < 0 ? -r : r);
    const dot = s.indexOf(".");
    const grouped = dot < 0 ? groupDigits(s) : groupDigits(s.slice(0, dot)) + s.slice(dot);
    return r < 0 ? "-" + grouped : grouped;
  }
  const neg = r < 0;
  const [int, frac] = Math.abs(r).toString().includes("e")
    ? [Math.abs(r).toFixed(0), ""]
    : Math.abs(r).toString().split(".");
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return (neg ? "-" : "") + grouped + (frac ? "." + frac : "");
}

