/**
 * Built-in templates the portable formulas and SQL refuse by name (README, "Portable formulas"):
 * none since the grouped scorecard, cumulative-share and segment kinds compile (bank-credit-5,
 * value-share-3, rfm-8 are in the differential test like the others).
 */
export const NOT_COMPILED: readonly string[] = [];
