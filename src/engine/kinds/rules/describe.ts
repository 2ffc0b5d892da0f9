/** Rules in words: each rule's condition (first match), then the otherwise grade. */
import type { DescribeContext, ModelDescription, ModelOf } from "../types";

export function describeRules(model: ModelOf<"rules">, ctx: DescribeContext): ModelDescription {
  const grades = model.rules.map((r) => ({ grade: r.grade, when: ctx.condition(r.when) }));
  if (model.otherwise !== undefined) grades.push({ grade: model.otherwise, when: ctx.say("otherwise") });
  return { lines: [], grades };
}
