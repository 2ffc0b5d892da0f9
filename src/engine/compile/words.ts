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

/** At most this many spellings are looked up before the general normalisation (a CASE stays short). */
const MAX_SPELLINGS = 40;

/**
 * The spellings a category or yes/no field's cells are most likely to hold — the template's own
 * words as written (value, labels, aliases; yes/no words in lower, upper and title case) — with
 * the key the SQL normalisation gives each (`WORD_STRIPPED` removed, lower case). Only spellings
 * whose lower case every database computes alike (ASCII, or characters without case such as
 * Chinese) are listed, so the lookup gives exactly what the normalisation would.
 */
export function spellingKeys(field: Field | undefined): [string, string][] {
  if (!field || (field.type !== "category" && field.type !== "yesno")) return [];
  const words =
    field.type === "yesno"
      ? [...YES_WORDS, ...NO_WORDS].flatMap((w) => [w, w.toUpperCase(), w.charAt(0).toUpperCase() + w.slice(1)])
      : (field.categories ?? []).flatMap((c) => [c.value, c.label.en, c.label.zh, ...(c.aliases ?? [])]);
  const out = new Map<string, string>();
  for (const w of words) {
    if (out.size >= MAX_SPELLINGS) break;
    if (!w || out.has(w) || ![...w].every((ch) => ch.charCodeAt(0) < 128 || ch.toLowerCase() === ch.toUpperCase())) continue;
    out.set(w, WORD_STRIPPED.reduce((s, ch) => s.split(ch).join(""), w).toLowerCase());
  }
  return [...out];
}
