/**
 * A template's source as a person reads it: the title of the source document, without the file
 * names of the seed documents the built-in templates were written from
 * (`Customer grading management system (source: seeds/000_….txt)` → `Customer grading management system`).
 */

/** `text` without `(source: seeds/….txt)` / `（来源：…）` and `; measures from seeds/… and seeds/…` parts. */
export function sourceTitle(text: string): string {
  return text
    .replace(/\s*[(（]\s*(?:source|来源)\s*[:：][^)）]*[)）]/gi, "")
    .replace(/\s*[;；]\s*(?:measures from|指标来自)[^;；]*seeds\/[^;；]*$/i, "")
    .replace(/(?:\.\.\/shared\/)?seeds\/[0-9a-z_]+\.txt/gi, "")
    .trim();
}
