/**
 * Issue 15's example: in realestate-6, `joint-stock` (and every other spelling the engine reads)
 * grades like the engine in the compatible formulas (HyperFormula), DuckDB and SQLite.
 */
import { gradeTable } from "../../src/engine";
import { columnLetters, compileFormulas, compileSql, isRefusal } from "../../src/engine/compile";
import { getBuiltinTemplate } from "../../src/templates";
import type { Cell } from "./data";
import { duckdb, hyperformula } from "./evaluate";
import { onPath, sqliteQuery } from "./sql-engines";

const t = getBuiltinTemplate("realestate-6")!;
const SPELLINGS = ["joint-stock", "Joint Stock", "JOINT_STOCK", "jointstock", " joint - stock ", "Joint-Stock Company", "股份公司", "jointStock", "state-owned", "Private", "zzz"];
const rows: Cell[][] = SPELLINGS.map((w) => [w, 10, 10, 10, 15, 15]);
const engine = gradeTable(t, { rows, fields: t.fields.map((f) => f.key) });
const want = rows.map((_, i) => engine.grade(i) ?? "#VALUE!");

test("the engine grades every spelling but the junk word", () => {
  expect(want.slice(0, 8)).toEqual(Array(8).fill(want[0]));
  expect(want[0]).toBe("B");
  expect(want[10]).toBe("#VALUE!");
});

test("compatible formulas (HyperFormula)", () => {
  const columns = Object.fromEntries(t.fields.map((f, i) => [f.key, columnLetters(i + 1)]));
  const formulas = rows.map((_, i) => {
    const r = compileFormulas(t, { target: "excel-compat", columns, firstRow: 2, lastRow: rows.length + 1, row: i + 2 });
    if (isRefusal(r)) throw new Error(r.reason.en);
    return [r.grade];
  });
  const shown = hyperformula({ rows: [t.fields.map((f) => f.key), ...rows], formulas });
  expect(shown.map((r) => r[0])).toEqual(want);
});

test("SQL in DuckDB and SQLite", async () => {
  const sql = compileSql(t, { table: "re" });
  if (isRefusal(sql)) throw new Error(sql.reason.en);
  const db = await duckdb();
  try {
    await db.load("re", t.fields, rows);
    const out = await db.query(`${sql} ORDER BY "row_id"`);
    expect(out.map((r) => r.grade)).toEqual(want);
  } finally {
    db.close();
  }
  if (!onPath("sqlite3")) throw new Error("sqlite3 is not installed");
  expect(sqliteQuery("re", t.fields, rows, `${sql} ORDER BY "row_id"`).map((r) => r.grade)).toEqual(want);
});
