/**
 * File input and output for the CLI: CSV and xlsx tables in, CSV and xlsx tables out.
 * The engine never sees a file; it gets plain cell values from here.
 */
import * as fs from "fs";
import * as path from "path";
import type * as ExcelJS from "exceljs";
import { CsvError, parseCsv, sniffDelimiter, writeCsv } from "./csv";
import { both, fail, m } from "./messages";
import { refuseOutputOverInput, writeFileAtomic } from "./output-file";
import type { Lang } from "../engine";

/** exceljs, loaded on first use (it takes a while to load; CSV-only runs never need it). */
export function excel(): typeof ExcelJS {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require("exceljs") as typeof ExcelJS;
}

/** A cell as the engine gets it: text, number, yes/no, date (a bad number), or blank. */
export type CellValue = string | number | boolean | Date | null;

export type TableFormat = "csv" | "xlsx";

/** One sheet of input, row by row as in the file (`rows[0]` is row 1). */
export interface InputSheet {
  format: TableFormat;
  path: string;
  rows: CellValue[][];
  /** Notes for the user (encoding guessed, formulas without results). */
  notes: string[];
  /** xlsx only: the workbook and the sheet, written back with the grades added. */
  workbook?: ExcelJS.Workbook;
  worksheet?: ExcelJS.Worksheet;
  sheetName?: string;
}

/** `.csv` or `.xlsx` from a path (`-` is CSV on stdin/stdout), or null. */
export function formatOf(file: string): TableFormat | null {
  if (file === "-") return "csv";
  const ext = path.extname(file).toLowerCase();
  return ext === ".csv" ? "csv" : ext === ".xlsx" ? "xlsx" : null;
}

/** Decodes CSV bytes: BOMs (UTF-8, UTF-16), else UTF-8, else GB18030 (Chinese Excel's "ANSI" CSV). */
export function decodeText(bytes: Uint8Array): { text: string; encoding: string } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: new TextDecoder("utf-8").decode(bytes.subarray(3)), encoding: "UTF-8" };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder("utf-16le").decode(bytes.subarray(2)), encoding: "UTF-16LE" };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder("utf-16be").decode(bytes.subarray(2)), encoding: "UTF-16BE" };
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), encoding: "UTF-8" };
  } catch {
    return { text: new TextDecoder("gb18030").decode(bytes), encoding: "GB18030" };
  }
}

function ioWhy(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  if (err && err.code === "EACCES") return "permission denied";
  if (err && err.code === "EISDIR") return "it is a folder";
  return err && typeof err.message === "string" ? err.message.split("\n")[0] : String(e);
}

/** Reads a CSV file (or stdin for `-`) as rows of strings. */
export async function readCsvInput(file: string, lang: Lang, stdin?: () => Promise<Buffer>): Promise<InputSheet> {
  let bytes: Uint8Array;
  try {
    bytes = file === "-" ? await (stdin ? stdin() : readStdin()) : fs.readFileSync(file);
  } catch (e) {
    throw fail("cannotRead", "input", { what: both("what_input"), path: file, why: ioWhy(e) });
  }
  const { text, encoding } = decodeText(bytes);
  const notes: string[] = [];
  if (encoding === "GB18030") notes.push(m("csvEncoding", lang, { path: file, enc: encoding }));
  let rows: string[][];
  try {
    rows = parseCsv(text, sniffDelimiter(text));
  } catch (e) {
    if (e instanceof CsvError) throw fail("csvBroken", "input", { path: file, why: e.text });
    throw e;
  }
  return { format: "csv", path: file, rows, notes };
}

async function readStdin(): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

/** Text of a rich-text value. */
function richText(v: { richText: { text: string }[] }): string {
  return v.richText.map((r) => r.text ?? "").join("");
}

/**
 * A cell value as the engine should see it: numbers stay numbers, rich text becomes plain text,
 * formulas give their saved result, dates stay dates, errors become their text (`#N/A`).
 */
export function plainValue(v: unknown, stats: { noResult: number } = { noResult: 0 }): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === "string" || typeof v === "number" || typeof v === "boolean") return v;
  if (v instanceof Date) return v;
  if (typeof v === "object") {
    const o = v as Record<string, unknown>;
    if (Array.isArray(o.richText)) return richText(o as { richText: { text: string }[] });
    if ("error" in o) return String(o.error);
    if ("formula" in o || "sharedFormula" in o) {
      if (o.result === undefined || o.result === null) {
        stats.noResult++;
        return null;
      }
      return plainValue(o.result, stats);
    }
    if ("text" in o) return plainValue(o.text, stats);
  }
  return String(v);
}

/** Reads one sheet of an xlsx workbook (the first, or `sheet` by name). */
export async function readXlsxInput(file: string, sheet: string | undefined, lang: Lang): Promise<InputSheet> {
  const workbook = new (excel().Workbook)();
  try {
    await workbook.xlsx.readFile(file);
  } catch (e) {
    throw fail("cannotRead", "input", { what: both("what_input"), path: file, why: ioWhy(e) });
  }
  const sheets = workbook.worksheets;
  if (sheets.length === 0) throw fail("emptyWorkbook", "input", { path: file });
  let ws: ExcelJS.Worksheet | undefined;
  if (sheet !== undefined) {
    ws = sheets.find((s) => s.name === sheet) ?? sheets.find((s) => s.name.toLowerCase() === sheet.toLowerCase());
    if (!ws) throw fail("noSheet", "notFound", { name: sheet, path: file, sheets: sheets.map((s) => s.name).join(", ") });
  } else {
    ws = sheets.find((s) => s.state !== "hidden" && s.state !== "veryHidden") ?? sheets[0];
  }
  const stats = { noResult: 0 };
  const rows: CellValue[][] = [];
  for (let r = 1; r <= ws.rowCount; r++) {
    const row = ws.findRow(r);
    const out: CellValue[] = [];
    if (row) {
      row.eachCell({ includeEmpty: false }, (cell, col) => {
        out[col - 1] = plainValue(cell.value, stats);
      });
      for (let c = 0; c < out.length; c++) if (out[c] === undefined) out[c] = null;
    }
    rows.push(out);
  }
  const notes: string[] = [];
  if (stats.noResult > 0) notes.push(m("formulasNoResult", lang, { n: stats.noResult }));
  return { format: "xlsx", path: file, rows, notes, workbook, worksheet: ws, sheetName: ws.name };
}

/**
 * Writes CSV records to a file (UTF-8, BOM unless `bom` is false) or, for `-`, to `write`.
 * `inputs`: the command's input files; an output that is one of them is refused (output-file.ts).
 */
export function writeCsvOutput(
  file: string,
  records: string[][],
  opts: { bom: boolean; lang: Lang; write?: (s: string) => void; inputs: readonly (string | undefined)[] },
): void {
  const text = writeCsv(records);
  if (file === "-") {
    (opts.write ?? ((s: string) => process.stdout.write(s)))(text);
    return;
  }
  refuseOutputOverInput(file, opts.inputs);
  try {
    writeFileAtomic(file, (opts.bom ? "\uFEFF" : "") + text);
  } catch (e) {
    throw fail("cannotWrite", "output", { path: file, why: ioWhy(e) });
  }
}

/** Writes a workbook to an xlsx file (atomically; an output that is one of `inputs` is refused). */
export async function writeXlsxOutput(file: string, workbook: ExcelJS.Workbook, lang: Lang, inputs: readonly (string | undefined)[]): Promise<void> {
  refuseOutputOverInput(file, inputs);
  try {
    const bytes = await workbook.xlsx.writeBuffer();
    writeFileAtomic(file, bytes as unknown as Uint8Array);
  } catch (e) {
    throw fail("cannotWrite", "output", { path: file, why: ioWhy(e) });
  }
}

/** A valid worksheet name (at most 31 characters, none of `[]:*?/\`). */
export function sheetNameFor(name: string): string {
  const clean = name.replace(/[[\]:*?/\\]/g, "_").replace(/^'+|'+$/g, "").slice(0, 31).trim();
  return clean || "Sheet1";
}

/** Shows a cell value as CSV text: numbers in full precision, dates as ISO dates, TRUE/FALSE. */
export function cellText(v: CellValue | undefined): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "string") return v;
  if (typeof v === "number") return String(v);
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (isNaN(v.getTime())) return "";
  const iso = v.toISOString();
  return iso.endsWith("T00:00:00.000Z") ? iso.slice(0, 10) : iso.slice(0, 19).replace("T", " ");
}

/** Column letters of a 1-based column number (1 -> A, 28 -> AB). */
export function columnLetter(col: number): string {
  let s = "";
  for (let c = col; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
  return s;
}
