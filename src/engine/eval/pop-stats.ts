/**
 * Population thresholds (`{ stat, field, p?, groupBy? }`): the mean, median or a percentile of a
 * number field or measure over the graded rows (valid rows with a value), overall or within the
 * row's group. Percentiles are PERCENTILE.INC's (and PERCENTILE_CONT's): with the n values sorted,
 * rank h = (n - 1) p, the value is x[floor h] + (h - floor h) (x[floor h + 1] - x[floor h]); the
 * median is p = 0.5. Overall values are stored in the parameters under `statKey`; group values as
 * a per-row number column under the same key.
 */
import type { Column, NumberColumn } from "../input/table";
import type { Field, Num, PopStat } from "../template/schema";
import { round9 } from "./precision";

export function isPopStat(v: Num | undefined): v is PopStat {
  return typeof v === "object" && v !== null && "stat" in v;
}

/** The key a statistic's value is stored under (never a parameter or field key: those are identifiers). */
export function statKey(s: PopStat): string {
  return `#${s.stat}:${s.field}:${s.stat === "percentile" ? s.p ?? 0.5 : ""}:${s.groupBy ?? ""}`;
}

/** The p of a statistic (median 0.5; mean undefined). */
export function statP(s: PopStat): number | undefined {
  return s.stat === "mean" ? undefined : s.stat === "median" ? 0.5 : s.p ?? 0.5;
}

/** PERCENTILE.INC of values (sorted in place); NaN for none. */
export function percentileInc(values: number[], p: number): number {
  const n = values.length;
  if (n === 0) return NaN;
  values.sort((a, b) => a - b);
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, n - 1);
  return values[lo] + (h - lo) * (values[hi] - values[lo]);
}

function statOf(values: number[], s: PopStat): number {
  if (values.length === 0) return NaN;
  const p = statP(s);
  // Rounded to 9 decimals, like the values compared with it (and the compiled formulas/SQL).
  if (p === undefined) return round9(values.reduce((a, b) => a + b, 0) / values.length);
  return round9(percentileInc(values, p));
}

/** Every population statistic a template uses (any `{ stat, field }` object in it). */
export function collectStats(root: unknown, out: Map<string, PopStat> = new Map()): Map<string, PopStat> {
  if (Array.isArray(root)) root.forEach((x) => collectStats(x, out));
  else if (root && typeof root === "object") {
    const o = root as Record<string, unknown>;
    if (typeof o.stat === "string" && typeof o.field === "string") out.set(statKey(o as unknown as PopStat), o as unknown as PopStat);
    else for (const v of Object.values(o)) collectStats(v, out);
  }
  return out;
}

/**
 * Computes the statistics over the valid rows: overall ones into `params`, group ones as number
 * columns added to `columns`.
 */
export function computeStats(
  stats: ReadonlyMap<string, PopStat>,
  columns: Map<string, Column>,
  valid: Uint8Array,
  n: number,
  params: Record<string, number>,
): void {
  for (const [key, s] of stats) {
    const col = columns.get(s.field);
    if (!col || col.type !== "number") continue; // the checker reports it
    const v = col.v;
    if (!s.groupBy) {
      const xs: number[] = [];
      for (let i = 0; i < n; i++) if (valid[i] === 1 && v[i] === v[i]) xs.push(v[i]);
      params[key] = statOf(xs, s);
      continue;
    }
    const g = columns.get(s.groupBy);
    if (!g || g.type !== "category") continue;
    const groups = new Map<number, number[]>();
    for (let i = 0; i < n; i++) {
      if (valid[i] !== 1 || !(v[i] === v[i]) || g.v[i] < 0) continue;
      const list = groups.get(g.v[i]);
      if (list) list.push(v[i]);
      else groups.set(g.v[i], [v[i]]);
    }
    const value = new Map<number, number>();
    for (const [k, xs] of groups) value.set(k, statOf(xs, s));
    const out = new Float64Array(n).fill(NaN);
    const blank = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      const x = g.v[i] >= 0 ? value.get(g.v[i]) : undefined;
      if (x === undefined) blank[i] = 1;
      else out[i] = x;
    }
    const field: Field = { key, label: col.field.label, type: "number", required: false, unit: col.field.unit };
    const column: NumberColumn = { type: "number", field, v: out, blank };
    columns.set(key, column);
  }
}
