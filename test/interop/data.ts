/**
 * Seeded test rows for a template: random values, values at and around every threshold the
 * template compares a field with, blanks, bad values (out of range, unknown words), rows with no
 * data, and "uniform" rows that put scorecard totals exactly on round numbers.
 *
 * Cells use what the portable formulas accept: numbers, category words in any spelling the engine
 * reads (random case, padded with spaces, inner spaces as -, _ or nothing), yes/no as words,
 * TRUE/FALSE or 1/0. No text in number cells here (SQL
 * columns are typed); that case has its own test.
 */
import type { Field, Template } from "../../src/engine";
import { NO_WORDS, wordGroups, YES_WORDS } from "../../src/engine/compile";

export type Cell = number | string | boolean | null;

/** mulberry32: small, fast, seeded. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Numbers a template compares each number field with (conditions, bands, steps), parameters at their defaults. */
export function thresholds(t: Template): Map<string, number[]> {
  const params = new Map((t.params ?? []).map((p) => [p.key, p.default]));
  const num = (v: unknown) => (typeof v === "number" ? v : v && typeof v === "object" && "param" in v ? params.get((v as { param: string }).param) : undefined);
  const out = new Map<string, number[]>();
  const add = (f: string, v: number | undefined) => {
    if (v !== undefined) out.set(f, [...(out.get(f) ?? []), v]);
  };
  const visit = (x: unknown) => {
    if (Array.isArray(x)) return x.forEach(visit);
    if (!x || typeof x !== "object") return;
    const o = x as Record<string, unknown>;
    if (typeof o.field === "string" && "value" in o) add(o.field, num(o.value));
    if (typeof o.field === "string" && Array.isArray(o.bands)) for (const b of o.bands as { value: unknown }[]) add(o.field, num(b.value));
    if (typeof o.field === "string" && Array.isArray(o.steps)) for (const s of o.steps as { value: unknown }[]) add(o.field, num(s.value));
    Object.values(o).forEach(visit);
  };
  visit(t.model);
  visit(t.post ?? []);
  visit(t.fields.map((f) => f.requiredUnless));
  return out;
}

const round2 = (x: number) => Math.round(x * 100) / 100;

export interface RowOptions {
  seed: number;
  random: number;
}

/** Fields whose values are compared across rows: small value sets make ties. */
function populationFields(t: Template): Set<string> {
  const s = new Set<string>();
  const m = t.model;
  if (m.kind === "percentile") s.add(m.field);
  if (m.kind === "scorecard") for (const c of m.criteria) if (c.scoring.kind === "relativeToMax") s.add(c.scoring.field);
  if (m.kind === "code") for (const p of m.parts) if (p.kind === "tier") s.add(p.field);
  if (m.kind === "share") s.add(m.field);
  if (m.kind === "segments") for (const ms of m.measures) s.add(ms.field);
  return s;
}

export function makeRows(t: Template, opts: RowOptions): Cell[][] {
  const rnd = prng(opts.seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
  const th = thresholds(t);
  const pop = populationFields(t);
  // Relative-to-max points and score ranks do arithmetic on the other rows' cells: a text cell
  // there (even spaces) makes those formulas #VALUE! (README, "Portable formulas"). Blank stays null.
  const m = t.model;
  const arithmeticOnRows = m.kind === "scorecard" && (m.grading.kind === "percentile" || m.criteria.some((c) => c.scoring.kind === "relativeToMax"));

  // Blank and bad cells: about a quarter of the rows have one, whatever the number of fields.
  const pBlank = Math.min(0.06, 0.2 / t.fields.length);
  const pBad = pBlank + Math.min(0.03, 0.1 / t.fields.length);

  const numberValue = (f: Field): Cell => {
    const lo = f.min;
    const hi = f.max;
    const ts = th.get(f.key) ?? [];
    const r = rnd();
    if (r < pBlank) return rnd() < 0.3 && !arithmeticOnRows ? "  " : null;
    if (r < pBad && (lo !== undefined || hi !== undefined)) return hi !== undefined && (lo === undefined || rnd() < 0.5) ? hi + 1 : lo! - 1;
    if (pop.has(f.key)) return pick([0, 5, 10, 10, 20, 35, 50, 50, 80, 100, 150, 300]) * (hi !== undefined && hi <= 1 ? 0.01 : 1);
    const span = hi !== undefined ? hi - (lo ?? 0) : Math.max(10, ...ts.map(Math.abs)) * 2;
    const base = lo ?? (hi !== undefined && hi <= 1 ? -0.2 : 0);
    if (r < 0.55 && ts.length) {
      const t0 = pick(ts);
      const step = Math.abs(t0) >= 10 ? pick([0, 0, 1, -1, 0.5, -0.5]) : pick([0, 0, 0.01, -0.01, 0.001, -0.001]);
      const v = Math.round((t0 + step) * 1e6) / 1e6;
      if ((lo === undefined || v >= lo) && (hi === undefined || v <= hi)) return v;
    }
    const v = base + rnd() * span;
    return hi !== undefined && hi - (lo ?? 0) <= 20 ? Math.round(v) : round2(v);
  };

  const wordCase = (w: string): string => {
    const r = rnd();
    const cased = r < 0.25 ? w.toUpperCase() : r < 0.5 ? w.toLowerCase() : w;
    return rnd() < 0.15 ? `  ${cased} ` : cased;
  };

  const categoryValue = (f: Field): Cell => {
    const r = rnd();
    if (r < pBlank) return rnd() < 0.3 ? " " : null;
    if (r < pBad) return "zzz";
    if (f.type === "yesno") {
      const yes = rnd() < 0.5;
      const k = rnd();
      if (k < 0.2) return yes;
      if (k < 0.35) return yes ? 1 : 0;
      return wordCase(pick(yes ? YES_WORDS : NO_WORDS));
    }
    // Any word of the field (value, labels, aliases) in any spelling the engine reads as that word:
    // letter case, outer spaces, and inner spaces written as `-`, `_`, spaces or nothing.
    const words = (f.categories ?? []).flatMap((c) => [c.value, c.label.en, c.label.zh, ...(c.aliases ?? [])]);
    return wordCase(respell(pick(words.length ? words : wordGroups(f).flat())));
  };

  const respell = (w: string): string => {
    const r = rnd();
    const sep = r < 0.15 ? "-" : r < 0.3 ? "_" : r < 0.4 ? " " : r < 0.5 ? "" : undefined;
    return sep === undefined ? w : w.replace(/[\s_-]+/g, sep);
  };

  const cell = (f: Field): Cell => {
    if (f.type === "number") return numberValue(f);
    if (f.type === "text") return rnd() < 0.05 ? null : pick(["North", "South", "north", " South "]);
    return categoryValue(f);
  };

  const rows: Cell[][] = [];
  for (let i = 0; i < opts.random; i++) rows.push(t.fields.map(cell));
  // No data, and one field only.
  rows.push(t.fields.map(() => null));
  const spaced = arithmeticOnRows ? t.fields.findIndex((f) => f.type !== "number") : 0;
  rows.push(t.fields.map((_, k) => (k === spaced ? "   " : null)));
  rows.push(t.fields.map((f, k) => (k === t.fields.length - 1 ? cell(f) : null)));
  // One bad row for sure: a number out of range or an unknown word.
  const badField = t.fields.findIndex((f) => f.type === "category" || f.type === "yesno" || (f.type === "number" && (f.min !== undefined || f.max !== undefined)));
  if (badField >= 0) {
    const f = t.fields[badField];
    const bad: Cell = f.type !== "number" ? "zzz" : f.max !== undefined ? f.max + 1 : f.min! - 1;
    rows.push(t.fields.map((g, k) => (k === badField ? bad : cell(g))));
  }
  // Uniform rows: every number field the same value (scorecard totals land on thresholds).
  const numbers = t.fields.filter((f) => f.type === "number");
  if (numbers.length) {
    for (const frac of [0, 0.5, 0.6, 0.75, 0.8, 0.9, 1]) {
      rows.push(
        t.fields.map((f) => {
          if (f.type !== "number") return cell(f);
          const lo = f.min ?? 0;
          const hi = f.max ?? 100;
          return round2(lo + (hi - lo) * frac);
        }),
      );
    }
  }
  // Grouped scorecards: a row with every indicator of one group blank (no indicator assessed: a
  // bad input), and rows with one assessed indicator per group.
  if (m.kind === "groups") {
    for (const g of m.groups) {
      const none = new Set(g.fields);
      rows.push(t.fields.map((f) => (none.has(f.key) ? null : cell(f))));
    }
    const firsts = new Set(m.groups.map((g) => g.fields[0]));
    for (const v of [60, 90, 100]) rows.push(t.fields.map((f) => (firsts.has(f.key) ? v : null)));
  }
  // Cumulative shares: amounts of 0 and below (last tier, outside the total), ties, blank groups.
  if (m.kind === "share") {
    const gi = t.fields.findIndex((f) => f.key === m.groupBy);
    const ai = t.fields.findIndex((f) => f.key === m.field);
    for (const [a, g] of [[-5, "North"], [0, "South"], [50, null], [50, "North"], [300, "South"], [300, " South "]] as const) {
      rows.push(t.fields.map((_, k) => (k === ai ? a : k === gi ? g : null)));
    }
  }
  rows.push(...(EXTRA[t.id] ?? []));
  return rows;
}

/**
 * Rows that land exactly on score bands the random rows rarely reach (the largest relative-to-max
 * values in the random rows are 300, so these rows get the full points).
 */
const EXTRA: Record<string, Cell[][]> = {
  // amount, qty, margin, m1..m6, payment days, key share, bid price, method, other
  "pharma-score": [
    [300, 300, 0.29, 10, 10, 10, 10, 10, 10, 0, 0.6, "yes", "planned", 10], // 100 -> A
    [300, 300, 0.29, 10, 10, 10, 10, 10, 10, 0, 0.6, "yes", "planned", 0], // 90 -> B (A is > 90)
    [300, 300, 0.1, 10, 10, 10, 10, 10, 10, 0, 0.5, "yes", "consulted", 0], // 80 -> C
    [300, 300, 0.09, 10, 10, 10, 10, 10, 10, 0, 0.45, "no", "other", 0], // 70 -> D
    [300, 300, 0.15, 12, 8, 10, 10, 10, 10, 9, 0.55, true, "计划补点", 10], // 91.5 -> A
  ],
  // qty, price, specs, cooperation, growth, law grade
  "tobacco-retail-score": [
    [300, 300, 300, 15, 10, "A"], // 100 -> 8
    [300, 300, 300, 15, 0, "B"], // 90 -> 8
    [300, 300, 300, 5, 0, "A"], // 80 -> 7
    [300, 300, 300, 15, 10, "C"], // capped at 2
    [300, 300, 300, 15, 10, "D"], // capped at 1
    [300, 300, 0, 0, 0, "b"], // 60 -> 5
  ],
};
