/** Percentile tiers in words: top 20%, next 60%, the rest (within groups when given). */
import { describeCuts } from "../shared/describe";
import type { DescribeContext, ModelDescription, ModelOf } from "../types";

export function describePercentile(model: ModelOf<"percentile">, ctx: DescribeContext): ModelDescription {
  const lines = [ctx.say("tiesShare")];
  if (model.groupBy) lines.unshift(ctx.say("inGroups", { group: ctx.field(model.groupBy) }));
  return { lines, grades: describeCuts(model.cuts, ctx.template.grades.map((g) => g.id), ctx.field(model.field), ctx) };
}
