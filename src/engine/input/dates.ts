/**
 * Dates as people and spreadsheets write them, as Excel date serials (whole days since
 * 1899-12-30, so 2026-12-03 is 46359): a serial from a date-formatted cell, a `Date` (the xlsx
 * reader's), `2026-12-03`, `2026/12/03`, `2026.12.03`, `2026年12月3日`, and `3/12/2026` only with
 * an explicit day/month order. A day that does not exist (2026-02-30) is refused, never rolled over.
 */
import { normalizeText, showValue, type ParseResult } from "./parse";
import type { SinceUnit } from "../template/schema-base";

/** How `a/b/yyyy` is read: day first (`dmy`, 3/12/2026 = 3 December) or month first (`mdy`). */
export type DateOrder = "dmy" | "mdy";

const DAY_MS = 86400000;
/** Date.UTC of serial 0 (1899-12-30). */
const EPOCH = Date.UTC(1899, 11, 30);
/** 1900-03-01 (below it Excel's serials count a 29 February 1900 that did not exist) to 9999-12-31. */
export const MIN_SERIAL = 61;
export const MAX_SERIAL = 2958465;

/** The serial of a calendar day, or undefined when the day does not exist (2026-02-30). */
export function serialOf(y: number, m: number, d: number): number | undefined {
  if (!Number.isInteger(y) || !Number.isInteger(m) || !Number.isInteger(d) || m < 1 || m > 12 || d < 1 || d > 31) return undefined;
  const t = Date.UTC(y, m - 1, d);
  const back = new Date(t);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== m - 1 || back.getUTCDate() !== d) return undefined;
  const s = Math.round((t - EPOCH) / DAY_MS);
  return s >= MIN_SERIAL && s <= MAX_SERIAL ? s : undefined;
}

/** Year, month (1-12) and day of a serial. */
export function partsOf(serial: number): { y: number; m: number; d: number } {
  const t = new Date(EPOCH + serial * DAY_MS);
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
}

/** `2026-12-03`. */
export function isoOf(serial: number): string {
  const { y, m, d } = partsOf(serial);
  return `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

/** Today's serial in the local calendar of the machine. */
export function todaySerial(now: Date = new Date()): number {
  return serialOf(now.getFullYear(), now.getMonth() + 1, now.getDate())!;
}

const ISO_RE = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?Z?)?$/;
const ZH_RE = /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]$/;
const SLASH_RE = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;

/**
 * Reads a date. Numbers are Excel serials (a fraction, the time of day, is dropped); text follows
 * the forms above. `a/b/yyyy` needs `order`; without it the cell is refused as ambiguous.
 *
 * @example parseDate("2026年12月3日") // { ok: true, value: 46359 }
 * @example parseDate("03/04/2026")    // { ok: false, problem: { code: "ambiguousDate", ... } }
 */
export function parseDate(v: unknown, order?: DateOrder): ParseResult<number> {
  const bad = (code: "notDate" | "ambiguousDate" | "noSuchDate") => ({ ok: false as const, problem: { code, text: showValue(v) } });
  if (v instanceof Date) {
    const t = v.getTime();
    if (Number.isNaN(t)) return bad("notDate");
    // The xlsx reader gives a date cell as midnight UTC of that day.
    const s = serialOf(v.getUTCFullYear(), v.getUTCMonth() + 1, v.getUTCDate());
    return s === undefined ? bad("notDate") : { ok: true, value: s };
  }
  if (typeof v === "number") {
    if (!Number.isFinite(v) || v < MIN_SERIAL || v >= MAX_SERIAL + 1) return bad("notDate");
    return { ok: true, value: Math.floor(v) };
  }
  if (typeof v !== "string") return bad("notDate");
  const s = normalizeText(v);
  let y: number, m: number, d: number;
  const iso = ISO_RE.exec(s) ?? ZH_RE.exec(s);
  if (iso) {
    [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  } else {
    const sl = SLASH_RE.exec(s);
    if (!sl) return bad("notDate");
    if (!order) return bad("ambiguousDate");
    y = Number(sl[3]);
    [d, m] = order === "dmy" ? [Number(sl[1]), Number(sl[2])] : [Number(sl[2]), Number(sl[1])];
  }
  const serial = serialOf(y, m, d);
  return serial === undefined ? bad("noSuchDate") : { ok: true, value: serial };
}

/** Whether a cell looks like a date without any option (a `Date`, ISO or Chinese date text). */
export function looksLikeDate(v: unknown): boolean {
  if (v instanceof Date) return !Number.isNaN(v.getTime());
  if (typeof v !== "string") return false;
  const s = normalizeText(v);
  return ISO_RE.test(s) || ZH_RE.test(s) || SLASH_RE.test(s);
}

/** An as-of date given as an ISO text or a serial -> the serial; undefined when it is not a date. */
export function asOfSerial(x: string | number): number | undefined {
  const r = parseDate(x);
  return r.ok ? r.value : undefined;
}

/**
 * Whole days, months or years from `from` to `to` (serials): months count a month only once its
 * day is reached (31 January to 28 February is 0 months), years are whole months / 12.
 * Negative when `from` is after `to`. NaN in, NaN out.
 */
export function elapsed(from: number, to: number, unit: SinceUnit): number {
  if (from !== from || to !== to) return NaN;
  if (unit === "days") return to - from;
  const sign = from <= to ? 1 : -1;
  const [a, b] = sign === 1 ? [partsOf(from), partsOf(to)] : [partsOf(to), partsOf(from)];
  let months = (b.y - a.y) * 12 + (b.m - a.m);
  if (b.d < a.d) months -= 1;
  const whole = unit === "months" ? months : Math.floor(months / 12);
  return sign * whole;
}
