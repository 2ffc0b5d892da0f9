/**
 * Grades that remember (engine `review/hold.ts`): hold + grace + raise any period, validity with
 * a deduction at expiry and renewal, and the bad inputs (a period without a customer, a key twice,
 * a grade the template does not know, a bad row), each sequence worked out by hand in comments.
 */
import { checkTemplate, type Template } from "../../src/engine";
import { holdGrades, type EarnedPeriod, type HeldGrade } from "../../src/engine/review";

function tpl(review: Template["review"]): Template {
  return {
    id: "abcd",
    version: 1,
    name: { en: "ABCD", zh: "ABCD" },
    description: { en: "x bands", zh: "x 分档" },
    category: "custom",
    fields: [{ key: "x", label: { en: "x", zh: "x" }, type: "number" }],
    grades: ["A", "B", "C", "D"].map((id) => ({ id, label: { en: id, zh: id + "级" }, color: "#808080" })),
    model: { kind: "bands", field: "x", bands: [{ grade: "A", op: ">=", value: 3 }, { grade: "B", op: ">=", value: 2 }, { grade: "C", op: ">=", value: 1 }], otherwise: "D" },
    review,
  };
}

/** Periods p1..pN from per-customer earned grades ("" = no row, "?x" = a bad row). */
function periodsOf(earned: Record<string, string[]>): EarnedPeriod[] {
  const n = Math.max(...Object.values(earned).map((e) => e.length));
  return Array.from({ length: n }, (_, p) => ({
    label: `p${p + 1}`,
    rows: Object.entries(earned)
      .filter(([, e]) => (e[p] ?? "") !== "")
      .map(([key, e]) => (e[p].startsWith("?") ? { key, grade: null, error: { en: e[p].slice(1), zh: e[p].slice(1) } } : { key, grade: e[p] })),
  }));
}

const brief = (h: HeldGrade[]) => h.map((g) => `${g.held}${g.periodsHeld} ${g.rule}`);

describe("hold N periods, raise any period, lower after the hold plus a grace period", () => {
  const t = tpl({ periods: 1, hold: { periods: 3, grace: 2 } });

  test("the template checks clean", () => {
    expect(checkTemplate(t).issues).toEqual([]);
  });

  test("k1: held through the hold and the grace, lowered in the 6th period, raised at once", () => {
    const r = holdGrades(t, periodsOf({ k1: ["A", "C", "C", "C", "C", "C", "B", "C", "C", "C", "A"] }));
    expect(brief(r.customers[0].history)).toEqual([
      "A1 start",
      "A2 hold", // period 2 of the 3-period hold
      "A3 hold",
      "A4 grace", // after the hold: grace 1 of 2
      "A5 grace", // grace 2 of 2
      "C1 lower", // past the grace: down to the earned C
      "B1 raise", // raised any period
      "B2 hold",
      "B3 hold",
      "B4 grace",
      "A1 raise",
    ]);
    const h = r.customers[0].history;
    expect(h[3].reason).toEqual({ en: "kept A: earned C, grace period 1 of 2 after the hold", zh: "保持 A级：本期为 C级，保级期后宽限第 1/2 期" });
    expect(h[5].reason.en).toBe("lowered A → C: earned C after the hold and 2 grace period(s)");
    expect(h[5].earned).toBe("C");
  });

  test("k2: an earned grade back at the held one resets the grace; a missing period carries the grade and counts in the months held", () => {
    const r = holdGrades(t, periodsOf({ k2: ["B", "B", "B", "B", "D", "B", "D", "D", "D", "", "D"] }));
    expect(brief(r.customers[0].history)).toEqual(["B1 start", "B2 keep", "B3 keep", "B4 keep", "B5 grace", "B6 keep", "B7 grace", "B8 grace", "D1 lower", "D2 missing", "D3 keep"]);
    expect(r.missing[9]).toEqual({ period: "p10", keys: ["k2"] });
    expect(r.customers[0].history[9].reason).toEqual({ en: "no row in p10: D carried", zh: "p10 无此客户：沿用 D级" });
  });

  test("maxLower: lowered one level at a time", () => {
    const r = holdGrades(tpl({ periods: 1, hold: { periods: 1, maxLower: 1 } }), periodsOf({ k: ["A", "D", "D", "D"] }));
    // hold 1, no grace: p2 m2 > 1 -> lower A -> B (1 level); p3 m2 -> lower B -> C; p4 -> D
    expect(brief(r.customers[0].history)).toEqual(["A1 start", "B1 lower", "C1 lower", "D1 lower"]);
  });
});

describe("validity with a deduction at expiry", () => {
  const t = tpl({ periods: 1, validity: { periods: 2, deduct: 1 } });

  test("k3: kept while valid, one level deducted at each expiry, raised at once; k4: renewed when earned again", () => {
    const r = holdGrades(t, periodsOf({ k3: ["A", "D", "D", "D", "D", "A"], k4: ["B", "C", "B", "B"] }));
    expect(brief(r.customers[0].history)).toEqual(["A1 start", "A2 valid", "B1 expire", "B2 valid", "C1 expire", "A1 raise"]);
    expect(r.customers[0].history[2].reason).toEqual({ en: "expired after 2 periods: A → B (−1 level(s)), earned D", zh: "有效期 2 期届满：A级 → B级（降 1 级），本期为 D级" });
    // k4 has no rows in p5 and p6: carried, the periods still count (the expiry waits for data)
    expect(brief(r.customers[1].history)).toEqual(["B1 start", "B2 valid", "B1 renew", "B2 keep", "B3 missing", "B4 missing"]);
  });

  test("the deduction never goes below the earned grade; without deduct, re-rated to the earned grade", () => {
    const deduct3 = holdGrades(tpl({ periods: 1, validity: { periods: 1, deduct: 3 } }), periodsOf({ k: ["A", "B"] }));
    expect(brief(deduct3.customers[0].history)).toEqual(["A1 start", "B1 expire"]);
    const rerate = holdGrades(tpl({ periods: 1, validity: { periods: 1 } }), periodsOf({ k: ["A", "D"] }));
    expect(brief(rerate.customers[0].history)).toEqual(["A1 start", "D1 expire"]);
  });

  test("an expiry falling on a period without data waits for the next period with a grade", () => {
    const r = holdGrades(t, periodsOf({ k: ["A", "", "D"] }));
    expect(brief(r.customers[0].history)).toEqual(["A1 start", "A2 missing", "B1 expire"]);
  });
});

describe("bad inputs", () => {
  const t = tpl({ periods: 1, hold: { periods: 2 } });

  test("a bad row, an unknown grade and a key twice: the grade is carried and the row says why", () => {
    const periods: EarnedPeriod[] = [
      { label: "m1", rows: [{ key: "a", grade: "A" }, { key: "b", grade: "B" }, { key: "", grade: "C" }] },
      { label: "m2", rows: [{ key: "a", grade: "Z" }, { key: "b", grade: "B" }, { key: "b", grade: "C" }] },
      { label: "m3", rows: [{ key: "a", grade: null, error: { en: "x: 'n/a' is not a number", zh: "x：“n/a”不是数字" } }, { key: "b", grade: "b级" }] },
    ];
    const r = holdGrades(t, periods);
    const [a, b] = r.customers.map((c) => c.history);
    expect(a.map((g) => [g.earned, g.held, g.periodsHeld, g.rule])).toEqual([["A", "A", 1, "start"], [null, "A", 2, "error"], [null, "A", 3, "error"]]);
    expect(a[1].reason.en).toBe("bad input in m2: A carried ('Z' is not a grade of the template)");
    expect(a[2].reason.zh).toBe("m3 输入有误：沿用 A级（x：“n/a”不是数字）");
    expect(b.map((g) => g.rule)).toEqual(["start", "duplicate", "keep"]); // "b级" is B's Chinese label
    expect(r.duplicates[1]).toEqual({ period: "m2", keys: ["b"] });
    expect(r.blankKeys).toEqual([1, 0, 0]);
  });

  test("a customer first seen later starts there; one with a bad first row has no grade until it gets one", () => {
    const r = holdGrades(t, periodsOf({ late: ["", "", "B"], bad: ["?oops", "C"] }));
    expect(r.customers.map((c) => c.key)).toEqual(["bad", "late"]); // first appearance
    expect(r.customers[0].history.map((g) => [g.held, g.rule])).toEqual([[null, "error"], ["C", "start"], ["C", "missing"]]);
    expect(r.customers[0].history[0].reason.en).toBe("bad input in p1: no grade yet (oops)");
    expect(brief(r.customers[1].history)).toEqual(["B1 start"]);
    expect(r.customers[1].history[0].period).toBe("p3");
  });

  test("a template without hold or validity is refused; mixing them with raise/lower rules is a checker error", () => {
    expect(() => holdGrades(tpl(undefined), [])).toThrow(/no hold or validity/);
    const mixed = tpl({ periods: 1, hold: { periods: 2 }, raise: [{ when: { field: "x", op: ">", value: 1 } }] });
    expect(checkTemplate(mixed).issues.filter((i) => i.severity === "error").map((i) => i.code)).toEqual(["mixedRules"]);
    expect(checkTemplate(tpl({ periods: 1, hold: { periods: 0 } })).issues.some((i) => i.path.startsWith("review.hold.periods"))).toBe(true);
  });
});
