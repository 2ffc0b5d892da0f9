#!/usr/bin/env node
/**
 * The CLI demo (`npm run demo`, and what `npm start` runs where Excel is not available): grades
 * every sheet of the bundled sample workbook samples/gradekit-samples.xlsx with the template named like the sheet, using the gradekit CLI,
 * and writes one graded workbook (grade / score / reason columns, grade colours) to a temp folder.
 *
 *   npm run demo                    -> <tmp>/gradekit/gradekit-samples-graded.xlsx
 *   npm run demo -- --out DIR       -> DIR/gradekit-samples-graded.xlsx
 *   npm run demo -- --lang zh-CN    -> Chinese grade labels, reasons and summary
 */
"use strict";
const fs = require("fs");
const os = require("os");
const path = require("path");
const { parseArgs } = require("util");

const root = path.join(__dirname, "..");
const cliMain = path.join(root, "lib", "cli", "main.js");
if (!fs.existsSync(cliMain)) {
  console.error("gradekit: run npm install (or npm run build:cli) first");
  process.exit(2);
}
const { gradeFile, reportError: reportCliError } = require(cliMain);
const { getBuiltinTemplate } = require(path.join(root, "lib", "templates"));
const ExcelJS = require("exceljs");

/** The language of the run (set once the options are read; errors are printed in it). */
let lang = "en";

async function main() {
  const { values } = parseArgs({
    options: { out: { type: "string" }, lang: { type: "string" } },
    allowPositionals: false,
  });
  lang = /^zh/i.test(values.lang ?? "") ? "zh-CN" : "en";
  const outDir = path.resolve(values.out ?? path.join(os.tmpdir(), "gradekit"));
  fs.mkdirSync(outDir, { recursive: true });
  const input = path.join(root, "samples", "gradekit-samples.xlsx");
  const target = path.join(outDir, "gradekit-samples-graded.xlsx");

  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(input);
  const sheets = wb.worksheets.map((ws) => ws.name).filter((name) => getBuiltinTemplate(name));

  // Each run adds the columns to one sheet and keeps the others, so chaining the runs grades them all.
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "gradekit-start-"));
  let current = input;
  const lines = [];
  const started = Date.now();
  for (let k = 0; k < sheets.length; k++) {
    const id = sheets[k];
    const next = path.join(work, `step-${k}.xlsx`);
    const s = await gradeFile({ template: id, input: current, output: next, sheet: id, map: [], params: [], lang, bom: true, quiet: true });
    const counts = s.perGrade.filter((g) => g.count > 0 || s.perGrade.length <= 12).map((g) => `${g.label}: ${g.count}`);
    const extra = [];
    if (s.errors) extra.push(lang === "zh-CN" ? `错误 ${s.errors}` : `errors ${s.errors}`);
    if (s.empty) extra.push(lang === "zh-CN" ? `无数据 ${s.empty}` : `no data ${s.empty}`);
    lines.push(`  ${id.padEnd(22)} ${String(s.rows).padStart(3)} ${lang === "zh-CN" ? "行" : "rows"}  ${counts.join(", ")}${extra.length ? "  | " + extra.join(", ") : ""}`);
    current = next;
  }
  fs.copyFileSync(current, target);
  fs.rmSync(work, { recursive: true, force: true });

  const secs = ((Date.now() - started) / 1000).toFixed(1);
  if (lang === "zh-CN") {
    console.log(`GradeKit 示例：已用 ${sheets.length} 个模板为 samples/gradekit-samples.xlsx 的各工作表评级（${secs} 秒）`);
    console.log(`每个模板的各等级行数：`);
  } else {
    console.log(`GradeKit samples: graded ${sheets.length} sheets of samples/gradekit-samples.xlsx, one template each (${secs} s)`);
    console.log(`rows per grade, per template:`);
  }
  for (const l of lines) console.log(l);
  console.log(lang === "zh-CN" ? `\n结果：${target}` : `\ngraded workbook: ${target}`);
  console.log(
    lang === "zh-CN"
      ? "单个表格评级：node bin/gradekit.js grade --template sales-pipeline --in samples/sales-pipeline.csv --out out.csv"
      : "grade one table: node bin/gradekit.js grade --template sales-pipeline --in samples/sales-pipeline.csv --out out.csv",
  );
}

main().catch((e) => {
  // The CLI's error boundary (src/cli/exit.ts) prints the message and gives the exit code.
  const io = { out: (s) => process.stdout.write(s), err: (s) => process.stderr.write(s) };
  process.exit(reportCliError(e, io, { lang, debug: false }));
});
