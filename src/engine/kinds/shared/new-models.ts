/** Pieces of the starting models the template editor offers for a new model (`KindEditor.newModel`). */
import { round9 } from "../../eval/precision";
import type { Band, Condition, Field, Template } from "../../template/schema";

/** A first condition on a field, fitting its type. */
export function defaultCondition(field: Field | undefined): Condition {
  if (!field) return { field: "", blank: false };
  if (field.type === "number") return { field: field.key, op: ">=", value: 0 };
  if (field.type === "yesno") return { field: field.key, is: "yes" };
  if (field.type === "category") return { field: field.key, is: field.categories?.[0]?.value ?? "" };
  if (field.type === "date") return { expr: { since: field.key, unit: "days" }, op: ">=", value: 0 };
  return { field: field.key, blank: false };
}

/** n-1 cut points splitting the rows evenly (2 decimals). */
export function evenCuts(n: number): number[] {
  return Array.from({ length: n - 1 }, (_, k) => round9(Math.round(((k + 1) / n) * 100) / 100));
}

/** The first number field of a draft, if any. */
export function firstNumberField(t: Template): Field | undefined {
  return t.fields.find((f) => f.type === "number");
}

/** Thresholds `n-1 .. 1` spread over 0..100 for n grades, best first. */
function spread(n: number): number[] {
  return Array.from({ length: Math.max(0, n - 1) }, (_, k) => Math.round((100 * (n - 1 - k)) / n));
}

/**
 * Bands giving every grade of a draft (the last by `otherwise`): `>=` thresholds spread over
 * 0..100, or one band at 0 when there is a single grade.
 */
export function startingBands(t: Template): { bands: Band[]; otherwise: string | undefined } {
  const ids = t.grades.map((g) => g.id);
  const last = ids.length ? ids[ids.length - 1] : undefined;
  const bands: Band[] = ids.length > 1 ? spread(ids.length).map((value, k) => ({ grade: ids[k], op: ">=", value })) : [{ grade: ids[0] ?? "", op: ">=", value: 0 }];
  return { bands, otherwise: ids.length > 1 ? last : undefined };
}
