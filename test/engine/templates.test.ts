/**
 * What every built-in template carries (spec: "Every template also carries: an id, names (en,
 * zh-CN), a description citing its source file, the grade labels in order best -> worst, a colour
 * for each grade, and (where the source gives one) the follow-up action per grade"), the spec's
 * field keys, readings shown to users, and header matching ("by key, by its English label or by
 * its Chinese label, case- and space-insensitive").
 */
import { compileTemplate, matchHeaders } from "../../src/engine";
import { BUILTIN_IDS, BUILTIN_TEMPLATES, getBuiltinTemplate } from "../../src/templates";

/** Spec section -> id, seed(s) and field keys. */
const SPEC: [id: string, seeds: string[], fields: string[]][] = [
  ["sales-pipeline", ["000"], ["closeMonths", "monthlyAmount"]],
  ["mfq-102a", ["000"], ["orderCount", "orderVolume"]],
  ["need-close-5", ["000"], ["need", "closeMonths"]],
  ["edu-intent-5", ["003", "004"], ["intent", "decisionDays"]],
  [
    "pharma-score",
    ["000"],
    ["avgMonthlyAmount", "avgMonthlyQty", "grossMargin", "m1", "m2", "m3", "m4", "m5", "m6", "avgPaymentDays", "keyProductShare", "bidPriceCompliant", "purchaseMethod", "otherScore"],
  ],
  ["realestate-6", ["001"], ["nature", "strength", "growth", "profit", "relationship", "strategic"]],
  ["spend-5", ["002"], ["annualSpend"]],
  ["multi-factor-5", ["002"], ["purchaseBehavior", "amount", "frequency", "satisfaction", "referral"]],
  ["weighted-value", ["001"], ["creditScore", "orderAmount", "profit"]],
  ["tobacco-retail-code", ["000"], ["format", "purchaseQty", "market", "lawful", "isNew", "chain"]],
  ["tobacco-retail-score", ["000"], ["purchaseQty", "avgPrice", "specCount", "cooperation", "growth", "lawGrade"]],
  ["bocom-tier", ["001"], ["assets", "platinumCard"]],
  [
    "auto-base-3",
    ["004"],
    ["satisfaction", "maintenance", "activity", "promotion", "awareness", "operations", "reputation", "reach", "fleet", "futurePurchase"],
  ],
  ["lifecycle-5", ["001"], ["orderCount", "daysSinceLastOrder"]],
  ["risk-3", ["003"], ["overdue", "suspicious", "violation", "verified"]],
  ["relationship-4", ["000"], ["stage"]],
  [
    "bank-credit-5",
    ["000"],
    [
      "registeredCapital", "businessScale", "trackRecord", "profitability", "cashFlow", "liabilities",
      "organization", "staffQuality", "partnerRelations", "guarantees",
      "industryTrend", "marketShare", "priceLevel", "productQuality",
      "debtRatio", "currentRatio", "solvency", "operatingLeverage", "financingCost", "marketValue",
      "environment", "socialImage",
    ],
  ],
  ["power-load-3", ["001"], ["casualties", "majorLoss", "seriousStoppage", "publicDisruption"]],
  ["value-share-3", ["003", "001"], ["amount", "group"]],
  ["status-5", ["003"], ["orderCount", "daysSinceLastOrder", "hasNeed", "targeted"]],
  ["wealth-risk-5", ["003"], ["principalGuaranteed", "targetLikely", "lossRisk"]],
  ["defeat-3", ["004"], ["boughtCompetitor", "lostContact", "gaveUp", "misjudged", "daysOpen", "reason", "series"]],
  ["rfm-8", ["001", "003"], ["daysSinceLastOrder", "orderCount", "totalAmount"]],
];

/** Templates whose spec section has a **Reading** (or says the values are example defaults). */
const WITH_READING = ["sales-pipeline", "mfq-102a", "need-close-5", "pharma-score", "spend-5", "multi-factor-5", "weighted-value", "tobacco-retail-score", "auto-base-3", "bank-credit-5", "value-share-3", "status-5", "defeat-3", "rfm-8"];

/** Grades best -> worst, as the spec lists them. */
const GRADES: Record<string, string[]> = {
  "sales-pipeline": ["A", "B", "C", "D"],
  "mfq-102a": ["A", "B", "C"],
  "need-close-5": ["A", "B", "C", "D", "E"],
  "edu-intent-5": ["S", "A", "B", "C", "D"],
  "pharma-score": ["A", "B", "C", "D"],
  "realestate-6": ["A", "B", "C"],
  "spend-5": ["VIP", "Platinum", "Gold", "Silver", "Regular"],
  "multi-factor-5": ["VIP", "Platinum", "Gold", "Silver", "Regular"],
  "weighted-value": ["A", "B", "C"],
  "tobacco-retail-score": ["8", "7", "6", "5", "4", "3", "2", "1"],
  "bocom-tier": ["Diamond", "VIP", "Wealth", "Ordinary"],
  "auto-base-3": ["Premium", "Potential", "General"],
  "risk-3": ["low", "medium", "high"],
  "relationship-4": ["A", "B", "C", "D"],
  "bank-credit-5": ["AAA", "AA", "A", "BBB", "BB"],
  "power-load-3": ["class-1", "class-2", "class-3"],
  "value-share-3": ["VIP", "Important", "Regular"],
  "status-5": ["lost", "actual", "target", "potential", "non-customer"],
  "wealth-risk-5": ["R1", "R2", "R3", "R4", "R5"],
  "defeat-3": ["defeated", "quasi-defeated", "active"],
  "rfm-8": ["important-value", "important-develop", "important-keep", "important-win-back", "general-value", "general-develop", "general-keep", "general-win-back"],
};

describe("the built-in library follows the spec", () => {
  test("the 23 ids, in the spec's order", () => {
    expect([...BUILTIN_IDS]).toEqual(SPEC.map((s) => s[0]));
  });

  test.each(SPEC)("%s: source seed(s) %p and field keys", (id, seeds, fields) => {
    const t = getBuiltinTemplate(id)!;
    expect(t.fields.map((f) => f.key).sort()).toEqual([...fields].sort());
    const cited = `${t.description.en} ${t.source?.en ?? ""}`;
    expect(seeds.some((s) => cited.includes(`seeds/${s}_`))).toBe(true);
    expect(`${t.description.zh} ${t.source?.zh ?? ""}`).toMatch(/seeds\/\d{3}_/);
  });

  test.each(BUILTIN_TEMPLATES.map((t) => [t.id, t] as const))("%s: names, description, grades with colours", (_id, t) => {
    expect(t.name.en.trim()).not.toBe("");
    expect(t.name.zh.trim()).not.toBe("");
    expect(t.description.en.trim()).not.toBe("");
    expect(t.description.zh.trim()).not.toBe("");
    const grades = compileTemplate(t).grades;
    expect(grades.length).toBeGreaterThan(0);
    for (const g of grades) {
      expect(g.color).toMatch(/^#[0-9A-Fa-f]{6}$/);
      expect(g.label.en.trim()).not.toBe("");
      expect(g.label.zh.trim()).not.toBe("");
    }
    if (GRADES[t.id]) expect(grades.map((g) => g.id)).toEqual(GRADES[t.id]);
  });

  test.each(WITH_READING.map((id) => [id]))("%s shows its reading to users", (id) => {
    const t = getBuiltinTemplate(id)!;
    expect((t.readings ?? []).length).toBeGreaterThan(0);
    for (const r of t.readings ?? []) {
      expect(r.en.trim()).not.toBe("");
      expect(r.zh.trim()).not.toBe("");
    }
  });

  test("need-close-5: follow-up log per grade (A daily, B weekly, C 15 days, D 30 days, E none)", () => {
    const g = getBuiltinTemplate("need-close-5")!.grades;
    expect(g.map((x) => x.cadenceDays)).toEqual([1, 7, 15, 30, undefined]);
    expect(g.every((x) => x.action && x.action.en && x.action.zh)).toBe(true);
  });

  test("relationship-4: follow-up per grade from the source", () => {
    expect(getBuiltinTemplate("relationship-4")!.grades.every((x) => x.action && x.action.en && x.action.zh)).toBe(true);
  });

  test("sales-pipeline: re-grade at every month end", () => {
    expect(getBuiltinTemplate("sales-pipeline")!.reviewCadence?.en).toMatch(/month/i);
  });

  test("pharma-score: problemLimitDays defaults to 90", () => {
    expect(compileTemplate(getBuiltinTemplate("pharma-score")!).params.problemLimitDays).toBe(90);
  });

  test("lifecycle-5: dormantDays 180, loyalOrders 10, loyalRecentDays 90", () => {
    expect({ ...compileTemplate(getBuiltinTemplate("lifecycle-5")!).params }).toEqual({ dormantDays: 180, loyalOrders: 10, loyalRecentDays: 90 });
  });

  test("yes/no modifiers are optional (platinumCard, isNew, chain)", () => {
    const f = (id: string, key: string) => getBuiltinTemplate(id)!.fields.find((x) => x.key === key)!;
    for (const [id, key] of [
      ["bocom-tier", "platinumCard"],
      ["tobacco-retail-code", "isNew"],
      ["tobacco-retail-code", "chain"],
    ]) {
      const field = f(id, key);
      expect(field.type).toBe("yesno");
      expect(field.required === false || field.default !== undefined).toBe(true);
    }
  });
});

describe("header matching", () => {
  const sales = getBuiltinTemplate("sales-pipeline")!;
  const pharma = getBuiltinTemplate("pharma-score")!;

  test("by key, English label or Chinese label, case- and space-insensitive", () => {
    expect(matchHeaders(["closeMonths", "monthlyAmount"], sales).mapping).toEqual({ closeMonths: 0, monthlyAmount: 1 });
    expect(matchHeaders(["客户", "预计成交月数", "预计月度成交金额"], sales).mapping).toEqual({ closeMonths: 1, monthlyAmount: 2 });
    expect(matchHeaders(["EXPECTED MONTHS TO CLOSE", "expected  monthly deal amount"], sales).mapping).toEqual({ closeMonths: 0, monthlyAmount: 1 });
    expect(matchHeaders(["closemonths", " MonthlyAmount "], sales).mapping).toEqual({ closeMonths: 0, monthlyAmount: 1 });
    expect(matchHeaders(["ExpectedMonthsToClose"], sales).mapping).toEqual({ closeMonths: 0 });
  });

  test("missing required fields are listed; at-least-one groups only when none is there", () => {
    expect(matchHeaders(["预计成交月数"], sales).missing).toEqual([]);
    expect(matchHeaders(["name"], sales).missing.sort()).toEqual(["closeMonths", "monthlyAmount"]);
    const m = matchHeaders(["月均进货额", "月均进货量"], pharma);
    expect(m.missing).toContain("grossMargin");
    expect(m.missing).not.toContain("avgMonthlyAmount");
  });

  test("unknown headers are unused, never guessed into a mapping", () => {
    const m = matchHeaders(["name", "Expected months", "monthly amount?"], sales);
    expect(m.mapping).toEqual({});
    expect(m.unused).toEqual([0, 1, 2]);
  });
});
