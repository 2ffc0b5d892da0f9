/**
 * The editor of each model kind, registered declaratively (the mirror of the engine's
 * `kinds/index.ts`): adding a kind means adding its editor file here and one entry below.
 */
import type { Model } from "../../../engine";
import { BandsModel } from "./bands";
import { CodeModel } from "./code";
import { GroupsModel, SegmentsModel, ShareModel } from "./json-only";
import type { KindEditorComponent } from "./kind-editor";
import { PercentileModel } from "./percentile";
import { RulesModel } from "./rules";
import { ScorecardModel } from "./scorecard";

export const KIND_EDITORS: { readonly [K in Model["kind"]]: KindEditorComponent<K> } = Object.freeze({
  bands: BandsModel,
  rules: RulesModel,
  scorecard: ScorecardModel,
  percentile: PercentileModel,
  code: CodeModel,
  groups: GroupsModel,
  share: ShareModel,
  segments: SegmentsModel,
});

/** The editor component of a model's kind. */
export function kindEditorOf(model: Model): KindEditorComponent<Model["kind"]> {
  return KIND_EDITORS[model.kind] as KindEditorComponent<Model["kind"]>;
}

export type { KindEditorProps, KindEditorComponent } from "./kind-editor";
