/** The cumulative-share kind's sentences (reasons, errors, checks). */
import { catalogue } from "../../text/format";

export const SHARE_TEXT = {
  tier: {
    en: "{grade}: {value} is {share} of the total {total}{group}; larger amounts hold {before} (cumulative {cum} with this row); {rule}",
    zh: "{grade}：{value} 占{group}总额 {total} 的 {share}；更大的金额合计占 {before}（含本行累计 {cum}）；{rule}",
  },
  below: { en: "{before} < {cut}", zh: "{before} < {cut}" },
  atLeast: { en: "{before} ≥ {cut}", zh: "{before} ≥ {cut}" },
  notPositive: {
    en: "{grade}: {value} is not positive, so it is not part of the total",
    zh: "{grade}：{value} 不是正数，不计入总额",
  },
  groupBlank: { en: "{field} (the group) is blank", zh: "{field}（分组）为空" },
  shareCount: {
    en: "{count} shares make {tiers} grades, but there are {grades} grades",
    zh: "{count} 个占比切点产生 {tiers} 个等级，但有 {grades} 个等级",
  },
  unsorted: { en: "shares must increase", zh: "占比切点必须递增" },
  outOfRange: { en: "a share must be above 0 and at most 1 (got {value})", zh: "占比须大于 0 且不超过 1（实际为 {value}）" },
} as const;

export const shareSay = catalogue(SHARE_TEXT);
