/**
 * Interop: an xlsx written by the CLI opens in another spreadsheet program. LibreOffice converts
 * it (headless) to CSV, and the grades (and scores) in that CSV equal the CLI's own CSV output.
 * The grade cells carry their grade's fill colour (read back with exceljs).
 *
 * Needs LibreOffice (`soffice`); it is installed by `bash scripts/install-deps.sh`. Without it this
 * test fails on purpose: the interop guarantee is not checked by anything else.
 */
import * as fs from "fs";
import * as path from "path";
import { libreOfficeConvert } from "../support/libreoffice";
import ExcelJS from "exceljs";
import { parseCsv } from "../../src/engine/input/csv";
import { compileTemplate } from "../../src/engine";
import { getBuiltinTemplate } from "../../src/templates";
import { cli, csvObjects, ensureBuilt, readCsv, SAMPLES, tempDir, which } from "./helpers";

jest.setTimeout(180_000);

const SOFFICE = which("soffice") ?? which("libreoffice");

/** Inputs graded to xlsx: an xlsx sample (title row, formula, rich text), CSV -> xlsx, Chinese labels, scores. */
const CASES = [
  { id: "sales-pipeline", input: "sales-pipeline.xlsx", lang: "en" },
  { id: "tobacco-retail-code", input: "tobacco-retail-code.csv", lang: "en" },
  { id: "bocom-tier", input: "bocom-tier.csv", lang: "zh-CN" },
  { id: "pharma-score", input: "pharma-score.xlsx", lang: "en" },
] as const;

let dir: string;
beforeAll(() => {
  ensureBuilt();
  dir = tempDir("libreoffice");
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

test("LibreOffice is installed (run `bash scripts/install-deps.sh` if this fails)", () => {
  if (!SOFFICE) {
    throw new Error("LibreOffice (soffice) is not installed: run `bash scripts/install-deps.sh` (it installs libreoffice-calc), then re-run the tests");
  }
});

test("xlsx written by the CLI converts with LibreOffice to CSV with the same grades and scores; grade cells are filled", async () => {
  if (!SOFFICE) throw new Error("LibreOffice (soffice) is not installed: run `bash scripts/install-deps.sh`");
  const xlsxFiles: string[] = [];
  for (const c of CASES) {
    const xlsx = path.join(dir, `${c.id}.xlsx`);
    const csv = path.join(dir, `${c.id}.cli.csv`);
    for (const out of [xlsx, csv]) {
      const r = cli(["grade", "-t", c.id, "--in", path.join(SAMPLES, c.input), "--out", out, "--lang", c.lang, "-q"]);
      expect(r.stderr).toBe("");
      expect(r.code).toBe(0);
    }
    xlsxFiles.push(xlsx);
  }

  // One LibreOffice run converts all files: UTF-8, full precision (not "as shown").
  const { outDir, seconds } = libreOfficeConvert(xlsxFiles, dir);
  // Timing for the record (LibreOffice start-up dominates).
  console.log(`LibreOffice converted ${xlsxFiles.length} workbooks in ${seconds.toFixed(1)} s`);

  for (const c of CASES) {
    const loFile = path.join(outDir, `${c.id}.csv`);
    expect(fs.existsSync(loFile)).toBe(true);
    const loRecords = parseCsv(fs.readFileSync(loFile, "utf8"));
    const cliRecords = readCsv(path.join(dir, `${c.id}.cli.csv`));
    const header = (recs: string[][]) => recs.findIndex((r) => r.includes("grade"));
    const loRows = csvObjects(loRecords.slice(header(loRecords)));
    const cliRows = csvObjects(cliRecords.slice(header(cliRecords)));
    expect(loRows.length).toBe(cliRows.length);
    expect(loRows.map((r) => r.grade)).toEqual(cliRows.map((r) => r.grade));
    expect(loRows.map((r) => r.reason)).toEqual(cliRows.map((r) => r.reason));
    if (getBuiltinTemplate(c.id)!.model.kind === "scorecard") {
      loRows.forEach((r, i) => {
        const want = cliRows[i].score;
        if (want === "") expect(r.score).toBe("");
        else expect(Math.abs(Number(r.score) - Number(want))).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(Number(want))));
      });
    }
    expect(loRows.some((r) => r.grade !== "")).toBe(true);

    // Fill colours in the xlsx.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(dir, `${c.id}.xlsx`));
    const ws = wb.worksheets[0];
    let headerRow = 0;
    let gradeCol = 0;
    ws.eachRow((row, rn) => {
      if (headerRow) return;
      row.eachCell((cell, cn) => {
        if (cell.value === "grade") {
          headerRow = rn;
          gradeCol = cn;
        }
      });
    });
    const t = getBuiltinTemplate(c.id)!;
    const colorOf = new Map<string, string>();
    for (const g of compileTemplate(t).grades) colorOf.set(c.lang === "zh-CN" ? g.label.zh : g.id, g.color);
    cliRows.forEach((r, i) => {
      const cell = ws.getCell(headerRow + 1 + i, gradeCol);
      if (r.grade === "") {
        expect((cell.fill as ExcelJS.FillPattern | undefined)?.pattern ?? "none").toBe("none");
      } else {
        const color = colorOf.get(r.grade)!;
        expect(color).toBeDefined();
        expect(cell.fill).toMatchObject({ type: "pattern", pattern: "solid", fgColor: { argb: "FF" + color.slice(1).toUpperCase() } });
      }
    });
  }
});
