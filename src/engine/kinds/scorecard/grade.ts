/** Grading a scorecard: every row's total at once, then bands or percentile tiers of the score; reasons. */
import { showCell, type RowNum } from "../../eval/expr";
import { round9 } from "../../eval/precision";
import { percentileTiers } from "../../eval/tiers";
import type { VectorMemo } from "../../eval/vec";
import { makeError } from "../../input/table";
import { fmt, tr } from "../../text/display";
import { joinParts } from "../../text/format";
import type { Lang } from "../../text/lang";
import { msg, msgAround } from "../../text/messages";
import { bandGrader, describeBand } from "../shared/bands";
import { describeTier } from "../shared/tiers";
import type { BoundModel, ModelContext, ModelOf } from "../types";
import { criterionField, criterionPoints, criterionVector } from "./points";

type ScorecardModel = ModelOf<"scorecard">;

/** Bound scorecard: every row's total (computed at once) and the per-criterion breakdown. */
export function bindScore(model: ScorecardModel, ctx: ModelContext) {
  const weighted = model.criteria.some((c) => c.weight !== undefined);
  const w = model.criteria.map((c) => (weighted ? c.weight ?? 0 : 1));
  const n = ctx.n;
  const totals = new Float64Array(n);
  const memo: VectorMemo = new Map();
  model.criteria.forEach((c, k) => {
    const v = criterionVector(c, ctx, memo);
    const wk = w[k];
    for (let i = 0; i < n; i++) totals[i] += wk * v[i];
  });
  // Deductions: a total below zero counts as 0 unless the template allows negative totals.
  const clampTotal = model.negativeTotal !== "allow" && model.criteria.some((c) => (c.min ?? 0) < 0);
  const raw = clampTotal ? Float64Array.from(totals) : totals;
  if (clampTotal) for (let i = 0; i < n; i++) if (round9(totals[i]) < 0) totals[i] = 0;
  const clampNote = (i: number, lang: Lang) => (clampTotal && round9(raw[i]) < 0 ? msg("totalClamped", lang, { total: fmt(round9(raw[i])) }) : "");
  const score = (i: number) => totals[i];
  let pointFns: RowNum[] | undefined; // per-row closures, made only when a reason is asked for
  // Per language, made on first use: each criterion's part with its label, message text and
  // weight worked out once; per row only the cell and the points are formatted.
  const parts = new Map<Lang, ((i: number) => string)[]>();
  const partsIn = (lang: Lang) => {
    const pts = (pointFns ??= model.criteria.map((c) => criterionPoints(c, ctx)));
    const list = model.criteria.map((c, k) => {
      const f = criterionField(c);
      const col = f ? ctx.columns.get(f) : undefined;
      const label = tr(c.label, lang);
      const around = col && c.scoring.kind !== "input" ? msgAround("labelled", lang, { label }, "value") : undefined;
      const weight = weighted ? `×${fmt(w[k] * 100)}%` : "";
      const p = pts[k];
      return (i: number) => {
        const name = around && col ? around.join(showCell(col, i, lang)) : label;
        // no space between a Chinese closing bracket and the points
        const sep = lang === "zh-CN" && name.endsWith("）") ? "" : " ";
        return name + sep + fmt(p(i)) + weight;
      };
    });
    parts.set(lang, list);
    return list;
  };
  const breakdown = (i: number, lang: Lang) => {
    const list = parts.get(lang) ?? partsIn(lang);
    let s = "";
    for (let k = 0; k < list.length; k++) s += (k > 0 ? " + " : "") + list[k](i);
    return s;
  };
  return { score, totals, breakdown, weighted, clampNote };
}

/** Binds a scorecard to a table: the score of every row, its grade and its reason. */
export function bindScorecard(model: ScorecardModel, ctx: ModelContext): BoundModel {
  const { score, totals, breakdown, clampNote } = bindScore(model, ctx);
  const g = model.grading;
  if (g.kind === "bands") {
    const bands = bandGrader(g.bands, g.otherwise, ctx);
    const label = (lang: Lang) => msg("scoreName", lang);
    return {
      score,
      grade: (i) => bands.grade(score(i)),
      error: (i) => makeError("#N/A", "noBand", (l) => ({ measure: label(l), value: fmt(score(i)) })),
      explain(i, lang) {
        const s = score(i);
        const gi = bands.grade(s);
        const band = describeBand(g.bands, bands.band(s), bands.thresholds, label(lang), round9(s), ctx.gradeName(gi, lang), undefined, lang, bands.show);
        return joinParts([msg("scoreReason", lang, { grade: band, parts: breakdown(i, lang) }), clampNote(i, lang)].filter(Boolean), lang);
      },
    };
  }
  // Percentile tiers of the score over the valid rows.
  const scores = new Float64Array(ctx.n);
  for (let i = 0; i < ctx.n; i++) scores[i] = ctx.valid[i] === 1 ? round9(totals[i]) : NaN;
  const tiers = percentileTiers(scores, { cuts: g.cuts, include: ctx.valid });
  return {
    score,
    grade: (i) => tiers.tier[i],
    explain(i, lang) {
      const t = tiers.tier[i];
      const tier = describeTier(ctx.gradeName(t, lang), tiers.greater[i], tiers.size[i], g.cuts, t, undefined, lang);
      return joinParts([msg("score", lang, { score: fmt(score(i)), parts: breakdown(i, lang) }), clampNote(i, lang), tier].filter(Boolean), lang);
    },
  };
}
