/** The precision at which the engine compares computed values. */

/**
 * Rounds to 9 decimal places, the precision at which GradeKit compares computed scores
 * ("29% gives 29 margin points, a weighted sum of exactly 80 is 80").
 *
 * @example round9(0.29 * 100) // 29
 */
export function round9(x: number): number {
  if (!Number.isFinite(x) || Math.abs(x) >= 1e6) return x;
  return Math.round(x * 1e9) / 1e9;
}
