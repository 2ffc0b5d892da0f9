/**
 * Scorecards: criteria give points (relative to max, step tables, clamped formulas, category maps,
 * analyst-entered points), summed or weighted; the score is graded by bands or percentile tiers.
 */
import type { ModelKind, ModelOf } from "../types";
import { checkScorecard } from "./check";
import { lowerScorecard } from "./compile";
import { scorecardEditor } from "./editor";
import { bindScorecard } from "./grade";
import { describeScorecard } from "./describe";

export const scorecardKind: ModelKind<ModelOf<"scorecard">> = {
  kind: "scorecard",
  title: { en: "Scorecard", zh: "评分卡" },
  summary: {
    en: "Criteria give points; the (weighted) total is graded by bands or by percentile tiers.",
    zh: "各项指标计分，按总分（或加权分）的分数段或百分位分档定级。",
  },
  scores: true,
  population: (m) => m.grading.kind === "percentile" || m.criteria.some((c) => c.scoring.kind === "relativeToMax"),
  bind: bindScorecard,
  check: checkScorecard,
  lower: lowerScorecard,
  describe: describeScorecard,
  editor: scorecardEditor,
};
