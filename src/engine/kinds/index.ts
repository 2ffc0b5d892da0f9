/** The model kinds, registered declaratively: adding a kind means adding one entry here. */
import type { Model } from "../template/schema";
import { bandsKind } from "./shared/bands";
import { codeKind } from "./code/grade";
import { percentileKind } from "./percentile/grade";
import { rulesKind } from "./rules/check";
import { scorecardKind } from "./scorecard/grade";
import type { ModelKind } from "./types";

export const MODEL_KINDS: { readonly [K in Model["kind"]]: ModelKind<Extract<Model, { kind: K }>> } = Object.freeze({
  bands: bandsKind,
  rules: rulesKind,
  scorecard: scorecardKind,
  percentile: percentileKind,
  code: codeKind,
});

/** The kind implementation of a model. */
export function kindOf<M extends Model>(model: M): ModelKind<M> {
  return MODEL_KINDS[model.kind] as unknown as ModelKind<M>;
}

export type { ModelKind, GradeInfo, BoundModel, CheckIssue, CheckContext, ModelContext, Severity } from "./types";
