/**
 * A grouped scorecard as formula/SQL IR: each group's score is the mean of the row's assessed
 * (non-blank) indicators; a group with none assessed makes the row a bad input (`invalid`, so
 * `#VALUE!`); score = sum of weight x group score / 100 (the engine's order of operations),
 * graded by bands on the score at 9 decimals.
 */
import { arith, cmp, num, or, type Node } from "../../compile/ir";
import type { LowerContext, LoweredModel } from "../../compile/lower-context";
import { refuse } from "../../compile/types";
import { round9 } from "../../eval/precision";
import { lowerBandIndex } from "../shared/bands";
import type { ModelOf } from "../types";

export function lowerGroups(model: ModelOf<"groups">, ctx: LowerContext): LoweredModel {
  for (const g of model.groups) for (const f of g.fields) ctx.field(f);
  const weights = model.groups.map((g) => ctx.num(g.weight));
  const sum = weights.reduce((a, b) => a + b, 0);
  if (round9(sum) !== 100 || weights.some((w) => !(w >= 0))) {
    // The engine refuses such weights too (`groupWeights`).
    refuse("badOptions", `the group weights of '${ctx.template.id}' add up to ${sum}, not 100`, `模板“${ctx.template.id}”的各组权重之和为 ${sum}，不等于 100`);
  }
  let total: Node | undefined;
  model.groups.forEach((g, k) => {
    const term = arith("*", num(weights[k]), { k: "meanOf", fs: [...g.fields] });
    total = total ? arith("+", total, term) : term;
  });
  const score: Node = { k: "share", id: "score", a: arith("/", total!, num(100)) };
  const invalid = or(...model.groups.map((g): Node => cmp("=", { k: "countNum", fs: [...g.fields] }, num(0))));
  return { index: lowerBandIndex(ctx, { k: "round9", a: score }, model.bands, model.otherwise, true), score, invalid };
}
