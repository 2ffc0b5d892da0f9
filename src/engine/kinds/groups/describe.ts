/** Grouped scorecards in words: each group's weight and indicators, the score, the bands on it. */
import { describeBands } from "../shared/describe";
import { fmt, tr } from "../../text/display";
import type { DescribeContext, ModelDescription, ModelOf } from "../types";

export function describeGroups(model: ModelOf<"groups">, ctx: DescribeContext): ModelDescription {
  const lines = model.groups.map((g) => ctx.say("groupLine", { group: tr(g.label, ctx.lang), weight: fmt(typeof g.weight === "number" ? g.weight : (ctx.template.params ?? []).find((p) => p.key === (g.weight as { param: string }).param)?.default ?? NaN), fields: ctx.list(g.fields.map(ctx.field)) }));
  lines.push(ctx.say("groupScore"));
  return { lines, grades: describeBands(model.bands, model.otherwise, ctx.say("score"), undefined, ctx) };
}
