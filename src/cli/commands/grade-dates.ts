/**
 * Dates in `gradekit grade`: `--as-of`, `--date-order`, `--dates FIELD,...` (number fields of
 * elapsed days/months whose column holds dates), and finding such columns by their look.
 */
import { asOfSerial, looksLikeDate, type DateOrder, type DateReading, type Lang, type Template } from "../../engine";
import { fail, m } from "../messages";
import type { CellValue } from "../io";

export const DATE_OPTIONS = {
  "as-of": { type: "string" },
  "date-order": { type: "string" },
  dates: { type: "string", multiple: true },
} as const;

export interface DateRunOptions {
  /** `--as-of 2026-12-03` (default today). */
  asOf?: string;
  dateOrder?: DateOrder;
  /** `--dates`: field keys (or labels) whose column holds dates. */
  dates?: string[];
}

/** The date options of the command line, checked. */
export function dateRunOptions(values: Record<string, unknown>): DateRunOptions {
  const asOf = values["as-of"] as string | undefined;
  if (asOf !== undefined && asOfSerial(asOf) === undefined) throw fail("badAsOf", "usage", { value: asOf });
  const order = values["date-order"] as string | undefined;
  if (order !== undefined && order !== "dmy" && order !== "mdy") throw fail("badDateOrder", "usage", { value: order });
  const dates = ((values.dates as string[] | undefined) ?? []).flatMap((s) => s.split(",")).map((s) => s.trim()).filter(Boolean);
  return { asOf, dateOrder: order as DateOrder | undefined, dates };
}

/** Number fields that may be read from dates: elapsed days or months. */
export function elapsedFields(template: Template): string[] {
  return template.fields.filter((f) => f.type === "number" && f.sinceDate === true).map((f) => f.key);
}

/**
 * How the table's dates are read: `--dates` fields (numbers there are date serials), plus elapsed
 * fields whose first filled cell looks like a date (numbers there are refused, being unclear).
 */
export function dateReading(
  template: Template,
  opts: DateRunOptions,
  mapping: Readonly<Record<string, number>>,
  dataRows: readonly (readonly CellValue[])[],
): DateReading & { found: string[] } {
  const elapsed = elapsedFields(template);
  const explicit = new Set<string>();
  for (const name of opts.dates ?? []) {
    const f = template.fields.find((x) => x.key === name || x.label.en === name || x.label.zh === name);
    if (!f || !elapsed.includes(f.key)) throw fail("datesNotElapsed", "usage", { field: name, fields: elapsed.join(", ") || "-" });
    explicit.add(f.key);
  }
  const found: string[] = [];
  for (const key of elapsed) {
    const col = mapping[key];
    if (explicit.has(key) || col === undefined) continue;
    const first = dataRows.map((r) => r[col]).find((v) => v !== null && v !== undefined && !(typeof v === "string" && v.trim() === ""));
    if (first !== undefined && looksLikeDate(first)) found.push(key);
  }
  const dateColumns: Record<string, boolean> = {};
  for (const k of [...explicit, ...found]) dateColumns[k] = true;
  return {
    dateColumns,
    asOf: opts.asOf,
    dateOrder: opts.dateOrder,
    serialNumbers: found.length === 0,
    found: [...explicit, ...found],
  };
}

/** The summary line naming the as-of date and the columns read as dates. */
export function asOfLine(asOf: string, dateFields: readonly string[], lang: Lang): string {
  return m("summaryAsOf", lang, { date: asOf, fields: dateFields.length ? dateFields.join(", ") : "-" });
}
