/** A rule list as formula/SQL IR: nested IFs, first rule first, the otherwise grade (or `na`) last. */
import { iff, NA, num, type Node } from "../../compile/ir";
import type { LowerContext, LoweredModel } from "../../compile/lower-context";
import type { ModelOf } from "../types";

export function lowerRules(model: ModelOf<"rules">, ctx: LowerContext): LoweredModel {
  const rules = model.rules;
  let out: Node = model.otherwise !== undefined ? num(ctx.gradeNo(model.otherwise)) : NA;
  for (let k = rules.length - 1; k >= 0; k--) out = iff(ctx.cond(rules[k].when), num(ctx.gradeNo(rules[k].grade)), out);
  return { index: out };
}
