/**
 * Percentile tiers (spec): within its group, for a value x among n numeric values,
 * `above(x) = count(values > x) / n`; tier k (0-based) is the first k with `above < cuts[k]`,
 * else the last tier. Ties share a tier; NaN (blank/invalid) values are not in the population.
 */
import { DEFAULTS } from "../template/defaults";

/** A sorted population, reusable for many look-ups (custom functions cache these). */
export interface Population {
  /** Numeric values, ascending. */
  readonly sorted: Float64Array;
  readonly n: number;
}

/**
 * Builds a population from values; non-numbers and NaN are left out.
 *
 * @example populationOf([3, 1, 2]).sorted // Float64Array [1, 2, 3]
 */
export function populationOf(values: ArrayLike<number>): Population {
  let n = 0;
  const tmp = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const x = values[i];
    if (typeof x === "number" && x === x && x - x === 0) tmp[n++] = x;
  }
  const sorted = tmp.slice(0, n).sort();
  return { sorted, n };
}

/** Count of population values strictly greater than x. */
export function countGreater(pop: Population, x: number): number {
  const s = pop.sorted;
  let lo = 0;
  let hi = s.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (s[mid] <= x) lo = mid + 1;
    else hi = mid;
  }
  return s.length - lo;
}

/** Tier index (0 = best) for `greater` of `n` values being higher. */
export function tierFor(greater: number, n: number, cuts: readonly number[]): number {
  const above = greater / n;
  for (let k = 0; k < cuts.length; k++) if (above < cuts[k]) return k;
  return cuts.length;
}

/**
 * The tier (0-based) of x in a population, or -1 when x is not a number or the population is empty.
 *
 * @example tierOf(populationOf([1,2,3,4,5,6,7,8,9,10]), 9) // 0 (top 20%)
 */
export function tierOf(pop: Population, x: number, cuts: readonly number[] = DEFAULTS.cuts): number {
  if (!(x === x) || pop.n === 0) return -1;
  return tierFor(countGreater(pop, x), pop.n, cuts);
}

export interface TierTable {
  /** Tier per row (0 = best); -1 for rows outside the population. */
  tier: Int32Array;
  /** How many values of the row's group are higher. */
  greater: Int32Array;
  /** Size of the row's group population. */
  size: Int32Array;
}

/**
 * Tiers for every row. `include[i] === 0` leaves row i out; `groups[i]` (an id >= 0) partitions
 * the rows, -1 leaves the row out.
 *
 * @example percentileTiers(new Float64Array([5, 4, 3, 2, 1]), { cuts: [0.2, 0.8] }).tier // [0, 1, 1, 1, 2]
 */
export function percentileTiers(
  values: Float64Array,
  options: { cuts?: readonly number[]; include?: Uint8Array; groups?: Int32Array } = {},
): TierTable {
  const n = values.length;
  const cuts = options.cuts ?? DEFAULTS.cuts;
  const tier = new Int32Array(n).fill(-1);
  const greater = new Int32Array(n).fill(-1);
  const size = new Int32Array(n);
  const { include, groups } = options;
  const inPop = (i: number) => values[i] === values[i] && (!include || include[i] === 1) && (!groups || groups[i] >= 0);

  // Bucket rows by group, then sort each group's values once.
  const groupCount = groups ? groups.reduce((m, g) => Math.max(m, g + 1), 0) : 1;
  const counts = new Int32Array(groupCount);
  for (let i = 0; i < n; i++) if (inPop(i)) counts[groups ? groups[i] : 0]++;
  const pops: Float64Array[] = [];
  for (let g = 0; g < groupCount; g++) pops.push(new Float64Array(counts[g]));
  const fill = new Int32Array(groupCount);
  for (let i = 0; i < n; i++) {
    if (!inPop(i)) continue;
    const g = groups ? groups[i] : 0;
    pops[g][fill[g]++] = values[i];
  }
  const sortedPops: Population[] = pops.map((p) => ({ sorted: p.sort(), n: p.length }));
  for (let i = 0; i < n; i++) {
    if (!inPop(i)) continue;
    const pop = sortedPops[groups ? groups[i] : 0];
    const gr = countGreater(pop, values[i]);
    greater[i] = gr;
    size[i] = pop.n;
    tier[i] = tierFor(gr, pop.n, cuts);
  }
  return { tier, greater, size };
}
