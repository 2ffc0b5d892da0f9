#!/usr/bin/env node
/*
 * Benchmark of the in-memory Excel host (src/host) on large ranges; the wall-clock limits that
 * test/host used to assert live here.
 *
 *   node bench/host/run.js [--repeats 3] [--src DIR] [--no-write]
 *
 *   chunked   200,000 x 3 values written and read back in 50,000-row batches (5 MB payload limit),
 *             then one fill and one conditional format over a 200,000-row column
 *   one-write 1,000,000 x 3 values in one batch (payload limit off), then the last two rows read
 *
 * Baseline, same run: JSON.stringify + JSON.parse of the same values, the least any round trip
 * to Excel pays for them; the ratio host/baseline is the figure to compare on a noisy machine.
 * Times are medians of the repeats, each on a fresh host.
 *
 * Compiles <src>/host (default: this checkout's src) with the project's TypeScript into a temp
 * folder under node_modules/.cache first (removed afterwards); --src points at another checkout's
 * src to compare. Writes bench/host/RESULTS.part.md unless --no-write.
 */
"use strict";

const fs = require("fs");
const os = require("os");
const path = require("path");
const { ROOT, option, compileSrc } = require("../compile-src");

const args = process.argv.slice(2);
const REPEATS = Number(option(args, "--repeats") ?? 3);
const build = compileSrc(["host"], { src: path.resolve(option(args, "--src") ?? path.join(ROOT, "src")), tag: "bench-host" });
const { createExcelHost } = require(path.join(build.js, "host"));

// ---------------------------------------------------------------------------------------------
// Scenarios

function makeRows(start, count) {
  const rows = new Array(count);
  for (let i = 0; i < count; i++) {
    const n = start + i;
    rows[i] = [`C${n}`, n % 1000, (n * 7) % 101];
  }
  return rows;
}

function check(ok, what) {
  if (!ok) throw new Error(`benchmark check failed: ${what}`);
}

const CHUNKED_ROWS = 200_000;
const CHUNK = 50_000; // ~1.5 MB of JSON per request, under the 5 MB limit
const ONE_WRITE_ROWS = 1_000_000;

const scenarios = [
  {
    name: "chunked",
    label: `${CHUNKED_ROWS.toLocaleString("en")} x 3 in ${CHUNK.toLocaleString("en")}-row batches, write + read + fill + rule`,
    formerLimitMs: 10_000,
    async host() {
      const host = createExcelHost();
      const t = process.hrtime.bigint();
      await host.Excel.run(async (context) => {
        const sheet = context.workbook.worksheets.getItem("Sheet1");
        for (let start = 0; start < CHUNKED_ROWS; start += CHUNK) {
          sheet.getRangeByIndexes(start, 0, CHUNK, 3).values = makeRows(start, CHUNK);
          await context.sync();
        }
        let read = 0;
        for (let start = 0; start < CHUNKED_ROWS; start += CHUNK) {
          const r = sheet.getRangeByIndexes(start, 0, CHUNK, 3).load("values");
          await context.sync();
          read += r.values.length;
        }
        check(read === CHUNKED_ROWS, "rows read back");
        const grade = sheet.getRange(`C1:C${CHUNKED_ROWS}`);
        grade.format.fill.color = "#EEEEEE";
        const cf = grade.conditionalFormats.add("CellValue");
        cf.cellValue.rule = { operator: "GreaterThan", formula1: "=50" };
        cf.cellValue.format.fill.color = "#00B050";
        await context.sync();
      });
      const ms = Number(process.hrtime.bigint() - t) / 1e6;
      check(host.getCell("Sheet1", `A${CHUNKED_ROWS}`).value === `C${CHUNKED_ROWS - 1}`, "last row");
      return ms;
    },
    baseline() {
      const t = process.hrtime.bigint();
      let n = 0;
      for (let start = 0; start < CHUNKED_ROWS; start += CHUNK) n += JSON.parse(JSON.stringify(makeRows(start, CHUNK))).length;
      for (let start = 0; start < CHUNKED_ROWS; start += CHUNK) n += JSON.parse(JSON.stringify(makeRows(start, CHUNK))).length;
      check(n === 2 * CHUNKED_ROWS, "baseline rows");
      return Number(process.hrtime.bigint() - t) / 1e6;
    },
  },
  {
    name: "one-write",
    label: `${ONE_WRITE_ROWS.toLocaleString("en")} x 3 in one write (payload limit off), last 2 rows read`,
    formerLimitMs: 15_000,
    async host() {
      const host = createExcelHost({ payloadLimitBytes: null, maxCellsPerRead: 5_000_000 });
      const data = makeRows(0, ONE_WRITE_ROWS);
      const t = process.hrtime.bigint();
      await host.Excel.run(async (context) => {
        const sheet = context.workbook.worksheets.getItem("Sheet1");
        sheet.getRange(`A1:C${ONE_WRITE_ROWS}`).values = data;
        await context.sync();
        const r = sheet.getRange(`A${ONE_WRITE_ROWS - 1}:C${ONE_WRITE_ROWS}`).load("values");
        await context.sync();
        check(r.values[1][0] === `C${ONE_WRITE_ROWS - 1}`, "last row");
      });
      return Number(process.hrtime.bigint() - t) / 1e6;
    },
    baseline() {
      const data = makeRows(0, ONE_WRITE_ROWS);
      const t = process.hrtime.bigint();
      check(JSON.parse(JSON.stringify(data)).length === ONE_WRITE_ROWS, "baseline rows");
      return Number(process.hrtime.bigint() - t) / 1e6;
    },
  },
];

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

async function main() {
  const results = [];
  for (const s of scenarios) {
    const host = [];
    const base = [];
    for (let i = 0; i < REPEATS; i++) {
      // alternate, so that load changes on the machine hit both alike
      host.push(await s.host());
      base.push(s.baseline());
    }
    const r = { ...s, hostMs: median(host), baseMs: median(base) };
    results.push(r);
    console.log(`${s.name}: host ${r.hostMs.toFixed(0)} ms, JSON round trip ${r.baseMs.toFixed(0)} ms, ratio ${(r.hostMs / r.baseMs).toFixed(2)}`);
  }

  const lines = [
    "## In-memory Excel host (src/host) on large ranges",
    "",
    `\`node bench/host/run.js\` (compiles src/host with tsc to a temp folder, ${build.seconds.toFixed(1)} s). Node ${process.version}, ` +
      `${os.cpus()[0]?.model ?? "unknown CPU"}, ${os.cpus().length} cores, load average ${os.loadavg()[0].toFixed(1)}; median of ${REPEATS} runs; ${new Date().toISOString().slice(0, 10)}.`,
    "",
    "Baseline: `JSON.parse(JSON.stringify(values))` of the same values in the same run, the least a round trip to Excel costs.",
    "The former limits are the wall-clock bounds test/host/performance.test.ts asserted under jest (now test/host/large-ranges.test.ts, without timings).",
    "",
    "| scenario | host | JSON round trip | ratio host/JSON | former test limit |",
    "|---|---:|---:|---:|---:|",
  ];
  for (const r of results) {
    lines.push(`| ${r.label} | ${(r.hostMs / 1000).toFixed(2)} s | ${(r.baseMs / 1000).toFixed(2)} s | ${(r.hostMs / r.baseMs).toFixed(2)} | ${r.formerLimitMs / 1000} s |`);
  }
  lines.push("");
  console.log(`\n${lines.join("\n")}`);
  if (!args.includes("--no-write")) {
    fs.writeFileSync(path.join(__dirname, "RESULTS.part.md"), lines.join("\n"));
    console.log(`wrote ${path.relative(ROOT, path.join(__dirname, "RESULTS.part.md"))}`);
  }
  build.remove();
}

main().catch((e) => {
  console.error(e);
  build.remove();
  process.exit(1);
});
