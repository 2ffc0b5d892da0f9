/** Shared helpers for the workbook adapter tests: samples, seeding the in-memory host, oracles. */
import * as fs from "fs";
import * as path from "path";
import { parseCsv } from "../../src/engine/input/csv";
import { columnLetters, gradeTable, matchHeaders, type GradeResult, type Lang, type Template } from "../../src/engine";
import { createExcelHost, type ExcelHost, type ExcelHostOptions } from "../../src/host";

export const SAMPLES = path.join(__dirname, "..", "..", "samples");

export interface Sample {
  headers: string[];
  rows: string[][];
}

/** samples/<id>.csv as header + rows of strings (CSV cells exactly as a person typed them). */
export function sample(id: string): Sample {
  const records = parseCsv(fs.readFileSync(path.join(SAMPLES, `${id}.csv`), "utf8"));
  const width = records[0].length;
  return { headers: records[0], rows: records.slice(1).map((r) => (r.length === width ? r : [...r, ...new Array(width - r.length).fill("")].slice(0, width))) };
}

/** The sample's headers with every template field's column renamed to the field's en or zh label. */
export function labelledHeaders(t: Template, headers: string[], lang: "en" | "zh"): string[] {
  const { mapping } = matchHeaders(headers, t);
  const out = [...headers];
  for (const f of t.fields) if (f.key in mapping) out[mapping[f.key]] = lang === "en" ? f.label.en : f.label.zh;
  return out;
}

/**
 * A host with `table` typed into `sheet` at `at` (Excel's input rules: "1,200" becomes 1200), a
 * second sheet "Other", and the bad-row rule evaluator (badRowEvaluator) unless options say otherwise.
 */
export function seededHost(table: unknown[][], opts: { sheet?: string; at?: string; host?: ExcelHostOptions } = {}): ExcelHost {
  const sheet = opts.sheet ?? "Data";
  // eslint-disable-next-line prefer-const -- declared before the evaluator that refers to it, assigned after
  let host: ExcelHost;
  const evaluator = badRowEvaluator(() => host);
  host = createExcelHost({ sheets: [sheet, "Other"], customRuleEvaluator: evaluator, ...opts.host });
  host.setValues(sheet, opts.at ?? "A1", table);
  host.setSelection(sheet, opts.at ?? "A1");
  return host;
}

/** Rows as the host holds them (what Excel would give the add-in). */
export function hostRows(host: ExcelHost, sheet: string, address: string): (string | number | boolean)[][] {
  return host.getValues(sheet, address);
}

/** The engine's grading of rows given by mapping (field -> column index), `{ rows, fields }` form. */
export function oracle(t: Template, rows: unknown[][], mapping: Record<string, number>, params?: Record<string, number>): GradeResult {
  const keys = Object.keys(mapping);
  const slim = rows.map((r) => keys.map((k) => r[mapping[k]]));
  return gradeTable(t, { rows: slim, fields: keys }, { params });
}

/** The text apply writes for a row's grade. */
export function expectedGrade(r: GradeResult, i: number, lang: Lang): string {
  return lang === "zh-CN" ? r.label(i, "zh-CN") : r.grade(i) ?? "";
}

/** Column letters: 0 -> A. */
export const col: (c: number) => string = columnLetters;

/**
 * Evaluates the adapter's Custom conditional-format formula for bad-input rows — the shapes
 * `=AND($E2="",$G2<>"",$G2<>"no data")` and `=AND($E2="",COUNTA($B2,$C2)>0)` — for
 * host.getCell(...).effectiveFill. Anything else throws, so a changed formula fails loudly.
 */
export function badRowEvaluator(host: () => ExcelHost) {
  return (formula: string, where: { sheet: string; row: number; anchorRow: number }): boolean => {
    const m = /^=AND\((.*)\)$/.exec(formula);
    if (!m) throw new Error(`unexpected custom formula ${formula}`);
    const shift = where.row - where.anchorRow;
    const value = (ref: string) => {
      const r = /^\$([A-Z]+)(\d+)$/.exec(ref);
      if (!r) throw new Error(`unexpected reference ${ref} in ${formula}`);
      return host().getValues(where.sheet, `${r[1]}${Number(r[2]) + shift}`)[0][0];
    };
    const terms = m[1].match(/COUNTA\([^)]*\)>0|\$[A-Z]+\d+(?:=|<>)"(?:[^"]|"")*"/g) ?? [];
    if (terms.join(",") !== m[1]) throw new Error(`unexpected custom formula ${formula}`);
    return terms.every((t) => {
      const c = /^COUNTA\(([^)]*)\)>0$/.exec(t);
      if (c) return c[1].split(",").some((ref) => value(ref) !== "");
      const e = /^(\$[A-Z]+\d+)(=|<>)"((?:[^"]|"")*)"$/.exec(t)!;
      const v = String(value(e[1])).toLowerCase();
      const lit = e[3].replace(/""/g, '"').toLowerCase();
      return e[2] === "=" ? v === lit : v !== lit;
    });
  };
}
