/** What the checker reports about a grouped scorecard: fields, weights adding up to 100, bands. */
import { round9 } from "../../eval/precision";
import { fmt } from "../../text/display";
import { fillBoth } from "../../text/format";
import { checkBands } from "../shared/bands";
import type { CheckContext, ModelOf } from "../types";
import { GROUP_TEXT } from "./messages";

export function checkGroups(model: ModelOf<"groups">, ctx: CheckContext): void {
  const seen = new Map<string, string>();
  let lo = Infinity;
  let hi = -Infinity;
  let sum = 0;
  model.groups.forEach((g, k) => {
    const w = ctx.num(g.weight, `model.groups[${k}].weight`);
    sum += w;
    if (!(w >= 0)) ctx.report("error", `model.groups[${k}].weight`, "negativeWeight", { en: "a weight cannot be negative", zh: "权重不能为负" });
    g.fields.forEach((key, j) => {
      const path = `model.groups[${k}].fields[${j}]`;
      const f = ctx.field(key, path, ["number"]);
      if (seen.has(key)) {
        ctx.report("error", path, "fieldInTwoGroups", {
          en: `field '${key}' is already in group '${seen.get(key)}'`,
          zh: `字段“${key}”已属于“${seen.get(key)}”组`,
        });
      }
      seen.set(key, g.key);
      lo = Math.min(lo, f?.min ?? -Infinity);
      hi = Math.max(hi, f?.max ?? Infinity);
    });
  });
  if (round9(sum) !== 100) ctx.report("error", "model.groups", "weightsSum", fillBoth(GROUP_TEXT.weightsSum, { sum: fmt(sum) }));
  const domain = [{ lo, hi, loIn: lo !== -Infinity, hiIn: hi !== Infinity }];
  checkBands(model.bands, model.otherwise, domain, ctx, "model.bands");
}
