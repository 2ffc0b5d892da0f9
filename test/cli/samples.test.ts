/**
 * The CLI grades every bundled sample (CSV and xlsx) with exit 0, and its grades and scores equal
 * what the engine gives for the same rows. xlsx output keeps the sheet and fills grade cells.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import { BUILTIN_TEMPLATES, getBuiltinTemplate } from "../../src/templates";
import { cli, csvObjects, csvSampleRows, engineOracle, ensureBuilt, readCsv, SAMPLES, tempDir, xlsxSampleRows } from "./helpers";

const ids = BUILTIN_TEMPLATES.map((t) => t.id);
let dir: string;

beforeAll(() => {
  ensureBuilt();
  dir = tempDir("samples");
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

test("there is a CSV and an xlsx sample for every built-in template, and the bundled workbook has a sheet each", async () => {
  expect(ids).toHaveLength(23);
  for (const id of ids) {
    expect(fs.existsSync(path.join(SAMPLES, `${id}.csv`))).toBe(true);
    expect(fs.existsSync(path.join(SAMPLES, `${id}.xlsx`))).toBe(true);
  }
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path.join(SAMPLES, "gradekit-samples.xlsx"));
  expect(wb.worksheets.map((w) => w.name)).toEqual(ids.map((id) => id.slice(0, 31)));
});

test("the CSV samples have realistic size, a blank row and tricky cells", () => {
  const all = ids.map((id) => fs.readFileSync(path.join(SAMPLES, `${id}.csv`), "utf8")).join("\n");
  for (const id of ids) {
    const rows = csvSampleRows(path.join(SAMPLES, `${id}.csv`));
    expect(rows.length - 1).toBeGreaterThanOrEqual(10);
    expect(rows.length - 1).toBeLessThanOrEqual(30);
    expect(rows.some((r) => r.every((c) => c === ""))).toBe(true);
  }
  for (const tricky of ["10万", '"1,200"', "12.5%"]) expect(all).toContain(tricky);
});

describe.each(ids)("%s", (id) => {
  const template = getBuiltinTemplate(id)!;

  test("CSV sample: exit 0, grades and scores equal the engine's", () => {
    const input = path.join(SAMPLES, `${id}.csv`);
    const out = path.join(dir, `${id}.csv`);
    const r = cli(["grade", "--template", id, "--in", input, "--out", out]);
    expect(r.stderr).not.toMatch(/internal error/);
    expect(r.code).toBe(0);
    const { result, dataRows } = engineOracle(template, csvSampleRows(input));
    const rows = csvObjects(readCsv(out));
    expect(rows).toHaveLength(dataRows.length);
    rows.forEach((row, i) => {
      expect(row.grade).toBe(result.grade(i) ?? "");
      expect(row.reason).toBe(result.reason(i, "en").replace(/^([=+\-@\t\r])/, "'$1"));
      if (result.scores) {
        const s = result.status(i) === "graded" ? result.score(i) : null;
        expect(row.score).toBe(s === null ? "" : String(s));
      } else expect(row).not.toHaveProperty("score");
    });
    // Every sample has graded rows, an empty row and an error row; the summary says so.
    expect(rows.some((x) => x.grade !== "")).toBe(true);
    expect(rows.some((x) => x.reason === "no data")).toBe(true);
    expect(r.stderr).toMatch(/\d+ rows: \d+ graded, \d+ with errors, 1 with no data/);
  });

  test("xlsx sample: exit 0, grades equal the engine's, grade cells filled with the grade colour", async () => {
    const input = path.join(SAMPLES, `${id}.xlsx`);
    const out = path.join(dir, `${id}.xlsx`);
    const r = cli(["grade", "--template", id, "--in", input, "--out", out]);
    expect(r.code).toBe(0);
    const { result, headerRow, dataRows } = engineOracle(template, await xlsxSampleRows(input));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.worksheets[0];
    const head = (ws.getRow(headerRow).values as unknown[]).map((v) => (typeof v === "string" ? v : ""));
    const gradeCol = head.indexOf("grade");
    const scoreCol = head.indexOf("score");
    const reasonCol = head.indexOf("reason");
    expect(gradeCol).toBeGreaterThan(0);
    expect(reasonCol).toBe(gradeCol + (result.scores ? 2 : 1));
    for (let i = 0; i < dataRows.length; i++) {
      const cell = ws.getCell(headerRow + 1 + i, gradeCol);
      expect(cell.value ?? null).toBe(result.grade(i));
      const g = result.gradeIndex[i];
      if (g >= 0) {
        const color = result.compiled.grades[g].color.replace("#", "").toUpperCase();
        expect(cell.fill).toMatchObject({ type: "pattern", pattern: "solid", fgColor: { argb: "FF" + color } });
      } else expect(cell.fill?.type === "pattern" && (cell.fill as ExcelJS.FillPattern).pattern === "solid").toBe(false);
      if (result.scores) {
        const s = result.status(i) === "graded" ? result.score(i) : null;
        expect(ws.getCell(headerRow + 1 + i, scoreCol).value ?? null).toBe(s);
      } else expect(scoreCol).toBe(-1);
      expect(ws.getCell(headerRow + 1 + i, reasonCol).value).toBe(result.reason(i, "en"));
    }
    // The input cells are kept.
    const src = new ExcelJS.Workbook();
    await src.xlsx.readFile(input);
    const before = src.worksheets[0];
    for (let rr = 1; rr <= before.rowCount; rr++) {
      for (let c = 1; c < gradeCol; c++) expect(ws.getCell(rr, c).value).toEqual(before.getCell(rr, c).value);
    }
  });
});

test("GRADEKIT_START=demo npm start runs the demo: it grades every sheet of the bundled workbook; grades equal the engine's", async () => {
  // (without Excel and without GRADEKIT_START, npm start serves the playground: test/e2e/start.test.ts)
  const outDir = path.join(dir, "start");
  const r = spawnSync(process.execPath, [path.join(__dirname, "..", "..", "scripts", "start.js"), "--out", outDir], {
    encoding: "utf8",
    timeout: 120_000,
    env: { ...process.env, GRADEKIT_START: "demo" },
  });
  expect(r.stderr).toBe("");
  expect(r.status).toBe(0);
  expect(r.stdout).toMatch(/running the command-line demo \(GRADEKIT_START=demo\)/);
  expect(r.stdout).toMatch(/graded 23 sheets/);
  expect(r.stdout).toMatch(/sales-pipeline\s+15 rows\s+A: 4, B: 3, C: 3, D: 2\s+\| errors 2, no data 1/);
  const graded = path.join(outDir, "gradekit-samples-graded.xlsx");
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(graded);
  for (const id of ids) {
    const { result, headerRow, dataRows } = engineOracle(getBuiltinTemplate(id)!, await xlsxSampleRows(path.join(SAMPLES, "gradekit-samples.xlsx"), id));
    const ws = wb.getWorksheet(id)!;
    const head = ws.getRow(headerRow).values as unknown[];
    const gradeCol = head.indexOf("grade");
    expect(gradeCol).toBeGreaterThan(0);
    for (let i = 0; i < dataRows.length; i++) expect(ws.getCell(headerRow + 1 + i, gradeCol).value ?? null).toBe(result.grade(i));
  }
});

test("the sales-pipeline xlsx sample exercises real-workbook cells: title row, formula, rich text, #N/A", async () => {
  const out = path.join(dir, "sp-check.csv");
  const r = cli(["grade", "-t", "sales-pipeline", "--in", path.join(SAMPLES, "sales-pipeline.xlsx"), "--out", out]);
  expect(r.code).toBe(0);
  const records = readCsv(out);
  expect(records[0][0]).toBe("销售客户等级表（2024年11月）");
  const rows = csvObjects(records.slice(1));
  const by = (name: string) => rows.find((x) => x["客户名称"] === name)!;
  expect(by("佛山美家家居有限公司")).toMatchObject({ 预计月度成交金额: "60000", grade: "B" });
  expect(by("杭州云帆科技有限公司").grade).toBe("A");
  expect(by("南京金陵服饰有限公司")).toMatchObject({ 预计月度成交金额: "#N/A", grade: "" });
  expect(by("南京金陵服饰有限公司").reason).toMatch(/error \(#N\/A\)/);
  expect(r.stderr).toMatch(/row 14: Expected monthly deal amount/);
});

test("npm start picks Excel only where office-addin-debugging can sideload (not by its exit code)", () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- scripts/start.js is a CommonJS script
  const { excelAvailable } = require("../../scripts/start.js");
  const saved = process.env.GRADEKIT_START;
  try {
    delete process.env.GRADEKIT_START;
    expect(excelAvailable()).toBe(process.platform === "win32" || process.platform === "darwin");
    process.env.GRADEKIT_START = "demo";
    expect(excelAvailable()).toBe(false);
    process.env.GRADEKIT_START = "playground";
    expect(excelAvailable()).toBe(false);
    process.env.GRADEKIT_START = "excel";
    expect(excelAvailable()).toBe(true);
  } finally {
    if (saved === undefined) delete process.env.GRADEKIT_START;
    else process.env.GRADEKIT_START = saved;
  }
});
