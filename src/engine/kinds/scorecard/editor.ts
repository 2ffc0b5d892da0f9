/** Scorecards in the template editor. */
import { firstNumberField, startingBands } from "../shared/new-models";
import type { KindEditor, ModelOf } from "../types";

export const scorecardEditor: KindEditor<ModelOf<"scorecard">> = {
  label: { en: "Scorecard (points)", zh: "评分卡（计分）" },
  hint: { en: "Criteria give points; the total score is graded by score bands or percentiles.", zh: "各指标计分；总分按分数档或百分位分级。" },
  form: true,
  newModel: (draft, names) => ({
    kind: "scorecard",
    criteria: [{ key: "c1", label: names.criterion(1), points: 100, scoring: { kind: "relativeToMax", field: firstNumberField(draft)?.key ?? "" } }],
    grading: { kind: "bands", ...startingBands(draft) },
  }),
};
