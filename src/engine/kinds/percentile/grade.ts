/** Percentile tiers of one number field, optionally within groups (top 20% / middle 60% / bottom 20%). */
import { fmt, tr, type Lang } from "../../text/display";
import { msg } from "../../text/messages";
import { percentileTiers } from "../../eval/tiers";
import type { Model } from "../../template/schema";
import { makeError, type Column } from "../../input/table";
import { checkCuts } from "../scorecard/grade";
import type { ModelContext, ModelKind } from "../types";

type PercentileModel = Extract<Model, { kind: "percentile" }>;

/** "1: 1 of 10 values in Z are higher (top 20%)". */
export function describeTier(
  gradeLabel: string,
  greater: number,
  n: number,
  cuts: readonly number[],
  tier: number,
  group: string | undefined,
  lang: Lang,
): string {
  const share = tier < cuts.length ? fmt(cuts[tier] * 100) + "%" : "100%";
  return msg("tier", lang, {
    grade: gradeLabel,
    greater,
    n,
    share,
    group: group ? msg("inGroup", lang, { group }) : "",
  });
}

/** Group ids per row from a category/text column: its value index, -1 when blank or bad. */
export function groupIds(col: Column | undefined, n: number): Int32Array | undefined {
  if (!col) return undefined;
  if (col.type === "category") return col.v;
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) out[i] = col.v[i] === col.v[i] ? Math.round(col.v[i]) : -1;
  return out;
}

export const percentileKind: ModelKind<PercentileModel> = {
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
    const groupName = (i: number, lang: Lang) =>
      gcol && gcol.type === "category" && gcol.v[i] >= 0 ? tr(gcol.labels[gcol.v[i]], lang) : undefined;
    return {
      grade: (i) => t.tier[i],
      error: () =>
        makeError("#N/A", "notInPopulation", (l) => ({ field: tr(col.field.label, l) }), model.field),
      explain(i, lang) {
        const k = t.tier[i];
        return describeTier(ctx.gradeName(k, lang), t.greater[i], t.size[i], model.cuts, k, groupName(i, lang), lang);
      },
    };
  },
  check(model, ctx) {
    ctx.field(model.field, "model.field", ["number"]);
    if (model.groupBy) ctx.field(model.groupBy, "model.groupBy", ["category", "text", "yesno"]);
    checkCuts(model.cuts, ctx, "model.cuts");
    ctx.template.grades.forEach((g) => ctx.gives(g.id));
  },
};
