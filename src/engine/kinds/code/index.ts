/**
 * Compound codes (tobacco retail: format letter + scale tier + market digit + legal digit + `L`):
 * the grades are the codes the parts can make, derived from the model.
 */
import type { ModelKind, ModelOf } from "../types";
import { checkCode } from "./check";
import { enumerate } from "./codes";
import { lowerCode } from "./compile";
import { codeEditor } from "./editor";
import { bindCode } from "./grade";
import { describeCode } from "./describe";

export const codeKind: ModelKind<ModelOf<"code">> = {
  kind: "code",
  title: { en: "Compound code", zh: "组合编码" },
  summary: {
    en: "A code built from parts (category letters, percentile tiers, flags), e.g. Z121 or C112L.",
    zh: "由多个部分（类别字母、百分位档次、标记）组合成编码，例如 Z121、C112L。",
  },
  scores: false,
  population: (m) => m.parts.some((p) => p.kind === "tier"),
  deriveGrades: (model, template) => enumerate(model, template).grades,
  bind: bindCode,
  check: checkCode,
  lower: lowerCode,
  describe: describeCode,
  editor: codeEditor,
};
