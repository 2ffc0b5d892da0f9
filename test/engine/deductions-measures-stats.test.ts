/**
 * Issue 20, items 3, 4 and 6 through the engine: scorecard deductions (negative points, a total
 * below zero clamped or allowed), computed measures (used as fields, shown in reasons, division by
 * zero as the row's error) and population thresholds (mean, median, percentile; overall or within
 * groups). Expected values are worked out by hand in the comments.
 */
import { checkTemplate, gradeTable, type Template, type Text } from "../../src/engine";
import { deductions, measures, stats, statsByGroup } from "../fixtures/issue20";

const t = (en: string, zh: string = en): Text => ({ en, zh });


describe("deductions (negative points)", () => {
  test("check accepts negative points when the criterion declares a negative min, and refuses them otherwise", () => {
    expect(checkTemplate(deductions).issues.filter((i) => i.severity === "error")).toEqual([]);
    const noMin = JSON.parse(JSON.stringify(deductions));
    delete noMin.model.criteria[1].min;
    const res = checkTemplate(noMin);
    const bad = res.issues.filter((i) => i.code === "pointsOutOfRange");
    expect(bad.length).toBe(2); // -3 and -10
    expect(bad[0].message.en).toMatch(/negative min/);
    expect(bad[0].message.zh).toMatch(/负的最小值/);
  });

  test("totals: 5 + 0 = 5 (A); 5 - 3 = 2 (B); 0 - 3 = -3 counts as 0 and the reason says so (C)", () => {
    const r = gradeTable(deductions, { columns: { paidOnTime: ["yes", "yes", "no", "no"], latePayments: [0, 2, 1, 5] } });
    expect([0, 1, 2, 3].map((i) => r.grade(i))).toEqual(["A", "B", "C", "C"]);
    expect([0, 1, 2, 3].map((i) => r.score(i))).toEqual([5, 2, 0, 0]);
    expect(r.reason(2)).toContain("total -3 is below 0, counted as 0");
    expect(r.reason(3, "zh-CN")).toContain("总分 -10 低于 0，按 0 计");
    expect(r.reason(1)).not.toContain("below 0");
  });

  test("negativeTotal: allow keeps the source's total (-3, -10) and the checker sees the negative range", () => {
    const allow: Template = { ...deductions, model: { ...deductions.model, negativeTotal: "allow" } as Template["model"] };
    const r = gradeTable(allow, { columns: { paidOnTime: ["no", "no"], latePayments: [1, 5] } });
    expect([r.score(0), r.score(1)]).toEqual([-3, -10]);
    expect(r.reason(0)).not.toContain("counted as 0");
    // A band for totals below zero is reachable only when negative totals are allowed.
    const withNeg = (negativeTotal: "allow" | "clamp") =>
      checkTemplate({
        ...deductions,
        model: { ...deductions.model, negativeTotal, grading: { kind: "bands", bands: [{ grade: "A", op: ">=", value: 5 }, { grade: "B", op: ">=", value: 0 }, { grade: "C", op: "<", value: 0 }] } },
      } as Template);
    expect(withNeg("allow").issues.filter((i) => i.code === "unreachable")).toEqual([]);
    const clamped = withNeg("clamp").issues.filter((i) => i.code === "unreachable");
    expect(clamped.length).toBe(1);
    expect(clamped[0].message.en).toMatch(/grade C unreachable: possible values are \[0, 5\]/);
  });
});


describe("computed measures", () => {
  test("used as fields in rules; the reason shows each measure's value and how it was built", () => {
    // row 0: avg 1000/3 = 333.33 (2 decimals), growth 1000 + 2×10 = 1020 → Gold
    // row 1: avg 600/6 = 100, growth 600 + 0×10 = 600 → Silver
    const r = gradeTable(measures, { columns: { spend: [1000, 600, 300], orders: [3, 6, 1], reviews: [2, 0, ""] } });
    expect([r.grade(0), r.grade(1), r.grade(2)]).toEqual(["Gold", "Silver", "Basic"]);
    expect(r.reason(0)).toContain("Average order 333.33 = Spend 1,000 ÷ Orders 3");
    expect(r.reason(0)).toContain("Growth value 1,020 = Spend 1,000 + (Reviews 2 × 10)");
    expect(r.reason(0, "zh-CN")).toContain("成长值 1,020 = 消费额 1,000 + (评价数 2 × 10)");
    // a blank operand makes the measure blank: the growth rules do not hold, the row is Basic
    expect(r.reason(2)).toContain("Growth value blank");
  });

  test("a measure dividing by zero is that row's error naming the measure, never Infinity", () => {
    const r = gradeTable(measures, { columns: { spend: [500, 0], orders: [0, 0], reviews: [1, 1] } });
    expect(r.status(0)).toBe("error");
    expect(r.status(1)).toBe("error"); // 0/0
    expect(r.error(0)?.field).toBe("avgOrder");
    expect(r.reason(0)).toBe("Average order: division by zero in Spend 500 ÷ Orders 0");
    expect(r.reason(0, "zh-CN")).toBe("平均订单额：消费额 500 ÷ 订单数 0 中除数为零");
  });

  test("bands and scorecard steps on a measure; the checker knows measures as number fields", () => {
    const banded: Template = {
      ...measures,
      id: "measure-bands",
      model: { kind: "bands", field: "growth", bands: [{ grade: "Gold", op: ">=", value: 1000 }, { grade: "Silver", op: ">=", value: 500 }], otherwise: "Basic" },
    };
    const r = gradeTable(banded, { columns: { spend: [990, 400], orders: [1, 1], reviews: [1, 0] } });
    expect([r.grade(0), r.grade(1)]).toEqual(["Gold", "Basic"]); // 990+10 = 1000; 400
    const bad = { ...banded, measures: [{ key: "x", label: t("X"), expr: { field: "nope" } }] };
    expect(checkTemplate(bad).issues.map((i) => i.code)).toContain("unknownField");
    const clash = { ...banded, measures: [{ key: "spend", label: t("X"), expr: 1 }] };
    expect(checkTemplate(clash).issues.find((i) => i.code === "duplicate")?.path).toBe("measures[0].key");
    const scored: Template = {
      ...measures,
      id: "measure-score",
      model: {
        kind: "scorecard",
        criteria: [{ key: "g", label: t("Growth"), points: 10, scoring: { kind: "steps", field: "growth", steps: [{ op: ">=", value: 1000, points: 10 }], otherwise: 2 } }],
        grading: { kind: "bands", bands: [{ grade: "Gold", op: ">=", value: 10 }, { grade: "Silver", op: ">=", value: 2 }], otherwise: "Basic" },
      },
    };
    const s = gradeTable(scored, { columns: { spend: [1000, 10], orders: [1, 1], reviews: [0, 0] } });
    expect([s.score(0), s.score(1)]).toEqual([10, 2]);
  });

  test("round: half away from zero at the given decimals (Excel ROUND)", () => {
    const r = gradeTable(measures, { columns: { spend: [1.005 * 3, 2.5], orders: [3, 2], reviews: [0, 0] } });
    // 3.015/3 = 1.005 → 1.01 (not 1.00 as binary floating point would give); 2.5/2 = 1.25 → 1.25
    expect(r.reason(0)).toContain("Average order 1.01");
  });
});


describe("population thresholds", () => {
  // amounts 10, 20, 30, 40, 100 (and a bad row that is not in the population):
  // median 30; PERCENTILE.INC(0.8): h = 4 × 0.8 = 3.2 → 40 + 0.2 × (100 − 40) = 52; mean 40.
  const cols = { amount: [10, 20, 30, 40, 100, "x"], region: ["N", "N", "S", "S", "S", "S"] };

  test("median and percentile over the graded rows (PERCENTILE.INC), shown in the reason", () => {
    const r = gradeTable(stats, { columns: cols });
    expect([0, 1, 2, 3, 4].map((i) => r.grade(i))).toEqual(["Low", "Low", "Mid", "Mid", "High"]);
    expect(r.status(5)).toBe("error");
    expect(r.reason(4)).toBe("High: Amount 100 ≥ 80th percentile of Amount (52)");
    expect(r.reason(2, "zh-CN")).toBe("Mid：金额 30 ≥ 金额中位数（30）");
  });

  test("mean overall and within a group in a rule condition (the row's own group)", () => {
    // N: mean 15 → 20 High, 10 not; S: mean (30+40+100)/3 = 56.67 → 100 High; overall mean 40 → 40 Mid
    const r = gradeTable(statsByGroup, { columns: cols });
    expect([0, 1, 2, 3, 4].map((i) => r.grade(i))).toEqual(["Low", "High", "Low", "Mid", "High"]);
    expect(r.reason(1)).toBe("High: Amount 20 ≥ mean of Amount in N (15)");
    expect(r.reason(3)).toBe("Mid: Amount 40 ≥ mean of Amount (40)");
  });

  test("the checker: a group threshold outside a condition, a percentile without p, an unknown field", () => {
    const bad = JSON.parse(JSON.stringify(stats));
    bad.model.bands[0].value = { stat: "mean", field: "amount", groupBy: "region" };
    bad.model.bands[1].value = { stat: "percentile", field: "nope" };
    const codes = checkTemplate(bad).issues.map((i) => i.code);
    expect(codes).toEqual(expect.arrayContaining(["groupStatPlace", "percentileP", "unknownField"]));
  });
});
