/**
 * Cumulative-share tiers (ABC analysis) over a whole column, within groups. Population: the rows
 * included whose value is a number > 0 (and whose group is known); `total` = their sum.
 * before(x) = (sum of the population's values > x) / total; tier k = the first k with
 * round9(before) < round9(shares[k]), else the last tier. Ties share a tier. A value <= 0 is in
 * the last tier and outside the total.
 */
import { round9 } from "../../eval/precision";

export interface ShareTable {
  /** 0-based tier, -1 outside (not included, blank, unknown group). */
  tier: Int32Array;
  /** before(x) of the row (0 for values <= 0). */
  before: Float64Array;
  /** x / total (0 for values <= 0 and when the total is 0). */
  share: Float64Array;
  /** The total of the row's group. */
  total: Float64Array;
}

export function shareTiers(values: Float64Array, shares: readonly number[], include?: Uint8Array, groups?: Int32Array): ShareTable {
  const n = values.length;
  const tier = new Int32Array(n).fill(-1);
  const before = new Float64Array(n);
  const share = new Float64Array(n);
  const total = new Float64Array(n);
  const cuts = shares.map(round9);
  const last = shares.length;
  const inRows = (i: number) => values[i] === values[i] && (!include || include[i] === 1) && (!groups || groups[i] >= 0);
  const gc = groups ? groups.reduce((m, g) => Math.max(m, g + 1), 0) : 1;
  const counts = new Int32Array(gc);
  for (let i = 0; i < n; i++) if (inRows(i) && values[i] > 0) counts[groups ? groups[i] : 0]++;
  const pops = Array.from(counts, (c) => new Float64Array(c));
  const fill = new Int32Array(gc);
  for (let i = 0; i < n; i++) {
    if (!inRows(i) || !(values[i] > 0)) continue;
    const g = groups ? groups[i] : 0;
    pops[g][fill[g]++] = values[i];
  }
  // Ascending values and suffix sums (the sum of the values from j on, accumulated largest first).
  const suffix = pops.map((p) => {
    p.sort();
    const s = new Float64Array(p.length + 1);
    for (let j = p.length - 1; j >= 0; j--) s[j] = s[j + 1] + p[j];
    return s;
  });
  for (let i = 0; i < n; i++) {
    if (!inRows(i)) continue;
    const g = groups ? groups[i] : 0;
    const x = values[i];
    const tot = suffix[g][0];
    total[i] = tot;
    if (!(x > 0)) {
      tier[i] = last;
      continue;
    }
    const p = pops[g];
    // First index with a value > x.
    let lo = 0;
    let hi = p.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (p[mid] > x) hi = mid;
      else lo = mid + 1;
    }
    const b = suffix[g][lo] / tot;
    before[i] = b;
    share[i] = x / tot;
    const rb = round9(b);
    let k = 0;
    while (k < last && !(rb < cuts[k])) k++;
    tier[i] = k;
  }
  return { tier, before, share, total };
}
