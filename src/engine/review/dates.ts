/**
 * Calendar dates as Excel serial day numbers (1900 date system), computed in UTC day arithmetic
 * only: no local time, no time zones, no daylight saving. Adding days is adding integers, so
 * month ends and leap years need no special case (2024-02-28 + 1 = 2024-02-29, 2023-02-28 + 1 =
 * 2023-03-01, 2023-12-31 + 1 = 2024-01-01).
 *
 * Serial 1 = 1900-01-01. Excel counts a fictitious 1900-02-29 as serial 60; serials from 61 on are
 * days since 1899-12-30, serials 1..59 days since 1899-12-31, and 60 is not a date.
 */

const MS_PER_DAY = 86_400_000;
/** Date.UTC(1899, 11, 30) / MS_PER_DAY: the epoch of serials >= 61. */
const EPOCH_DAY = Date.UTC(1899, 11, 30) / MS_PER_DAY;
/** Serial of 1900-03-01, the first serial after Excel's fictitious 1900-02-29. */
const FIRST_REAL = 61;
/** Largest serial Excel accepts (9999-12-31). */
export const MAX_SERIAL = 2958465;

export type DateResult = { ok: true; serial: number } | { ok: false; text: string };

/** Serial of a calendar date (month 1-12), or NaN when the date does not exist. */
export function serialOf(year: number, month: number, day: number): number {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return NaN;
  if (month < 1 || month > 12 || day < 1 || day > 31 || year < 1900 || year > 9999) return NaN;
  const ms = Date.UTC(year, month - 1, day);
  const d = new Date(ms);
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return NaN;
  const days = ms / MS_PER_DAY - EPOCH_DAY;
  return days >= FIRST_REAL ? days : days - 1;
}

/** Year, month (1-12) and day of a serial, or null for serial 60, fractions below 1 and out of range. */
export function partsOf(serial: number): { year: number; month: number; day: number } | null {
  if (!Number.isFinite(serial)) return null;
  const s = Math.floor(serial);
  if (s < 1 || s > MAX_SERIAL || s === 60) return null;
  const days = s >= FIRST_REAL ? s : s + 1;
  const d = new Date((days + EPOCH_DAY) * MS_PER_DAY);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/**
 * A serial plus `n` days, counted on the real calendar (only differs from `serial + n` across
 * Excel's fictitious 1900-02-29). NaN when the result is not a date.
 */
export function addDays(serial: number, n: number): number {
  const p = partsOf(serial);
  if (!p || !Number.isInteger(n)) return NaN;
  const d = new Date(Date.UTC(p.year, p.month - 1, p.day + n));
  return serialOf(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/** Days from serial `a` to serial `b` on the real calendar. */
export function daysBetween(a: number, b: number): number {
  const pa = partsOf(a);
  const pb = partsOf(b);
  if (!pa || !pb) return NaN;
  return (Date.UTC(pb.year, pb.month - 1, pb.day) - Date.UTC(pa.year, pa.month - 1, pa.day)) / MS_PER_DAY;
}

/** `YYYY-MM-DD` of a serial ("" when it is not a date). @example isoOf(45351) // "2024-02-29" */
export function isoOf(serial: number): string {
  const p = partsOf(serial);
  if (!p) return "";
  return `${String(p.year).padStart(4, "0")}-${String(p.month).padStart(2, "0")}-${String(p.day).padStart(2, "0")}`;
}

/** The date part of a JavaScript Date, read in UTC (how xlsx readers and JSON give dates). */
export function serialOfDate(d: Date): number {
  if (isNaN(d.getTime())) return NaN;
  return serialOf(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

// 2024-02-29, 2024/2/29, 2024.02.29, 2024年2月29日, optionally followed by a time
const YMD = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:(?:[T\s]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)|\s*)$/;

/**
 * Reads a date cell: an Excel serial number (the time of day is dropped), a Date (its UTC
 * date), ISO-like text (`2024-02-29`, `2024/2/29`, `2024年2月29日`, with an optional time, which
 * is dropped), or a whole number as text (a serial). Blank is not handled here.
 *
 * @example toSerial("2024-02-29") // { ok: true, serial: 45351 }
 * @example toSerial("2023-02-29") // { ok: false, text: "2023-02-29" }
 */
export function toSerial(v: unknown): DateResult {
  if (typeof v === "number") {
    const s = Math.floor(v);
    return Number.isFinite(v) && s >= 1 && s <= MAX_SERIAL && s !== 60 ? { ok: true, serial: s } : { ok: false, text: String(v) };
  }
  if (v instanceof Date) {
    const s = serialOfDate(v);
    return Number.isNaN(s) ? { ok: false, text: "Invalid Date" } : { ok: true, serial: s };
  }
  if (typeof v !== "string") return { ok: false, text: String(v) };
  const t = v.trim().replace(/[\uff10-\uff19]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
  const m = YMD.exec(t);
  if (m) {
    const s = serialOf(Number(m[1]), Number(m[2]), Number(m[3]));
    return Number.isNaN(s) ? { ok: false, text: v.trim() } : { ok: true, serial: s };
  }
  if (/^\d{1,7}(\.\d+)?$/.test(t)) return toSerial(Number(t));
  return { ok: false, text: v.trim() };
}
