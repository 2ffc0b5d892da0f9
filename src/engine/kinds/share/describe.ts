/** Cumulative-share (ABC) tiers in words: the share of the total held by the larger amounts. */
import { fmt } from "../../text/display";
import type { DescribeContext, ModelDescription, ModelOf } from "../types";

export function describeShare(model: ModelOf<"share">, ctx: DescribeContext): ModelDescription {
  const measure = ctx.field(model.field);
  const lines = [ctx.say("shareLine")];
  if (model.groupBy) lines.push(ctx.say("inGroups", { group: ctx.field(model.groupBy) }));
  const ids = ctx.template.grades.map((g) => g.id);
  const grades = ids.map((grade, k) => {
    const s = model.shares[k];
    if (s === undefined) return { grade, when: ctx.say("otherwise") };
    const share = typeof s === "number" ? fmt(s * 100) + "%" : ctx.value(s, "percent");
    return { grade, when: ctx.say("shareGrade", { share, measure }) };
  });
  return { lines, grades };
}
