/**
 * Property tests (fast-check):
 * (a) percentile tiers match a brute-force O(n²) reading of the spec: within its group, for a
 *     value x among n numeric values, above(x) = count(values > x) / n; tier k is the first k with
 *     above < cuts[k], else the last tier; blank/invalid values are not in the population;
 * (b) grading never throws, whatever the cells hold, and every row ends up graded/error/empty
 *     with a reason;
 * (c) grading is deterministic and does not depend on row order.
 */
import fc from "fast-check";
import { compileTemplate, gradeTable, percentileTiers, type Field, type Template } from "../../src/engine";
import { BUILTIN_TEMPLATES } from "../../src/templates";

// Moderate run counts: the whole engine suite stays well under 30 s.
const RUNS = 200;
const RUNS_PER_TEMPLATE = 60;

// ---------------------------------------------------------------------------------------------
// Brute force, straight from the spec text.

function bruteTier(x: number, pop: number[], cuts: readonly number[]): number {
  const n = pop.length;
  let greater = 0;
  for (const y of pop) if (y > x) greater++;
  const above = greater / n;
  for (let k = 0; k < cuts.length; k++) if (above < cuts[k]) return k;
  return cuts.length;
}

/** Tier per row (-1 outside the population). */
function bruteTiers(values: number[], cuts: readonly number[], groups?: number[], include?: number[]): number[] {
  const inPop = (j: number) => !Number.isNaN(values[j]) && (!include || include[j] === 1) && (!groups || groups[j] >= 0);
  return values.map((x, i) => {
    if (!inPop(i)) return -1;
    const pop: number[] = [];
    for (let j = 0; j < values.length; j++) if (inPop(j) && (!groups || groups[j] === groups[i])) pop.push(values[j]);
    return bruteTier(x, pop, cuts);
  });
}

// Values with many ties, NaN (blank/invalid), zeros of both signs and the odd large number.
const valueArb = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: -3, max: 6 }) },
  { weight: 2, arbitrary: fc.constant(NaN) },
  { weight: 1, arbitrary: fc.constantFrom(0, -0, 0.1, 0.2, 0.30000000000000004, 1e9, -1e9) },
  { weight: 1, arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 }) },
);

// Strictly increasing cut lists in (0, 1); grid values hit exact boundaries (0.2 with n = 5, ...).
const cutsArb = fc
  .uniqueArray(
    fc.oneof(
      fc.integer({ min: 1, max: 19 }).map((k) => k / 20),
      fc.integer({ min: 1, max: 9 }).map((k) => k / 10),
      fc.double({ min: 0.001, max: 0.999, noNaN: true }),
    ),
    { minLength: 1, maxLength: 5 },
  )
  .map((a) => [...a].sort((x, y) => x - y));

describe("(a) percentile tiers = brute force", () => {
  test("percentileTiers without groups", () => {
    fc.assert(
      fc.property(fc.array(valueArb, { maxLength: 40 }), cutsArb, (values, cuts) => {
        const got = percentileTiers(new Float64Array(values), { cuts });
        expect(Array.from(got.tier)).toEqual(bruteTiers(values, cuts));
      }),
      { numRuns: RUNS },
    );
  });

  test("percentileTiers with groups and include", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(valueArb, fc.integer({ min: -1, max: 3 }), fc.constantFrom(0, 1, 1, 1)), { maxLength: 40 }),
        cutsArb,
        (rows, cuts) => {
          const values = rows.map((r) => r[0]);
          const groups = rows.map((r) => r[1]);
          const include = rows.map((r) => r[2]);
          const got = percentileTiers(new Float64Array(values), {
            cuts,
            groups: new Int32Array(groups),
            include: new Uint8Array(include),
          });
          const want = bruteTiers(values, cuts, groups, include);
          expect(Array.from(got.tier)).toEqual(want);
          // greater / size agree with the definition for rows in the population
          values.forEach((x, i) => {
            if (want[i] < 0) return;
            const pop = values.filter((y, j) => !Number.isNaN(y) && include[j] === 1 && groups[j] === groups[i]);
            expect(got.size[i]).toBe(pop.length);
            expect(got.greater[i]).toBe(pop.filter((y) => y > x).length);
          });
        },
      ),
      { numRuns: RUNS },
    );
  });

  test("default cuts are [0.2, 0.8]: n = 10 distinct -> 2 / 6 / 2", () => {
    const got = percentileTiers(new Float64Array([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]));
    expect(Array.from(got.tier)).toEqual([2, 2, 1, 1, 1, 1, 1, 1, 0, 0]);
  });

  // --- the same through gradeTable with an ad-hoc percentile template --------------------------

  const GROUPS = ["g0", "g1", "g2", "g3"];

  function percentileTemplate(cuts: number[], grouped: boolean): Template {
    const fields: Field[] = [{ key: "value", label: { en: "Value", zh: "数值" }, type: "number" }];
    if (grouped) {
      fields.push({
        key: "grp",
        label: { en: "Group", zh: "分组" },
        type: "category",
        categories: GROUPS.map((g) => ({ value: g, label: { en: g, zh: g } })),
      });
    }
    return {
      id: "adhoc-percentile",
      version: 1,
      name: { en: "Ad-hoc percentile", zh: "临时百分位" },
      description: { en: "test", zh: "测试" },
      category: "custom",
      fields,
      grades: Array.from({ length: cuts.length + 1 }, (_, k) => ({ id: `T${k + 1}`, label: { en: `T${k + 1}`, zh: `T${k + 1}` }, color: "#1E8E3E" })),
      model: grouped ? { kind: "percentile", field: "value", groupBy: "grp", cuts } : { kind: "percentile", field: "value", cuts },
    };
  }

  /** A cell and what the spec says it means: a number, blank or bad. */
  type Cell = { cell: unknown; value: number | "blank" | "bad" };
  const valueCellArb: fc.Arbitrary<Cell> = fc.oneof(
    { weight: 5, arbitrary: fc.integer({ min: 0, max: 6 }).map((k) => ({ cell: k, value: k })) },
    { weight: 2, arbitrary: fc.integer({ min: 0, max: 6 }).map((k) => ({ cell: String(k), value: k })) },
    { weight: 1, arbitrary: fc.integer({ min: 0, max: 6 }).map((k) => ({ cell: `${k}万`, value: k * 10000 })) },
    { weight: 1, arbitrary: fc.integer({ min: 0, max: 6 }).map((k) => ({ cell: (k * 1000000).toLocaleString("en-US"), value: k * 1000000 })) },
    { weight: 1, arbitrary: fc.integer({ min: 0, max: 6 }).map((k) => ({ cell: `${k * 10}%`, value: (k * 10) / 100 })) },
    { weight: 1, arbitrary: fc.constantFrom<Cell>({ cell: "", value: "blank" }, { cell: null, value: "blank" }, { cell: "  ", value: "blank" }) },
    { weight: 1, arbitrary: fc.constantFrom<Cell>({ cell: "abc", value: "bad" }, { cell: NaN, value: "bad" }, { cell: "1,2", value: "bad" }, { cell: true, value: "bad" }) },
  );
  type GCell = { cell: unknown; group: number | "blank" | "bad" };
  const groupCellArb: fc.Arbitrary<GCell> = fc.oneof(
    { weight: 8, arbitrary: fc.tuple(fc.integer({ min: 0, max: 3 }), fc.boolean()).map(([k, up]) => ({ cell: up ? GROUPS[k].toUpperCase() : GROUPS[k], group: k })) },
    { weight: 1, arbitrary: fc.constant<GCell>({ cell: "", group: "blank" }) },
    { weight: 1, arbitrary: fc.constant<GCell>({ cell: "zz", group: "bad" }) },
  );

  test.each([false, true])("percentile template through gradeTable (grouped: %p)", (grouped) => {
    fc.assert(
      fc.property(fc.array(fc.tuple(valueCellArb, groupCellArb), { maxLength: 30 }), cutsArb, (rows, cuts) => {
        const t = percentileTemplate(cuts, grouped);
        const fields = grouped ? ["value", "grp"] : ["value"];
        const table = rows.map(([v, g]) => (grouped ? [v.cell, g.cell] : [v.cell]));
        const r = gradeTable(t, { rows: table, fields });
        // Expected status per row from the spec conventions.
        const status = rows.map(([v, g]) => {
          const blanks = [v.value === "blank", ...(grouped ? [g.group === "blank"] : [])];
          if (blanks.every(Boolean)) return "empty";
          if (v.value === "blank" || v.value === "bad") return "error";
          if (grouped && (g.group === "blank" || g.group === "bad")) return "error";
          return "graded";
        });
        const values = rows.map(([v], i) => (status[i] === "graded" ? (v.value as number) : NaN));
        const groups = grouped ? rows.map(([, g], i) => (status[i] === "graded" ? (g.group as number) : -1)) : undefined;
        const tiers = bruteTiers(values, cuts, groups);
        rows.forEach((_, i) => {
          expect(r.status(i)).toBe(status[i]);
          expect(r.grade(i)).toBe(status[i] === "graded" ? `T${tiers[i] + 1}` : null);
          expect(r.reason(i, "en").length).toBeGreaterThan(0);
        });
      }),
      { numRuns: RUNS },
    );
  });
});

// ---------------------------------------------------------------------------------------------
// (b) never throws

const fullWidth = fc.string({ maxLength: 8 }).map((s) => s.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)));

const anyCell: fc.Arbitrary<unknown> = fc.oneof(
  fc.anything({ maxDepth: 3, withBoxedValues: true, withMap: true, withSet: true, withNullPrototype: true, withDate: true, withTypedArray: true, withSparseArray: true, withBigInt: true }),
  fc.double(),
  fc.constantFrom(NaN, Infinity, -Infinity, -0, 0, Number.MAX_VALUE, Number.MIN_VALUE, 1e21, -1e21),
  fc.string({ unit: "binary", maxLength: 12 }),
  fc.string({ unit: "grapheme", maxLength: 12 }),
  fullWidth,
  fc.date(),
  fc.constant(new Date(NaN)),
  fc.boolean(),
  fc.constantFrom(null, undefined, "", " ", "　", "#N/A", "#VALUE!", "__proto__", "constructor", "toString", "hasOwnProperty"),
  fc.array(fc.array(fc.integer(), { maxLength: 3 }), { maxLength: 3 }),
  fc.constantFrom({ message: "boom" }, { valueOf: () => 5 }, { toString: () => "5" }, Object.create(null)),
);

/** Plausible cells for a field (valid words and numbers, blanks, junk), to get many graded rows. */
function plausible(f: Field): fc.Arbitrary<unknown> {
  const blankOrJunk = fc.constantFrom<unknown>("", null, undefined, "abc", "maybe");
  if (f.type === "number") {
    const lo = f.min ?? -1000;
    const hi = f.max ?? (f.min === undefined ? 1000 : Math.max(lo + 1, 1e6));
    // Subnormal numbers are left to their own fixtures (tiny-max): relative-to-max overflows on them.
    const inRange = fc.double({ min: lo, max: hi, noNaN: true }).map((x) => (Math.abs(x) < 1e-300 ? 0 : x));
    const ints = fc.integer({ min: Math.ceil(lo), max: Math.floor(hi) });
    return fc.oneof(
      { weight: 4, arbitrary: ints },
      { weight: 2, arbitrary: inRange },
      { weight: 1, arbitrary: ints.map((k) => k.toLocaleString("en-US")) },
      { weight: 1, arbitrary: ints.map((k) => `${k / 10000}万`) },
      { weight: 1, arbitrary: blankOrJunk },
    );
  }
  if (f.type === "yesno") return fc.oneof(fc.constantFrom<unknown>("yes", "no", "是", "否", "有", "无", "Y", "n", true, false, 1, 0, "TRUE"), blankOrJunk);
  if (f.type === "category") {
    const words = (f.categories ?? []).flatMap((c) => [c.value, c.label.en, c.label.zh, ...(c.aliases ?? [])]);
    return fc.oneof({ weight: 4, arbitrary: fc.constantFrom<unknown>(...words) }, { weight: 1, arbitrary: blankOrJunk });
  }
  return fc.oneof(fc.string({ maxLength: 5 }), blankOrJunk);
}

function rowsArb(t: Template, cell: (f: Field) => fc.Arbitrary<unknown>, maxLength = 25): fc.Arbitrary<unknown[][]> {
  return fc.array(fc.tuple(...t.fields.map((f) => cell(f))), { maxLength }) as fc.Arbitrary<unknown[][]>;
}

/** `strict`: the cells hold no text of their own that could legitimately show up in a reason. */
function checkOutcomes(t: Template, rows: unknown[][], strict = false): void {
  const fields = t.fields.map((f) => f.key);
  const r = gradeTable(t, { rows, fields });
  expect(r.n).toBe(rows.length);
  let graded = 0;
  for (let i = 0; i < r.n; i++) {
    const s = r.status(i);
    expect(["graded", "error", "empty"]).toContain(s);
    if (s === "graded") {
      graded++;
      expect(typeof r.grade(i)).toBe("string");
      expect(r.compiled.grades.some((g) => g.id === r.grade(i))).toBe(true);
    } else expect(r.grade(i)).toBeNull();
    if (s === "error") expect(r.error(i)).toBeDefined();
    for (const lang of ["en", "zh-CN"] as const) {
      const reason = r.reason(i, lang);
      expect(typeof reason).toBe("string");
      expect(reason.trim().length).toBeGreaterThan(0);
      if (strict) expect(reason).not.toMatch(/undefined|NaN|\[object Object\]|\{\w+\}/);
      const row = r.row(i, lang);
      expect(row.status).toBe(s);
    }
    const sc = r.score(i);
    if (sc !== null) expect(Number.isFinite(sc)).toBe(true);
  }
  const c = r.counts();
  expect(c.grades.reduce((s, g) => s + g.count, 0)).toBe(graded);
  expect(graded + c.errors + c.empty).toBe(r.n);
}

describe("(b) grading never throws and every row has an outcome with a reason", () => {
  test.each(BUILTIN_TEMPLATES.map((t) => [t.id, t] as const))("%s with arbitrary cells", (_id, t) => {
    fc.assert(
      fc.property(rowsArb(t, () => anyCell, 10), (rows) => {
        checkOutcomes(t, rows);
      }),
      { numRuns: RUNS_PER_TEMPLATE },
    );
  });

  test.each(BUILTIN_TEMPLATES.map((t) => [t.id, t] as const))("%s with plausible cells", (_id, t) => {
    fc.assert(
      fc.property(rowsArb(t, plausible), (rows) => {
        checkOutcomes(t, rows, true);
      }),
      { numRuns: RUNS_PER_TEMPLATE },
    );
  });

  test.each(BUILTIN_TEMPLATES.map((t) => [t.id, t] as const))("%s with arbitrary rows (ragged, holes, non-arrays)", (_id, t) => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.array(anyCell, { maxLength: t.fields.length + 2 }), fc.constantFrom(null, undefined)), { maxLength: 10 }), (rows) => {
        checkOutcomes(t, rows as unknown[][]);
      }),
      { numRuns: 30 },
    );
  });
});

// ---------------------------------------------------------------------------------------------
// (c) deterministic, independent of row order

function outcomes(t: Template, rows: unknown[][]) {
  const r = gradeTable(t, { rows, fields: t.fields.map((f) => f.key) });
  return rows.map((_, i) => ({ status: r.status(i), grade: r.grade(i), score: r.score(i), reason: r.reason(i, "en") }));
}

const nonPopulation = BUILTIN_TEMPLATES.filter((t) => !compileTemplate(t).population);
const population = BUILTIN_TEMPLATES.filter((t) => compileTemplate(t).population);

describe("(c) determinism and row order", () => {
  test("the split is as expected", () => {
    expect(population.map((t) => t.id).sort()).toEqual(["pharma-score", "rfm-8", "tobacco-retail-code", "tobacco-retail-score", "value-share-3", "weighted-value"]);
    expect(nonPopulation.length).toBe(17);
  });

  test.each(BUILTIN_TEMPLATES.map((t) => [t.id, t] as const))("%s is deterministic", (_id, t) => {
    fc.assert(
      fc.property(rowsArb(t, plausible), (rows) => {
        expect(outcomes(t, rows)).toEqual(outcomes(t, rows));
      }),
      { numRuns: 50 },
    );
  });

  const permuted = <T,>(rows: T[], keys: number[]) =>
    rows
      .map((r, i) => ({ r, i, k: keys[i] ?? 0 }))
      .sort((a, b) => a.k - b.k || a.i - b.i)
      .map((x) => x.i);

  test.each(nonPopulation.map((t) => [t.id, t] as const))("%s: shuffling rows gives every row the same outcome", (_id, t) => {
    fc.assert(
      fc.property(
        rowsArb(t, plausible).chain((rows) => fc.tuple(fc.constant(rows), fc.array(fc.integer(), { minLength: rows.length, maxLength: rows.length }))),
        ([rows, keys]) => {
          const order = permuted(rows, keys);
          const a = outcomes(t, rows);
          const b = outcomes(t, order.map((i) => rows[i]));
          order.forEach((src, j) => expect(b[j]).toEqual(a[src]));
        },
      ),
      { numRuns: RUNS_PER_TEMPLATE * 2 },
    );
  });

  // Relative-to-max and percentiles do not depend on order either (max and counts are sets).
  test.each(population.map((t) => [t.id, t] as const))("%s (population template): shuffling rows gives every row the same outcome", (_id, t) => {
    fc.assert(
      fc.property(
        rowsArb(t, plausible).chain((rows) => fc.tuple(fc.constant(rows), fc.array(fc.integer(), { minLength: rows.length, maxLength: rows.length }))),
        ([rows, keys]) => {
          const order = permuted(rows, keys);
          const a = outcomes(t, rows);
          const b = outcomes(t, order.map((i) => rows[i]));
          order.forEach((src, j) => expect(b[j]).toEqual(a[src]));
        },
      ),
      { numRuns: RUNS_PER_TEMPLATE },
    );
  });
});
