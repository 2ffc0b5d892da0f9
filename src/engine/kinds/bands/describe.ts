/** Bands in words: "Annual spend > 500,000", ..., "otherwise". */
import { describeBands } from "../shared/describe";
import type { DescribeContext, ModelDescription, ModelOf } from "../types";

export function describeBandsModel(model: ModelOf<"bands">, ctx: DescribeContext): ModelDescription {
  return { lines: [], grades: describeBands(model.bands, model.otherwise, ctx.field(model.field), ctx.unitOf(model.field), ctx) };
}
