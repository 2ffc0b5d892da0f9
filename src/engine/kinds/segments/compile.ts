/**
 * Segments against the mean (RFM) as formula/SQL IR: each measure's population mean over the
 * valid rows holding a number; a measure is high when round9(x) >= round9(mean) (<= when lower is
 * better; a blank value is low); the high/low pattern picks the segment (first listed wins).
 */
import { and, arith, cmp, iff, NA, not, num, type Node } from "../../compile/ir";
import type { LowerContext, LoweredModel } from "../../compile/lower-context";
import type { ModelOf } from "../types";

export function lowerSegments(model: ModelOf<"segments">, ctx: LowerContext): LoweredModel {
  const m = model.measures.length;
  // Bit m-1-k set when measure k is low (the engine's mask).
  let mask: Node = num(0);
  model.measures.forEach((ms, k) => {
    const nan = ctx.nanOf(ms.field);
    const v = ctx.readNum(ms.field);
    const id = ctx.uniqueId("mean");
    const mean: Node = { k: "share", id, a: { k: "popMean", id, pop: and(ctx.validPop(), not(nan)), v } };
    const high = and(not(nan), cmp(ms.better === "lower" ? "<=" : ">=", { k: "round9", a: v }, { k: "round9", a: mean }));
    const bit = iff(high, num(0), num(1 << (m - 1 - k)));
    mask = k === 0 ? bit : arith("+", mask, bit);
  });
  const byMask: Node[] = Array.from({ length: 1 << m }, () => NA);
  const seen = new Set<number>();
  for (const sg of model.segments) {
    if (sg.levels.length !== m) continue;
    const bits = sg.levels.reduce((acc, l) => (acc << 1) | (l === "low" ? 1 : 0), 0);
    if (seen.has(bits)) continue;
    seen.add(bits);
    byMask[bits] = num(ctx.gradeNo(sg.grade));
  }
  return { index: { k: "choose", idx: arith("+", num(1), mask), opts: byMask } };
}
