/**
 * Cross-tables: counts of one text column (a grade, a reason) per group of one or more other
 * columns (region, industry, vehicle series), with row and column totals and shares in percent;
 * the same table for several periods side by side with the change between the last two.
 *
 * Rules (tests depend on them):
 * - Texts are compared after trimming (`keyText`); a group column's blank cell is its own group
 *   `""` (shown as "(blank)" by the layouts); a blank value is counted apart (`blanks`), never in
 *   the table; an error row (bad input) is counted apart (`errors`), never in the table.
 * - Value order: `order` first (those never seen still get a column of zeros), then values not in
 *   `order` in the order they first appear. Group order: first appearance, unless `groupOrder`.
 * - `rowShares[g][v]` = counts[g][v] / rowTotals[g] × 100 (the share within the group, e.g. of a
 *   reason within a series); `colShares[g][v]` = counts[g][v] / colTotals[v] × 100; 0 when the
 *   total is 0. Shares are not rounded here.
 */
import { isBlank } from "../input/parse";
import { keyText } from "../review/compare";

export interface CrossTabInput {
  /** One array per group column (all of the same length as `values`). */
  by: readonly (readonly unknown[])[];
  /** The counted column (grade, reason). */
  values: readonly unknown[];
  /** Rows with bad input: counted in `errors`, left out of the table. */
  errors?: readonly boolean[];
  /** Known values in their order (e.g. a template's grades best → worst). */
  order?: readonly string[];
  /** Group keys (joined by {@link GROUP_SEP}) in the wanted order; others follow in first appearance. */
  groupOrder?: readonly string[];
}

export interface CrossTab {
  /** Each group's texts, one per group column. */
  groups: string[][];
  values: string[];
  /** counts[g][v] */
  counts: number[][];
  rowTotals: number[];
  colTotals: number[];
  total: number;
  rowShares: number[][];
  colShares: number[][];
  /** Rows of each group with a blank value (left out). */
  blanks: number[];
  /** Rows of each group with bad input (left out). */
  errors: number[];
  blankTotal: number;
  errorTotal: number;
}

/** Separator of a multi-column group key (a character no cell text holds). */
export const GROUP_SEP = "\u0001";

const pct = (n: number, d: number) => (d === 0 ? 0 : (n / d) * 100);

export function crossTab(input: CrossTabInput): CrossTab {
  const n = input.values.length;
  for (const col of input.by)
    if (col.length !== n) throw new Error("crossTab: every group column must have one cell per value");
  const groupIndex = new Map<string, number>();
  const groups: string[][] = [];
  const valueIndex = new Map<string, number>();
  const values: string[] = [];
  const addValue = (v: string) => {
    if (!valueIndex.has(v)) {
      valueIndex.set(v, values.length);
      values.push(v);
    }
  };
  for (const v of input.order ?? []) addValue(v);
  const addGroup = (parts: string[]) => {
    const k = parts.join(GROUP_SEP);
    let g = groupIndex.get(k);
    if (g === undefined) {
      groupIndex.set(k, (g = groups.length));
      groups.push(parts);
    }
    return g;
  };
  for (const k of input.groupOrder ?? []) addGroup(k.split(GROUP_SEP));
  const cells: { g: number; v: number }[] = [];
  const blanks: number[] = [];
  const errors: number[] = [];
  const bump = (xs: number[], g: number) => {
    while (xs.length <= g) xs.push(0);
    xs[g]++;
  };
  for (let i = 0; i < n; i++) {
    const g = addGroup(input.by.map((col) => keyText(col[i])));
    if (input.errors?.[i]) bump(errors, g);
    else if (isBlank(input.values[i])) bump(blanks, g);
    else {
      const v = keyText(input.values[i]);
      addValue(v);
      cells.push({ g, v: valueIndex.get(v)! });
    }
  }
  const G = groups.length;
  const counts = groups.map(() => values.map(() => 0));
  for (const c of cells) counts[c.g][c.v]++;
  const rowTotals = counts.map((r) => r.reduce((a, b) => a + b, 0));
  const colTotals = values.map((_, v) => counts.reduce((a, r) => a + r[v], 0));
  const total = rowTotals.reduce((a, b) => a + b, 0);
  const fill = (xs: number[]) => Array.from({ length: G }, (_, g) => xs[g] ?? 0);
  const b = fill(blanks);
  const e = fill(errors);
  return {
    groups,
    values,
    counts,
    rowTotals,
    colTotals,
    total,
    rowShares: counts.map((r, g) => r.map((c) => pct(c, rowTotals[g]))),
    colShares: counts.map((r) => r.map((c, v) => pct(c, colTotals[v]))),
    blanks: b,
    errors: e,
    blankTotal: b.reduce((x, y) => x + y, 0),
    errorTotal: e.reduce((x, y) => x + y, 0),
  };
}

export interface PeriodTables {
  periods: string[];
  groups: string[][];
  values: string[];
  /** tables[p]: the period's table over the common groups and values (zeros where absent). */
  tables: CrossTab[];
  /** Change of each cell's count between the last two periods (empty with one period). */
  change: number[][];
  /** Change of each group's total between the last two periods. */
  changeTotals: number[];
  /** Change of each cell's row share (percentage points) between the last two periods. */
  changeShares: number[][];
}

/**
 * The same cross-table for several periods (oldest first) over the union of their groups and
 * values (first appearance across the periods, `order` first), with the change between the last two.
 */
export function periodTables(
  periods: readonly { name: string; input: CrossTabInput }[],
  order?: readonly string[],
): PeriodTables {
  const first = periods.map((p) => crossTab({ ...p.input, order: order ?? p.input.order }));
  const groupKeys: string[] = [];
  const seenG = new Set<string>();
  const vals: string[] = [...(order ?? [])];
  const seenV = new Set(vals);
  for (const t of first) {
    for (const g of t.groups) {
      const k = g.join(GROUP_SEP);
      if (!seenG.has(k)) {
        seenG.add(k);
        groupKeys.push(k);
      }
    }
    for (const v of t.values) {
      if (!seenV.has(v)) {
        seenV.add(v);
        vals.push(v);
      }
    }
  }
  const tables = periods.map((p) => crossTab({ ...p.input, order: vals, groupOrder: groupKeys }));
  const G = groupKeys.length;
  const zero = () => Array.from({ length: G }, () => vals.map(() => 0));
  const P = tables.length;
  const last = tables[P - 1];
  const prev = P >= 2 ? tables[P - 2] : undefined;
  return {
    periods: periods.map((p) => p.name),
    groups: groupKeys.map((k) => k.split(GROUP_SEP)),
    values: vals,
    tables,
    change: prev ? last.counts.map((r, g) => r.map((c, v) => c - prev.counts[g][v])) : zero(),
    changeTotals: prev ? last.rowTotals.map((c, g) => c - prev.rowTotals[g]) : groupKeys.map(() => 0),
    changeShares: prev ? last.rowShares.map((r, g) => r.map((s, v) => s - prev.rowShares[g][v])) : zero(),
  };
}
