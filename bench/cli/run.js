#!/usr/bin/env node
/**
 * CLI benchmark: `gradekit grade` on generated CSVs (streaming, bounded memory) against a
 * hand-written Node loop (bench/cli/hand.js) and DuckDB running GradeKit's compiled SQL
 * (bench/cli/duck.js), each in its own process, same files, same run. Wall time and peak RSS from
 * `/usr/bin/time`. Prints a Markdown table for bench/RESULTS.md.
 *
 *   npm run build:cli && node bench/cli/run.js [rows=1000000]     (npm run bench)
 *   node bench/cli/run.js 10000000                                (the 10M-row run; about 0.6 GB of CSV; no xlsx case)
 */
"use strict";
const { execFileSync, spawnSync } = require("child_process");
const fs = require("fs");
const os = require("os");
const path = require("path");
const { generate } = require("./generate");

const N = Number(process.argv[2] || 1_000_000);
const ROOT = path.join(__dirname, "..", "..");
const BIN = path.join(ROOT, "bin", "gradekit.js");
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "gradekit-bench-cli-"));

/** Runs a command under /usr/bin/time; seconds and peak RSS (MB). */
function timed(args) {
  const r = spawnSync("/usr/bin/time", ["-f", "TIME %e %M", ...args], { encoding: "utf8", maxBuffer: 1 << 26 });
  const m = /TIME ([\d.]+) (\d+)/.exec(r.stderr);
  if (r.status !== 0 || !m) throw new Error(`${args.join(" ")} failed: ${r.stderr.slice(-2000)}`);
  return { s: Number(m[1]), mb: Math.round(Number(m[2]) / 1024) };
}

const node = process.execPath;
const rows = [];
function bench(label, template, input, out, gkArgs, handArgs, duck) {
  const gk = timed([node, BIN, "grade", "-t", template, "-i", input, "-o", out, "-q", ...gkArgs]);
  const hand = handArgs ? timed([node, path.join(__dirname, "hand.js"), template, input, path.join(dir, "hand.csv"), ...handArgs]) : null;
  let dk = null;
  if (duck) {
    const sqlFile = path.join(dir, `${template}.sql`);
    fs.writeFileSync(sqlFile, execFileSync(node, [BIN, "compile", "-t", template, "--target", "sql", "--table", "src"], { encoding: "utf8" }));
    dk = timed([node, path.join(__dirname, "duck.js"), template, input, sqlFile, path.join(dir, "duck.csv")]);
  }
  rows.push({ label, gk, hand, dk });
  console.error(label, JSON.stringify({ gk, hand, dk }));
}

const sp = path.join(dir, "sales-pipeline.csv");
const tr = path.join(dir, "tobacco-retail-score.csv");
const spMb = generate("sales-pipeline", N, sp) / 1e6;
const trMb = generate("tobacco-retail-score", N, tr) / 1e6;
const n = N.toLocaleString("en-US");

/** The same rows as an xlsx (exceljs's streaming writer, numbers typed), for the xlsx-input cases. */
async function toXlsx(csv, xlsx) {
  const ExcelJS = require("exceljs");
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: xlsx, useStyles: false, useSharedStrings: false });
  const ws = wb.addWorksheet("data");
  const lines = fs.readFileSync(csv, "utf8").replace(/^\uFEFF/, "").split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    if (lines[i] === "") continue;
    ws.addRow(lines[i].split(",").map((c) => (i > 0 && c !== "" && !Number.isNaN(Number(c)) ? Number(c) : c))).commit();
    if (i % 50000 === 0) await new Promise((r) => setImmediate(r));
  }
  await ws.commit();
  await wb.commit();
  return fs.statSync(xlsx).size;
}
bench(`sales-pipeline, ${n} rows CSV (${spMb.toFixed(0)} MB) -> CSV, grade only (--columns grade)`, "sales-pipeline", sp, path.join(dir, "o1.csv"), ["--columns", "grade"], [], true);
bench(`sales-pipeline, ${n} rows CSV -> CSV, grade + reason (default)`, "sales-pipeline", sp, path.join(dir, "o2.csv"), [], ["reasons"], false);
// A sheet holds at most 1,048,576 rows (the header included): no xlsx case beyond that.
if (N < 1_048_576) bench(`sales-pipeline, ${n} rows CSV -> xlsx, grade + reason`, "sales-pipeline", sp, path.join(dir, "o3.xlsx"), [], null, false);
bench(`tobacco-retail-score (population: relative to max), ${n} rows CSV (${trMb.toFixed(0)} MB) -> CSV, grade + score`, "tobacco-retail-score", tr, path.join(dir, "o4.csv"), ["--columns", "grade,score"], [], true);
bench(`tobacco-retail-score, ${n} rows CSV -> CSV, grade + score + reason (default)`, "tobacco-retail-score", tr, path.join(dir, "o5.csv"), [], ["reasons"], false);

// xlsx input (streamed to a CSV output); no hand loop: it would need an xlsx reader of its own.
async function xlsxCases() {
  if (N >= 1_048_576) return;
  const spx = path.join(dir, "sales-pipeline.xlsx");
  const trx = path.join(dir, "tobacco-retail-score.xlsx");
  const spxMb = (await toXlsx(sp, spx)) / 1e6;
  const trxMb = (await toXlsx(tr, trx)) / 1e6;
  bench(`sales-pipeline, ${n} rows xlsx (${spxMb.toFixed(0)} MB) -> CSV, grade + reason`, "sales-pipeline", spx, path.join(dir, "o6.csv"), [], null, false);
  bench(`tobacco-retail-score, ${n} rows xlsx (${trxMb.toFixed(0)} MB) -> CSV, grade + score + reason`, "tobacco-retail-score", trx, path.join(dir, "o7.csv"), [], null, false);
}

xlsxCases().then(printTable);

function printTable() {
  const rate = (s) => Math.round(N / s).toLocaleString("en-US");
  console.log(`Node ${process.version}, ${os.cpus()[0].model}, ${os.cpus().length} cores, load average ${os.loadavg()[0].toFixed(1)}; ${new Date().toISOString().slice(0, 10)}`);
  console.log("");
  console.log("| case | gradekit s | rows/s | peak RSS | hand loop s (RSS) | ratio to hand | DuckDB s (RSS) | ratio to DuckDB |");
  console.log("|---|---:|---:|---:|---:|---:|---:|---:|");
  for (const r of rows) {
    const hand = r.hand ? `${r.hand.s.toFixed(2)} (${r.hand.mb} MB)` : "-";
    const rh = r.hand ? (r.gk.s / r.hand.s).toFixed(1) : "-";
    const dk = r.dk ? `${r.dk.s.toFixed(2)} (${r.dk.mb} MB)` : "-";
    const rd = r.dk ? (r.gk.s / r.dk.s).toFixed(1) : "-";
    console.log(`| ${r.label} | ${r.gk.s.toFixed(2)} | ${rate(r.gk.s)} | ${r.gk.mb} MB | ${hand} | ${rh} | ${dk} | ${rd} |`);
  }
  fs.rmSync(dir, { recursive: true, force: true });
}
