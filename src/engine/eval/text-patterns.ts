/**
 * Text patterns (`contains`, `startsWith`, `endsWith`, `equalsAny` over a word list) on text and
 * category fields. Both the cell and the words are folded the same way first: full-width forms
 * to ASCII and odd spaces to plain ones (the engine's `normalizeText`, as numbers and category
 * words are read), runs of spaces to one, trimmed, lower case.
 */
import { normalizeText } from "../input/parse";
import type { Condition, TextPattern } from "../template/schema";
import type { CategoryColumn } from "../input/table";

export type TextPatternMode = "contains" | "startsWith" | "endsWith" | "equalsAny";
export const TEXT_PATTERN_MODES: readonly TextPatternMode[] = ["contains", "startsWith", "endsWith", "equalsAny"];

/** The mode and words of a text-pattern condition, or undefined for other conditions. */
export function textPatternOf(c: Condition): { field: string; mode: TextPatternMode; words: string[] } | undefined {
  if (!("field" in c)) return undefined;
  for (const mode of TEXT_PATTERN_MODES) {
    if (mode in c) return { field: c.field, mode, words: (c as unknown as Record<TextPatternMode, string[]>)[mode] };
  }
  return undefined;
}

/** Builds a text-pattern condition. */
export function makeTextPattern(field: string, mode: TextPatternMode, words: string[]): TextPattern {
  return { field, [mode]: words } as TextPattern;
}

/**
 * Folds text for matching: `ＭＡＲＫＥＴＩＮＧ  Manager ` -> `marketing manager`.
 *
 * @example foldText("Ｓｅｎｉｏｒ\u3000市场经理") // "senior 市场经理"
 */
export function foldText(s: string): string {
  return normalizeText(s).replace(/ {2,}/g, " ").toLowerCase();
}

/** Whether a folded value matches one of the folded words. */
export function matchesFolded(mode: TextPatternMode, value: string, words: readonly string[]): boolean {
  switch (mode) {
    case "contains":
      return words.some((w) => value.includes(w));
    case "startsWith":
      return words.some((w) => value.startsWith(w));
    case "endsWith":
      return words.some((w) => value.endsWith(w));
    case "equalsAny":
      return words.some((w) => value === w);
  }
}

/**
 * 1 for each value index of the column that matches. A text column's values are the trimmed
 * cells; a category value matches when its value, a label or an alias does.
 */
export function patternValueSet(col: CategoryColumn, mode: TextPatternMode, words: readonly string[]): Uint8Array {
  const folded = words.map(foldText).filter((w) => w !== "");
  const set = new Uint8Array(col.values.length + 1);
  col.values.forEach((v, k) => {
    const cat = col.field.type === "category" ? col.field.categories?.[k] : undefined;
    const texts = cat ? [cat.value, cat.label.en, cat.label.zh, ...(cat.aliases ?? [])] : [v];
    if (texts.some((t) => matchesFolded(mode, foldText(t), folded))) set[k] = 1;
  });
  return set;
}
