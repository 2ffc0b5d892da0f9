/** Percentile tiers as formula/SQL IR: the tier aggregate over the valid rows (of the row's group). */
import { FALSE } from "../../compile/ir";
import type { LowerContext, LoweredModel } from "../../compile/lower-context";
import { lowerTier } from "../shared/tiers";
import type { ModelOf } from "../types";

export function lowerPercentile(model: ModelOf<"percentile">, ctx: LowerContext): LoweredModel {
  return { index: lowerTier(ctx, model.field, model.groupBy, model.cuts, FALSE) };
}
