/**
 * Order lines to SQL: the per-customer aggregation of `Template.orders` (or a mapping) as a
 * common table expression before the grading query — `WITH "customers" AS (SELECT key, COUNT(*),
 * SUM(amount), ... FROM lines GROUP BY key) SELECT ... FROM "customers"`. Each order-line column
 * is named by the first of its header names.
 *
 * As the engine (`../input/orders.ts`) reads them: a line whose key is NULL or blank counts for no
 * customer (keys are compared trimmed); a customer with a NULL in a column a measure reads has
 * that measure NULL (the engine makes such a customer an error; the query grades it like a row
 * with blank cells: NULL or '#VALUE!', never another grade); `distinct` counts values lower-cased
 * with spaces, `-` and `_` removed (the engine also folds full-width letters and other white
 * space, like the compiled word matching). Date aggregates (`first`, `last`, `daysSince*`) are
 * refused: SQL engines do not share a date arithmetic.
 */
import type { OrderFn, Orders, Template } from "../template/schema";
import { compileSql } from "./index";
import { isRefusal, refusal, type Refusal, type SqlOptions } from "./types";
import { WORD_STRIPPED } from "./words";

export interface OrdersSqlOptions extends SqlOptions {
  /** The order-lines table (default `lines`); `table` is ignored (the grading query reads the CTE). */
  linesTable?: string;
}

const CTE = "customers";
const DATE_FNS: readonly OrderFn[] = ["first", "last", "daysSinceFirst", "daysSinceLast"];

/** The grading query over customers aggregated from order lines, or a refusal naming why not. */
export function compileOrdersSql(template: Template, orders: Orders, options: OrdersSqlOptions = {}): string | Refusal {
  const quote = options.quote ?? "double";
  const q = (id: string) => (quote === "backtick" ? "`" + id.replace(/`/g, "``") + "`" : `"${id.replace(/"/g, '""')}"`);
  const lit = (s: string) => `'${s.replace(/'/g, "''")}'`;
  const dated = orders.measures.find((m) => DATE_FNS.includes(m.fn));
  if (dated) {
    return refusal(
      "notExpressible",
      `order lines: '${dated.field}' (${dated.fn}) aggregates dates, which SQL engines do not compute alike; compute the day count in the database (e.g. CURRENT_DATE - MAX(date)) and map it with --agg ${dated.field}=max(column)`,
      `订单明细：“${dated.field}”（${dated.fn}）汇总日期，各 SQL 引擎的日期运算不一致；请在数据库中算出天数（如 CURRENT_DATE - MAX(日期)），再用 --agg ${dated.field}=max(列) 映射`,
    );
  }
  const table = (options.linesTable ?? "lines").split(".");
  if (table.some((p) => p.trim() === "")) return refusal("badOptions", `'${options.linesTable}' is not a table name`, `“${options.linesTable}”不是表名`);
  const grading = compileSql(template, { quote, params: options.params, table: CTE });
  if (isRefusal(grading)) return grading;
  const keyName = orders.key[0];
  const key = `TRIM(CAST(${q(keyName)} AS VARCHAR))`;
  const complete = (col: string, expr: string) => `CASE WHEN COUNT(${col}) = COUNT(*) THEN ${expr} END`;
  const cols = orders.measures.map((m) => {
    if (m.fn === "count") return `    COUNT(*) AS ${q(m.field)}`;
    const col = q(m.from![0]);
    if (m.fn === "distinct") {
      const word = WORD_STRIPPED.reduce((s, ch) => `REPLACE(${s}, ${lit(ch)}, '')`, `LOWER(TRIM(CAST(${col} AS VARCHAR)))`);
      return `    ${complete(col, `COUNT(DISTINCT ${word})`)} AS ${q(m.field)}`;
    }
    const fn = { sum: "SUM", mean: "AVG", min: "MIN", max: "MAX" }[m.fn as "sum" | "mean" | "min" | "max"];
    return `    ${complete(col, `${fn}(${col})`)} AS ${q(m.field)}`;
  });
  const cte = [
    `WITH ${q(CTE)} AS (`,
    `  SELECT`,
    [`    ${key} AS ${q(keyName)}`, ...cols].join(",\n"),
    `  FROM ${table.map((p) => q(p.trim())).join(".")}`,
    `  WHERE ${q(keyName)} IS NOT NULL AND ${key} <> ''`,
    `  GROUP BY ${key}`,
    `)`,
  ].join("\n");
  // The grading query's own common table expressions (whole-table aggregates) follow this one.
  return grading.startsWith("WITH ") ? `${cte},\n${grading.slice(5)}` : `${cte}\n${grading}`;
}
