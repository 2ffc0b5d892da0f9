/** The built-in template library, as data. Ids and field keys follow shared/spec/templates.md. */
import type { Template } from "../engine/template/schema";
import { eduIntent5, mfq102a, needClose5, relationship4, salesPipeline } from "./pipeline";
import { autoBase3, multiFactor5, pharmaScore, realestate6, spend5, weightedValue } from "./scorecards";
import { bankCredit5 } from "./credit";
import { rfm8, valueShare3 } from "./population";
import { defeat3, powerLoad3, status5, wealthRisk5 } from "./status-rules";
import { bocomTier, lifecycle5, risk3, tobaccoRetailCode, tobaccoRetailScore } from "./retail";

/** All built-in templates, in the spec's order. */
export const BUILTIN_TEMPLATES: readonly Template[] = Object.freeze([
  salesPipeline,
  mfq102a,
  needClose5,
  eduIntent5,
  pharmaScore,
  realestate6,
  spend5,
  multiFactor5,
  weightedValue,
  tobaccoRetailCode,
  tobaccoRetailScore,
  bocomTier,
  autoBase3,
  lifecycle5,
  risk3,
  relationship4,
  bankCredit5,
  powerLoad3,
  valueShare3,
  status5,
  wealthRisk5,
  defeat3,
  rfm8,
]);

/** A built-in template by id, or undefined. */
export function getBuiltinTemplate(id: string): Template | undefined {
  return BUILTIN_TEMPLATES.find((t) => t.id === id);
}

export const BUILTIN_IDS: readonly string[] = BUILTIN_TEMPLATES.map((t) => t.id);
