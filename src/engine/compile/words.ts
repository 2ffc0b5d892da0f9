/** The words the formulas and SQL accept for category and yes/no cells, as the engine reads them. */
import { normalizeWord } from "../input/parse";
import type { Field } from "../template/schema";

/** Yes/no words the formulas and SQL accept (case-insensitive; TRUE/FALSE and 1/0 cells read as these). */
export const YES_WORDS: readonly string[] = ["yes", "y", "true", "1", "是", "有"];
export const NO_WORDS: readonly string[] = ["no", "n", "false", "0", "否", "无"];

/** A word as Excel's TRIM leaves it (outer spaces removed, inner runs of spaces made one). */
function trimWord(w: string): string {
  return w.replace(/^ +| +$/g, "").replace(/ {2,}/g, " ");
}

/** Word groups per value of a category or yes/no field, deduplicated as the engine matches them (first wins). */
export function wordGroups(field: Field): string[][] {
  if (field.type === "yesno") return [[...YES_WORDS], [...NO_WORDS]];
  const seen = new Set<string>();
  return (field.categories ?? []).map((c) => {
    const out: string[] = [];
    for (const w of [c.value, c.label.en, c.label.zh, ...(c.aliases ?? [])]) {
      const k = normalizeWord(w);
      const t = trimWord(w);
      if (!k || !t || seen.has(k)) continue;
      seen.add(k);
      out.push(t);
    }
    return out;
  });
}

/** Canonical values of a category or yes/no field, in index order. */
export function valuesOf(field: Field): string[] {
  return field.type === "yesno" ? ["yes", "no"] : (field.categories ?? []).map((c) => c.value);
}
