/** The grouped scorecard's sentences (reasons, errors, checks). */
import { catalogue } from "../../text/format";

export const GROUP_TEXT = {
  noneAssessed: { en: "no indicator assessed in group {group}", zh: "“{group}”组没有任何已评指标" },
  weightsSum: { en: "the group weights add up to {sum}, not 100", zh: "各组权重之和为 {sum}，不等于 100" },
  groupPart: { en: "{group} {mean}×{weight}%", zh: "{group} {mean}×{weight}%" },
  score: { en: "score {score} = {parts}", zh: "得分 {score} = {parts}" },
  scoreReason: { en: "{grade}; groups: {parts}", zh: "{grade}；各组得分：{parts}" },
} as const;

export const groupsSay = catalogue(GROUP_TEXT);
