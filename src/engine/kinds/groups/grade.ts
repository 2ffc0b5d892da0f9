/**
 * Grading a grouped scorecard: each group's score is the mean of its assessed (non-blank)
 * indicators; score = sum of weight x group score / 100; the score is graded by bands.
 */
import { round9 } from "../../eval/precision";
import type { GradeError } from "../../input/table";
import { fmt, tr } from "../../text/display";
import { fillBoth } from "../../text/format";
import { GradeKitError } from "../../text/error";
import type { Lang } from "../../text/lang";
import { msg } from "../../text/messages";
import { bandGrader, describeBand } from "../shared/bands";
import type { BoundModel, ModelContext, ModelOf } from "../types";
import { GROUP_TEXT, groupsSay } from "./messages";

type GroupsModel = ModelOf<"groups">;

/** The weights of the groups with the parameters in force; refuses weights not adding up to 100. */
export function groupWeights(model: GroupsModel, params: Readonly<Record<string, number>>): number[] {
  const w = model.groups.map((g) => (typeof g.weight === "number" ? g.weight : "param" in g.weight ? params[g.weight.param] ?? NaN : NaN));
  const sum = w.reduce((a, b) => a + b, 0);
  if (!(round9(sum) === 100) || w.some((x) => !(x >= 0))) {
    throw GradeKitError.from("weightsNot100", "template", GROUP_TEXT.weightsSum, { sum: fmt(sum) });
  }
  return w;
}

export function bindGroups(model: GroupsModel, ctx: ModelContext): BoundModel {
  const weights = groupWeights(model, ctx.params);
  const n = ctx.n;
  const m = model.groups.length;
  // Per group: the mean of assessed indicators (NaN when none is assessed).
  const means: Float64Array[] = model.groups.map((g) => {
    const sum = new Float64Array(n);
    const cnt = new Int32Array(n);
    for (const f of g.fields) {
      const col = ctx.columns.get(f);
      if (!col || col.type !== "number") throw new Error(`groups need number field '${f}'`);
      const v = col.v;
      for (let i = 0; i < n; i++) {
        const x = v[i];
        if (x === x) {
          sum[i] += x;
          cnt[i]++;
        }
      }
    }
    for (let i = 0; i < n; i++) sum[i] = cnt[i] > 0 ? sum[i] / cnt[i] : NaN;
    return sum;
  });
  const totals = new Float64Array(n);
  const missing = new Int32Array(n).fill(-1);
  for (let i = 0; i < n; i++) {
    let t = 0;
    for (let k = 0; k < m; k++) {
      const x = means[k][i];
      if (!(x === x)) {
        if (missing[i] < 0) missing[i] = k;
        continue;
      }
      t += weights[k] * x;
    }
    totals[i] = missing[i] >= 0 ? NaN : t / 100;
  }
  const bands = bandGrader(model.bands, model.otherwise, ctx);
  const label = (lang: Lang) => msg("scoreName", lang);
  return {
    score: (i) => totals[i],
    grade: (i) => (missing[i] >= 0 ? -1 : bands.grade(totals[i])),
    error(i): GradeError {
      if (missing[i] >= 0) {
        const g = model.groups[missing[i]];
        const text = fillBoth(GROUP_TEXT.noneAssessed, { group: g.label.en }, { group: g.label.zh });
        return { type: "#VALUE!", code: "noneAssessed", field: g.fields[0], message: text };
      }
      const text = { en: msg("noBand", "en", { measure: label("en"), value: fmt(totals[i]) }), zh: msg("noBand", "zh-CN", { measure: label("zh-CN"), value: fmt(totals[i]) }) };
      return { type: "#N/A", code: "noBand", message: text };
    },
    explain(i, lang) {
      const s = totals[i];
      const parts = model.groups
        .map((g, k) => groupsSay("groupPart", lang, { group: tr(g.label, lang), mean: fmt(means[k][i]), weight: fmt(weights[k]) }))
        .join(" + ");
      const gi = bands.grade(s);
      const band = describeBand(model.bands, bands.band(s), bands.thresholds, label(lang), round9(s), ctx.gradeName(gi, lang), undefined, lang);
      return groupsSay("scoreReason", lang, { grade: band, parts });
    },
  };
}
