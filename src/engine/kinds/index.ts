/**
 * The model kinds, registered declaratively. Adding a kind means adding its folder
 * `kinds/<kind>/` (grading and reasons, checks, compilation, editor metadata) and one entry here.
 */
import type { Model } from "../template/schema";
import { bandsKind } from "./bands";
import { codeKind } from "./code";
import { groupsKind } from "./groups";
import { percentileKind } from "./percentile";
import { rulesKind } from "./rules";
import { scorecardKind } from "./scorecard";
import { segmentsKind } from "./segments";
import { shareKind } from "./share";
import type { ModelKind } from "./types";

export const MODEL_KINDS: { readonly [K in Model["kind"]]: ModelKind<Extract<Model, { kind: K }>> } = Object.freeze({
  bands: bandsKind,
  rules: rulesKind,
  scorecard: scorecardKind,
  percentile: percentileKind,
  code: codeKind,
  groups: groupsKind,
  share: shareKind,
  segments: segmentsKind,
});

/** The kind implementation of a model. */
export function kindOf<M extends Model>(model: M): ModelKind<M> {
  return MODEL_KINDS[model.kind] as unknown as ModelKind<M>;
}

export type { ModelKind, ModelOf, GradeInfo, BoundModel, CheckIssue, CheckContext, ModelContext, Severity, KindEditor, NewModelNames } from "./types";
