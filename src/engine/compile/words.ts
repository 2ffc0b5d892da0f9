/** The words the formulas and SQL accept for category and yes/no cells, as the engine reads them. */
import { normalizeWord } from "../input/parse";
import type { Field } from "../template/schema";

/** Yes/no words the formulas and SQL accept (case-insensitive; TRUE/FALSE and 1/0 cells read as these). */
export const YES_WORDS: readonly string[] = ["yes", "y", "true", "1", "是", "有"];
export const NO_WORDS: readonly string[] = ["no", "n", "false", "0", "否", "无"];

/**
 * Word keys per value of a category or yes/no field, as the engine matches them: each word
 * normalised by the engine's `normalizeWord` (lower case; spaces, `-` and `_` removed; full-width
 * forms made ASCII), deduplicated with the first value winning. The formulas and SQL normalise
 * the cell the same way (see `WORD_STRIPPED`) and compare it with these keys, so `joint-stock`,
 * `Joint Stock` and `JOINT_STOCK` are one word everywhere.
 */
export function wordGroups(field: Field): string[][] {
  if (field.type === "yesno") return [[...YES_WORDS], [...NO_WORDS]];
  const seen = new Set<string>();
  return (field.categories ?? []).map((c) => {
    const out: string[] = [];
    for (const w of [c.value, c.label.en, c.label.zh, ...(c.aliases ?? [])]) {
      const k = normalizeWord(w);
      if (!k || seen.has(k)) continue;
      seen.add(k);
      out.push(k);
    }
    return out;
  });
}

/**
 * The characters the formulas and SQL remove from a category cell before comparing it with the
 * keys (after trimming; letter case is ignored by Excel's `=` and by SQL's LOWER). The engine
 * also removes other white space (tabs, line breaks) and reads full-width letters as ASCII; the
 * formulas do not, so such a cell is #VALUE! there (an error value, never another grade).
 */
export const WORD_STRIPPED: readonly string[] = [" ", "-", "_"];

/** Canonical values of a category or yes/no field, in index order. */
export function valuesOf(field: Field): string[] {
  return field.type === "yesno" ? ["yes", "no"] : (field.categories ?? []).map((c) => c.value);
}
