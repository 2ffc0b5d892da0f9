/**
 * Excel sheet names: at most 31 characters, none of `[ ] : * ? / \`, not starting or ending with
 * an apostrophe, not empty. The report builders name their sheets through these.
 */

/** `name` made valid as a sheet name (characters Excel refuses become `_`), at most `max` characters. */
export function validSheetName(name: string, max = 31): string {
  return (
    name
      .replace(/[[\]:*?/\\]/g, "_")
      .replace(/^'+|'+$/g, "")
      .slice(0, max)
      .trim() || "Sheet"
  );
}

/** A valid sheet name not yet in `used` (compared case-insensitively, as Excel does); adds it to `used`. */
export function uniqueSheetName(name: string, used: Set<string>): string {
  const base = validSheetName(name, 28);
  let n = base;
  for (let k = 2; used.has(n.toLowerCase()); k++) n = `${base} ${k}`;
  used.add(n.toLowerCase());
  return n;
}
