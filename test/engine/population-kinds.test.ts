/**
 * The kinds added for spec sections 17, 19 and 23: the checker's word on group weights, and
 * property tests of ABC tiers and RFM segments against brute-force readings of the spec.
 */
import fc from "fast-check";
import { checkTemplate, gradeTable, isGradeKitError, type Template } from "../../src/engine";
import { getBuiltinTemplate } from "../../src/templates";

const r9 = (x: number) => Math.round(x * 1e9) / 1e9;

describe("bank-credit-5: group weights", () => {
  const base = getBuiltinTemplate("bank-credit-5")!;
  const withWeight = (w: number): Template => ({ ...base, params: base.params!.map((p) => (p.key === "wMarket" ? { ...p, default: w } : p)) });

  test("the built-in weights add up to 100 and check clean", () => {
    expect(checkTemplate(base).issues).toEqual([]);
  });

  test("weights not adding up to 100 are a template error", () => {
    const issues = checkTemplate(withWeight(25)).issues.filter((i) => i.severity === "error");
    expect(issues).toEqual([expect.objectContaining({ path: "model.groups", code: "weightsSum" })]);
    expect(issues[0].message.en).toBe("the group weights add up to 105, not 100");
    expect(issues[0].message.zh).toBe("各组权重之和为 105，不等于 100");
  });

  test("grading refuses parameters whose weights do not add up to 100", () => {
    let caught: unknown;
    try {
      gradeTable(base, { columns: { environment: [80] } }, { params: { wMarket: 30 } });
    } catch (e) {
      caught = e;
    }
    expect(isGradeKitError(caught)).toBe(true);
    expect((caught as Error).message).toMatch(/add up to 110, not 100/);
  });
});

/** Cells of an amount column: numbers with ties, 0, negatives, blanks and junk. */
const amountCell = fc.oneof(
  fc.constantFrom(1, 2, 3, 5, 10, 10, 50, 0.1, 0.2, 0.7),
  fc.integer({ min: -5, max: 100 }),
  fc.constantFrom("", "abc", 0),
);
const groupCell = fc.constantFrom("East", "West", "North");

/** Spec 19 read literally: population, total and before(x) per group, O(n²). */
function bruteAbc(amounts: unknown[], groups: string[] | undefined, shares: number[]): (string | null)[] {
  const num = (x: unknown) => (typeof x === "number" ? x : NaN);
  return amounts.map((a, i) => {
    const x = num(a);
    if (!(x === x)) return null;
    if (!(x > 0)) return "Regular";
    const same = (j: number) => !groups || groups[j] === groups[i];
    let total = 0;
    let above = 0;
    amounts.forEach((b, j) => {
      const y = num(b);
      if (same(j) && y > 0) {
        total += y;
        if (y > x) above += y;
      }
    });
    const before = r9(above / total);
    return before < r9(shares[0]) ? "VIP" : before < r9(shares[1]) ? "Important" : "Regular";
  });
}

describe("value-share-3 = brute-force ABC", () => {
  const t = getBuiltinTemplate("value-share-3")!;
  const sharesArb = fc.tuple(fc.integer({ min: 1, max: 98 }), fc.integer({ min: 1, max: 98 })).map(([a, b]) => {
    const [lo, hi] = a === b ? [a, a + 1] : a < b ? [a, b] : [b, a];
    return [lo / 100, hi / 100];
  });

  test("without groups", () => {
    fc.assert(
      fc.property(fc.array(amountCell, { minLength: 1, maxLength: 30 }), sharesArb, (amounts, shares) => {
        const r = gradeTable(t, { columns: { amount: amounts } }, { params: { vipShare: shares[0], importantShare: shares[1] } });
        const want = bruteAbc(amounts, undefined, shares);
        amounts.forEach((_, i) => expect(r.grade(i)).toBe(want[i]));
      }),
      { numRuns: 300 },
    );
  });

  test("within groups, ties share a grade", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(amountCell, groupCell), { minLength: 1, maxLength: 30 }), (rows) => {
        const amounts = rows.map((r) => r[0]);
        const groups = rows.map((r) => r[1]);
        const r = gradeTable(t, { columns: { amount: amounts, group: groups } });
        const want = bruteAbc(amounts, groups, [0.7, 0.9]);
        amounts.forEach((_, i) => expect(r.grade(i)).toBe(want[i]));
        // ties in a group share a grade
        rows.forEach((a, i) => rows.forEach((b, j) => a[0] === b[0] && a[1] === b[1] && expect(r.grade(i)).toBe(r.grade(j))));
      }),
      { numRuns: 300 },
    );
  });
});

const SEGMENT: Record<string, string> = {
  HHH: "important-value",
  HLH: "important-develop",
  LHH: "important-keep",
  LLH: "important-win-back",
  HHL: "general-value",
  HLL: "general-develop",
  LHL: "general-keep",
  LLL: "general-win-back",
};

describe("rfm-8 = brute-force segments", () => {
  const t = getBuiltinTemplate("rfm-8")!;
  const cell = fc.oneof(fc.constantFrom(0, 1, 1, 2, 3, 0.1, 0.2, 0.3, 10), fc.integer({ min: 0, max: 50 }), fc.constantFrom("", "x", -1));

  test("each measure against the mean of the valid rows", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(cell, cell, cell), { minLength: 1, maxLength: 30 }), (rows) => {
        const ok = (x: unknown) => typeof x === "number" && x >= 0;
        const valid = rows.map((r) => r.every(ok));
        const mean = (k: number) => {
          const v = rows.filter((_, i) => valid[i]).map((r) => r[k] as number);
          return v.reduce((a, b) => a + b, 0) / v.length;
        };
        const m = [0, 1, 2].map(mean);
        const res = gradeTable(t, { rows, fields: ["daysSinceLastOrder", "orderCount", "totalAmount"] });
        rows.forEach((r, i) => {
          const allBlank = r.every((c) => c === "");
          if (!valid[i]) return expect(res.status(i)).toBe(allBlank ? "empty" : "error");
          const hi = [r9(r[0] as number) <= r9(m[0]), r9(r[1] as number) >= r9(m[1]), r9(r[2] as number) >= r9(m[2])];
          expect(res.grade(i)).toBe(SEGMENT[hi.map((h) => (h ? "H" : "L")).join("")]);
        });
      }),
      { numRuns: 300 },
    );
  });
});
