/*
 * TEMPORARY PLACEHOLDER (created by the build/manifest work so webpack has an entry).
 * The custom functions engineer owns this file and will replace it.
 *
 * custom-functions-metadata-plugin reads the JSDoc tags below to write functions.json and appends the
 * CustomFunctions.associate(...) calls to this module at build time.
 */

/**
 * Grades a value into ad-hoc bands, e.g. =GK.TIER(85, {60,80}, {"A","B","C"}) returns "A".
 * @customfunction TIER
 * @param value The value to grade.
 * @param thresholds Band boundaries (any order; sorted ascending).
 * @param labels Grade labels, best first: one more label than thresholds.
 * @param [higherIsBetter] TRUE (default) when larger values earn better grades.
 * @returns The grade label for the value.
 */
export function tier(value: number, thresholds: number[][], labels: string[][], higherIsBetter?: boolean): string {
  const cuts = thresholds
    .flat()
    .filter((t) => typeof t === "number" && Number.isFinite(t))
    .sort((a, b) => a - b);
  const names = labels.flat().map(String);
  if (names.length !== cuts.length + 1) {
    throw new Error(`TIER needs ${cuts.length + 1} labels for ${cuts.length} thresholds, got ${names.length}`);
  }
  if (typeof value !== "number" || !Number.isFinite(value)) throw new Error("TIER: value must be a number");
  if (higherIsBetter ?? true) {
    const reached = cuts.filter((t) => value >= t).length; // 0..n
    return names[cuts.length - reached];
  }
  const passed = cuts.filter((t) => value > t).length;
  return names[passed];
}
