/**
 * Order lines to customers (engine `input/orders.ts`): every aggregate worked out by hand on a
 * small table of orders, the bad lines (no key, a date that does not exist, a blank amount), the
 * mapping syntax, the checker's part and rfm-8 graded from order lines.
 */
import { checkTemplate, gradeTable, isGradeKitError, type Template } from "../../src/engine";
import { aggregateOrders, customerTable, OrderAggregator, ordersOf, parseAgg, planOrders } from "../../src/engine/input/orders";
import { toSerial } from "../../src/engine/review/dates";
import { getBuiltinTemplate } from "../../src/templates";

const AS_OF = (toSerial("2026-12-03") as { serial: number }).serial;

export const ORDER_HEADERS = ["customerId", "orderDate", "amount", "sku"];
export const ORDER_ROWS: unknown[][] = [
  ["C1", "2026-11-30", 120, "A"], // line 2
  ["C2", "2026-06-01", 40, "B"], // 3
  ["C1", "2026-10-01", 80, "b"], // 4 (sku b = B)
  ["", "2026-11-01", 10, "A"], // 5: no key
  ["C3", "2026-12-01", 500, "A"], // 6
  ["C2", "2026-05-15", "1,200", "B"], // 7
  ["C3", "2026-11-20", 100, "C"], // 8
  ["C4", "2026-02-30", 10, "A"], // 9: not a date
  ["C3", "2026-09-10", 20, "A"], // 10
];

const ALL = ["count", "sum", "mean", "min", "max", "distinct", "first", "last", "daysSinceFirst", "daysSinceLast"] as const;

function errText(f: () => unknown): { code: string; cls: string; en: string; zh: string } {
  try {
    f();
  } catch (e) {
    if (isGradeKitError(e)) return { code: e.code, cls: e.errorClass, en: e.messageIn("en"), zh: e.messageIn("zh-CN") };
    throw e;
  }
  throw new Error("no error");
}

describe("aggregating order lines", () => {
  const orders = {
    key: ["customerId"],
    measures: ALL.map((fn) => ({ field: fn, fn, ...(fn === "count" ? {} : { from: [fn === "distinct" ? "sku" : fn === "sum" || fn === "mean" || fn === "min" || fn === "max" ? "amount" : "orderDate"] }) })),
  };

  test("each aggregate, by hand", () => {
    const { totals } = aggregateOrders(orders, ORDER_HEADERS, ORDER_ROWS, { asOf: AS_OF });
    const by = Object.fromEntries(totals.customers.map((c) => [c.key, c]));
    expect(totals.customers.map((c) => c.key)).toEqual(["C1", "C2", "C3", "C4"]);
    // C1: 2026-11-30 120, 2026-10-01 80
    expect(by.C1.values).toEqual({
      count: 2, sum: 200, mean: 100, min: 80, max: 120, distinct: 2,
      first: (toSerial("2026-10-01") as { serial: number }).serial,
      last: (toSerial("2026-11-30") as { serial: number }).serial,
      daysSinceFirst: 63, // Oct 1 -> Nov 1 31, -> Dec 1 30, +2
      daysSinceLast: 3,
    });
    // C2: 40 and "1,200"; Jun 1 -> Dec 3 = 30+31+31+30+31+30+2
    expect(by.C2.values).toMatchObject({ count: 2, sum: 1240, mean: 620, min: 40, max: 1200, distinct: 1, daysSinceLast: 185, daysSinceFirst: 202 });
    expect(by.C3.values).toMatchObject({ count: 3, sum: 620, distinct: 2, daysSinceLast: 2, daysSinceFirst: 84 });
    expect(totals.asOf).toBe("2026-12-03");
    expect(totals.lines).toBe(9);
  });

  test("a line without a key is that line's error and counts for no customer", () => {
    const { totals } = aggregateOrders(orders, ORDER_HEADERS, ORDER_ROWS, { asOf: AS_OF });
    expect(totals.keylessCount).toBe(1);
    expect(totals.keyless).toEqual([{ line: 5, reason: { en: "line 5: no customer key in 'customerId': not counted", zh: "第 5 行：“customerId”中没有客户键，未计入" } }]);
    expect(totals.customers.reduce((s, c) => s + c.lines, 0)).toBe(8);
  });

  test("a date that does not exist makes its customer an error naming the line; not graded on a partial total", () => {
    const { totals, plan } = aggregateOrders(orders, ORDER_HEADERS, ORDER_ROWS, { asOf: AS_OF });
    const c4 = totals.customers.find((c) => c.key === "C4")!;
    expect(c4.error).toEqual({ en: "line 9: 'orderDate' is '2026-02-30', not a date", zh: "第 9 行：“orderDate”为“2026-02-30”，不是日期" });
    expect(c4.values.sum).toBeNull();
    expect(customerTable(totals, plan).keys).toEqual(["C1", "C2", "C3"]);
  });

  test("a blank amount and a word amount: the first bad line is named, the others counted", () => {
    const agg = new OrderAggregator(planOrders({ key: ["customerId"], measures: [{ field: "t", fn: "sum", from: ["amount"] }] }, ORDER_HEADERS));
    agg.add(["C9", "", "", ""], 12);
    agg.add(["C9", "", "abc", ""], 13);
    agg.add(["C9", "", 5, ""], 14);
    agg.add(["", "", "", ""], 15); // a blank line: skipped, not an error
    const t = agg.totals();
    expect(t.customers[0].error!.en).toBe("line 12: 'amount' is blank (and 2 more line(s) with errors)");
    expect(t.lines).toBe(3);
    expect(t.keylessCount).toBe(0);
  });

  test("keys are read as text: 1001 and '1001 ' are one customer", () => {
    const agg = new OrderAggregator(planOrders({ key: ["#1"], measures: [{ field: "n", fn: "count" }] }, ["id"]));
    agg.add([1001], 2);
    agg.add(["1001 "], 3);
    expect(agg.totals().customers).toEqual([{ key: "1001", lines: 2, values: { n: 2 }, error: null }]);
  });

  test("a column not found is an input error naming it and the headers", () => {
    const e = errText(() => planOrders({ key: ["custNo"], measures: [{ field: "n", fn: "count" }] }, ORDER_HEADERS));
    expect(e).toEqual({
      code: "noColumn",
      cls: "input",
      en: "order lines: no column 'custNo' for the customer key (headers: customerId, orderDate, amount, sku)",
      zh: "订单明细：没有用于客户键的“custNo”列（表头：customerId, orderDate, amount, sku）",
    });
    expect(errText(() => planOrders({ key: ["customerId"], measures: [{ field: "t", fn: "sum", from: ["total"] }] }, ORDER_HEADERS)).en).toBe(
      "order lines: no column 'total' for field 't' (sum) (headers: customerId, orderDate, amount, sku)",
    );
  });

  test("days-since measures need an as-of date", () => {
    const agg = new OrderAggregator(planOrders({ key: ["customerId"], measures: [{ field: "r", fn: "daysSinceLast", from: ["orderDate"] }] }, ORDER_HEADERS));
    agg.add(ORDER_ROWS[0], 2);
    expect(() => agg.totals()).toThrow(/as-of/);
  });
});

describe("the mapping: --key and --agg", () => {
  test.each([
    ["totalAmount=sum(amount)", { field: "totalAmount", fn: "sum", from: ["amount"] }],
    ["orderCount=count", { field: "orderCount", fn: "count" }],
    ["orderCount = COUNT()", { field: "orderCount", fn: "count" }],
    ["r=daysSinceLast('下单日期')", { field: "r", fn: "daysSinceLast", from: ["下单日期"] }],
    ["x=max(#3)", { field: "x", fn: "max", from: ["#3"] }],
  ])("%s", (item, expected) => {
    expect(parseAgg(item)).toEqual(expected);
  });

  test.each(["total", "t=median(amount)", "t=sum", "=sum(a)"])("'%s' is a usage error", (item) => {
    const e = errText(() => parseAgg(item));
    expect(e.cls).toBe("usage");
    expect(e.en).toContain(`--agg '${item}'`);
  });

  test("a mapping lays over the template's order lines; required fields must all be filled", () => {
    const rfm = getBuiltinTemplate("rfm-8")!;
    const o = ordersOf(rfm, { key: "客户", agg: [parseAgg("totalAmount=sum(实付)")] });
    expect(o.key).toEqual(["客户"]);
    expect(o.measures.find((m) => m.field === "totalAmount")).toEqual({ field: "totalAmount", fn: "sum", from: ["实付"] });
    expect(o.measures).toHaveLength(3);
    const noOrders: Template = { ...rfm, orders: undefined };
    expect(errText(() => ordersOf(noOrders, { agg: [parseAgg("orderCount=count")] })).code).toBe("noKey");
    expect(errText(() => ordersOf(noOrders, { key: "id", agg: [parseAgg("orderCount=count")] })).en).toBe(
      "order lines: required field(s) daysSinceLastOrder, totalAmount of template 'rfm-8' are filled by no order measure",
    );
    expect(errText(() => ordersOf(rfm, { agg: [parseAgg("nope=count")] })).en).toBe("order lines: 'nope' is not a number field of template 'rfm-8'");
  });
});

describe("the checker's part for orders", () => {
  test("rfm-8's order lines check clean", () => {
    expect(checkTemplate(getBuiltinTemplate("rfm-8")!).issues).toEqual([]);
  });

  test("unknown field, twice the same field, a sum without a column", () => {
    const rfm = getBuiltinTemplate("rfm-8")!;
    const bad = {
      ...rfm,
      orders: { key: ["id"], measures: [{ field: "orderCount", fn: "count" }, { field: "orderCount", fn: "sum" }, { field: "ghost", fn: "count" }] },
    };
    const issues = checkTemplate(bad).issues.filter((i) => i.path.startsWith("orders"));
    expect(issues.map((i) => [i.path, i.code])).toEqual([
      ["orders.measures[1].field", "duplicate"],
      ["orders.measures[1].from", "needColumn"],
      ["orders.measures[2].field", expect.any(String)],
    ]);
  });

  test("an unknown aggregate is refused by the schema", () => {
    const rfm = getBuiltinTemplate("rfm-8")!;
    const r = checkTemplate({ ...rfm, orders: { key: ["id"], measures: [{ field: "orderCount", fn: "median", from: ["x"] }] } });
    expect(r.issues.some((i) => i.severity === "error" && i.path.startsWith("orders.measures[0].fn"))).toBe(true);
  });
});

describe("rfm-8 from order lines", () => {
  test("grades the customers against values worked out by hand", () => {
    const rfm = getBuiltinTemplate("rfm-8")!;
    const { totals, plan } = aggregateOrders(ordersOf(rfm), ORDER_HEADERS, ORDER_ROWS, { asOf: AS_OF });
    const t = customerTable(totals, plan);
    const r = gradeTable(rfm, { columns: t.columns, rowCount: t.rowCount });
    // R days 3, 185, 2 (mean 63.33, lower is high): H L H; F 2, 2, 3 (mean 2.33): L L H;
    // M 200, 1240, 620 (mean 686.67): L H L.
    expect(t.keys.map((k, i) => [k, r.grade(i)])).toEqual([
      ["C1", "general-develop"], // H L L
      ["C2", "important-win-back"], // L L H
      ["C3", "general-value"], // H H L
    ]);
  });
});
