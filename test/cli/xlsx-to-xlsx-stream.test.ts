/**
 * An xlsx graded into an xlsx in bounded memory (src/cli/stream/xlsx-patch.ts) against the
 * in-memory path (`stream: false`) on the same workbooks: every sheet's cell values the same, the
 * other sheet unchanged, the grade cells filled with the grade's colour, the header cells bold.
 * Plus a 300,000-row workbook graded to xlsx through the built CLI under
 * `node --max-old-space-size=256`.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { gradeFile } from "../../src/cli/main";
import type { GradeRunOptions } from "../../src/cli/commands/grade";
import { XlsxPatchSink } from "../../src/cli/stream/xlsx-patch";
import { parseCsv, sniffDelimiter } from "../../src/engine";
import { BIN, ensureBuilt, SAMPLES, tempDir } from "./helpers";

let dir: string;
beforeAll(() => {
  dir = tempDir("xlsx-to-xlsx");
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function sampleRows(name: string): (string | number | null)[][] {
  const text = fs.readFileSync(path.join(SAMPLES, name + ".csv"), "utf8").replace(/^\uFEFF/, "");
  return parseCsv(text, sniffDelimiter(text)).map((r) => r.map((v) => (v === "" ? null : /^-?\d+(\.\d+)?$/.test(v) ? Number(v) : v)));
}

/** Every sheet's cells: name -> ref -> value (JSON), plus the fill and boldness of each cell. */
async function cellsOf(file: string) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const out: Record<string, Record<string, { v: unknown; fill?: unknown; bold?: boolean }>> = {};
  wb.eachSheet((ws) => {
    const cells: Record<string, { v: unknown; fill?: unknown; bold?: boolean }> = {};
    ws.eachRow({ includeEmpty: false }, (row) =>
      row.eachCell({ includeEmpty: false }, (cell) => {
        if (cell.value === null || cell.value === undefined) return;
        const fill = cell.fill && (cell.fill as ExcelJS.FillPattern).pattern === "solid" ? (cell.fill as ExcelJS.FillPattern).fgColor : undefined;
        cells[cell.address] = { v: JSON.parse(JSON.stringify(cell.value)), fill, bold: cell.font?.bold === true };
      }),
    );
    out[ws.name] = cells;
  });
  return out;
}

/** Grades in memory and streaming; asserts the same cells. Returns whether xlsx-patch.ts wrote the file (else the in-memory path did). */
async function compare(input: string, o: Partial<GradeRunOptions> & { template: string }, chunkRows = 2): Promise<boolean> {
  const base: GradeRunOptions = { input, output: "", map: [], params: [], lang: "en", bom: true, quiet: true, ...o };
  const memOut = path.join(dir, `mem-${path.basename(input)}`);
  const strOut = path.join(dir, `str-${path.basename(input)}`);
  fs.rmSync(memOut, { force: true });
  fs.rmSync(strOut, { force: true });
  const mem = await gradeFile({ ...base, output: memOut, stream: false });
  const spy = jest.spyOn(XlsxPatchSink.prototype, "finish");
  let s;
  let streamed: boolean;
  try {
    s = await gradeFile({ ...base, output: strOut, chunkRows });
    const done = await Promise.all(spy.mock.results.map((r) => (r.value as Promise<void>).then(() => true, () => false)));
    streamed = done.includes(true);
  } finally {
    spy.mockRestore();
  }
  expect({ ...s, output: "" }).toEqual({ ...mem, output: "" });
  const [a, b] = await Promise.all([cellsOf(memOut), cellsOf(strOut)]);
  expect(b).toEqual(a);
  const zip = await JSZip.loadAsync(fs.readFileSync(strOut));
  const sheets = Object.keys(zip.files).filter((n) => n.startsWith("xl/worksheets/sheet"));
  const texts = await Promise.all(sheets.map((n) => zip.files[n].async("string")));
  expect(texts.some((t) => t.includes('<c r="A1" t="inlineStr">') || /t="inlineStr"><is><t>grade<\/t>/.test(t))).toBe(streamed);
  return streamed;
}

async function twoSheets(template: string): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Data");
  const rows = sampleRows(template);
  ws.getCell("A1").value = "Report";
  ws.getCell("A1").font = { bold: true, size: 14 };
  rows.forEach((r, k) => {
    // A blank row inside the data (row 6).
    const row = ws.getRow(k + 3 + (k >= 3 ? 1 : 0));
    r.forEach((v, c) => {
      if (v !== null) row.getCell(c + 1).value = v;
    });
  });
  ws.getRow(3).font = { bold: true, color: { argb: "FF1F4E79" } };
  ws.getRow(3).fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFDDEBF7" } };
  const other = wb.addWorksheet("Notes");
  other.getCell("A1").value = "Total";
  other.getCell("B1").value = { formula: "SUM(B2:B3)", result: 5 };
  other.getCell("B2").value = 2;
  other.getCell("B3").value = 3;
  other.getCell("A2").value = "styled";
  other.getCell("A2").font = { italic: true };
  other.getColumn(1).width = 30;
  const p = path.join(dir, `${template}.xlsx`);
  await wb.xlsx.writeFile(p);
  return p;
}

describe("xlsx -> xlsx streamed = in memory", () => {
  test.each(["sales-pipeline", "tobacco-retail-score"])("%s: two sheets, styles, a formula", async (template) => {
    const input = await twoSheets(template);
    expect(await compare(input, { template })).toBe(true);
    expect(await compare(input, { template, lang: "zh-CN" }, 1024)).toBe(true);
    const out = await cellsOf(path.join(dir, `str-${template}.xlsx`));
    // The other sheet as it was; grade cells coloured; output headers bold.
    expect(out.Notes.B1.v).toEqual({ formula: "SUM(B2:B3)", result: 5 });
    expect(out.Notes.A2).toEqual({ v: "styled", bold: false });
    const grades = Object.entries(out.Data).filter(([ref, c]) => /^[A-Z]+\d+$/.test(ref) && c.fill !== undefined);
    expect(grades.length).toBeGreaterThan(2);
    const gradeHeader = Object.entries(out.Data).find(([, c]) => c.v === "grade" || c.v === "等级");
    expect(gradeHeader?.[1].bold).toBe(true);
  });

  test("a cell where the output columns go: falls back to the in-memory path (same cells)", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Data");
    sampleRows("sales-pipeline").forEach((r, k) => r.forEach((v, c) => v !== null && (ws.getRow(k + 1).getCell(c + 1).value = v)));
    const width = sampleRows("sales-pipeline")[0].length;
    ws.getRow(3).getCell(width + 2).value = "stray";
    const input = path.join(dir, "stray.xlsx");
    await wb.xlsx.writeFile(input);
    expect(await compare(input, { template: "sales-pipeline" })).toBe(false);
  });

  test("a table over the sheet, or the output columns of an earlier run: falls back (same cells)", async () => {
    const rows = sampleRows("sales-pipeline");
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Data");
    ws.addTable({
      name: "Pipeline",
      ref: "A1",
      columns: rows[0].map((h) => ({ name: String(h) })),
      rows: rows.slice(1).map((r) => r.map((v) => v ?? "")),
    });
    const input = path.join(dir, "table.xlsx");
    await wb.xlsx.writeFile(input);
    expect(await compare(input, { template: "sales-pipeline" })).toBe(false);
    // The streamed output of a first run, graded again.
    const first = await twoSheets("sales-pipeline");
    expect(await compare(first, { template: "sales-pipeline" })).toBe(true);
    const again = path.join(dir, "again.xlsx");
    fs.copyFileSync(path.join(dir, "str-sales-pipeline.xlsx"), again);
    expect(await compare(again, { template: "sales-pipeline" })).toBe(false);
  });
});

test("300,000 xlsx rows graded to xlsx under --max-old-space-size=256", async () => {
  ensureBuilt();
  const ROWS = 300_000;
  const input = path.join(dir, "big.xlsx");
  const output = path.join(dir, "big.out.xlsx");
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: input, useSharedStrings: true });
  const ws = wb.addWorksheet("Data");
  ws.addRow(["Customer", "Expected months to close", "Expected monthly deal amount", "Note"]).commit();
  for (let i = 0; i < ROWS; i++) ws.addRow([`Customer ${i % 5000}`, (i % 12) + 1, ((i * 7919) % 90000) + 1000, i % 3 === 0 ? "note" : null]).commit();
  ws.commit();
  await wb.commit();
  const started = Date.now();
  const r = spawnSync(process.execPath, ["--max-old-space-size=256", BIN, "grade", "-t", "sales-pipeline", "-i", input, "-o", output], {
    encoding: "utf8",
    timeout: 120_000,
  });
  const seconds = (Date.now() - started) / 1000;
  expect(r.stderr).toContain(`${ROWS} rows: `);
  expect(r.status).toBe(0);
  expect(seconds).toBeLessThan(60);
  // The last rows carry their outcome cells (read back streaming: the file is large).
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(output, { worksheets: "emit", sharedStrings: "cache" });
  let rows = 0;
  let lastGrade: unknown;
  for await (const sheet of reader) {
    for await (const row of sheet) {
      rows++;
      lastGrade = (row as ExcelJS.Row).getCell(5).value;
    }
  }
  expect(rows).toBe(ROWS + 1);
  expect(typeof lastGrade).toBe("string");
}, 240_000);
