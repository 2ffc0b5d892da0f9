/** Segments in words: each measure high or low against the mean, then the levels of each segment. */
import { tr } from "../../text/display";
import type { DescribeContext, ModelDescription, ModelOf } from "../types";

export function describeSegments(model: ModelOf<"segments">, ctx: DescribeContext): ModelDescription {
  const name = (k: number) => tr(model.measures[k].label, ctx.lang);
  const lines = model.measures.map((m, k) => ctx.say("segmentLine", { measure: name(k), better: ctx.say(m.better === "higher" ? "atLeastMean" : "atMostMean") }));
  const grades = model.segments.map((s) => ({ grade: s.grade, when: ctx.list(s.levels.map((l, k) => ctx.say(l, { measure: name(k) }))) }));
  return { lines, grades };
}
