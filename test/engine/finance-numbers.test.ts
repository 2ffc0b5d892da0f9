/**
 * Money as finance tables write it (spec "Conventions"): currency signs, 元/万元/亿元/千元,
 * accounting negatives in parentheses (half- and full-width), and units in column headers that
 * scale the column (a cell with its own unit is not scaled again). Near misses are bad input.
 */
import { gradeTable, headerUnit, matchHeaders, parseNumber, parseNumberIn, unitScale } from "../../src/engine";
import { getBuiltinTemplate } from "../../src/templates";

const num = (v: unknown, factor = 1) => {
  const r = parseNumberIn(v, factor);
  return r.ok ? r.value : undefined;
};

describe("finance numbers: each form in the spec", () => {
  test.each<[string, number]>([
    ["¥1,200", 1200],
    ["￥1,200", 1200],
    ["$1,200", 1200],
    ["-¥1,200", -1200],
    ["¥-1,200", -1200],
    ["1,200元", 1200],
    ["1.2万元", 12000],
    ["3亿元", 300000000],
    ["5千元", 5000],
    ["(1,200)", -1200],
    ["（1,200）", -1200],
    ["(¥1,200)", -1200],
    ["(1.2万元)", -12000],
    ["¥ 1,200.50", 1200.5],
    ["１，２００元", 1200],
    ["1.1万元", 11000],
  ])("%s = %d", (text, value) => {
    expect(parseNumber(text)).toEqual({ ok: true, value });
  });
});

describe("finance numbers: near misses are bad input, never guessed", () => {
  test.each(["1,2,3元", "¥", "万元", "元", "(1,200", "1,200)", "((1,200))", "(-1,200)", "-¥-1,200", "¥1,200元", "¥12%", "(12%)", "5K元", "5千", "1,200元元", "¥¥1", "()", "(¥)"])(
    "%s",
    (text) => {
      const r = parseNumber(text);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.problem).toEqual({ code: "notNumber", text });
    },
  );
});

describe("header units", () => {
  test.each<[string, string, string, number]>([
    ["年消费额（万元）", "年消费额", "万元", 1e4],
    ["Amount (10k CNY)", "Amount", "10k CNY", 1e4],
    ["金额(千元)", "金额", "千元", 1e3],
    ["Revenue (K)", "Revenue", "K", 1e3],
    ["资产（亿元）", "资产", "亿元", 1e8],
    ["Assets (CNY)", "Assets", "CNY", 1],
  ])("%s", (header, name, unit, factor) => {
    expect(headerUnit(header)).toEqual({ name, unit, factor });
  });

  test("no unit: unknown words in parentheses, unbalanced parentheses, a unit alone", () => {
    expect(headerUnit("金额(估计)")).toBeUndefined();
    expect(headerUnit("金额(万元")).toBeUndefined();
    expect(headerUnit("(万元)")).toBeUndefined();
    expect(headerUnit("年消费额")).toBeUndefined();
  });

  test("a unit in the header scales plain cells; a cell with its own unit is not scaled again", () => {
    expect(num(50, 1e4)).toBe(500000);
    expect(num("50", 1e4)).toBe(500000);
    expect(num("1.1", 1e4)).toBe(11000);
    expect(num(0.3, 1e4)).toBe(3000);
    expect(num("¥50", 1e4)).toBe(500000);
    expect(num("(5)", 1e4)).toBe(-50000);
    expect(num("50万", 1e4)).toBe(500000);
    expect(num("50元", 1e4)).toBe(50);
    expect(num("3亿元", 1e4)).toBe(300000000);
    expect(num("abc", 1e4)).toBeUndefined();
  });

  test("matching: the header's name finds the field, the unit is reported and scales the grades", () => {
    const spend = getBuiltinTemplate("spend-5")!;
    const headers = ["客户", "年消费额（万元）"];
    const match = matchHeaders(headers, spend);
    expect(match.mapping).toEqual({ annualSpend: 1 });
    expect(match.units).toEqual({ annualSpend: { unit: "万元", factor: 1e4 } });
    const cells = [60, "25", "50万", "¥12", "(1)", "1,2,3元", "30元"];
    const r = gradeTable(spend, { rows: cells.map((c) => ["x", c]), fields: ["", "annualSpend"], scale: unitScale(match.units) });
    expect(Array.from({ length: r.n }, (_, i) => r.grade(i))).toEqual(["VIP", "Platinum", "Platinum", "Gold", "Regular", null, "Regular"]);
    expect(r.reason(5, "en")).toBe("Annual spend: '1,2,3元' is not a number");
    // Without the unit in the header nothing is scaled.
    const plain = gradeTable(spend, { columns: { annualSpend: [60] } });
    expect(plain.grade(0)).toBe("Regular");
  });

  test("a header that is the field's own name is not read as a unit; a --map override still reads the unit", () => {
    const spend = getBuiltinTemplate("spend-5")!;
    expect(matchHeaders(["Spend (K)"], spend, { annualSpend: 0 }).units).toEqual({ annualSpend: { unit: "K", factor: 1e3 } });
    expect(matchHeaders(["年消费额"], spend).units).toEqual({});
  });
});
