/**
 * Reading cell values (spec "Conventions"): numbers as numbers or text (`1,200`, `1 200`,
 * `12.5%` = 0.125, `10万`, `1.2亿`, `100K`/`100k`, `2.5M`, full-width digits); anything else in
 * a numeric field is a bad input. Yes/no words: yes/no, y/n, true/false, 1/0, 是/否, 有/无 and
 * Excel's TRUE/FALSE. Inputs are never mutated.
 */
import { gradeTable, isBlank, parseNumber, parseYesNo, round9, type Template } from "../../src/engine";
import { getBuiltinTemplate } from "../../src/templates";

const num = (v: unknown) => {
  const r = parseNumber(v);
  return r.ok ? r.value : undefined;
};

describe("parseNumber: valid numbers", () => {
  test.each<[unknown, number]>([
    [0, 0],
    [1200, 1200],
    [-3.5, -3.5],
    ["1200", 1200],
    ["1,200", 1200],
    ["1 200", 1200],
    ["1,234,567.89", 1234567.89],
    ["1 234 567", 1234567],
    ["12.5%", 0.125],
    ["100%", 1],
    ["29%", 0.29],
    ["0.5%", 0.005],
    ["10万", 100000],
    ["1.5万", 15000],
    ["1.2亿", 120000000],
    ["3亿", 300000000],
    ["100K", 100000],
    ["100k", 100000],
    ["2.5M", 2500000],
    ["１２３", 123],
    ["１，２００", 1200],
    ["１２.５%", 0.125],
    ["１０万", 100000],
    ["-5", -5],
    ["-1,200", -1200],
    ["-12.5%", -0.125],
    ["-10万", -100000],
    ["  42  ", 42],
  ])("%p -> %p", (input, expected) => {
    const r = parseNumber(input);
    expect(r).toEqual({ ok: true, value: expected });
  });

  test("exact values, not floating-point noise", () => {
    expect(num("12.5%")).toBe(0.125);
    expect(num("1.2亿")).toBe(120000000);
    expect(num("29%")).toBe(0.29);
    expect(num("55%")).toBe(0.55);
    expect(num("0.07M")).toBe(70000);
    expect(num("1.1万")).toBe(11000);
  });
});

describe("parseNumber: junk is a bad input", () => {
  test.each<[string, unknown]>([
    ["abc", "abc"],
    ["1,2", "1,2"],
    ["1,20", "1,20"],
    ["12,34,567", "12,34,567"],
    ["10万%", "10万%"],
    ["NaN", "NaN"],
    ["Infinity", "Infinity"],
    ["-Infinity", "-Infinity"],
    ["1.2.3", "1.2.3"],
    ["12 34", "12 34"],
    ["--5", "--5"],
    ["5-", "5-"],
    ["%", "%"],
    ["万", "万"],
    ["K", "K"],
    ["0x10", "0x10"],
    ["1e999", "1e999"],
    ["NaN number", NaN],
    ["Infinity number", Infinity],
    ["-Infinity number", -Infinity],
    ["object", {}],
    ["object with value", { value: 5 }],
    ["array", [5]],
    ["empty array", []],
    ["Date", new Date(2024, 0, 1)],
    ["true", true],
    ["false", false],
    ["bigint", BigInt(5)],
    ["symbol", Symbol("x")],
    ["function", () => 5],
  ])("%s", (_name, v) => {
    let r: ReturnType<typeof parseNumber> | undefined;
    expect(() => (r = parseNumber(v))).not.toThrow();
    expect(r!.ok).toBe(false);
  });
});

describe("numbers through gradeTable (spend-5)", () => {
  const spend = getBuiltinTemplate("spend-5")!;
  test("text numbers grade like the numbers they stand for", () => {
    const cells = ["1,200", "1 200", "12.5%", "10万", "1.2亿", "100K", "100k", "2.5M", "１０００００", "-5"];
    const r = gradeTable(spend, { columns: { annualSpend: cells } });
    expect(cells.map((_, i) => r.grade(i))).toEqual(["Regular", "Regular", "Regular", "Gold", "VIP", "Gold", "Gold", "VIP", "Gold", "Regular"]);
  });

  test("junk is an error naming the field, the row is kept", () => {
    const cells: unknown[] = ["abc", "1,2", "10万%", "NaN", "Infinity", NaN, Infinity, -Infinity, {}, [], [100], new Date(), true, false];
    const r = gradeTable(spend, { columns: { annualSpend: cells } });
    expect(r.n).toBe(cells.length);
    cells.forEach((_, i) => {
      expect(r.status(i)).toBe("error");
      expect(r.grade(i)).toBeNull();
      expect(r.error(i)?.field).toBe("annualSpend");
      expect(r.reason(i, "en")).toContain("Annual spend");
      expect(r.reason(i, "zh-CN")).toContain("年消费额");
    });
  });

  test("blank cells are no data", () => {
    const cells: unknown[] = [undefined, null, "", "   ", "\t", "　"];
    const r = gradeTable(spend, { columns: { annualSpend: cells } });
    cells.forEach((_, i) => {
      expect(r.status(i)).toBe("empty");
      expect(r.reason(i, "en")).toBe("no data");
    });
    expect(isBlank("　")).toBe(true);
  });
});

describe("parseYesNo", () => {
  test.each<[unknown, boolean]>([
    ["yes", true],
    ["no", false],
    ["YES", true],
    ["No", false],
    ["y", true],
    ["n", false],
    ["Y", true],
    ["N", false],
    ["true", true],
    ["false", false],
    ["TRUE", true],
    ["FALSE", false],
    ["1", true],
    ["0", false],
    [1, true],
    [0, false],
    ["是", true],
    ["否", false],
    ["有", true],
    ["无", false],
    [true, true],
    [false, false],
    [" yes ", true],
    ["１", true],
  ])("%p -> %p", (input, expected) => {
    expect(parseYesNo(input)).toEqual({ ok: true, value: expected });
  });

  test.each<[unknown]>([["maybe"], ["2"], [2], [-1], [0.5], ["yes!"], ["是的吗"], [{}], [[]], [new Date()], [NaN]])("%p is not yes/no", (v) => {
    let r: ReturnType<typeof parseYesNo> | undefined;
    expect(() => (r = parseYesNo(v))).not.toThrow();
    expect(r!.ok).toBe(false);
  });

  test("yes/no words through gradeTable (risk-3)", () => {
    const risk = getBuiltinTemplate("risk-3")!;
    const rows: unknown[][] = [
      ["否", "否", "否", "是"],
      ["无", "无", "无", "有"],
      ["n", "N", "no", "Y"],
      [false, false, false, true],
      ["FALSE", "false", 0, "TRUE"],
      ["0", 0, "No", 1],
      ["是", "否", "否", "是"],
      ["maybe", "no", "no", "yes"],
    ];
    const r = gradeTable(risk, { rows, fields: ["overdue", "suspicious", "violation", "verified"] });
    expect(rows.map((_, i) => r.grade(i))).toEqual(["low", "low", "low", "low", "low", "low", "high", null]);
    expect(r.error(7)?.field).toBe("overdue");
  });
});

describe("9-decimal comparisons (spec: 29% gives 29 margin points, not 28)", () => {
  // An ad-hoc scorecard without pharma's 12-point cap, so floor(0.29 * 100) is visible.
  const t: Template = {
    id: "margin-points",
    version: 1,
    name: { en: "Margin points", zh: "毛利率得分" },
    description: { en: "floor(margin * 100)", zh: "floor(毛利率 × 100)" },
    category: "custom",
    fields: [{ key: "margin", label: { en: "Margin", zh: "毛利率" }, type: "number", min: 0, max: 1, unit: "percent" }],
    grades: [
      { id: "hi", label: { en: "hi", zh: "高" }, color: "#1E8E3E" },
      { id: "lo", label: { en: "lo", zh: "低" }, color: "#D93025" },
    ],
    model: {
      kind: "scorecard",
      criteria: [
        {
          key: "m",
          label: { en: "Margin", zh: "毛利率" },
          points: 100,
          scoring: { kind: "formula", expr: { fn: "floor", args: [{ op: "*", args: [{ field: "margin" }, 100] }] } },
        },
      ],
      grading: { kind: "bands", bands: [{ grade: "hi", op: ">=", value: 57 }], otherwise: "lo" },
    },
  };

  test("0.29 -> 29, 0.57 -> 57, 0.58 -> 58, '29%' -> 29", () => {
    expect(0.29 * 100).toBeLessThan(29); // the floating-point noise the rule is about
    const cells = [0.29, 0.57, 0.58, "29%", "57%", 0.565];
    const r = gradeTable(t, { columns: { margin: cells } });
    expect(cells.map((_, i) => r.score(i))).toEqual([29, 57, 58, 29, 57, 56]);
    expect(cells.map((_, i) => r.grade(i))).toEqual(["lo", "hi", "hi", "lo", "hi", "lo"]);
  });

  test("round9", () => {
    expect(round9(0.29 * 100)).toBe(29);
    expect(round9(0.1 + 0.2)).toBe(0.3);
  });
});

describe("inputs are not mutated", () => {
  function deepFreeze<T>(v: T): T {
    if (v && typeof v === "object" && !Object.isFrozen(v)) {
      Object.freeze(v);
      for (const x of Object.values(v as Record<string, unknown>)) deepFreeze(x);
    }
    return v;
  }

  test("frozen rows, fields and template (pharma-score, relative to max)", () => {
    const fields = [
      "avgMonthlyAmount", "avgMonthlyQty", "grossMargin", "m1", "m2", "m3", "m4", "m5", "m6",
      "avgPaymentDays", "keyProductShare", "bidPriceCompliant", "purchaseMethod", "otherScore",
    ];
    const rows = [
      [200000, 8000, 0.29, 100, 100, 100, 100, 100, 100, 0, 0.6, "是", "计划补点", 10],
      ["10万", "4,000", "11.5%", 90, 110, 100, 100, 100, 100, 45, "55%", "否", "沟通点配", 5],
      ["abc", 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, "yes", "planned", 1],
      [],
    ];
    const snapshot = JSON.parse(JSON.stringify(rows));
    deepFreeze(rows);
    deepFreeze(fields);
    const template = getBuiltinTemplate("pharma-score")!;
    const templateSnapshot = JSON.stringify(template);
    const r = gradeTable(template, { rows, fields }, { params: Object.freeze({ problemLimitDays: 60 }) });
    expect(r.n).toBe(4);
    for (let i = 0; i < r.n; i++) r.row(i, "zh-CN");
    expect(JSON.parse(JSON.stringify(rows))).toEqual(snapshot);
    expect(JSON.stringify(template)).toBe(templateSnapshot);
  });

  test("frozen columns (tobacco-retail-code, percentile groups)", () => {
    const columns = deepFreeze({
      format: ["Z", "Z", "C", "Y", "食杂店"],
      purchaseQty: ["1,000", 500, 10, "", 20],
      market: ["urban", "rural", "urban", "urban", "城市"],
      lawful: ["lawful", "violating", "lawful", "", "守法"],
      isNew: ["", "", "", "yes", ""],
      chain: ["", "", "yes", "", ""],
    });
    const snapshot = JSON.stringify(columns);
    const r = gradeTable(getBuiltinTemplate("tobacco-retail-code")!, { columns });
    expect(r.n).toBe(5);
    for (let i = 0; i < r.n; i++) r.row(i, "en");
    expect(JSON.stringify(columns)).toBe(snapshot);
  });

  test("a frozen ad-hoc template can be graded twice", () => {
    const spend = deepFreeze(JSON.parse(JSON.stringify(getBuiltinTemplate("spend-5"))) as Template);
    const a = gradeTable(spend, { columns: { annualSpend: Object.freeze([600000, "20万"]) } });
    const b = gradeTable(spend, { columns: { annualSpend: Object.freeze([600000, "20万"]) } });
    expect([a.grade(0), a.grade(1)]).toEqual(["VIP", "Platinum"]);
    expect([b.grade(0), b.grade(1)]).toEqual(["VIP", "Platinum"]);
  });
});
