/**
 * The independent evaluators of compiled templates: HyperFormula (in process), LibreOffice
 * (headless, one run for many workbooks), DuckDB (SQL), and a LET expander so that Excel 365
 * formulas can be checked by evaluators that lack LET.
 */
import * as fs from "fs";
import * as path from "path";
import { CSV_FILTER, libreOfficeConvert } from "../support/libreoffice";
import ExcelJS from "exceljs";
import { HyperFormula } from "hyperformula";
import { DuckDBInstance } from "@duckdb/node-api";
import { parseCsv } from "../../src/engine/input/csv";
import type { Field } from "../../src/engine";
import type { Cell } from "./data";

/** What a formula cell shows: a number, a text, an error value ("#VALUE!", "#N/A", ...), or "". */
export type Shown = number | string | boolean;

export interface Sheet {
  /** Header row (the field keys) + data rows (data from row 2). */
  rows: Cell[][];
  /** Formulas (without `=`) per data row, one column each, placed after the data columns. */
  formulas: string[][];
}

/**
 * Evaluates formulas with HyperFormula. `useArrayArithmetic` is on: it is HyperFormula's
 * switch for evaluating ranges element-wise inside SUMPRODUCT/MMULT/MAX, as Excel always does.
 */
export function hyperformula(sheet: Sheet): Shown[][] {
  const width = sheet.rows[0].length;
  const data = sheet.rows.map((r, i) => {
    const out: (string | number | boolean | null)[] = r.map((c) => (typeof c === "string" ? `'${c}` : c));
    const f = i === 0 ? [] : sheet.formulas[i - 1] ?? [];
    for (let k = 0; k < f.length; k++) out[width + k] = `=${f[k]}`;
    return out;
  });
  const hf = HyperFormula.buildFromArray(data, { licenseKey: "gpl-v3", useArrayArithmetic: true });
  try {
    return sheet.formulas.map((f, i) =>
      f.map((_, k) => {
        const v = hf.getCellValue({ sheet: 0, row: i + 1, col: width + k });
        if (v === null) return "";
        if (typeof v === "object") return (v as { value: string }).value;
        return v as Shown;
      }),
    );
  } finally {
    hf.destroy();
  }
}

/** Writes an .xlsx with the data and the formulas (no cached results, so LibreOffice computes them on load). */
export async function writeWorkbook(file: string, sheet: Sheet, fileFormula: (f: string) => string = (f) => f): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("data");
  const width = sheet.rows[0].length;
  sheet.rows.forEach((r, i) =>
    r.forEach((c, k) => {
      if (c !== null) ws.getCell(i + 1, k + 1).value = c;
    }),
  );
  sheet.formulas.forEach((f, i) => f.forEach((x, k) => (ws.getCell(i + 2, width + k + 1).value = { formula: fileFormula(x) })));
  await wb.xlsx.writeFile(file);
}

/** Converts workbooks to CSV with one headless LibreOffice run; returns the CSV records per file. */
export function libreOfficeCsv(soffice: string, files: string[], dir: string): { records: Map<string, string[][]>; seconds: number } {
  void soffice; // located by libreOfficeConvert (which fails with the install hint)
  const { outDir, seconds } = libreOfficeConvert(files, dir, CSV_FILTER, 120_000);
  const records = new Map<string, string[][]>();
  for (const f of files) {
    const csv = path.join(outDir, path.basename(f).replace(/\.xlsx$/, ".csv"));
    records.set(f, parseCsv(fs.readFileSync(csv, "utf8")));
  }
  return { records, seconds };
}

/** A LibreOffice CSV cell as a shown value. */
export function fromCsv(s: string): Shown {
  if (s === "") return "";
  if (/^#/.test(s) || /^Err:/.test(s)) return s;
  const n = Number(s);
  return s.trim() !== "" && Number.isFinite(n) ? n : s;
}

/** SQL cell values for a table with the template's fields (numbers as DOUBLE, the rest as VARCHAR). */
function sqlLiteral(f: Field, c: Cell): string {
  if (c === null) return "NULL";
  if (f.type === "number") return typeof c === "number" ? String(c) : "NULL";
  const s = typeof c === "string" ? c : String(c);
  return `'${s.replace(/'/g, "''")}'`;
}

export async function duckdb(): Promise<{
  load(table: string, fields: readonly Field[], rows: Cell[][]): Promise<void>;
  query(sql: string): Promise<Record<string, unknown>[]>;
  close(): void;
}> {
  const instance = await DuckDBInstance.create(":memory:");
  const conn = await instance.connect();
  return {
    async load(table, fields, rows) {
      const cols = fields.map((f) => `"${f.key}" ${f.type === "number" ? "DOUBLE" : "VARCHAR"}`);
      await conn.run(`CREATE OR REPLACE TABLE "${table}" ("row_id" INTEGER, ${cols.join(", ")})`);
      const values = rows.map((r, i) => `(${i}, ${fields.map((f, k) => sqlLiteral(f, r[k])).join(", ")})`);
      if (values.length) await conn.run(`INSERT INTO "${table}" VALUES ${values.join(",\n")}`);
    },
    async query(sql) {
      const reader = await conn.runAndReadAll(sql);
      return reader.getRowObjectsJS() as Record<string, unknown>[];
    },
    close() {
      conn.closeSync();
      instance.closeSync();
    },
  };
}

/** Splits a function call's argument list at top level (strings, parentheses and braces respected). */
function topLevelArgs(s: string, open: number): { args: string[]; end: number } {
  const args: string[] = [];
  let depth = 0;
  let start = open + 1;
  for (let i = open; i < s.length; i++) {
    const ch = s[i];
    if (ch === '"') {
      i++;
      while (i < s.length && !(s[i] === '"' && s[i + 1] !== '"')) i += s[i] === '"' ? 2 : 1;
      continue;
    }
    if (ch === "(" || ch === "{") depth++;
    else if (ch === ")" || ch === "}") {
      depth--;
      if (depth === 0) {
        args.push(s.slice(start, i));
        return { args, end: i };
      }
    } else if (ch === "," && depth === 1) {
      args.push(s.slice(start, i));
      start = i + 1;
    }
  }
  throw new Error(`unbalanced formula: ${s.slice(0, 80)}`);
}

/** Replaces a LET name by a value everywhere outside string literals. */
function substitute(s: string, name: string, value: string): string {
  const re = new RegExp(`(^|[^A-Za-z0-9_.])${name}(?![A-Za-z0-9_.(])`, "g");
  return s
    .split(/("(?:[^"]|"")*")/)
    .map((part, i) => (i % 2 ? part : part.replace(re, (_m, pre: string) => `${pre}(${value})`)))
    .join("");
}

/** Expands `LET(n1, v1, ..., body)` (at the start of a formula) into a LET-free formula. */
export function expandLet(formula: string): string {
  if (!formula.startsWith("LET(")) return formula;
  const { args, end } = topLevelArgs(formula, 3);
  if (end !== formula.length - 1) throw new Error("LET is not the whole formula");
  let body = args[args.length - 1];
  const pairs: [string, string][] = [];
  for (let k = 0; k + 1 < args.length; k += 2) pairs.push([args[k].trim(), args[k + 1]]);
  // A value uses only earlier names: substituting from the last binding backwards leaves none.
  for (let k = pairs.length - 1; k >= 0; k--) body = substitute(body, pairs[k][0], pairs[k][1]);
  return body;
}
