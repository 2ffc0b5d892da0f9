/**
 * A grouped scorecard in formulas/SQL: refused by name. A group with no assessed indicator makes
 * the row a bad input (`#VALUE!`) from the model itself, and the compiler's validity covers the
 * cells only.
 */
import type { LowerContext, LoweredModel } from "../../compile/lower-context";
import { refuse } from "../../compile/types";
import type { ModelOf } from "../types";

export function lowerGroups(_model: ModelOf<"groups">, ctx: LowerContext): LoweredModel {
  const id = ctx.template.id;
  return refuse(
    "notExpressible",
    `template '${id}' cannot be compiled: its grouped scorecard makes a row with no assessed indicator in a group a bad input, which the portable formulas and SQL do not express yet; grade it with GradeKit`,
    `模板“${id}”无法编译：分组评分卡中某组没有任何已评指标时该行为错误输入，可移植公式和 SQL 暂不能表达；请用 GradeKit 评级`,
  );
}
