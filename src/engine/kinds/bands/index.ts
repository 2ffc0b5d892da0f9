/** Threshold bands on one number field: `VIP > 500000, Platinum >= 200000, ... otherwise Regular`. */
import { makeError } from "../../input/table";
import { fmt, tr } from "../../text/display";
import type { Lang } from "../../text/lang";
import { bandGrader, checkBands, describeBand, fieldDomain } from "../shared/bands";
import type { ModelKind, ModelOf } from "../types";
import { lowerBands } from "./compile";
import { bandsEditor } from "./editor";
import { describeBandsModel } from "./describe";

export const bandsKind: ModelKind<ModelOf<"bands">> = {
  kind: "bands",
  title: { en: "Bands", zh: "阈值分级" },
  summary: {
    en: "Thresholds on one number, first match wins (higher or lower is better).",
    zh: "按单一数值的阈值分级，自上而下首个满足的等级生效。",
  },
  scores: false,
  population: () => false,
  bind(model, ctx) {
    const col = ctx.columns.get(model.field);
    if (!col || col.type !== "number") throw new Error(`bands need a number field '${model.field}'`);
    const v = col.v;
    const g = bandGrader(model.bands, model.otherwise, ctx);
    const label = (lang: Lang) => tr(col.field.label, lang);
    return {
      grade: (i) => g.grade(v[i]),
      error: (i) =>
        makeError("#N/A", "noBand", (l) => ({ measure: label(l), value: fmt(v[i], col.field.unit) }), model.field),
      explain(i, lang) {
        const gi = g.grade(v[i]);
        return describeBand(model.bands, g.band(v[i]), g.thresholds, label(lang), v[i], ctx.gradeName(gi, lang), col.field.unit, lang, g.show);
      },
    };
  },
  check(model, ctx) {
    const f = ctx.field(model.field, "model.field", ["number"]);
    checkBands(model.bands, model.otherwise, fieldDomain(f), ctx, "model.bands", f?.unit);
  },
  lower: lowerBands,
  describe: describeBandsModel,
  editor: bandsEditor,
};
