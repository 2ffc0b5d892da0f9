/** The limits a form keeps to: Excel's (sheet names, validation texts, inline lists) and its own (rows). */

export const DEFAULT_FORM_ROWS = 15;
export const MAX_FORM_ROWS = 1000;

/** Excel's limits on data validation texts. */
export const PROMPT_TITLE_MAX = 32;
export const PROMPT_MESSAGE_MAX = 255;
/** Longest inline list (`"a,b,c"`) Excel accepts. */
export const INLINE_LIST_MAX = 255;

/** A text cut to `max` characters (the last one an ellipsis when cut). */
export function clip(s: string, max: number): string {
  return [...s].length <= max ? s : [...s].slice(0, max - 1).join("") + "…";
}

/** A sheet name Excel accepts: at most 31 characters, none of `[]:*?/\`, no leading/trailing apostrophe. */
export function formSheetName(name: string): string {
  const clean = name.replace(/[[\]:*?/\\]/g, "-").replace(/^'+|'+$/g, "").trim().slice(0, 31).trim();
  return clean || "Form";
}

/** Inline list when every word fits Excel's inline form (no commas or quotes, <= 255 characters in all). */
export function inlineListOk(items: readonly string[]): boolean {
  return items.every((s) => s !== "" && !/[,"]/.test(s)) && items.join(",").length <= INLINE_LIST_MAX;
}
