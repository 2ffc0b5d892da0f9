/**
 * Cumulative-share tiers (ABC) as formula/SQL IR, as `shareTiers` grades them: the population is
 * the valid rows with an amount > 0 (of the row's group when the group column is used, i.e. when
 * some row of the table has a group); before(x) = sum of the population's amounts > x / total;
 * tier = 1 + the number of cuts with round9(before) >= round9(cut); an amount <= 0 is the last
 * tier (score 0); a blank group, when groups are used, gives no grade (and no score).
 */
import { and, arith, cmp, FALSE, iff, NA, not, num, or, type Node } from "../../compile/ir";
import type { LowerContext, LoweredModel } from "../../compile/lower-context";
import { round9 } from "../../eval/precision";
import type { ModelOf } from "../types";

export function lowerShare(model: ModelOf<"share">, ctx: LowerContext): LoweredModel {
  const v = ctx.readNum(model.field);
  const nan = ctx.nanOf(model.field);
  const g = model.groupBy ? ctx.groupKey(model.groupBy) : undefined;
  // The group column counts when some row of the table (any status) has a group.
  const grouped: Node = model.groupBy ? { k: "anyRow", id: "grouped", c: not({ k: "blank", f: model.groupBy }) } : FALSE;
  const noGroup = g ? and(grouped, g.missing) : FALSE;
  const positive = cmp(">", v, num(0));
  const pop: Node = { k: "share", id: "pop", a: and(ctx.validPop(), not(nan), not(noGroup), positive) };
  const total: Node = { k: "share", id: "total", a: { k: "popSum", pop, v, group: g?.key } };
  const above: Node = { k: "popSum", pop, v, group: g?.key, above: true };
  const before: Node = { k: "round9", a: arith("/", above, total) };
  const cuts = model.shares.map((s) => round9(ctx.num(s)));
  const tier = arith("+", num(1), { k: "countTrue", a: before, op: ">=", ts: cuts });
  const outside = or(nan, noGroup);
  const index = iff(outside, NA, iff(positive, tier, num(cuts.length + 1)));
  const score = iff(outside, { k: "empty" }, iff(positive, arith("*", arith("/", v, total), num(100)), num(0)));
  return { index, score };
}
