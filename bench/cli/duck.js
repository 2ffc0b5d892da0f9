#!/usr/bin/env node
/**
 * The peer for bench/cli/run.js: DuckDB (one thread) running GradeKit's compiled SQL
 * (`gradekit compile --target sql --table src`, passed as a file) over the same CSV, writing the
 * graded rows to a CSV.  node bench/cli/duck.js <template> <in.csv> <sql file> <out.csv>
 * Number columns are read with TRY_CAST(... AS DOUBLE): a text amount such as `12万` becomes NULL
 * here, where GradeKit reads it as 120000 (about 1 row in 1,000 of the generated files).
 */
"use strict";
const fs = require("fs");
const { DuckDBInstance } = require("@duckdb/node-api");

const COLUMNS = {
  "sales-pipeline": { closeMonths: "Expected months to close", monthlyAmount: "Expected monthly deal amount" },
  "tobacco-retail-score": {
    purchaseQty: "Quantity bought",
    avgPrice: "Average price bought",
    specCount: "Number of brands/specs",
    cooperation: "Cooperation",
    growth: "Growth",
    lawGrade: "Law grade",
  },
};

async function main() {
  const [template, input, sqlFile, output] = process.argv.slice(2);
  const cols = COLUMNS[template];
  const sql = fs.readFileSync(sqlFile, "utf8").trim().replace(/;$/, "");
  const db = await DuckDBInstance.create(":memory:");
  const conn = await db.connect();
  await conn.run("SET threads = 1");
  const select = Object.entries(cols)
    .map(([key, header]) => (key === "lawGrade" ? `"${header}" AS "${key}"` : `TRY_CAST("${header}" AS DOUBLE) AS "${key}"`))
    .join(", ");
  const q = (s) => "'" + s.replace(/'/g, "''") + "'";
  // Only the mapped columns (DuckDB names are case-insensitive: `Cooperation` would shadow `cooperation`).
  await conn.run(`CREATE VIEW src AS SELECT ${select} FROM read_csv(${q(input)}, header = true, all_varchar = true)`);
  await conn.run(`COPY (${sql}) TO ${q(output)} (HEADER, DELIMITER ',')`);
  conn.closeSync();
  db.closeSync();
}
main().catch((e) => {
  console.error(e);
  process.exit(1);
});
