/**
 * `GK.TIER` and `GK.PERCENTILE_TIER` as the engine templates they mean (threshold bands and
 * percentile tiers over one number field `value`), so that the one compiler (`engine/compile`)
 * writes their portable formulas. Checked with the engine's checker: a call the engine cannot
 * express as a template (duplicate labels, ...) is a refusal naming the checker's message. Pure.
 */
import { checkTemplate, type Bilingual, type Template } from "../../engine";

const VALUE = "value";
const GREY = "#D9D9D9";
const FIELD = { key: VALUE, label: { en: "Value", zh: "值" }, type: "number" as const };

export type Built = { ok: true; template: Template } | { ok: false; why: Bilingual };

function finish(template: Template): Built {
  const r = checkTemplate(template);
  if (r.ok) return { ok: true, template };
  const first = r.issues.find((i) => i.severity === "error");
  return { ok: false, why: first ? { en: `${first.path}: ${first.message.en}`, zh: `${first.path}：${first.message.zh}` } : { en: "invalid", zh: "无效" } };
}

const gradesOf = (labels: readonly string[]) => labels.map((l) => ({ id: l, label: { en: l, zh: l }, color: GREY }));

/** GK.TIER(value, thresholds, labels, higher): labels best first; a value on a threshold gets the better band. */
export function tierTemplate(thresholds: readonly number[], labels: readonly string[], higher: boolean): Built {
  const sorted = [...thresholds].sort((a, b) => (higher ? b - a : a - b));
  const op = higher ? (">=" as const) : ("<=" as const);
  return finish({
    id: "gk-tier",
    version: 1,
    category: "custom",
    name: { en: "GK.TIER", zh: "GK.TIER" },
    description: { en: "GK.TIER", zh: "GK.TIER" },
    fields: [FIELD],
    grades: gradesOf(labels),
    model: { kind: "bands", field: VALUE, bands: sorted.map((value, k) => ({ grade: labels[k], op, value })), otherwise: labels[labels.length - 1] },
  });
}

/** GK.PERCENTILE_TIER(values, cuts, labels) without groups. */
export function percentileTemplate(cuts: readonly number[], labels: readonly string[]): Built {
  return finish({
    id: "gk-percentile-tier",
    version: 1,
    category: "custom",
    name: { en: "GK.PERCENTILE_TIER", zh: "GK.PERCENTILE_TIER" },
    description: { en: "GK.PERCENTILE_TIER", zh: "GK.PERCENTILE_TIER" },
    fields: [FIELD],
    grades: gradesOf(labels),
    model: { kind: "percentile", field: VALUE, cuts: [...cuts] },
  });
}

export const VALUE_FIELD = VALUE;
