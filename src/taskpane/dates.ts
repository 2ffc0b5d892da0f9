/**
 * Dates on the grade screen: the as-of date and day/month order the user sets, and which
 * elapsed-day fields (`sinceDate`) read their column as dates — found from the values read (date
 * text) or ticked by the user (Excel gives a date cell as its serial number).
 */
import { asOfSerial, isBlank, isoOf, looksLikeDate, todaySerial, type DateOrder, type DateReading, type Template } from "../engine";
import type { Mapping } from "./grading";

export interface DateSettings {
  /** The as-of date as typed (`2026-12-03`). */
  asOf: string;
  order: DateOrder | "";
  /** Field -> the user's choice (undefined: as found in the values). */
  holds: Readonly<Record<string, boolean | undefined>>;
}

export function initialDateSettings(): DateSettings {
  return { asOf: isoOf(todaySerial()), order: "", holds: {} };
}

/** Whether the template reads dates at all (a date field, or a field that may be read from dates). */
export function usesDates(template: Template): boolean {
  return template.fields.some((f) => f.type === "date" || f.sinceDate === true);
}

/** Whether a mapped column's first filled value looks like a date. */
export function columnLooksLikeDates(rows: readonly unknown[][], column: number | undefined): boolean {
  if (column === undefined || column < 0) return false;
  const first = rows.map((r) => r[column]).find((v) => !isBlank(v));
  return first !== undefined && looksLikeDate(first);
}

/** Field -> whether its column is read as dates (the user's choice, else what the values show). */
export function holdsDates(template: Template, settings: DateSettings, rows: readonly unknown[][], mapping: Mapping): Record<string, boolean> {
  const out: Record<string, boolean> = {};
  for (const f of template.fields) {
    if (f.type !== "number" || f.sinceDate !== true) continue;
    out[f.key] = settings.holds[f.key] ?? columnLooksLikeDates(rows, mapping[f.key]);
  }
  return out;
}

/** The engine's date reading, or an error when the as-of date is not a date. */
export function dateReadingOf(template: Template, settings: DateSettings, rows: readonly unknown[][], mapping: Mapping): { reading?: DateReading; badAsOf: boolean } {
  if (!usesDates(template)) return { badAsOf: false };
  const asOf = asOfSerial(settings.asOf.trim());
  if (asOf === undefined) return { badAsOf: true };
  const dateColumns = holdsDates(template, settings, rows, mapping);
  // Numbers in a column ticked by the user are date serials; in one found by its text they are refused.
  const ticked = Object.keys(dateColumns).some((k) => settings.holds[k] === true);
  return { reading: { asOf, dateOrder: settings.order || undefined, dateColumns, serialNumbers: ticked || undefined }, badAsOf: false };
}
