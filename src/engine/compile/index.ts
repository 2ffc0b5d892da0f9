/**
 * Portable templates: a template compiled to native Excel formulas (no add-in needed to
 * recalculate) or to one SQL query. Both grade exactly like the engine, or refuse with a reason.
 *
 * Conventions (the formulas' and the query's, see README "Portable formulas"):
 * - cells hold plain numbers and category words; `10万`-style text is not parsed (a bad value);
 * - category cells: the canonical value, the English or Chinese label or an alias, as written
 *   (case-insensitive, outer spaces ignored); yes/no cells: TRUE/FALSE, 1/0, yes/no, y/n,
 *   true/false, 是/否, 有/无;
 * - a row with no data gives "" (SQL NULL); a bad row gives `#VALUE!` (SQL grade '#VALUE!', score
 *   NULL); a row the model gives no grade gives `#N/A` (SQL '#N/A');
 * - populations (relative to max, percentile tiers) are the valid rows of FIRST:LAST (SQL: the table).
 */
import type { Template } from "../template/schema";
import { ExcelPrinter, checkLimits, fileFormula } from "./excel";
import { iff, populationFields, type Node } from "./ir";
import { lower } from "./lower";
import { SqlPrinter } from "./sql";
import { CompileRefusal, refusal, refuse, type FormulaOptions, type Formulas, type Refusal, type SqlOptions } from "./types";

export { fileFormula, nestingDepth, EXCEL_LIMITS } from "./excel";
export { YES_WORDS, NO_WORDS, wordGroups } from "./words";
export { textNumberCells, type TextNumberCell } from "./text-numbers";
export { isRefusal, type Refusal, type FormulaOptions, type FormulaTarget, type Formulas, type SqlOptions } from "./types";

const MAX_ROWS = 1_048_576;

function guard<T>(f: () => T): T | Refusal {
  try {
    return f();
  } catch (e) {
    if (e instanceof CompileRefusal) return e.refusal;
    throw e;
  }
}

/** Column letters A..XFD -> 1-based number, or 0 when not a column. */
export function columnNumber(letters: string): number {
  if (!/^[A-Z]{1,3}$/.test(letters)) return 0;
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n <= 16384 ? n : 0;
}

/** 1-based column number -> letters (1 -> A, 27 -> AA). */
export function columnLetters(n: number): string {
  let s = "";
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

function checkTarget(template: Template, o: Omit<FormulaOptions, "row">): Refusal | undefined {
  if (o.target !== "excel" && o.target !== "excel-compat") {
    return refusal("badOptions", `unknown target '${String(o.target)}' (excel or excel-compat)`, `未知目标“${String(o.target)}”（可用 excel 或 excel-compat）`);
  }
  const rowsOk = [o.firstRow, o.lastRow].every((r) => Number.isInteger(r) && r >= 1 && r <= MAX_ROWS);
  if (!rowsOk || o.firstRow > o.lastRow) {
    return refusal(
      "badOptions",
      `rows must satisfy 1 <= first <= last <= ${MAX_ROWS} (got ${o.firstRow}:${o.lastRow})`,
      `行号须满足 1 <= 首行 <= 末行 <= ${MAX_ROWS}（实际为 ${o.firstRow}:${o.lastRow}）`,
    );
  }
  for (const f of template.fields) {
    const c = o.columns[f.key];
    if (c === undefined) return refusal("badOptions", `no column for field '${f.key}'`, `字段“${f.key}”没有对应的列`);
    if (!columnNumber(c)) return refusal("badOptions", `'${c}' is not a column (A to XFD) for field '${f.key}'`, `“${c}”不是有效的列（A 到 XFD），字段“${f.key}”`);
  }
  return undefined;
}

/** Lowers a template once; the returned function prints the formulas of one row. */
function formulaPrinter(template: Template, options: Omit<FormulaOptions, "row">): Refusal | ((row: number) => Formulas) {
  return guard(() => {
    const bad = checkTarget(template, options);
    if (bad) return bad;
    const L = lower(template, { params: options.params, compactBands: true });
    const useLet = options.target === "excel";
    // Text in a number column that other rows' results read (relative to max, percentile tiers):
    // the engine may read it as a number (`1,200`, `10万`) and the formulas cannot, so every result
    // over that population is #VALUE! rather than computed from a different population.
    const numberFields = new Set(template.fields.filter((f) => f.type === "number").map((f) => f.key));
    const popFields = populationFields([L.grade, L.score], numberFields);
    const textGuard = (inner: Node): Node => (popFields.length ? iff({ k: "textIn", fs: popFields }, { k: "err", e: "#VALUE!" }, inner) : inner);
    const whole = (inner: Node): Node => iff(L.allBlank, { k: "empty" }, textGuard(iff(L.valid, inner, { k: "err", e: "#VALUE!" })));
    const grade = whole(L.grade);
    const score = L.score ? whole(L.score) : undefined;
    return (row: number): Formulas => {
      if (!Number.isInteger(row) || row < options.firstRow || row > options.lastRow) {
        refuse("badOptions", `row ${row} is outside the rows ${options.firstRow}:${options.lastRow}`, `第 ${row} 行不在 ${options.firstRow}:${options.lastRow} 行范围内`);
      }
      const layout = { columns: options.columns, firstRow: options.firstRow, lastRow: options.lastRow, row };
      const print = (root: Node, what: string) => {
        const f = new ExcelPrinter(layout, useLet).formula(root);
        checkLimits(f, what);
        return options.form === "file" ? fileFormula(f) : f;
      };
      const out: Formulas = { ok: true, grade: print(grade, "grade") };
      if (score) out.score = print(score, "score");
      return out;
    };
  });
}

/**
 * Excel formulas (without the leading `=`) grading one row: `grade` gives the grade id, "" for a
 * row with no data, `#VALUE!` for a bad row, `#N/A` when nothing applies; `score` (scorecards)
 * gives the score, "" or `#VALUE!` likewise.
 *
 * @example compileFormulas(salesPipeline, { target: "excel-compat", columns: { closeMonths: "A", monthlyAmount: "B" }, firstRow: 2, lastRow: 100, row: 2 })
 */
export function compileFormulas(template: Template, options: FormulaOptions): Formulas | Refusal {
  const p = formulaPrinter(template, options);
  return typeof p === "function" ? guard(() => p(options.row)) : p;
}

/** The formulas of every row firstRow..lastRow (the template is lowered once). */
export function compileFormulaRows(template: Template, options: Omit<FormulaOptions, "row">): Formulas[] | Refusal {
  const p = formulaPrinter(template, options);
  if (typeof p !== "function") return p;
  return guard(() => {
    const out: Formulas[] = [];
    for (let r = options.firstRow; r <= options.lastRow; r++) out.push(p(r));
    return out;
  });
}

/**
 * One SQL query over a table whose columns are the field keys: every column of the table, plus
 * `grade` (NULL for a row with no data, '#VALUE!' for a bad row, '#N/A' when nothing applies)
 * and, for scorecards, `score` (NULL unless the row is valid).
 */
export function compileSql(template: Template, options: SqlOptions = {}): string | Refusal {
  return guard(() => {
    const L = lower(template, { params: options.params, compactBands: false });
    const quote = options.quote ?? "double";
    if (quote !== "double" && quote !== "backtick") {
      return refusal("badOptions", `unknown quote style '${String(quote)}' (double or backtick)`, `未知引号方式“${String(quote)}”（可用 double 或 backtick）`);
    }
    const columns = options.columns;
    if (columns !== undefined && (!Array.isArray(columns) || columns.length === 0 || columns.some((c) => typeof c !== "string" || c.trim() === ""))) {
      return refusal("badOptions", "columns must be a list of column names", "columns 必须是列名列表");
    }
    return new SqlPrinter(L, options.table ?? "input", quote, columns).query();
  });
}
