/**
 * Reading date columns: a `date` field's cells as Excel serials, and a number field of elapsed
 * days or months (`unit: "days"`/`"months"`) from a column of dates, measured to the as-of date.
 */
import { tr, fmt } from "../text/display";
import type { Field } from "../template/schema";
import { asOfSerial, elapsed, parseDate, todaySerial, type DateOrder } from "./dates";
import { isBlank } from "./parse";
import { GradeKitError } from "../text/error";
import type { Lang } from "../text/lang";
import type { MessageKey } from "../text/messages";


/** How a table's dates are read (part of `TableInput`). */
export interface DateReading {
  /** Number fields whose column holds dates: the value is the days (or months) from each date to `asOf`. */
  dateColumns?: Readonly<Record<string, boolean>>;
  /** The as-of date: ISO text (`2026-12-03`) or an Excel serial. Default: today. */
  asOf?: string | number;
  /** How `3/12/2026` is read; without it such cells are refused as ambiguous. */
  dateOrder?: DateOrder;
  /**
   * Whether plain numbers in `dateColumns` are Excel date serials (a date-formatted cell read as
   * its value). `false` when the columns were found holding dates by their look (text dates,
   * `Date` cells): a number among them could be a day count and is refused. @default true
   */
  serialNumbers?: boolean;
}

interface Sink {
  blank: Uint8Array;
  blankCount: Uint8Array;
  /** Reports a `#VALUE!` problem of row i (the table's `makeError` + `addError`). */
  fail(i: number, code: MessageKey, args: (lang: Lang) => Record<string, string | number>, field: string): void;
  required: boolean;
}

/** The as-of serial of a table (today when not given); a bad as-of date is the caller's error. */
export function resolveAsOf(reading: DateReading): number {
  if (reading.asOf === undefined) return todaySerial();
  const s = asOfSerial(reading.asOf);
  if (s === undefined) {
    throw new GradeKitError("badAsOf", "usage", {
      en: `the as-of date '${String(reading.asOf)}' is not a date (write it as 2026-12-03)`,
      zh: `截止日期“${String(reading.asOf)}”不是日期（请写作 2026-12-03）`,
    });
  }
  return s;
}

function readDates(field: Field, raw: ArrayLike<unknown>, reading: DateReading, sink: Sink): Float64Array {
  const n = raw.length;
  const v = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const x = raw[i];
    if (isBlank(x)) {
      sink.blank[i] = 1;
      sink.blankCount[i]++;
      v[i] = NaN;
      if (sink.required) sink.fail(i, "required", (l) => ({ field: tr(field.label, l) }), field.key);
      continue;
    }
    if (typeof x === "number" && field.type !== "date" && reading.serialNumbers === false) {
      v[i] = NaN;
      sink.fail(i, "notDate", (l) => ({ field: tr(field.label, l), text: String(x) }), field.key);
      continue;
    }
    const r = parseDate(x, reading.dateOrder);
    if (r.ok) v[i] = r.value;
    else {
      v[i] = NaN;
      const p = r.problem;
      sink.fail(i, p.code, (l) => ({ field: tr(field.label, l), text: p.text }), field.key);
    }
  }
  return v;
}

/** A `date` field: serials (NaN blank or bad). */
export function readDateColumn(field: Field, raw: ArrayLike<unknown>, reading: DateReading, sink: Sink): { v: Float64Array; asOf: number } {
  return { v: readDates(field, raw, reading, sink), asOf: resolveAsOf(reading) };
}

/**
 * A number field of elapsed days or months read from dates: the days (months) from each date to
 * the as-of date, then the field's range (a date after the as-of date is below a minimum of 0).
 */
export function readElapsedColumn(field: Field, raw: ArrayLike<unknown>, reading: DateReading, sink: Sink): { v: Float64Array; asOf: number } {
  const asOf = resolveAsOf(reading);
  const v = readDates(field, raw, reading, sink);
  const unit = field.unit === "months" ? "months" : "days";
  const lo = field.min ?? -Infinity;
  const hi = field.max ?? Infinity;
  for (let i = 0; i < v.length; i++) {
    if (v[i] !== v[i]) {
      if (sink.blank[i] === 1 && typeof field.default === "number") v[i] = field.default;
      continue;
    }
    const x = elapsed(v[i], asOf, unit);
    if (x < lo || x > hi) {
      v[i] = NaN;
      sink.fail(
        i,
        lo === -Infinity ? "aboveMax" : hi === Infinity ? "belowMin" : "outOfRange",
        (l) => ({ field: tr(field.label, l), value: fmt(x, field.unit), min: fmt(lo, field.unit), max: fmt(hi, field.unit) }),
        field.key,
      );
    } else v[i] = x;
  }
  return { v, asOf };
}
