/**
 * Grouped scorecards (bank credit rating): indicators (analyst scores) in groups; a group's score
 * is the mean of its assessed indicators (a blank one is not assessed; a group with none makes the
 * row a bad input); score = sum of weight x group score / 100 with weights adding up to 100.
 */
import type { ModelKind, ModelOf } from "../types";
import { checkGroups } from "./check";
import { lowerGroups } from "./compile";
import { groupsEditor } from "./editor";
import { bindGroups } from "./grade";
import { describeGroups } from "./describe";

export const groupsKind: ModelKind<ModelOf<"groups">> = {
  kind: "groups",
  title: { en: "Grouped scorecard", zh: "分组评分卡" },
  summary: {
    en: "Indicator groups averaged over the assessed indicators, weighted (weights add up to 100), graded by bands.",
    zh: "各组取已评指标的平均分，按组权重（合计 100）加权，按分数段定级。",
  },
  scores: true,
  population: () => false,
  bind: bindGroups,
  check: checkGroups,
  lower: lowerGroups,
  describe: describeGroups,
  editor: groupsEditor,
};
