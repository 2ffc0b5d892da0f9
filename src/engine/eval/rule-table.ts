/**
 * A flat, call-free evaluator for the common shape of grading rules: each rule is one comparison,
 * or an AND/OR of comparisons on number fields and category tests. The whole table is graded in
 * one loop over typed arrays (no closure calls per row). Other shapes fall back to closures.
 */
import { categoryValueIndex, compareInterval, numValue, type Scope } from "./expr";
import { isPopStat } from "./pop-stats";
import type { Condition } from "../template/schema";

export interface RuleTable {
  /** Index of the first rule that holds for row i, or -1. */
  first(i: number): number;
  /**
   * For every row with `valid[i] === 1`: `out[i] = grades[first rule]`, or `otherwise` when none
   * holds. Rows with `valid[i] === 0` are left as they are.
   */
  fill(valid: Uint8Array, out: Int32Array, grades: readonly number[], otherwise: number): void;
}

interface Leaves {
  num: { v: Float64Array; lo: number; hi: number }[];
  cat: { v: Int32Array; set: Uint8Array }[];
}

function leaf(c: Condition, scope: Scope, into: Leaves): boolean {
  if ("op" in c && "field" in c) {
    if (isPopStat(c.value) && c.value.groupBy) return false; // a per-row threshold: not a table leaf
    const col = scope.columns.get(c.field);
    const iv = compareInterval(c.op, numValue(c.value, scope.params));
    if (!col || col.type !== "number" || !iv) return false;
    into.num.push({ v: col.v, lo: iv[0], hi: iv[1] });
    return true;
  }
  if (("is" in c || "in" in c) && "field" in c) {
    const col = scope.columns.get(c.field);
    if (!col || col.type !== "category") return false;
    const set = new Uint8Array(col.values.length + 1);
    for (const w of "is" in c ? [c.is] : c.in) set[categoryValueIndex(col, w)] = 1;
    into.cat.push({ v: col.v, set });
    return true;
  }
  return false;
}

/** Builds the flat table, or undefined when a rule has another shape. */
export function flattenRules(conditions: readonly Condition[], scope: Scope): RuleTable | undefined {
  const rules: { any: boolean; leaves: Leaves }[] = [];
  for (const c of conditions) {
    const leaves: Leaves = { num: [], cat: [] };
    const list = "all" in c ? c.all : "any" in c ? c.any : [c];
    if (!list.every((x) => leaf(x, scope, leaves))) return undefined;
    rules.push({ any: "any" in c, leaves });
  }
  // Flatten into parallel arrays.
  const R = rules.length;
  const anyFlag = new Uint8Array(R);
  const nStart = new Int32Array(R + 1);
  const cStart = new Int32Array(R + 1);
  const ncols: Float64Array[] = [];
  const nlo: number[] = [];
  const nhi: number[] = [];
  const ccols: Int32Array[] = [];
  const csets: Uint8Array[] = [];
  rules.forEach((r, k) => {
    anyFlag[k] = r.any ? 1 : 0;
    nStart[k] = ncols.length;
    cStart[k] = ccols.length;
    for (const l of r.leaves.num) {
      ncols.push(l.v);
      nlo.push(l.lo);
      nhi.push(l.hi);
    }
    for (const l of r.leaves.cat) {
      ccols.push(l.v);
      csets.push(l.set);
    }
  });
  nStart[R] = ncols.length;
  cStart[R] = ccols.length;
  const lo = Float64Array.from(nlo);
  const hi = Float64Array.from(nhi);

  const holds = (k: number, i: number): boolean => {
    const any = anyFlag[k] === 1;
    for (let j = nStart[k]; j < nStart[k + 1]; j++) {
      const x = ncols[j][i];
      const h = x >= lo[j] && x <= hi[j];
      if (h === any) return any;
    }
    for (let j = cStart[k]; j < cStart[k + 1]; j++) {
      const x = ccols[j][i];
      const h = x >= 0 && csets[j][x] === 1;
      if (h === any) return any;
    }
    return !any;
  };
  return {
    first(i) {
      for (let k = 0; k < R; k++) if (holds(k, i)) return k;
      return -1;
    },
    fill(valid, out, grades, otherwise) {
      const n = out.length;
      for (let i = 0; i < n; i++) {
        if (valid[i] === 0) continue;
        let g = otherwise;
        for (let k = 0; k < R; k++) {
          const any = anyFlag[k] === 1;
          let result = !any;
          let decided = false;
          for (let j = nStart[k]; j < nStart[k + 1]; j++) {
            const x = ncols[j][i];
            if ((x >= lo[j] && x <= hi[j]) === any) {
              result = any;
              decided = true;
              break;
            }
          }
          if (!decided) {
            for (let j = cStart[k]; j < cStart[k + 1]; j++) {
              const x = ccols[j][i];
              if ((x >= 0 && csets[j][x] === 1) === any) {
                result = any;
                break;
              }
            }
          }
          if (result) {
            g = grades[k];
            break;
          }
        }
        out[i] = g;
      }
    },
  };
}
