/** Checks of a scorecard: weights, criteria and their possible points, then the score's bands or cuts. */
import { range, type IntervalSet } from "../../eval/intervals";
import { round9 } from "../../eval/precision";
import { DEFAULTS } from "../../template/defaults";
import type { Criterion, Expr } from "../../template/schema";
import { fmt } from "../../text/display";
import { checkBands } from "../shared/bands";
import { checkCuts } from "../shared/tiers";
import type { CheckContext, ModelOf } from "../types";

export function checkScorecard(model: ModelOf<"scorecard">, ctx: CheckContext): void {
  const weighted = model.criteria.filter((c) => c.weight !== undefined).length;
  if (weighted > 0 && weighted < model.criteria.length) {
    ctx.report("error", "model.criteria", "partialWeights", {
      en: "either every criterion has a weight or none has",
      zh: "要么每项指标都有权重，要么都没有",
    });
  }
  if (weighted > 0) {
    const sum = model.criteria.reduce((s, c) => s + (c.weight ?? 0), 0);
    if (Math.abs(sum - 1) > DEFAULTS.weightTolerance) {
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
  // Deductions: the total counts as 0 below zero unless the template allows negative totals.
  const deducts = model.criteria.some((c) => (c.min ?? 0) < 0);
  if (deducts && model.negativeTotal !== "allow") lo = Math.max(0, lo);
  if (!deducts && model.negativeTotal !== undefined) {
    ctx.report("warning", "model.negativeTotal", "noDeductions", {
      en: "no criterion can give negative points (set a criterion's min below 0 for a deduction)",
      zh: "没有指标会给出负分（扣分项请将指标的最小值设为负数）",
    });
  }
  const domain: IntervalSet = range(round9(lo), round9(hi));
  if (model.grading.kind === "bands") {
    checkBands(model.grading.bands, model.grading.otherwise, domain, ctx, "model.grading.bands");
  } else {
    checkCuts(model.grading.cuts, ctx, "model.grading.cuts");
    ctx.template.grades.forEach((g) => ctx.gives(g.id));
  }
}

/** Possible points [min, max] of a criterion, reporting points outside [0, points]. */
function criterionRange(c: Criterion, ctx: CheckContext, path: string): [number, number] {
  const P = c.points;
  const L = c.min ?? 0;
  const s = c.scoring;
  if (P === 0 && L === 0) {
    ctx.report("error", `${path}.points`, "noPoints", {
      en: "a criterion needs points above 0, or a negative min (a deduction)",
      zh: "指标的分值须大于 0，或设置负的最小值（扣分项）",
    });
  }
  const outside = (x: number, where: string) => {
    if (x < L || x > P) {
      ctx.report("error", where, "pointsOutOfRange", {
        en: `${fmt(x)} points is outside this criterion's range ${fmt(L)}–${fmt(P)}${L === 0 && x < 0 ? " (declare a negative min for a deduction)" : ""}`,
        zh: `${fmt(x)} 分超出该指标的范围 ${fmt(L)}–${fmt(P)}${L === 0 && x < 0 ? "（扣分项请声明负的最小值）" : ""}`,
      });
    }
  };
  const fit = (x: number) => Math.max(L, Math.min(x, P));
  const constPoints = (e: Expr, where: string): [number, number] => {
    if (typeof e === "number") {
      outside(e, where);
      return [fit(e), fit(e)];
    }
    ctx.expr(e, where);
    return [L, P];
  };
  switch (s.kind) {
    case "relativeToMax":
      ctx.field(s.field, `${path}.scoring.field`, ["number"]);
      return [0, P];
    case "formula":
      ctx.expr(s.expr, `${path}.scoring.expr`);
      return [L, P];
    case "input": {
      const f = ctx.field(s.field, `${path}.scoring.field`, ["number"]);
      if (f && (f.min === undefined || f.max === undefined || f.min < L || f.max > P)) {
        ctx.report("error", `${path}.scoring.field`, "inputRange", {
          en: `field '${s.field}' must declare min/max within ${fmt(L)}–${fmt(P)} (analyst-entered points)`,
          zh: `字段“${s.field}”须声明 ${fmt(L)}–${fmt(P)} 之内的最小/最大值（人工打分）`,
        });
      }
      return [Math.max(L, f?.min ?? L), Math.min(P, f?.max ?? P)];
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
      const clamped = all.map(fit);
      return [Math.min(...clamped), Math.max(...clamped)];
    }
  }
}
