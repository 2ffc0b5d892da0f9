/** What the review functions take from their caller: dates (today, a period's date) and column indexes. */
import { serialOf, toSerial } from "../../engine/review";
import { MAX_COLS } from "../address";
import type { TableInfo } from "../contract";
import { ReviewError } from "./catalogue";

/** Today's date on the computer's calendar, as a serial (the only place local time is read). */
export function todaySerial(now: Date = new Date()): number {
  return serialOf(now.getFullYear(), now.getMonth() + 1, now.getDate());
}

/** A date option as a serial (today when omitted); refuses what is not a date. */
export function dateSerial(v: number | string | Date | undefined): number {
  if (v === undefined) return todaySerial();
  const r = toSerial(v);
  if (!r.ok) throw new ReviewError("badDate", r.text);
  return r.serial;
}

/** A column relative to the table's first column, which may lie past its end but not past the sheet's. */
export function checkColumn(table: TableInfo, name: string, col: number | undefined): void {
  if (col === undefined) return;
  if (!Number.isInteger(col) || col < 0 || table.columnIndex + col >= MAX_COLS) throw new ReviewError("badColumn", `${name} -> ${col}`);
}
