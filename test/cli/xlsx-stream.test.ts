/**
 * Streaming xlsx input (src/cli/stream/xlsx-records.ts) against the in-memory path on the same
 * workbooks: the CSV output bytes and the summary (with its notes) must be the same, and the
 * streaming reader must really have been used (no fallback). Plus bounded memory through the built
 * CLI: a 300,000-row workbook graded under `node --max-old-space-size=256`.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { gradeFile } from "../../src/cli/main";
import type { GradeRunOptions } from "../../src/cli/commands/grade";
import { XlsxRecordReader } from "../../src/cli/stream/xlsx-records";
import { parseCsv, sniffDelimiter } from "../../src/engine";
import { BIN, ensureBuilt, SAMPLES, tempDir } from "./helpers";

let dir: string;
beforeAll(() => {
  dir = tempDir("xlsx-stream");
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

type Opts = Partial<GradeRunOptions> & { template: string; input: string };

/** Grades in memory and streaming (several chunk sizes); returns the in-memory summary. */
async function both(o: Opts, chunks: number[] = [2, 1024]) {
  const base: GradeRunOptions = { output: "", map: [], params: [], lang: "en", bom: true, quiet: true, ...o };
  const memOut = path.join(dir, `mem-${path.basename(o.input)}.csv`);
  fs.rmSync(memOut, { force: true });
  const mem = await gradeFile({ ...base, output: memOut, stream: false });
  const memText = fs.readFileSync(memOut, "utf8");
  for (const chunkRows of chunks) {
    const out = path.join(dir, `stream-${chunkRows}-${path.basename(o.input)}.csv`);
    fs.rmSync(out, { force: true });
    const spy = jest.spyOn(XlsxRecordReader.prototype, "next");
    try {
      const s = await gradeFile({ ...base, output: out, chunkRows });
      expect(spy).toHaveBeenCalled();
      expect({ ...s, output: "" }).toEqual({ ...mem, output: "" });
      expect(fs.readFileSync(out, "utf8")).toBe(memText);
    } finally {
      spy.mockRestore();
    }
  }
  return mem;
}

/** A sample CSV's records as sheet rows: plain numbers become number cells. */
function sampleRows(name: string): (string | number | null)[][] {
  const text = fs.readFileSync(path.join(SAMPLES, name + ".csv"), "utf8").replace(/^\uFEFF/, "");
  return parseCsv(text, sniffDelimiter(text)).map((r) => r.map((v) => (v === "" ? null : /^-?\d+(\.\d+)?$/.test(v) ? Number(v) : v)));
}

async function save(wb: ExcelJS.Workbook, name: string): Promise<string> {
  const p = path.join(dir, name);
  await wb.xlsx.writeFile(p);
  return p;
}

function fill(ws: ExcelJS.Worksheet, rows: unknown[][], at = 1) {
  rows.forEach((r, k) => {
    const row = ws.getRow(at + k);
    r.forEach((v, c) => {
      if (v !== null && v !== undefined) row.getCell(c + 1).value = v as ExcelJS.CellValue;
    });
  });
}

describe("streaming xlsx input = in-memory xlsx input", () => {
  test.each(["sales-pipeline", "tobacco-retail-score"])("sample %s (en and zh-CN)", async (template) => {
    const wb = new ExcelJS.Workbook();
    fill(wb.addWorksheet("Data"), sampleRows(template));
    const input = await save(wb, template + ".xlsx");
    const mem = await both({ template, input });
    expect(mem.rows).toBeGreaterThan(3);
    await both({ template, input, lang: "zh-CN" }, [3]);
  });

  test("a hidden first sheet is passed over; --sheet by name (any case) picks another", async () => {
    const wb = new ExcelJS.Workbook();
    const hidden = wb.addWorksheet("Old");
    hidden.state = "hidden";
    fill(hidden, [["nothing", "here"], [1, 2]]);
    fill(wb.addWorksheet("Data"), sampleRows("sales-pipeline"));
    const other = wb.addWorksheet("Second");
    fill(other, sampleRows("sales-pipeline").slice(0, 4));
    const input = await save(wb, "hidden.xlsx");
    const first = await both({ template: "sales-pipeline", input });
    expect(first.sheet).toBe("Data");
    const named = await both({ template: "sales-pipeline", input, sheet: "second" });
    expect(named.sheet).toBe("Second");
    expect(named.rows).toBe(3);
  });

  test("an unknown --sheet gives the in-memory path's error", async () => {
    const wb = new ExcelJS.Workbook();
    fill(wb.addWorksheet("Data"), sampleRows("sales-pipeline"));
    const input = await save(wb, "nosheet.xlsx");
    const base: GradeRunOptions = { template: "sales-pipeline", input, output: path.join(dir, "nosheet.csv"), map: [], params: [], lang: "en", bom: true, quiet: true, sheet: "Nope" };
    await expect(gradeFile(base)).rejects.toMatchObject({ errorClass: "notFound" });
  });

  test("titles, merged cells, a header not in row 1, blank rows, formulas with and without results, dates, rich text", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Report");
    const rows = sampleRows("sales-pipeline");
    ws.getCell("A1").value = "Pipeline report";
    ws.mergeCells("A1:C1");
    ws.getCell("A2").value = { richText: [{ text: "Rich " }, { text: "title", font: { bold: true } }] };
    fill(ws, [rows[0]], 4);
    fill(ws, rows.slice(1, 4), 5);
    // Blank rows inside the data, then more rows with formulas.
    fill(ws, rows.slice(4), 10);
    const last = 10 + rows.length - 4;
    ws.getCell(`A${last}`).value = "Formula Co";
    ws.getCell(`C${last}`).value = { formula: "1+1", result: 2 };
    ws.getCell(`D${last}`).value = { formula: "C5*2" } as ExcelJS.CellFormulaValue;
    ws.getCell(`E${last}`).value = { formula: "C5>1", result: true } as ExcelJS.CellFormulaValue;
    ws.getCell(`A${last + 1}`).value = "Dated Co";
    ws.getCell(`C${last + 1}`).value = 3;
    ws.getCell(`D${last + 1}`).value = 45000;
    ws.getCell(`E${last + 1}`).value = new Date(Date.UTC(2024, 0, 15));
    ws.getCell(`A${last + 2}`).value = "Merged Co";
    ws.getCell(`C${last + 2}`).value = 4;
    ws.getCell(`D${last + 2}`).value = 50000;
    ws.mergeCells(`D${last + 2}:E${last + 3}`);
    ws.getCell(`A${last + 4}`).value = { formula: "\"Err\"&\"Co\"", result: { error: "#N/A" } } as ExcelJS.CellFormulaValue;
    ws.getCell(`C${last + 4}`).value = 1;
    ws.getCell(`D${last + 4}`).value = 1000;
    const input = await save(wb, "shapes.xlsx");
    const mem = await both({ template: "sales-pipeline", input });
    expect(mem.headerRow).toBe(4);
    expect(mem.notes.join("\n")).toMatch(/A1:C1/);
    expect(mem.notes.join("\n")).toMatch(/formula/i);
    // The same parts in Excel's order (workbook, styles and shared strings before the sheets), so
    // the sheet is parsed as it inflates rather than parked first.
    const zip = await JSZip.loadAsync(fs.readFileSync(input));
    const names = Object.keys(zip.files).filter((n) => !zip.files[n].dir);
    const rank = (n: string) => (n.startsWith("xl/worksheets/") ? 2 : n.startsWith("xl/") ? 1 : 0);
    const again = new JSZip();
    for (const n of names.sort((a, b) => rank(a) - rank(b))) again.file(n, await zip.files[n].async("nodebuffer"));
    const excelOrder = path.join(dir, "excel-order.xlsx");
    expect(names.indexOf("xl/workbook.xml")).toBeGreaterThan(-1);
    fs.writeFileSync(excelOrder, await again.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
    const reordered = await both({ template: "sales-pipeline", input: excelOrder });
    expect({ ...reordered, input: "", output: "" }).toEqual({ ...mem, input: "", output: "" });
  });
});

test("300,000 xlsx rows graded under --max-old-space-size=256", async () => {
  ensureBuilt();
  const ROWS = 300_000;
  const input = path.join(dir, "big.xlsx");
  const output = path.join(dir, "big.out.csv");
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: input, useSharedStrings: true });
  const ws = wb.addWorksheet("Data");
  ws.addRow(["Customer", "Expected months to close", "Expected monthly deal amount", "Note"]).commit();
  for (let i = 0; i < ROWS; i++) ws.addRow([`Customer ${i % 5000}`, (i % 12) + 1, ((i * 7919) % 90000) + 1000, i % 3 === 0 ? "note" : null]).commit();
  ws.commit();
  await wb.commit();
  const r = spawnSync(process.execPath, ["--max-old-space-size=256", BIN, "grade", "-t", "sales-pipeline", "-i", input, "-o", output, "--columns", "grade"], {
    encoding: "utf8",
    timeout: 120_000,
  });
  expect(r.stderr).toContain(`${ROWS} rows: `);
  expect(r.status).toBe(0);
  let lines = 0;
  const text = fs.readFileSync(output, "utf8");
  for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) lines++;
  expect(lines).toBe(ROWS + 1);
}, 180_000);
