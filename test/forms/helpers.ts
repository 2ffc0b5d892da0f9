/** Shared helpers of the form tests: the external tools, LibreOffice runs, filling a form, the engine's answer. */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import { parseCsv } from "../../src/engine/input/csv";
import { gradeTable, type Template } from "../../src/engine";
import type { FormLayout } from "../../src/forms";
import { which } from "../cli/helpers";
import { CSV_FILTER, libreOfficeConvert, sofficePath } from "../support/libreoffice";

export const INSTALL_HINT = "run `bash scripts/install-deps.sh` (it installs libreoffice-calc, poppler-utils and a CJK font), then re-run the tests";

/** The external programs these tests need; a missing one is a failure, never a skip. */
export function tools(): { soffice: string; pdftotext: string; pdftoppm: string } {
  let soffice: string | null = null;
  try {
    soffice = sofficePath();
  } catch {
    soffice = null;
  }
  const pdftotext = which("pdftotext");
  const pdftoppm = which("pdftoppm");
  const missing = [!soffice && "soffice (LibreOffice)", !pdftotext && "pdftotext (poppler-utils)", !pdftoppm && "pdftoppm (poppler-utils)"].filter(Boolean);
  if (missing.length) throw new Error(`${missing.join(", ")} not installed: ${INSTALL_HINT}`);
  return { soffice: soffice!, pdftotext: pdftotext!, pdftoppm: pdftoppm! };
}

/** True when fontconfig knows a CJK font (LibreOffice's PDF then shows Chinese instead of boxes). */
export function hasCjkFont(): boolean {
  const r = spawnSync("sh", ["-c", "fc-list :lang=zh family"], { encoding: "utf8" });
  return r.status === 0 && r.stdout.trim() !== "";
}

/**
 * Converts files with one headless LibreOffice run (`csv` at full precision in UTF-8, or `pdf`),
 * into `dir`/lo-out with the profile `dir`/lo-profile (test/support/libreoffice.ts).
 */
export function libreOffice(format: "csv" | "pdf", files: string[], dir: string): { seconds: number; outputs: string[] } {
  const { outDir, seconds } = libreOfficeConvert(files, dir, format === "csv" ? CSV_FILTER : "pdf", 120_000);
  const outputs = files.map((f) => path.join(outDir, path.basename(f).replace(/\.xlsx$/, `.${format}`)));
  for (const o of outputs) if (!fs.existsSync(o)) throw new Error(`LibreOffice wrote no ${o}`);
  return { seconds, outputs };
}

export function readCsvFile(file: string): string[][] {
  return parseCsv(fs.readFileSync(file, "utf8"));
}

export type Value = string | number | null;

/** Fills the data rows of a form written to `file` (values by field key, plus other columns by index), keeping everything else. */
export async function fillForm(file: string, out: string, layout: FormLayout, rows: { fields: Record<string, Value>; other?: Record<number, Value> }[]): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.worksheets[0];
  rows.forEach((row, i) => {
    const r = layout.dataRows.first + i + 1;
    for (const [key, v] of Object.entries(row.fields)) if (v !== null) ws.getCell(r, layout.fieldColumns[key] + 1).value = v;
    for (const [c, v] of Object.entries(row.other ?? {})) if (v !== null) ws.getCell(r, Number(c) + 1).value = v;
  });
  await wb.xlsx.writeFile(out);
}

/** What a grade formula shows for each row according to the engine: the grade id, "" (no data), #VALUE! or #N/A. */
export function engineShows(template: Template, rows: { fields: Record<string, Value> }[], total: number): { grades: string[]; scores: (number | null)[] } {
  const columns: Record<string, Value[]> = {};
  for (const f of template.fields) columns[f.key] = Array.from({ length: total }, (_, i) => rows[i]?.fields[f.key] ?? null);
  const r = gradeTable(template, { columns, rowCount: total });
  const grades: string[] = [];
  const scores: (number | null)[] = [];
  for (let i = 0; i < total; i++) {
    const s = r.status(i);
    grades.push(s === "graded" ? r.grade(i)! : s === "empty" ? "" : r.error(i)?.type === "#VALUE!" ? "#VALUE!" : "#N/A");
    scores.push(r.status(i) === "graded" || r.error(i)?.type === "#N/A" ? r.score(i) : null);
  }
  return { grades, scores };
}

/** Words of `pdftotext -bbox` output: text and box in PDF points (origin top-left), per page. */
export interface Word {
  page: number;
  text: string;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export function pdfWords(pdftotext: string, pdf: string): Word[] {
  const r = spawnSync(pdftotext, ["-bbox", pdf, "-"], { encoding: "utf8" });
  if (r.status !== 0) throw new Error(`pdftotext -bbox failed: ${r.stderr}`);
  const words: Word[] = [];
  let page = 0;
  for (const line of r.stdout.split("\n")) {
    if (line.includes("<page ")) page++;
    const m = /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*)<\/word>/.exec(line);
    if (m) words.push({ page, x0: +m[1], y0: +m[2], x1: +m[3], y1: +m[4], text: m[5].replace(/&amp;/g, "&").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"') });
  }
  return words;
}
