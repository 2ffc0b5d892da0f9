/** Bands on a field as formula/SQL IR: `na` where the value is blank, else the first matching band. */
import { iff, NA } from "../../compile/ir";
import type { LowerContext, LoweredModel } from "../../compile/lower-context";
import { lowerBandIndex } from "../shared/bands";
import type { ModelOf } from "../types";

export function lowerBands(model: ModelOf<"bands">, ctx: LowerContext): LoweredModel {
  const nan = ctx.nanOf(model.field);
  return { index: iff(nan, NA, lowerBandIndex(ctx, { k: "round9", a: ctx.readNum(model.field) }, model.bands, model.otherwise, false)) };
}
