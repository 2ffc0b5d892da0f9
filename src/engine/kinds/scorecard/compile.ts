/**
 * A scorecard as formula/SQL IR: each criterion's points (clamped to 0..points, 0 for a blank
 * input), the (weighted) sum shared as `score`, then score bands or the score's percentile tier.
 */
import { arith, cmp, iff, num, type Node } from "../../compile/ir";
import type { LowerContext, LoweredModel } from "../../compile/lower-context";
import { valuesOf } from "../../compile/words";
import type { Criterion, Expr } from "../../template/schema";
import { lowerBandIndex } from "../shared/bands";
import type { ModelOf } from "../types";

export function lowerScorecard(model: ModelOf<"scorecard">, ctx: LowerContext): LoweredModel {
  const score = lowerScore(model, ctx);
  const g = model.grading;
  const index: Node =
    g.kind === "bands"
      ? lowerBandIndex(ctx, { k: "round9", a: score }, g.bands, g.otherwise, true)
      : { k: "tier", pop: ctx.validPop(), v: { k: "round9", a: score }, cuts: g.cuts };
  return { index, score };
}

function lowerScore(model: ModelOf<"scorecard">, ctx: LowerContext): Node {
  const criteria = model.criteria;
  const weighted = criteria.some((c) => c.weight !== undefined);
  let total: Node | undefined;
  for (const c of criteria) {
    const p = lowerCriterion(c, ctx);
    const term = weighted ? arith("*", num(c.weight ?? 0), p) : p;
    total = total ? arith("+", total, term) : term;
  }
  // Deductions: a total below zero counts as 0 unless the template allows negative totals.
  const clampTotal = model.negativeTotal !== "allow" && criteria.some((c) => (c.min ?? 0) < 0);
  if (clampTotal) total = { k: "minmax", fn: "max", args: [num(0), total!] };
  return { k: "share", id: "score", a: total! };
}

/** Points of an expression clamped to [lo, P] (lo: 0 or a deduction's min); NaN gives 0. */
function clamped(e: Expr, P: number, ctx: LowerContext, lo = 0): Node {
  if (typeof e === "number") return num(e > lo ? (e < P ? e : P) : lo);
  const x = ctx.expr(e);
  const inner: Node = lo === 0 ? { k: "clamp", a: x.v, hi: P } : { k: "minmax", fn: "max", args: [num(lo), { k: "minmax", fn: "min", args: [x.v, num(P)] }] };
  return iff(x.nan, num(0), inner);
}

function lowerCriterion(c: Criterion, ctx: LowerContext): Node {
  const P = c.points;
  const lo = c.min ?? 0;
  const s = c.scoring;
  switch (s.kind) {
    case "relativeToMax": {
      const id = ctx.uniqueId("max");
      const v = ctx.readNum(s.field);
      const max: Node = { k: "share", id, a: { k: "popMax", id, pop: ctx.validPop(), v } };
      // A blank (NaN) value scores 0; the guard keeps a cell of spaces out of the arithmetic.
      return iff(ctx.nanOf(s.field), num(0), { k: "relmax", v, max, points: P });
    }
    case "steps": {
      const x = ctx.readNum(s.field);
      let out = clamped(s.otherwise, P, ctx, lo);
      for (let k = s.steps.length - 1; k >= 0; k--) {
        const st = s.steps[k];
        out = iff(cmp(st.op, x, num(ctx.num(st.value))), clamped(st.points, P, ctx, lo), out);
      }
      return iff(ctx.nanOf(s.field), num(0), out);
    }
    case "formula":
      return clamped(s.expr, P, ctx, lo);
    case "map": {
      const f = ctx.field(s.field);
      const other = s.otherwise ?? 0;
      const values = valuesOf(f);
      const pts = values.map((v) => (Object.prototype.hasOwnProperty.call(s.points, v) ? s.points[v] : other));
      // A blank cell matches no word: `otherwise`, unless the field has a default (`words` adds blank).
      const byPoints = new Map<number, number[]>();
      pts.forEach((p, k) => {
        if (p !== other) byPoints.set(p, [...(byPoints.get(p) ?? []), k]);
      });
      let out: Node = num(other);
      for (const [p, idx] of [...byPoints].reverse()) {
        out = iff(ctx.words(s.field, idx), num(p), out);
      }
      return out;
    }
    case "input": {
      const f = ctx.field(s.field);
      const x = ctx.readNum(s.field);
      const d = ctx.numDefault(f);
      const inRange = (f.min ?? -Infinity) >= lo && (f.max ?? Infinity) <= P && (d === undefined || (d >= lo && d <= P));
      const fit: Node = lo === 0 ? { k: "clamp", a: x, hi: P } : { k: "minmax", fn: "max", args: [num(lo), { k: "minmax", fn: "min", args: [x, num(P)] }] };
      return iff(ctx.nanOf(s.field), num(0), inRange ? x : fit);
    }
  }
}
