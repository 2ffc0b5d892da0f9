/**
 * The compiled SQL of every built-in template (and the interop test's custom templates) parsed by
 * node-sql-parser's grammars of the distributed engines: Trino (double-quoted identifiers),
 * BigQuery (backticks) and Spark SQL. Syntax only: none of these engines runs here (DuckDB,
 * SQLite and PostgreSQL execute the same SQL in test/interop/formulas.test.ts).
 *
 * - Spark SQL: node-sql-parser 5.4 has no Spark grammar; its Hive grammar (Spark's SQL grammar
 *   derives from HiveQL) is the nearest, with `--quote backtick` (Spark without ANSI identifiers).
 * - One valid construct the parser's Trino and Hive grammars cannot read: a window frame ending
 *   at `1 PRECEDING` (`ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING`, cumulative shares of
 *   value-share-3; Trino, Spark and BigQuery document it). Those queries are checked to fail
 *   exactly there and to parse with that one frame end read as `CURRENT ROW` — named, not skipped.
 */
import { Parser } from "node-sql-parser";
import type { Template } from "../../src/engine";
import { compileSql, isRefusal } from "../../src/engine/compile";
import { BUILTIN_TEMPLATES } from "../../src/templates";
import { CUSTOM_TEMPLATES } from "../interop/custom";

const parser = new Parser();
const TEMPLATES: readonly Template[] = [...BUILTIN_TEMPLATES, ...CUSTOM_TEMPLATES];

/** Dialect -> node-sql-parser grammar and the identifier quotes `gradekit compile --quote` gives it. */
const DIALECTS = [
  { name: "Trino", database: "Trino", quote: "double" },
  { name: "BigQuery", database: "BigQuery", quote: "backtick" },
  { name: "Spark SQL (Hive grammar)", database: "Hive", quote: "backtick" },
] as const;

/** The valid construct the parser's grammar lacks, per grammar. */
const PARSER_GAPS: Record<string, RegExp | undefined> = {
  Trino: /AND 1 PRECEDING/g,
  Hive: /AND 1 PRECEDING/g,
  BigQuery: undefined,
};

function parse(sql: string, database: string): { ok: true } | { ok: false; at: string } {
  try {
    parser.astify(sql, { database });
    return { ok: true };
  } catch (e) {
    const offset = (e as { location?: { start: { offset: number } } }).location?.start.offset ?? 0;
    return { ok: false, at: sql.slice(Math.max(0, offset - 40), offset + 20) };
  }
}

const counts: Record<string, { parsed: number; gap: number }> = {};
afterAll(() => {
  console.log(
    `SQL syntax per dialect (node-sql-parser):\n${Object.entries(counts)
      .map(([d, c]) => `  ${d.padEnd(26)} parsed ${c.parsed}, parsed after naming the frame gap ${c.gap}`)
      .join("\n")}`,
  );
});

describe.each(DIALECTS.map((d) => [d.name, d] as const))("%s", (_name, d) => {
  test.each(TEMPLATES.map((t) => [t.id, t] as const))("%s: the compiled SQL parses", (_id, t) => {
    const sql = compileSql(t, { quote: d.quote, table: "crm.customers" });
    if (isRefusal(sql)) throw new Error(`${t.id} refused: ${sql.reason.en}`);
    const c = (counts[d.name] ??= { parsed: 0, gap: 0 });
    const r = parse(sql, d.database);
    if (r.ok) {
      c.parsed++;
      return;
    }
    const gap = PARSER_GAPS[d.database];
    // Only the named gap may fail, and nothing else in the query.
    expect({ id: t.id, failsAt: r.at, gap: gap !== undefined && sql.match(gap) !== null }).toEqual({ id: t.id, failsAt: expect.stringContaining("1 PRECEDING"), gap: true });
    expect(parse(sql.replace(gap!, "AND CURRENT ROW"), d.database)).toEqual({ ok: true });
    c.gap++;
  });
});

test("no engine-only syntax: no `::` casts, GREATEST/LEAST, LATERAL, ILIKE or `*` EXCLUDE in any template's SQL", () => {
  for (const t of TEMPLATES) {
    const sql = compileSql(t);
    if (isRefusal(sql)) throw new Error(sql.reason.en);
    const code = sql.replace(/'[^']*'/g, "''");
    expect({ id: t.id, bad: code.match(/::|\bGREATEST\b|\bLEAST\b|\bLATERAL\b|\bILIKE\b|\bEXCLUDE\b/gi) }).toEqual({ id: t.id, bad: null });
  }
});

test("the gap is value-share-3's cumulative share only, and BigQuery's grammar reads it", () => {
  const withGap = TEMPLATES.filter((t) => /AND 1 PRECEDING/.test(compileSql(t) as string)).map((t) => t.id);
  expect(withGap).toEqual(["value-share-3"]);
  const abc = TEMPLATES.find((t) => t.id === "value-share-3")!;
  expect(parse(compileSql(abc, { quote: "backtick" }) as string, "BigQuery")).toEqual({ ok: true });
});
