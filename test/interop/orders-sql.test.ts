/**
 * Order-line aggregation compiled to SQL (`gradekit compile --target sql --orders`: a `GROUP BY`
 * CTE before the grading query) agrees with the engine (`input/orders.ts` then `gradeTable`) on
 * DuckDB, SQLite and PostgreSQL, over random order lines with keyless lines, blank amounts,
 * keys with spaces and SKU spellings; date aggregates are refused by name.
 */
import type { Field, Template } from "../../src/engine";
import { gradeTable, isRefusal } from "../../src/engine";
import { compileOrdersSql } from "../../src/engine/compile/orders-sql";
import { aggregateOrders, customerTable, ordersOf, parseAgg } from "../../src/engine/input/orders";
import { getBuiltinTemplate } from "../../src/templates";
import { run } from "../../src/cli/main";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { prng, type Cell } from "./data";
import { duckdb } from "./evaluate";
import { onPath, sqliteQuery, startPostgres, type Postgres } from "./sql-engines";

const num = (key: string): Field => ({ key, label: { en: key, zh: key }, type: "number", min: 0 });
const BASKET: Template = {
  id: "basket",
  version: 1,
  name: { en: "Basket", zh: "购物篮" },
  description: { en: "Customers by their order lines", zh: "按订单明细分级" },
  category: "custom",
  fields: ["orderCount", "totalAmount", "avgAmount", "maxAmount", "minAmount", "skus"].map(num),
  grades: ["A", "B", "C", "D"].map((id) => ({ id, label: { en: id, zh: id }, color: "#808080" })),
  model: {
    kind: "rules",
    rules: [
      { grade: "A", when: { all: [{ field: "totalAmount", op: ">=", value: 1000 }, { field: "skus", op: ">=", value: 3 }] } },
      { grade: "B", when: { any: [{ field: "orderCount", op: ">=", value: 4 }, { field: "maxAmount", op: ">=", value: 400 }] } },
      { grade: "C", when: { all: [{ field: "avgAmount", op: ">=", value: 100 }, { field: "minAmount", op: ">", value: 20 }] } },
    ],
    otherwise: "D",
  },
  orders: {
    key: ["customerId"],
    measures: [
      { field: "orderCount", fn: "count" },
      { field: "totalAmount", fn: "sum", from: ["amount"] },
      { field: "avgAmount", fn: "mean", from: ["amount"] },
      { field: "maxAmount", fn: "max", from: ["amount"] },
      { field: "minAmount", fn: "min", from: ["amount"] },
      { field: "skus", fn: "distinct", from: ["sku"] },
    ],
  },
};

const LINE_FIELDS: Field[] = [
  { key: "customerId", label: { en: "c", zh: "c" }, type: "text" },
  { key: "amount", label: { en: "a", zh: "a" }, type: "number" },
  { key: "sku", label: { en: "s", zh: "s" }, type: "text" },
];

/** Random order lines: ~150 customers, some keyless lines, some blank amounts, SKU spellings. */
function lines(seed: number, n: number): Cell[][] {
  const r = prng(seed);
  const skus = ["A-1", "a1", "A 1", "B_2", "b2", "C3", "D4", "E5"];
  return Array.from({ length: n }, () => {
    const k = Math.floor(Math.sqrt(r()) * 150); // many customers with one or two lines
    const key = r() < 0.03 ? (r() < 0.5 ? null : "  ") : r() < 0.1 ? ` c${k} ` : `c${k}`;
    const amount = r() < 0.02 ? null : Math.round(r() ** 3 * 60000) / 100;
    return [key, amount, skus[Math.floor(r() * skus.length)]];
  });
}

/** The engine's grade per customer key ("" for a customer the engine refuses: its measures are incomplete). */
function engineGrades(rows: Cell[][]): Map<string, string> {
  const { totals, plan } = aggregateOrders(ordersOf(BASKET), ["customerId", "amount", "sku"], rows);
  const t = customerTable(totals, plan);
  const res = gradeTable(BASKET, { columns: t.columns, rowCount: t.rowCount });
  const out = new Map<string, string>();
  for (const c of totals.customers) out.set(c.key, "");
  t.keys.forEach((k, i) => out.set(k, res.grade(i) ?? ""));
  return out;
}

const SQL = compileOrdersSql(BASKET, ordersOf(BASKET), { linesTable: "lines" }) as string;
const DATA = [1, 2, 3].map((seed) => lines(seed, 400));

function mismatches(rows: Cell[][], out: Record<string, unknown>[]): string[] {
  const want = engineGrades(rows);
  expect(out.length).toBe(want.size);
  const bad: string[] = [];
  let graded = 0;
  for (const r of out) {
    const key = String(r.customerId);
    const g = r.grade === null ? "" : String(r.grade);
    const w = want.get(key);
    if (w === undefined) bad.push(`${key}: not a customer of the engine`);
    else if (w === "" ? !(g === "" || g === "#VALUE!") : g !== w) bad.push(`${key}: engine '${w}', SQL '${g}'`);
    else if (w !== "") graded++;
  }
  expect(graded).toBeGreaterThan(30);
  return bad.slice(0, 5);
}

test("the query: a GROUP BY CTE before the grading query", () => {
  expect(isRefusal(SQL)).toBe(false);
  expect(SQL.startsWith('WITH "customers" AS (')).toBe(true);
  expect(SQL).toContain('GROUP BY TRIM(CAST("customerId" AS VARCHAR))');
  expect(SQL).toContain('FROM "customers" AS "t"');
});

test("every grade is given somewhere in the random data", () => {
  const all = new Set(DATA.flatMap((d) => [...engineGrades(d).values()]));
  expect([...all].sort()).toEqual(["", "A", "B", "C", "D"]);
});

test("date aggregates are refused by name; rfm-8 (population means) compiles over aggregated order lines", () => {
  const r = compileOrdersSql(BASKET, { key: ["id"], measures: [{ field: "orderCount", fn: "daysSinceLast", from: ["d"] }] });
  expect(isRefusal(r) && r.reason.en).toMatch(/^order lines: 'orderCount' \(daysSinceLast\) aggregates dates/);
  const rfm = getBuiltinTemplate("rfm-8")!;
  const days = compileOrdersSql(rfm, ordersOf(rfm, { agg: [parseAgg("daysSinceLastOrder=min(daysAgo)")] }));
  expect(isRefusal(days)).toBe(false);
  if (!isRefusal(days)) {
    expect(days.startsWith('WITH "customers" AS (')).toBe(true);
    expect(days).toContain("GROUP BY");
  }
});

test("gradekit compile --target sql --orders prints the query; --orders elsewhere is a usage error", async () => {
  let out = "";
  let err = "";
  const io = { out: (x: string) => (out += x), err: (x: string) => (err += x) };
  const tpl = path.join(os.tmpdir(), `gradekit-basket-${process.pid}.json`);
  fs.writeFileSync(tpl, JSON.stringify(BASKET));
  try {
    expect(await run(["compile", "-t", tpl, "--target", "sql", "--orders", "--table", "sales.lines", "--agg", "skus=distinct(item)"], io)).toBe(0);
    expect(out).toContain('FROM "sales"."lines"');
    expect(out).toContain("COUNT(DISTINCT REPLACE(REPLACE(REPLACE(LOWER(TRIM(CAST(\"item\" AS VARCHAR))), ' ', ''), '-', ''), '_', ''))");
    expect(out).toContain('TRIM(CAST("item" AS VARCHAR))');
    expect(await run(["compile", "-t", tpl, "--target", "excel", "--orders"], io)).toBe(2);
    expect(err).toContain("--orders applies to --target sql only");
  } finally {
    fs.rmSync(tpl, { force: true });
  }
});

describe("DuckDB", () => {
  test.each(DATA.map((d, i) => [i + 1, d] as const))("seed %d: SQL agrees with the engine", async (_s, rows) => {
    const db = await duckdb();
    try {
      await db.load("lines", LINE_FIELDS, rows);
      expect(mismatches(rows, await db.query(SQL))).toEqual([]);
    } finally {
      db.close();
    }
  });
});

describe("SQLite", () => {
  const SQLITE = onPath("sqlite3");
  test.each(DATA.map((d, i) => [i + 1, d] as const))("seed %d: SQL agrees with the engine", (_s, rows) => {
    if (!SQLITE) throw new Error("sqlite3 is not installed");
    expect(mismatches(rows, sqliteQuery("lines", LINE_FIELDS, rows, SQL))).toEqual([]);
  });
});

describe("PostgreSQL", () => {
  let pg: Postgres | undefined;
  beforeAll(() => {
    pg = startPostgres();
  });
  afterAll(() => pg?.stop());
  test.each(DATA.map((d, i) => [i + 1, d] as const))("seed %d: SQL agrees with the engine", (_s, rows) => {
    if (!pg) throw new Error("PostgreSQL is not installed");
    expect(mismatches(rows, pg.query("lines", LINE_FIELDS, rows, SQL))).toEqual([]);
  });
});
