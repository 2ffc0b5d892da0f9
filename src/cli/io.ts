/**
 * File input and output for the CLI: CSV and xlsx tables in, CSV and xlsx tables out.
 * The engine never sees a file; it gets plain cell values from here.
 */
import * as fs from "fs";
import * as path from "path";
import type * as ExcelJS from "exceljs";
import { CsvError, normalizeWord, parseCsv, sniffDelimiter, writeCsv } from "../engine";
import { both, fail, m } from "./messages";
import { refuseOutputOverInput, writeFileAtomic } from "./output-file";
import type { Lang } from "../engine";

/** exceljs, loaded on first use (it takes a while to load; CSV-only runs never need it). */
export function excel(): typeof ExcelJS {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- exceljs takes a while to load: required on first use so CSV-only runs never load it
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
  /** CSV only: the encoding read (detected or told). */
  encoding?: string;
  /** CSV only: the field delimiter (sniffed or told). */
  delimiter?: string;
  /** CSV only: the line (1-based) where each record starts. */
  lines?: number[];
  /** xlsx only: the workbook and the sheet, written back with the grades added. */
  workbook?: ExcelJS.Workbook;
  worksheet?: ExcelJS.Worksheet;
  sheetName?: string;
}

/** `.csv` or `.xlsx` from a path (`-` is CSV on stdin/stdout), or null. */
export function formatOf(file: string): TableFormat | null {
  if (file === "-") return "csv";
  const ext = path.extname(file).toLowerCase();
  return ext === ".csv" ? "csv" : ext === ".xlsx" || ext === ".xlsm" ? "xlsx" : null;
}

/** A macro-enabled workbook (`.xlsm`): read like .xlsx (macros never run); never written. */
export function isMacroWorkbook(file: string): boolean {
  return path.extname(file).toLowerCase() === ".xlsm";
}

/** Limits on what an xlsx may unpack to, checked from the zip's directory before anything is inflated. */
export const XLSX_LIMITS = {
  /** All parts together, uncompressed. */
  totalBytes: 1_500_000_000,
  /** One part (a sheet's XML, the shared strings), uncompressed. */
  partBytes: 1_000_000_000,
  /** Uncompressed size over compressed size of the whole file (zip bombs go far above 1000). */
  ratio: 1000,
};

/**
 * What the first bytes say a file claimed to be xlsx really is, and whether its zip directory
 * promises more than the limits; throws a one-sentence `input` error naming the problem and the fix.
 */
export function checkXlsxFile(file: string, bytes: Buffer): void {
  const magic = bytes.subarray(0, 8);
  if (magic.length >= 8 && magic.readUInt32BE(0) === 0xd0cf11e0 && magic.readUInt32BE(4) === 0xa1b11ae1) {
    throw fail("xlsxEncrypted", "input", { path: file });
  }
  if (!(magic[0] === 0x50 && magic[1] === 0x4b && magic[2] === 0x03 && magic[3] === 0x04)) {
    const head = bytes.subarray(0, 512);
    const text = head.length > 0 && !head.includes(0);
    throw fail(text ? "xlsxIsText" : "xlsxNotZip", "input", { path: file });
  }
  // End of central directory: the last record with signature PK\5\6.
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 65_557); i--) {
    if (bytes.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw fail("xlsxDamaged", "input", { path: file });
  const entries = bytes.readUInt16LE(eocd + 10);
  let p = bytes.readUInt32LE(eocd + 16);
  let total = 0;
  for (let k = 0; k < entries; k++) {
    if (p + 46 > bytes.length || bytes.readUInt32LE(p) !== 0x02014b50)
      throw fail("xlsxDamaged", "input", { path: file });
    const size = bytes.readUInt32LE(p + 24);
    const name = bytes.toString("utf8", p + 46, p + 46 + bytes.readUInt16LE(p + 28));
    total += size;
    if (size > XLSX_LIMITS.partBytes || size === 0xffffffff)
      throw fail("xlsxTooBig", "input", { path: file, part: name, mb: Math.round(size / 1e6) });
    p += 46 + bytes.readUInt16LE(p + 28) + bytes.readUInt16LE(p + 30) + bytes.readUInt16LE(p + 32);
  }
  if (total > XLSX_LIMITS.totalBytes || total > XLSX_LIMITS.ratio * Math.max(bytes.length, 1_000_000)) {
    throw fail("xlsxTooBig", "input", { path: file, part: "*", mb: Math.round(total / 1e6) });
  }
}

/** The encodings `--encoding` takes (any other WHATWG label works too) and the names shown for them. */
const ENCODING_NAMES: Record<string, string> = {
  "utf-8": "UTF-8",
  "utf-16le": "UTF-16LE",
  "utf-16be": "UTF-16BE",
  gb18030: "GB18030",
  gbk: "GB18030",
  "windows-1252": "Windows-1252 (Latin-1)",
  latin1: "Windows-1252 (Latin-1)",
};

/** UTF-16 without a BOM: most ASCII characters leave a zero byte on one side of each pair. */
export function utf16Without(bytes: Uint8Array): "utf-16le" | "utf-16be" | null {
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 4) return null;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZero++;
    if (bytes[i + 1] === 0) oddZero++;
  }
  const pairs = n / 2;
  if (oddZero > pairs * 0.3 && evenZero < pairs * 0.05) return "utf-16le";
  if (evenZero > pairs * 0.3 && oddZero < pairs * 0.05) return "utf-16be";
  return null;
}

/**
 * GB18030/GBK or Windows-1252 (Latin-1) for bytes that are not UTF-8. Chinese text comes in byte
 * pairs whose both bytes are high (GB2312 area 0xA1-0xFE); Western text has lone high bytes
 * (`é` = 0xE9) followed by ASCII. The pattern seen more often wins; ties go to GB18030.
 */
function chineseOrLatin(bytes: Uint8Array): "gb18030" | "windows-1252" {
  const acc = { pairs: 0, lone: 0 };
  countChineseLatin(bytes, acc, true);
  return acc.lone > acc.pairs ? "windows-1252" : "gb18030";
}

/**
 * The counting behind `chineseOrLatin`, for bytes that come in pieces: adds the GB18030 pairs and
 * lone high bytes of `bytes` to `acc` and returns where it stopped. Unless `final`, a high byte
 * too near the end to be judged is left for the next call (the caller passes it again in front).
 */
export function countChineseLatin(bytes: Uint8Array, acc: { pairs: number; lone: number }, final: boolean): number {
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (b < 0x80) continue;
    if (!final && i + 3 >= bytes.length) return i;
    const t = bytes[i + 1];
    if (b >= 0x81 && b <= 0xfe && t !== undefined && t >= 0x81 && t <= 0xfe) {
      acc.pairs++;
      i++;
    } else if (b >= 0x81 && b <= 0xfe && t !== undefined && t >= 0x30 && t <= 0x39 && bytes[i + 2] >= 0x81) {
      acc.pairs++; // a GB18030 four-byte sequence
      i += 3;
    } else acc.lone++;
  }
  return bytes.length;
}

/** The name shown for an encoding label (`gbk` -> GB18030), or the label itself. */
export function encodingName(label: string): string {
  return ENCODING_NAMES[label] ?? label;
}

/**
 * Decodes CSV bytes. With `encoding` (a WHATWG label: utf-8, utf-16le, gb18030, windows-1252, ...)
 * as told; else detected: BOMs (UTF-8, UTF-16), UTF-16 without BOM, UTF-8, then GB18030 (Chinese
 * Excel's "ANSI" CSV) or Windows-1252/Latin-1 (Western Excel's), whichever the bytes look like.
 */
export function decodeText(bytes: Uint8Array, encoding?: string): { text: string; encoding: string } {
  if (encoding !== undefined) {
    const label = encoding.trim().toLowerCase();
    const text = new TextDecoder(label).decode(bytes);
    return { text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, encoding: ENCODING_NAMES[label] ?? encoding };
  }
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return { text: new TextDecoder("utf-8").decode(bytes.subarray(3)), encoding: "UTF-8" };
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return { text: new TextDecoder("utf-16le").decode(bytes.subarray(2)), encoding: "UTF-16LE" };
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return { text: new TextDecoder("utf-16be").decode(bytes.subarray(2)), encoding: "UTF-16BE" };
  const wide = utf16Without(bytes);
  if (wide) return { text: new TextDecoder(wide).decode(bytes), encoding: ENCODING_NAMES[wide] + " (no BOM)" };
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), encoding: "UTF-8" };
  } catch {
    const guess = chineseOrLatin(bytes);
    return { text: new TextDecoder(guess).decode(bytes), encoding: ENCODING_NAMES[guess] };
  }
}

/** Checks an `--encoding` value; a label the decoder does not know is a usage error. */
export function encodingOption(v: string | undefined): string | undefined {
  if (v === undefined) return undefined;
  try {
    new TextDecoder(v.trim().toLowerCase());
  } catch {
    throw fail("badEncoding", "usage", { value: v });
  }
  return v;
}

/** Checks a `--delimiter` value: one character, or `tab`, `\t`, `comma`, `semicolon`. */
export function delimiterOption(v: string | undefined): string | undefined {
  if (v === undefined) return undefined;
  const named: Record<string, string> = { tab: "\t", "\\t": "\t", comma: ",", semicolon: ";", pipe: "|" };
  const d = named[v.toLowerCase()] ?? v;
  if (d.length !== 1 || d === '"' || d === "\n" || d === "\r") throw fail("badDelimiter", "usage", { value: v });
  return d;
}

function ioWhy(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  if (err && err.code === "EACCES") return "permission denied";
  if (err && err.code === "EISDIR") return "it is a folder";
  return err && typeof err.message === "string" ? err.message.split("\n")[0] : String(e);
}

/** How to read a CSV: told encoding and delimiter (detected when absent). */
export interface CsvReadOptions {
  encoding?: string;
  delimiter?: string;
}

/** Reads a CSV file (or stdin for `-`) as rows of strings. */
export async function readCsvInput(
  file: string,
  lang: Lang,
  stdin?: () => Promise<Buffer>,
  opts: CsvReadOptions = {},
): Promise<InputSheet> {
  let bytes: Uint8Array;
  try {
    bytes = file === "-" ? await (stdin ? stdin() : readStdin()) : fs.readFileSync(file);
  } catch (e) {
    throw fail("cannotRead", "input", { what: both("what_input"), path: file, why: ioWhy(e) });
  }
  const { text, encoding } = decodeText(bytes, opts.encoding);
  const notes: string[] = [];
  if (encoding !== "UTF-8")
    notes.push(m(opts.encoding ? "csvEncodingTold" : "csvEncoding", lang, { path: file, enc: encoding }));
  let rows: string[][];
  const lines: number[] = [];
  const delimiter = opts.delimiter ?? sniffDelimiter(text);
  try {
    rows = parseCsv(text, delimiter, lines);
  } catch (e) {
    if (e instanceof CsvError) throw fail("csvBroken", "input", { path: file, why: e.text });
    throw e;
  }
  return { format: "csv", path: file, rows, notes, encoding, delimiter, lines };
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

/** The merged range (e.g. `B2:B3`) whose top-left cell is `master`, when exceljs lists it. */
function mergedRange(ws: ExcelJS.Worksheet, master: string): string | undefined {
  const merges = (ws.model as { merges?: string[] }).merges ?? [];
  return merges.find((r) => r.split(":")[0] === master);
}

/** Reads one sheet of an xlsx workbook (the first, or `sheet` by name). */
export async function readXlsxInput(file: string, sheet: string | undefined, lang: Lang): Promise<InputSheet> {
  const workbook = new (excel().Workbook)();
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (e) {
    throw fail("cannotRead", "input", { what: both("what_input"), path: file, why: ioWhy(e) });
  }
  checkXlsxFile(file, bytes);
  try {
    await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  } catch {
    throw fail("xlsxDamaged", "input", { path: file });
  }
  const sheets = workbook.worksheets;
  if (sheets.length === 0) throw fail("emptyWorkbook", "input", { path: file });
  let ws: ExcelJS.Worksheet | undefined;
  if (sheet !== undefined) {
    ws = sheets.find((s) => s.name === sheet) ?? sheets.find((s) => s.name.toLowerCase() === sheet.toLowerCase());
    if (!ws)
      throw fail("noSheet", "notFound", { name: sheet, path: file, sheets: sheets.map((s) => s.name).join(", ") });
  } else {
    ws = sheets.find((s) => s.state !== "hidden" && s.state !== "veryHidden") ?? sheets[0];
  }
  const stats = { noResult: 0 };
  const rows: CellValue[][] = [];
  const merged = new Set<string>();
  for (let r = 1; r <= ws.rowCount; r++) {
    const row = ws.findRow(r);
    const out: CellValue[] = [];
    if (row) {
      row.eachCell({ includeEmpty: false }, (cell, col) => {
        // A merged range shows its value in the top-left cell only: the other cells are blank.
        if (cell.isMerged && cell.master !== cell) {
          merged.add(mergedRange(ws, cell.master.address) ?? cell.master.address);
          return;
        }
        out[col - 1] = plainValue(cell.value, stats);
      });
      for (let c = 0; c < out.length; c++) if (out[c] === undefined) out[c] = null;
    }
    rows.push(out);
  }
  const notes: string[] = [];
  if (stats.noResult > 0) notes.push(m("formulasNoResult", lang, { n: stats.noResult }));
  if (merged.size > 0)
    notes.push(m("mergedCells", lang, { ranges: [...merged].slice(0, 5).join(", ") + (merged.size > 5 ? ", …" : "") }));
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

/**
 * Writes a workbook to an xlsx file (atomically; an output that is one of `inputs` is refused).
 * `finish` may change the bytes before they are written (e.g. add the charts exceljs cannot write).
 */
export async function writeXlsxOutput(
  file: string,
  workbook: ExcelJS.Workbook,
  inputs: readonly (string | undefined)[],
  finish?: (bytes: Uint8Array) => Promise<Uint8Array>,
): Promise<void> {
  refuseOutputOverInput(file, inputs);
  try {
    const bytes = (await workbook.xlsx.writeBuffer()) as unknown as Uint8Array;
    writeFileAtomic(file, finish ? await finish(bytes) : bytes);
  } catch (e) {
    throw fail("cannotWrite", "output", { path: file, why: ioWhy(e) });
  }
}

/** A valid worksheet name (at most 31 characters, none of `[]:*?/\`). */
export function sheetNameFor(name: string): string {
  const clean = name
    .replace(/[[\]:*?/\\]/g, "_")
    .replace(/^'+|'+$/g, "")
    .slice(0, 31)
    .trim();
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

/** Column of `spec` (a header, any case and spacing, or `#N`, 1-based) in a header row; -1 when absent. */
export function columnOf(headers: string[], spec: string): number {
  if (/^#\d+$/.test(spec)) {
    const c = Number(spec.slice(1)) - 1;
    return c >= 0 && c < headers.length ? c : -1;
  }
  const k = normalizeWord(spec);
  return headers.findIndex((h) => normalizeWord(h) === k);
}
