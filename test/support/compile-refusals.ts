/**
 * Built-in templates the portable formulas and SQL refuse by name (README, "Portable formulas"):
 * their models need what the compiled targets do not express yet.
 */
export const NOT_COMPILED: readonly string[] = ["bank-credit-5", "value-share-3", "rfm-8"];
