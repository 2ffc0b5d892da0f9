#!/usr/bin/env node
/**
 * SQL benchmark: the query `gradekit compile --target sql` gives, against a hand-written query
 * computing each value once, on the same rows already loaded in DuckDB (one thread, in memory).
 * Three templates: multi-factor-5 (row-wise weighted scorecard), tobacco-retail-score (relative
 * to the maximum, post caps) and value-share-3 (cumulative shares, window functions).
 * Both results are written to tables (`CREATE TABLE ... AS`) and compared row by row: the bench
 * fails unless both give the same grade (and score within 1e-9) on every row.
 *
 *   npm run bench:sql [-- rows=1000000 repeats=3]
 *
 * Prints a Markdown table (paste into bench/RESULTS.md, section "SQL"). Times are medians, the
 * compiled and hand-written queries run alternately; the ratio is the figure that matters.
 */
"use strict";
const os = require("os");
const path = require("path");
const { DuckDBInstance } = require("@duckdb/node-api");
const lib = path.join(__dirname, "..", "..", "lib");
const { compileSql, isRefusal } = require(path.join(lib, "engine", "compile"));
const { getBuiltinTemplate } = require(path.join(lib, "templates"));

const N = Number(process.argv[2] || 1_000_000);
const REPEATS = Number(process.argv[3] || 3);

/** Table of N rows per template (deterministic: DuckDB's hash of the row number), and the hand-written query. */
const BENCHES = [
  {
    id: "multi-factor-5",
    columns: ["row_id", "purchaseBehavior", "amount", "frequency", "satisfaction", "referral"],
    note: "row-wise weighted scorecard, bands",
    load: `SELECT i AS row_id, ${["purchaseBehavior", "amount", "frequency", "satisfaction", "referral"]
      .map((f, k) => `(hash(i * 7 + ${k}) % 10001) / 100.0 AS "${f}"`)
      .join(", ")} FROM range(${N}) r(i)`,
    hand: `WITH s AS (
  SELECT *, 0.3 * "purchaseBehavior" + 0.2 * "amount" + 0.15 * "frequency" + 0.15 * "satisfaction" + 0.2 * "referral" AS score FROM input
)
SELECT *, CASE WHEN ROUND(score, 9) >= 90 THEN 'VIP' WHEN ROUND(score, 9) >= 80 THEN 'Platinum' WHEN ROUND(score, 9) >= 70 THEN 'Gold'
  WHEN ROUND(score, 9) >= 60 THEN 'Silver' ELSE 'Regular' END AS grade FROM s`,
  },
  {
    id: "tobacco-retail-score",
    columns: ["row_id", "purchaseQty", "avgPrice", "specCount", "cooperation", "growth", "lawGrade"],
    note: "relative to the maximum (3 maxima), 7 bands, 2 caps",
    load: `SELECT i AS row_id, (hash(i) % 5000) / 10.0 AS "purchaseQty", (hash(i + 1) % 3000) / 10.0 AS "avgPrice", (hash(i + 2) % 60)::DOUBLE AS "specCount",
  (hash(i + 3) % 16)::DOUBLE AS "cooperation", (hash(i + 4) % 11)::DOUBLE AS "growth", ['A', 'B', 'C', 'D'][1 + (hash(i + 5) % 4)::BIGINT] AS "lawGrade" FROM range(${N}) r(i)`,
    hand: `WITH m AS (SELECT MAX("purchaseQty") AS mq, MAX("avgPrice") AS mp, MAX("specCount") AS ms FROM input),
s AS (
  SELECT i.*, (CASE WHEN "purchaseQty" > 0 THEN "purchaseQty" / mq * 45 ELSE 0 END) + (CASE WHEN "avgPrice" > 0 THEN "avgPrice" / mp * 15 ELSE 0 END)
    + (CASE WHEN "specCount" > 0 THEN "specCount" / ms * 15 ELSE 0 END) + "cooperation" + "growth" AS score
  FROM input i CROSS JOIN m
),
g AS (
  SELECT *, CASE WHEN ROUND(score, 9) >= 90 THEN 8 WHEN ROUND(score, 9) >= 80 THEN 7 WHEN ROUND(score, 9) >= 70 THEN 6 WHEN ROUND(score, 9) >= 60 THEN 5
    WHEN ROUND(score, 9) >= 50 THEN 4 WHEN ROUND(score, 9) >= 40 THEN 3 WHEN ROUND(score, 9) >= 30 THEN 2 ELSE 1 END AS tier FROM s
)
SELECT * EXCLUDE (tier), CAST(CASE WHEN "lawGrade" = 'D' THEN 1 WHEN "lawGrade" = 'C' AND tier > 2 THEN 2 ELSE tier END AS VARCHAR) AS grade FROM g`,
  },
  {
    id: "value-share-3",
    columns: ["row_id", "amount", "group"],
    note: "cumulative shares in 50 groups, ties (window functions)",
    load: `SELECT i AS row_id, (1 + hash(i) % 100000)::DOUBLE AS "amount", 'g' || (hash(i + 1) % 50) AS "group" FROM range(${N}) r(i)`,
    hand: `WITH p AS (
  SELECT *, SUM("amount") OVER (PARTITION BY "group" ORDER BY "amount" DESC RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)
      - SUM("amount") OVER (PARTITION BY "group", "amount") AS above,
    SUM("amount") OVER (PARTITION BY "group") AS total
  FROM input
)
SELECT * EXCLUDE (above, total), CASE WHEN ROUND(above / total, 9) < 0.7 THEN 'VIP' WHEN ROUND(above / total, 9) < 0.9 THEN 'Important' ELSE 'Regular' END AS grade,
  "amount" / total * 100 AS score FROM p`,
  },
];

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

async function main() {
  const db = await DuckDBInstance.create(":memory:", { threads: "1" });
  const conn = await db.connect();
  const run = (sql) => conn.run(sql);
  const scalar = async (sql) => (await conn.runAndReadAll(sql)).getRows()[0][0];
  const rows = [];
  for (const b of BENCHES) {
    const sql = compileSql(getBuiltinTemplate(b.id));
    const named = compileSql(getBuiltinTemplate(b.id), { columns: b.columns });
    if (isRefusal(sql) || isRefusal(named)) throw new Error(`${b.id}: refused`);
    await run(`CREATE OR REPLACE TABLE input AS ${b.load}`);
    const tc = [];
    const tn = [];
    const th = [];
    for (let r = 0; r < REPEATS; r++) {
      let t0 = process.hrtime.bigint();
      await run(`CREATE OR REPLACE TABLE out_compiled AS ${sql}`);
      tc.push(Number(process.hrtime.bigint() - t0) / 1e6);
      t0 = process.hrtime.bigint();
      await run(`CREATE OR REPLACE TABLE out_named AS ${named}`);
      tn.push(Number(process.hrtime.bigint() - t0) / 1e6);
      t0 = process.hrtime.bigint();
      await run(`CREATE OR REPLACE TABLE out_hand AS ${b.hand}`);
      th.push(Number(process.hrtime.bigint() - t0) / 1e6);
    }
    const scoreCheck = b.id === "tobacco-retail-score" || b.id === "multi-factor-5" || b.id === "value-share-3";
    const differ = async (t) =>
      Number(
        await scalar(
          `SELECT COUNT(*) FROM ${t} c JOIN out_hand h USING (row_id) WHERE c.grade IS DISTINCT FROM h.grade${
            scoreCheck ? " OR ABS(c.score - h.score) > 1e-9 * GREATEST(1, ABS(h.score))" : ""
          }`,
        ),
      );
    const differing = (await differ("out_compiled")) + (await differ("out_named"));
    const count = Number(await scalar("SELECT COUNT(*) FROM out_compiled"));
    const graded = Number(await scalar("SELECT COUNT(*) FROM out_compiled WHERE grade NOT LIKE '#%'"));
    if (differing !== 0 || count !== N || graded !== N) throw new Error(`${b.id}: ${differing} rows differ, ${count} rows out, ${graded} graded`);
    rows.push({ ...b, chars: sql.length, compiledMs: median(tc), namedMs: median(tn), handMs: median(th) });
    await run("DROP TABLE out_compiled; DROP TABLE out_named; DROP TABLE out_hand");
  }
  conn.closeSync();
  db.closeSync();
  console.log(
    `DuckDB ${require("@duckdb/node-api/package.json").version} (1 thread, in memory), Node ${process.version}, ${os.cpus()[0].model}, ${os.cpus().length} cores, load average ${os.loadavg()[0].toFixed(1)}; median of ${REPEATS} runs; ${new Date().toISOString().slice(0, 10)}`,
  );
  console.log("");
  console.log("| template | rows | compiled SQL (chars) | compiled ms (`t.*`) | compiled ms (columns named) | hand-written ms | ratio `t.*`/hand | ratio named/hand | rows differing | note |");
  console.log("|---|---:|---:|---:|---:|---:|---:|---:|---:|---|");
  for (const r of rows) {
    console.log(
      `| ${r.id} | ${N.toLocaleString("en-US")} | ${r.chars.toLocaleString("en-US")} | ${r.compiledMs.toFixed(0)} | ${r.namedMs.toFixed(0)} | ${r.handMs.toFixed(0)} | ${(r.compiledMs / r.handMs).toFixed(2)} | ${(r.namedMs / r.handMs).toFixed(2)} | 0 | ${r.note} |`,
    );
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
