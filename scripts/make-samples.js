#!/usr/bin/env node
/**
 * Generates the xlsx samples from the CSV samples (samples/<template-id>.csv):
 *   samples/<template-id>.xlsx       one workbook per template
 *   samples/gradekit-samples.xlsx    one sheet per template (sheet name = template id), used by `npm start`
 *
 * Cells of number fields become numbers where the CSV holds a plain number (percent fields: 12.5%
 * becomes 0.125 shown as a percentage); everything else stays text, so the tricky cells (10万, 1,200,
 * junk) stay as a person typed them. The sales-pipeline sheet also gets what real workbooks have:
 * a merged title row above the header, a formula with a saved result, rich text and an #N/A cell.
 *
 * Run after `npm run build:cli` (it uses the compiled engine in lib/):  node scripts/make-samples.js
 */
"use strict";
const fs = require("fs");
const path = require("path");
const ExcelJS = require("exceljs");
// exceljs zips with JSZip and stamps every entry with the current time; re-stamping the entries
// makes regenerated files byte-identical when nothing changed.
const JSZip = require(require.resolve("jszip", { paths: [path.dirname(require.resolve("exceljs"))] }));

const root = path.join(__dirname, "..");
const lib = path.join(root, "lib");
if (!fs.existsSync(path.join(lib, "cli", "csv.js"))) {
  console.error("make-samples: run npm run build:cli first");
  process.exit(2);
}
const { parseCsv } = require(path.join(lib, "cli", "csv.js"));
const { matchHeaders } = require(path.join(lib, "engine"));
const { BUILTIN_TEMPLATES } = require(path.join(lib, "templates"));

const samples = path.join(root, "samples");
/** Fixed dates so regenerating gives the same files. */
const FIXED_DATE = new Date(Date.UTC(2024, 10, 1, 0, 0, 0));

function readSample(id) {
  const text = fs.readFileSync(path.join(samples, `${id}.csv`), "utf8");
  return parseCsv(text);
}

/** Display width of a text (CJK characters count double). */
function textWidth(s) {
  let w = 0;
  for (const ch of String(s)) w += /[\u2E80-\uFFEF]/.test(ch) ? 2 : 1;
  return w;
}

/** A CSV cell as an xlsx cell value for a field (or null for a non-field column). */
function cellFor(text, field) {
  if (text === "") return { value: null };
  if (field && field.type === "number") {
    if (field.unit === "percent" && /^-?\d+(\.\d+)?%$/.test(text)) {
      return { value: Number((Number(text.slice(0, -1)) / 100).toFixed(10)), numFmt: "0.0%" };
    }
    if (/^-?(0|[1-9]\d{0,14})(\.\d+)?$/.test(text)) return { value: Number(text) };
  }
  return { value: text };
}

/** Real-workbook features for the sales-pipeline sheet (rows are 1-based after the title row). */
function salesPipelineExtras(ws, headerRow) {
  const colOf = (name) => ws.getRow(headerRow).values.indexOf(name);
  const nameCol = colOf("客户名称");
  const amountCol = colOf("预计月度成交金额");
  const find = (name) => {
    for (let r = headerRow + 1; r <= ws.rowCount; r++) if (ws.getCell(r, nameCol).value === name) return r;
    throw new Error(`make-samples: no row for ${name}`);
  };
  // A formula with its saved result (as Excel saves it).
  ws.getCell(find("佛山美家家居有限公司"), amountCol).value = { formula: "20000*3", result: 60000 };
  // Rich text in a name.
  ws.getCell(find("杭州云帆科技有限公司"), nameCol).value = {
    richText: [{ font: { bold: true }, text: "杭州云帆" }, { text: "科技有限公司" }],
  };
  // An error value (a lookup that found nothing).
  ws.getCell(find("南京金陵服饰有限公司"), amountCol).value = { error: "#N/A" };
}

/** Fills a worksheet from CSV records; returns the header row number. */
function fillSheet(ws, template, records) {
  let headerRow = 1;
  const header = records[0];
  const width = Math.max(...records.map((r) => r.length));
  if (template.id === "sales-pipeline") {
    ws.getCell(1, 1).value = "销售客户等级表（2024年11月）";
    ws.getCell(1, 1).font = { bold: true, size: 14 };
    ws.mergeCells(1, 1, 1, width);
    headerRow = 2;
  }
  const match = matchHeaders(header, template);
  const fieldOfCol = [];
  for (const [key, col] of Object.entries(match.mapping)) fieldOfCol[col] = template.fields.find((f) => f.key === key);
  records.forEach((rec, k) => {
    const r = headerRow + k;
    rec.forEach((text, c) => {
      const cell = ws.getCell(r, c + 1);
      const { value, numFmt } = k === 0 ? { value: text || null } : cellFor(text, fieldOfCol[c]);
      cell.value = value;
      if (numFmt) cell.numFmt = numFmt;
    });
  });
  const head = ws.getRow(headerRow);
  head.font = { bold: true };
  head.eachCell((cell) => {
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFE8EAED" } };
  });
  for (let c = 1; c <= width; c++) {
    const w = Math.max(...records.map((rec) => textWidth(rec[c - 1] ?? "")));
    ws.getColumn(c).width = Math.min(40, Math.max(8, w + 2));
  }
  ws.views = [{ state: "frozen", ySplit: headerRow }];
  if (template.id === "sales-pipeline") salesPipelineExtras(ws, headerRow);
  return headerRow;
}

/** Writes a workbook with fixed zip entry dates. */
async function writeWorkbook(wb, file) {
  const zip = await JSZip.loadAsync(await wb.xlsx.writeBuffer());
  const out = new JSZip();
  for (const name of Object.keys(zip.files)) {
    const entry = zip.files[name];
    if (!entry.dir) out.file(name, await entry.async("nodebuffer"), { date: FIXED_DATE, createFolders: false });
  }
  fs.writeFileSync(file, await out.generateAsync({ type: "nodebuffer", compression: "DEFLATE", platform: "DOS" }));
}

function newWorkbook() {
  const wb = new ExcelJS.Workbook();
  wb.creator = "GradeKit";
  wb.lastModifiedBy = "GradeKit";
  wb.created = FIXED_DATE;
  wb.modified = FIXED_DATE;
  return wb;
}

async function main() {
  const all = newWorkbook();
  let count = 0;
  for (const t of BUILTIN_TEMPLATES) {
    const file = path.join(samples, `${t.id}.csv`);
    if (!fs.existsSync(file)) {
      console.error(`make-samples: missing ${path.relative(root, file)}`);
      process.exitCode = 1;
      continue;
    }
    const records = readSample(t.id);
    const one = newWorkbook();
    fillSheet(one.addWorksheet(t.id.slice(0, 31)), t, records);
    await writeWorkbook(one, path.join(samples, `${t.id}.xlsx`));
    fillSheet(all.addWorksheet(t.id.slice(0, 31)), t, records);
    count++;
  }
  await writeWorkbook(all, path.join(samples, "gradekit-samples.xlsx"));
  console.log(`make-samples: wrote ${count} sample workbooks and samples/gradekit-samples.xlsx (${count} sheets)`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
