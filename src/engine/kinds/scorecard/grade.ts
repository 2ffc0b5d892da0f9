/**
 * Scorecards: criteria give points (relative to max, step tables, clamped formulas, category maps,
 * analyst-entered points), summed or weighted; the score is graded by bands or percentile tiers.
 */
import { compare, compareInterval, compileExpr, numValue, showCell, type RowNum } from "../../eval/expr";
import { exprVector, type VectorMemo } from "../../eval/vec";
import { fmt, round9, tr, type Lang } from "../../text/display";
import { range, type IntervalSet } from "../../eval/intervals";
import { msg } from "../../text/messages";
import { percentileTiers } from "../../eval/tiers";
import type { Criterion, Expr, Model } from "../../template/schema";
import { makeError } from "../../input/table";
import { bandGrader, checkBands, describeBand } from "../shared/bands";
import { describeTier } from "../percentile/grade";
import type { CheckContext, ModelContext, ModelKind } from "../types";

type ScorecardModel = Extract<Model, { kind: "scorecard" }>;

const clamp = (x: number, hi: number) => (x > 0 ? (x < hi ? x : hi) : 0); // NaN -> 0

/** Compiles one criterion to a points function over rows. */
export function criterionPoints(c: Criterion, ctx: ModelContext): RowNum {
  const P = c.points;
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
function criterionField(c: Criterion): string | undefined {
  return "field" in c.scoring ? c.scoring.field : undefined;
}

/** Bound scorecard: every row's total (computed at once) and the per-criterion breakdown. */
export function bindScore(model: ScorecardModel, ctx: ModelContext) {
  const weighted = model.criteria.some((c) => c.weight !== undefined);
  const w = model.criteria.map((c) => (weighted ? c.weight ?? 0 : 1));
  const n = ctx.n;
  const totals = new Float64Array(n);
  const memo: VectorMemo = new Map();
  model.criteria.forEach((c, k) => {
    const v = criterionVector(c, ctx, memo);
    const wk = w[k];
    for (let i = 0; i < n; i++) totals[i] += wk * v[i];
  });
  const score = (i: number) => totals[i];
  let pointFns: RowNum[] | undefined; // per-row closures, made only when a reason is asked for
  const breakdown = (i: number, lang: Lang) => {
    const pts = (pointFns ??= model.criteria.map((c) => criterionPoints(c, ctx)));
    return model.criteria
      .map((c, k) => {
        const p = pts[k](i);
        const f = criterionField(c);
        const col = f ? ctx.columns.get(f) : undefined;
        const input = col && c.scoring.kind !== "input" ? ` (${showCell(col, i, lang)})` : "";
        return weighted
          ? `${tr(c.label, lang)}${input} ${fmt(p)}×${fmt(w[k] * 100)}%`
          : `${tr(c.label, lang)}${input} ${fmt(p)}`;
      })
      .join(" + ");
  };
  return { score, totals, breakdown, weighted };
}

export const scorecardKind: ModelKind<ScorecardModel> = {
  kind: "scorecard",
  title: { en: "Scorecard", zh: "评分卡" },
  summary: {
    en: "Criteria give points; the (weighted) total is graded by bands or by percentile tiers.",
    zh: "各项指标计分，按总分（或加权分）的分数段或百分位分档定级。",
  },
  scores: true,
  population: (m) => m.grading.kind === "percentile" || m.criteria.some((c) => c.scoring.kind === "relativeToMax"),
  bind(model, ctx) {
    const { score, totals, breakdown } = bindScore(model, ctx);
    const g = model.grading;
    if (g.kind === "bands") {
      const bands = bandGrader(g.bands, g.otherwise, ctx);
      const label = (lang: Lang) => (lang === "zh-CN" ? "得分" : "score");
      return {
        score,
        grade: (i) => bands.grade(score(i)),
        error: (i) => makeError("#N/A", "noBand", (l) => ({ measure: label(l), value: fmt(score(i)) })),
        explain(i, lang) {
          const s = score(i);
          const gi = bands.grade(s);
          const head = msg("score", lang, { score: fmt(s), parts: breakdown(i, lang) });
          const band = describeBand(g.bands, bands.band(s), bands.thresholds, label(lang), round9(s), ctx.gradeName(gi, lang), undefined, lang);
          return `${head}${lang === "zh-CN" ? "；" : "; "}${band}`;
        },
      };
    }
    // Percentile tiers of the score over the valid rows.
    const scores = new Float64Array(ctx.n);
    for (let i = 0; i < ctx.n; i++) scores[i] = ctx.valid[i] === 1 ? round9(totals[i]) : NaN;
    const tiers = percentileTiers(scores, { cuts: g.cuts, include: ctx.valid });
    return {
      score,
      grade: (i) => tiers.tier[i],
      explain(i, lang) {
        const head = msg("score", lang, { score: fmt(score(i)), parts: breakdown(i, lang) });
        const t = tiers.tier[i];
        const tier = describeTier(ctx.gradeName(t, lang), tiers.greater[i], tiers.size[i], g.cuts, t, undefined, lang);
        return `${head}${lang === "zh-CN" ? "；" : "; "}${tier}`;
      },
    };
  },
  check(model, ctx) {
    const weighted = model.criteria.filter((c) => c.weight !== undefined).length;
    if (weighted > 0 && weighted < model.criteria.length) {
      ctx.report("error", "model.criteria", "partialWeights", {
        en: "either every criterion has a weight or none has",
        zh: "要么每项指标都有权重，要么都没有",
      });
    }
    if (weighted > 0) {
      const sum = model.criteria.reduce((s, c) => s + (c.weight ?? 0), 0);
      if (Math.abs(sum - 1) > 1e-9) {
        ctx.report("error", "model.criteria", "weightsSum", {
          en: `weights add up to ${fmt(sum * 100)}%, not 100%`,
          zh: `权重合计为 ${fmt(sum * 100)}%，不是 100%`,
        });
      }
    }
    const keys = new Set<string>();
    let lo = 0;
    let hi = 0;
    model.criteria.forEach((c, k) => {
      const path = `model.criteria[${k}]`;
      if (keys.has(c.key)) ctx.report("error", `${path}.key`, "duplicate", { en: `criterion '${c.key}' appears twice`, zh: `指标“${c.key}”重复` });
      keys.add(c.key);
      const [a, b] = criterionRange(c, ctx, path);
      const w = weighted > 0 ? c.weight ?? 0 : 1;
      lo += w * a;
      hi += w * b;
    });
    const domain: IntervalSet = range(round9(lo), round9(hi));
    if (model.grading.kind === "bands") {
      checkBands(model.grading.bands, model.grading.otherwise, domain, ctx, "model.grading.bands");
    } else {
      checkCuts(model.grading.cuts, ctx, "model.grading.cuts");
      ctx.template.grades.forEach((g) => ctx.gives(g.id));
    }
  },
};

/** Checks cut points: ascending and one fewer than the grades. */
export function checkCuts(cuts: readonly number[], ctx: CheckContext, path: string, tiers = ctx.template.grades.length): void {
  for (let k = 1; k < cuts.length; k++) {
    if (!(cuts[k] > cuts[k - 1])) {
      ctx.report("error", `${path}[${k}]`, "unsortedCuts", { en: "cut points must increase", zh: "分档切点必须递增" });
    }
  }
  if (cuts.length + 1 !== tiers) {
    ctx.report("error", path, "tierCount", {
      en: `${cuts.length} cut points make ${cuts.length + 1} tiers, but there are ${tiers} grades`,
      zh: `${cuts.length} 个切点产生 ${cuts.length + 1} 档，但有 ${tiers} 个等级`,
    });
  }
}

/** Possible points [min, max] of a criterion, reporting points outside [0, points]. */
function criterionRange(c: Criterion, ctx: CheckContext, path: string): [number, number] {
  const P = c.points;
  const s = c.scoring;
  const outside = (x: number, where: string) => {
    if (x < 0 || x > P) {
      ctx.report("error", where, "pointsOutOfRange", {
        en: `${fmt(x)} points is outside this criterion's range 0–${fmt(P)}`,
        zh: `${fmt(x)} 分超出该指标的范围 0–${fmt(P)}`,
      });
    }
  };
  const constPoints = (e: Expr, where: string): [number, number] => {
    if (typeof e === "number") {
      outside(e, where);
      return [Math.max(0, Math.min(e, P)), Math.max(0, Math.min(e, P))];
    }
    ctx.expr(e, where);
    return [0, P];
  };
  switch (s.kind) {
    case "relativeToMax":
      ctx.field(s.field, `${path}.scoring.field`, ["number"]);
      return [0, P];
    case "formula":
      ctx.expr(s.expr, `${path}.scoring.expr`);
      return [0, P];
    case "input": {
      const f = ctx.field(s.field, `${path}.scoring.field`, ["number"]);
      if (f && (f.min === undefined || f.max === undefined || f.min < 0 || f.max > P)) {
        ctx.report("error", `${path}.scoring.field`, "inputRange", {
          en: `field '${s.field}' must declare min/max within 0–${fmt(P)} (analyst-entered points)`,
          zh: `字段“${s.field}”须声明 0–${fmt(P)} 之内的最小/最大值（人工打分）`,
        });
      }
      return [Math.max(0, f?.min ?? 0), Math.min(P, f?.max ?? P)];
    }
    case "steps": {
      ctx.field(s.field, `${path}.scoring.field`, ["number"]);
      let lo = Infinity;
      let hi = -Infinity;
      const values = s.steps.map((st, k) => ctx.num(st.value, `${path}.scoring.steps[${k}].value`));
      s.steps.forEach((st, k) => {
        const [a, b] = constPoints(st.points, `${path}.scoring.steps[${k}].points`);
        lo = Math.min(lo, a);
        hi = Math.max(hi, b);
        if (k > 0) {
          const up = st.op === ">" || st.op === ">=";
          const down = st.op === "<" || st.op === "<=";
          if ((up && values[k] > values[k - 1]) || (down && values[k] < values[k - 1])) {
            ctx.report("warning", `${path}.scoring.steps[${k}].value`, "unsortedThresholds", {
              en: `steps are not sorted: ${fmt(values[k])} comes after ${fmt(values[k - 1])}, so it never applies`,
              zh: `分段未排序：${fmt(values[k])} 排在 ${fmt(values[k - 1])} 之后，永远不会生效`,
            });
          }
        }
      });
      const [a, b] = constPoints(s.otherwise, `${path}.scoring.otherwise`);
      return [Math.min(lo, a), Math.max(hi, b)];
    }
    case "map": {
      const f = ctx.field(s.field, `${path}.scoring.field`, ["category", "yesno"]);
      const known = f?.type === "yesno" ? ["yes", "no"] : (f?.categories ?? []).map((x) => x.value);
      const pts: number[] = [];
      for (const [key, x] of Object.entries(s.points)) {
        if (f && !known.includes(key)) {
          ctx.report("error", `${path}.scoring.points.${key}`, "unknownValue", {
            en: `'${key}' is not a value of field '${s.field}'`,
            zh: `“${key}”不是字段“${s.field}”的可选值`,
          });
        }
        outside(x, `${path}.scoring.points.${key}`);
        pts.push(x);
      }
      const other = s.otherwise ?? 0;
      outside(other, `${path}.scoring.otherwise`);
      const unmapped = known.some((k) => !(k in s.points));
      const all = unmapped || f?.required === false ? [...pts, other] : pts;
      const clamped = all.map((x) => Math.max(0, Math.min(P, x)));
      return [Math.min(...clamped), Math.max(...clamped)];
    }
  }
}
