/**
 * One month of the supply review from a table of cells (a CSV file, an xlsx sheet, a worksheet's
 * values): the header row is the first row with any text; the key column is named by its header
 * (or `#N`, the N-th column); the review's columns are found by key or label, English or Chinese
 * (purchaseQty 购进量, lawGrade 守法等级, tier 供量档位, penalized 受到行政处罚, upgradeApproved
 * 升档申请). Blank rows are skipped; every other row keeps its row number (1-based, as the file or
 * sheet shows it) for the reasons of bad cells.
 */
import { normalizeWord } from "../input/parse";
import { keyText } from "../review/compare";
import type { SupplyMonth, SupplyRow } from "./supply";

type SupplyField = Exclude<keyof SupplyRow, "key" | "row">;

/** Each field's header names (key, English, Chinese). */
export const SUPPLY_FIELD_NAMES: Readonly<Record<SupplyField, readonly string[]>> = {
  purchaseQty: ["purchaseQty", "purchase qty", "购进量", "购进数量"],
  lawGrade: ["lawGrade", "law grade", "守法等级"],
  tier: ["tier", "supply tier", "供量档位", "档位"],
  penalized: ["penalized", "受到行政处罚", "行政处罚"],
  upgradeApproved: ["upgradeApproved", "upgrade approved", "升档申请"],
};
/** Columns every month must have. */
export const SUPPLY_REQUIRED: readonly SupplyField[] = ["purchaseQty", "lawGrade"];

export type SupplyMonthRead =
  | { ok: true; month: SupplyMonth }
  /** A column the month needs is not in its header row: `column` (the key as given, or a field's key), and the headers seen. */
  | { ok: false; column: string; headers: string };

/**
 * Reads one month. `rowOffset` is the sheet row of `rows[0]` minus 1 (0 for a file; a worksheet's
 * used range may start lower).
 */
export function supplyMonthOf(rows: readonly (readonly unknown[])[], name: string, keySpec: string, rowOffset = 0): SupplyMonthRead {
  const text = (v: unknown) => keyText(v);
  const h = rows.findIndex((r) => r.some((v) => text(v) !== ""));
  const headers = h >= 0 ? rows[h].map((v) => normalizeWord(text(v))) : [];
  const shown = h >= 0 ? rows[h].map(text).filter((x) => x).join(", ") || "-" : "-";
  const col = (names: readonly string[]) => headers.findIndex((x) => x !== "" && names.some((n) => normalizeWord(n) === x));
  const kc = /^#\d+$/.test(keySpec) ? Number(keySpec.slice(1)) - 1 : col([keySpec]);
  if (kc < 0 || kc >= Math.max(headers.length, 1)) return { ok: false, column: keySpec, headers: shown };
  const cols: Partial<Record<SupplyField, number>> = {};
  for (const [f, names] of Object.entries(SUPPLY_FIELD_NAMES) as [SupplyField, string[]][]) {
    const c = col(names);
    if (c >= 0 && c !== kc) cols[f] = c;
    else if (SUPPLY_REQUIRED.includes(f)) return { ok: false, column: f, headers: shown };
  }
  const out: SupplyRow[] = [];
  for (let i = h + 1; i < rows.length; i++) {
    const r = rows[i];
    if (r.every((v) => text(v) === "")) continue;
    const row: SupplyRow = { key: r[kc] ?? null, row: rowOffset + i + 1 };
    for (const [f, c] of Object.entries(cols) as [SupplyField, number][]) row[f] = r[c] ?? null;
    out.push(row);
  }
  return { ok: true, month: { name, rows: out } };
}
