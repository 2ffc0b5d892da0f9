/** Percentile tiers of one number field, optionally within groups (top 20% / middle 60% / bottom 20%). */
import { percentileTiers } from "../../eval/tiers";
import { makeError } from "../../input/table";
import { tr } from "../../text/display";
import { checkCuts, describeTier, groupIds, groupLabel } from "../shared/tiers";
import type { ModelContext, ModelKind, ModelOf } from "../types";
import { lowerPercentile } from "./compile";
import { percentileEditor } from "./editor";
import { describePercentile } from "./describe";

export const percentileKind: ModelKind<ModelOf<"percentile">> = {
  kind: "percentile",
  title: { en: "Percentile tiers", zh: "百分位分档" },
  summary: {
    en: "Ranks rows by one number (within groups if given): top 20% / middle 60% / bottom 20% by default.",
    zh: "按单一数值排名（可分组）分档：默认前 20% / 中间 60% / 后 20%。",
  },
  scores: false,
  population: () => true,
  bind(model, ctx: ModelContext) {
    const col = ctx.columns.get(model.field);
    if (!col || col.type !== "number") throw new Error(`percentile needs a number field '${model.field}'`);
    const gcol = model.groupBy ? ctx.columns.get(model.groupBy) : undefined;
    const groups = groupIds(gcol, ctx.n);
    const t = percentileTiers(col.v, { cuts: model.cuts, include: ctx.valid, groups });
    return {
      grade: (i) => t.tier[i],
      error: () =>
        makeError("#N/A", "notInPopulation", (l) => ({ field: tr(col.field.label, l) }), model.field),
      explain(i, lang) {
        const k = t.tier[i];
        return describeTier(ctx.gradeName(k, lang), t.greater[i], t.size[i], model.cuts, k, groupLabel(gcol, i, lang), lang);
      },
    };
  },
  check(model, ctx) {
    ctx.field(model.field, "model.field", ["number"]);
    if (model.groupBy) ctx.field(model.groupBy, "model.groupBy", ["category", "text", "yesno"]);
    checkCuts(model.cuts, ctx, "model.cuts");
    ctx.template.grades.forEach((g) => ctx.gives(g.id));
  },
  lower: lowerPercentile,
  describe: describePercentile,
  editor: percentileEditor,
};
