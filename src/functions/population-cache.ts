/**
 * Sorted populations for scalar `GK.PERCENTILE_TIER(B2, B$2:B$1000)` calls.
 *
 * Every one of those formulas receives the same population range, as a fresh array. Sorting it in
 * every call would make a column of 10,000 formulas sort 10,000 times; instead the population is
 * sorted once and kept in a small LRU cache together with a flat copy of the cells it was built from.
 * A call finds candidate entries by a cheap key (shape plus a few sampled cells) and reuses one only
 * after comparing every cell with that copy (`===`, error objects by their error text): the reuse is
 * exact - any edit anywhere in the range is a miss and a new sort - and a hit costs one pass over the
 * range with no parsing, allocation or sorting. Old entries fall out of the LRU.
 */
import { populationOf, type Population } from "../engine";
import { numberOrNaN, plainCell, type Matrix } from "./excel-values";

const SAMPLES = 16;

/** A short text for a sampled cell. */
function sampleText(v: unknown): string {
  const p = v !== null && typeof v === "object" ? plainCell(v) : v;
  return typeof p === "number" ? String(p) : typeof p === "string" ? JSON.stringify(p) : String(p);
}

/**
 * The bucket key of a range: shape and up to 16 evenly spaced cells. Equal ranges have equal keys;
 * different ranges usually differ too, but the key is only a hint - reuse needs `sameCells`.
 */
export function sampleKey(m: Matrix): string {
  const rows = m.length;
  const cols = m[0]?.length ?? 0;
  const cells = rows * cols; // Excel's ranges are rectangular; sameCells checks every row anyway
  let key = `${rows}:${cols}`;
  if (cells === 0) return key;
  const step = Math.max(1, Math.floor(cells / SAMPLES));
  for (let k = 0; k < cells; k += step) {
    const row = m[Math.min(rows - 1, Math.floor(k / cols))];
    key += "|" + sampleText(row[k % cols]);
  }
  const last = m[rows - 1];
  return key + "|" + sampleText(last[last.length - 1]);
}

/** The cells of a range, row by row, as compared later (error and rich-value objects as plain values). */
export function flatCells(m: Matrix): unknown[] {
  const out: unknown[] = [];
  for (let r = 0; r < m.length; r++) {
    const row = m[r];
    for (let c = 0; c < row.length; c++) {
      const v = row[c];
      out.push(v !== null && typeof v === "object" ? plainCell(v) : v);
    }
  }
  return out;
}

/** True when `m` holds exactly `cells` (as made by `flatCells`), in order. */
export function sameCells(m: Matrix, cells: readonly unknown[]): boolean {
  let k = 0;
  const n = cells.length;
  for (let r = 0; r < m.length; r++) {
    const row = m[r];
    const len = row.length;
    if (k + len > n) return false;
    for (let c = 0; c < len; c++) {
      const v = row[c];
      const s = cells[k++];
      if (v !== s && (v === null || typeof v !== "object" || plainCell(v) !== s)) return false;
    }
  }
  return k === n;
}

/** A cached population: all numeric cells, or (with groups) one population per group key. */
export interface CachedPopulation {
  readonly all: Population | null;
  readonly byGroup: ReadonlyMap<string, Population> | null;
  /** Cells held (for the size bound). */
  readonly size: number;
}

/** The key a group cell stands for ("" = blank: not in any group). */
export function groupKey(v: unknown): string {
  const p = plainCell(v);
  if (p === null || p === undefined) return "";
  return (typeof p === "string" ? p : String(p)).trim();
}

export interface PopulationCacheOptions {
  /** Most populations kept. @default 32 */
  maxEntries?: number;
  /** Most values kept over all entries (copied cells + sorted values). @default 4_000_000 */
  maxValues?: number;
  /** The sort (tests inject a counting one). @default engine populationOf */
  populationOf?: (values: ArrayLike<number>) => Population;
}

interface Entry {
  readonly key: string;
  readonly cells: readonly unknown[];
  readonly groups: readonly unknown[] | null;
  readonly population: CachedPopulation;
  /** Cells copied plus population values: what the entry holds in memory. */
  readonly weight: number;
}

export class PopulationCache {
  /** Populations built (sorts), cache hits and misses - for tests and the benchmark. */
  readonly stats = { sorts: 0, hits: 0, misses: 0 };
  /** Entries, least recently used first. */
  private readonly lru = new Set<Entry>();
  private readonly buckets = new Map<string, Entry[]>();
  private weight = 0;
  private readonly maxEntries: number;
  private readonly maxValues: number;
  private readonly sort: (values: ArrayLike<number>) => Population;

  constructor(options: PopulationCacheOptions = {}) {
    this.maxEntries = options.maxEntries ?? 32;
    this.maxValues = options.maxValues ?? 4_000_000;
    const sort = options.populationOf ?? populationOf;
    this.sort = (v) => {
      this.stats.sorts++;
      return sort(v);
    };
  }

  get entryCount(): number {
    return this.lru.size;
  }

  clear(): void {
    this.lru.clear();
    this.buckets.clear();
    this.weight = 0;
  }

  /**
   * The population of `cells` (numbers and numbers as text; blanks and anything else left out),
   * split by `groups` (same shape, checked by the caller) when given.
   */
  get(cells: Matrix, groups?: Matrix): CachedPopulation {
    const key = groups ? `${sampleKey(cells)}#${sampleKey(groups)}` : sampleKey(cells);
    const bucket = this.buckets.get(key);
    if (bucket) {
      for (let i = bucket.length - 1; i >= 0; i--) {
        const e = bucket[i];
        if (sameCells(cells, e.cells) && (groups ? e.groups !== null && sameCells(groups, e.groups) : e.groups === null)) {
          this.stats.hits++;
          this.lru.delete(e); // most recently used last
          this.lru.add(e);
          return e.population;
        }
      }
    }
    this.stats.misses++;
    const population = groups ? this.buildGrouped(cells, groups) : this.buildAll(cells);
    const flat = flatCells(cells);
    const flatGroups = groups ? flatCells(groups) : null;
    const entry: Entry = {
      key,
      cells: flat,
      groups: flatGroups,
      population,
      weight: flat.length + (flatGroups?.length ?? 0) + population.size,
    };
    if (bucket) bucket.push(entry);
    else this.buckets.set(key, [entry]);
    this.lru.add(entry);
    this.weight += entry.weight;
    for (const e of this.lru) {
      if (this.lru.size <= this.maxEntries && this.weight <= this.maxValues) break;
      if (e === entry) break; // always keep the newest
      this.evict(e);
    }
    return population;
  }

  private evict(e: Entry): void {
    this.lru.delete(e);
    this.weight -= e.weight;
    const bucket = this.buckets.get(e.key);
    if (!bucket) return;
    const i = bucket.indexOf(e);
    if (i >= 0) bucket.splice(i, 1);
    if (bucket.length === 0) this.buckets.delete(e.key);
  }

  private buildAll(cells: Matrix): CachedPopulation {
    let n = 0;
    for (const row of cells) n += row.length;
    const values = new Float64Array(n);
    let i = 0;
    for (const row of cells) for (const v of row) values[i++] = numberOrNaN(v);
    const all = this.sort(values);
    return { all, byGroup: null, size: all.n };
  }

  private buildGrouped(cells: Matrix, groups: Matrix): CachedPopulation {
    const buckets = new Map<string, number[]>();
    for (let r = 0; r < cells.length; r++) {
      const row = cells[r];
      const grow = groups[r] ?? [];
      for (let c = 0; c < row.length; c++) {
        const x = numberOrNaN(row[c]);
        if (x !== x) continue;
        const g = groupKey(grow[c]);
        if (!g) continue;
        let b = buckets.get(g);
        if (!b) buckets.set(g, (b = []));
        b.push(x);
      }
    }
    const byGroup = new Map<string, Population>();
    let size = 0;
    for (const [g, b] of buckets) {
      const pop = this.sort(b);
      byGroup.set(g, pop);
      size += pop.n;
    }
    return { all: null, byGroup, size };
  }
}
