/** Grouped scorecards in the template editor: edited in the JSON view. */
import type { KindEditor, ModelOf } from "../types";

export const groupsEditor: KindEditor<ModelOf<"groups">> = {
  label: { en: "Grouped scorecard", zh: "分组评分卡" },
  hint: {
    en: "Indicators in weighted groups; a group's score is the mean of its assessed indicators; the weights add up to 100.",
    zh: "指标分组加权；组得分为已评指标的平均分；各组权重之和为 100。",
  },
  form: false,
};
