/**
 * What a scorecard criterion gives: points relative to the maximum, from a step table, a clamped
 * formula, a category map or analyst-entered points. Per row (`criterionPoints`, for reasons) and
 * for every row at once (`criterionVector`, for grading); both give the same numbers.
 */
import { compare, compareInterval, compileExpr, numValue, type RowNum } from "../../eval/expr";
import { exprVector, type VectorMemo } from "../../eval/vec";
import type { Criterion } from "../../template/schema";
import type { ModelContext } from "../types";

/** Points clamped to [lo, hi] (lo is 0, or a criterion's negative `min`); NaN -> 0. */
const clampTo = (x: number, lo: number, hi: number) => (x > lo ? (x < hi ? x : hi) : x === x ? lo : 0);

/** Compiles one criterion to a points function over rows. */
export function criterionPoints(c: Criterion, ctx: ModelContext): RowNum {
  const P = c.points;
  const lo = c.min ?? 0;
  const clamp = (x: number, hi: number) => clampTo(x, lo, hi);
  const s = c.scoring;
  switch (s.kind) {
    case "relativeToMax": {
      const col = ctx.columns.get(s.field);
      if (!col || col.type !== "number") throw new Error(`criterion ${c.key}: '${s.field}' is not a number field`);
      const v = col.v;
      let max = -Infinity;
      for (let i = 0; i < ctx.n; i++) if (ctx.valid[i] === 1 && v[i] > max) max = v[i];
      if (!(max > 0)) return () => 0;
      // value / max first: P / max overflows for tiny maxima (5e-311).
      return (i) => (v[i] > 0 ? (v[i] / max) * P : 0);
    }
    case "steps": {
      const col = ctx.columns.get(s.field);
      if (!col || col.type !== "number") throw new Error(`criterion ${c.key}: '${s.field}' is not a number field`);
      const v = col.v;
      const tests = s.steps.map((st) => compare(st.op, numValue(st.value, ctx.params)));
      const pts = s.steps.map((st) => compileExpr(st.points, ctx));
      const other = compileExpr(s.otherwise, ctx);
      const m = tests.length;
      return (i) => {
        const x = v[i];
        if (!(x === x)) return 0;
        for (let k = 0; k < m; k++) if (tests[k](x)) return clamp(pts[k](i), P);
        return clamp(other(i), P);
      };
    }
    case "formula": {
      const e = compileExpr(s.expr, ctx);
      return (i) => clamp(e(i), P);
    }
    case "map": {
      const col = ctx.columns.get(s.field);
      if (!col || col.type !== "category") throw new Error(`criterion ${c.key}: '${s.field}' is not a category field`);
      const other = s.otherwise ?? 0;
      const table = col.values.map((val) => (Object.prototype.hasOwnProperty.call(s.points, val) ? s.points[val] : other));
      const v = col.v;
      return (i) => (v[i] >= 0 ? table[v[i]] : other);
    }
    case "input": {
      const col = ctx.columns.get(s.field);
      if (!col || col.type !== "number") throw new Error(`criterion ${c.key}: '${s.field}' is not a number field`);
      const v = col.v;
      return (i) => clamp(v[i], P);
    }
  }
}

/** One criterion's points for every row (the fast path; same results as `criterionPoints`). */
export function criterionVector(c: Criterion, ctx: ModelContext, memo: VectorMemo = new Map()): Float64Array {
  const P = c.points;
  const lo = c.min ?? 0;
  const clamp = (x: number, hi: number) => clampTo(x, lo, hi);
  const s = c.scoring;
  const n = ctx.n;
  const out = new Float64Array(n);
  const clampAll = (src: Float64Array) => {
    for (let i = 0; i < n; i++) out[i] = clamp(src[i], P);
    return out;
  };
  switch (s.kind) {
    case "relativeToMax": {
      const v = numberCol(ctx, s.field, c);
      let max = -Infinity;
      for (let i = 0; i < n; i++) if (ctx.valid[i] === 1 && v[i] > max) max = v[i];
      if (!(max > 0)) return out;
      for (let i = 0; i < n; i++) out[i] = v[i] > 0 ? (v[i] / max) * P : 0;
      return out;
    }
    case "steps": {
      // One pass: each step is a closed interval (x < t is x <= the double below t); constant
      // points are read from a table, expression points from their vector.
      const v = numberCol(ctx, s.field, c);
      const m = s.steps.length;
      const lo = new Float64Array(m);
      const hi = new Float64Array(m);
      const constant = new Float64Array(m);
      const vectors: (Float64Array | null)[] = [];
      s.steps.forEach((st, k) => {
        const iv = compareInterval(st.op, numValue(st.value, ctx.params))!;
        lo[k] = iv[0];
        hi[k] = iv[1];
        constant[k] = typeof st.points === "number" ? st.points : NaN;
        vectors.push(typeof st.points === "number" ? null : exprVector(st.points, ctx, n, memo));
      });
      const otherConst = typeof s.otherwise === "number" ? s.otherwise : NaN;
      const otherVec = typeof s.otherwise === "number" ? null : exprVector(s.otherwise, ctx, n, memo);
      for (let i = 0; i < n; i++) {
        const x = v[i];
        if (!(x === x)) {
          out[i] = 0;
          continue;
        }
        let p = otherVec ? otherVec[i] : otherConst;
        for (let k = 0; k < m; k++) {
          if (x >= lo[k] && x <= hi[k]) {
            const vec = vectors[k];
            p = vec ? vec[i] : constant[k];
            break;
          }
        }
        out[i] = clamp(p, P);
      }
      return out;
    }
    case "formula":
      return clampAll(exprVector(s.expr, ctx, n, memo));
    case "map": {
      const col = ctx.columns.get(s.field);
      if (!col || col.type !== "category") throw new Error(`criterion ${c.key}: '${s.field}' is not a category field`);
      const other = s.otherwise ?? 0;
      const table = col.values.map((val) => (Object.prototype.hasOwnProperty.call(s.points, val) ? s.points[val] : other));
      const v = col.v;
      for (let i = 0; i < n; i++) out[i] = v[i] >= 0 ? table[v[i]] : other;
      return out;
    }
    case "input":
      return clampAll(numberCol(ctx, s.field, c));
  }
}

function numberCol(ctx: ModelContext, key: string, c: Criterion): Float64Array {
  const col = ctx.columns.get(key);
  if (!col || col.type !== "number") throw new Error(`criterion ${c.key}: '${key}' is not a number field`);
  return col.v;
}

/** The field a criterion reads (for its explanation), if one. */
export function criterionField(c: Criterion): string | undefined {
  return "field" in c.scoring ? c.scoring.field : undefined;
}
