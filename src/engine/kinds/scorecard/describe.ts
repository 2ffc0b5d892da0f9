/** Scorecards in words: each criterion's scoring and points, how the score adds up, the cut-offs or tiers. */
import { showOp } from "../../eval/expr";
import { fmt, tr } from "../../text/display";
import type { Criterion } from "../../template/schema";
import { describeBands, describeCuts } from "../shared/describe";
import type { DescribeContext, ModelDescription, ModelOf } from "../types";

function how(c: Criterion, ctx: DescribeContext): string {
  const s = c.scoring;
  switch (s.kind) {
    case "relativeToMax":
      return ctx.say("relativeToMax", { field: ctx.field(s.field) });
    case "input":
      return ctx.say("input", { field: ctx.field(s.field) });
    case "formula":
      return ctx.expr(s.expr);
    case "map": {
      const f = ctx.template.fields.find((x) => x.key === s.field);
      const word = (v: string) => {
        if (f?.type === "yesno") return ctx.lang === "zh-CN" ? (v === "yes" ? "是" : v === "no" ? "否" : v) : v;
        const cat = f?.categories?.find((x) => x.value === v);
        return cat ? tr(cat.label, ctx.lang) : v;
      };
      const pairs = Object.entries(s.points).map(([v, p]) => ctx.say("mapPair", { value: word(v), points: fmt(p) }));
      if (s.otherwise !== undefined) pairs.push(ctx.say("stepOtherwise", { points: fmt(s.otherwise) }));
      return ctx.field(s.field) === tr(c.label, ctx.lang) ? ctx.list(pairs) : ctx.say("map", { field: ctx.field(s.field), pairs: ctx.list(pairs) });
    }
    case "steps": {
      const unit = ctx.unitOf(s.field);
      const steps = s.steps.map((st) => ctx.say("step", { op: showOp(st.op), value: ctx.value(st.value, unit), points: ctx.expr(st.points) }));
      steps.push(ctx.say(typeof s.otherwise === "number" ? "stepOtherwise" : "stepOtherwiseExpr", { points: ctx.expr(s.otherwise) }));
      return ctx.field(s.field) === tr(c.label, ctx.lang) ? ctx.list(steps) : ctx.say("steps", { field: ctx.field(s.field), steps: ctx.list(steps) });
    }
  }
}

export function describeScorecard(model: ModelOf<"scorecard">, ctx: DescribeContext): ModelDescription {
  const weighted = model.criteria.some((c) => c.weight !== undefined);
  const lines = model.criteria.map((c) =>
    ctx.say("criterionLine", {
      criterion: tr(c.label, ctx.lang),
      how: how(c, ctx),
      points: fmt(c.points),
      weight: c.weight !== undefined ? ctx.say("weight", { weight: fmt(c.weight * 100) + "%" }) : "",
    }),
  );
  lines.push(ctx.say(weighted ? "weightedOf" : "sumOf"));
  const measure = ctx.say("score");
  const g = model.grading;
  const grades = g.kind === "bands" ? describeBands(g.bands, g.otherwise, measure, undefined, ctx) : describeCuts(g.cuts, ctx.template.grades.map((x) => x.id), measure, ctx);
  return { lines, grades };
}
