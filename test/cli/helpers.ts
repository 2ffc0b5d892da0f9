/** Shared helpers for the CLI tests: build check, spawning the compiled CLI, temp folders, engine oracle. */
import { execFileSync, spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { gradeTable, matchHeaders, type GradeResult, type Template } from "../../src/engine";
import { parseCsv } from "../../src/engine/input/csv";
import { readXlsxInput, type CellValue } from "../../src/cli/io";

export const ROOT = path.join(__dirname, "..", "..");
export const BIN = path.join(ROOT, "bin", "gradekit.js");
export const SAMPLES = path.join(ROOT, "samples");

/** Builds lib/ when the compiled CLI is missing (the npm test script builds it first). */
export function ensureBuilt(): void {
  if (fs.existsSync(path.join(ROOT, "lib", "cli", "main.js"))) return;
  execFileSync(process.platform === "win32" ? "npx.cmd" : "npx", ["tsc", "-p", "tsconfig.cli.json"], { cwd: ROOT, stdio: "inherit" });
}

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `node bin/gradekit.js ...args`. */
export function cli(args: string[], opts: { cwd?: string; input?: string | Buffer } = {}): CliRun {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: opts.cwd ?? ROOT,
    input: opts.input,
    encoding: "utf8",
    timeout: 60_000,
    env: { ...process.env, GRADEKIT_DEBUG: "1" },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A fresh temp folder for one test file. */
export function tempDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `gradekit-${prefix}-`));
}

/** Reads a CSV written by the CLI: BOM dropped, records of strings. */
export function readCsv(file: string): string[][] {
  return parseCsv(fs.readFileSync(file, "utf8"));
}

/** Records as objects keyed by the header row (row 0), so tests can look up columns by name. */
export function csvObjects(records: string[][]): Record<string, string>[] {
  const [head, ...rows] = records;
  return rows.map((r) => Object.fromEntries(head.map((h, c) => [h, r[c] ?? ""])));
}

const blank = (v: unknown) => v === null || v === undefined || (typeof v === "string" && v.trim() === "");

/**
 * The engine's grades for a sheet, computed independently of the CLI's own header logic: the header
 * is the first row that gives every required field a column; data rows run to the last non-blank row.
 */
export function engineOracle(template: Template, rows: CellValue[][]): { result: GradeResult; headerRow: number; dataRows: CellValue[][] } {
  let h = -1;
  for (let r = 0; r < rows.length; r++) {
    if (rows[r].every(blank)) continue;
    const mt = matchHeaders(rows[r].map((v) => (typeof v === "string" || typeof v === "number" ? v : "")), template);
    if (mt.missing.length === 0 && Object.keys(mt.mapping).length > 0) {
      h = r;
      break;
    }
  }
  if (h < 0) throw new Error(`no header row for ${template.id}`);
  let last = rows.length - 1;
  while (last > h && rows[last].every(blank)) last--;
  const header = rows[h].map((v) => (typeof v === "string" || typeof v === "number" ? v : ""));
  const { mapping } = matchHeaders(header, template);
  const dataRows = rows.slice(h + 1, last + 1);
  const columns: Record<string, unknown[]> = {};
  for (const [key, col] of Object.entries(mapping)) columns[key] = dataRows.map((r) => r[col]);
  const result = gradeTable(template, { columns, rowCount: dataRows.length });
  return { result, headerRow: h + 1, dataRows };
}

/** Rows of a CSV sample as the engine would get them (strings). */
export function csvSampleRows(file: string): CellValue[][] {
  return parseCsv(fs.readFileSync(file, "utf8"));
}

/** Rows of an xlsx sheet as the CLI reads them. */
export async function xlsxSampleRows(file: string, sheet?: string): Promise<CellValue[][]> {
  return (await readXlsxInput(file, sheet, "en")).rows;
}

/** Whether a program is on PATH. */
export function which(cmd: string): string | null {
  const r = spawnSync("sh", ["-c", `command -v ${cmd}`], { encoding: "utf8" });
  return r.status === 0 ? r.stdout.trim() : null;
}
