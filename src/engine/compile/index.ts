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

/**
 * Stands for the row number while a formula is printed once for all rows: a row number appears in a
 * formula only as the row of its relative references (`B7`; ranges are absolute, `$B$2:$B$101`), so
 * each row's formula is the marked text with the mark replaced by the row's number. Printing the tree
 * again per row cost seconds per 10,000 rows for a population template (`--rows 2:1048576` ran for
 * minutes); the join costs microseconds.
 */
const ROW_MARK = "\u0003";

/**
 * The formula of any row: the first asked is printed directly (one row: no extra work); from the
 * second on, `print` (a row's display formula) runs once with `ROW_MARK`, `finish` (the file form's
 * prefixes, or nothing) is applied, and the text is split on the mark. That is checked against direct
 * printings of the first and last rows (a template whose own text held the mark goes on printing
 * every row). Excel's limits are checked on the display formula once per count of row digits: rows
 * with as many digits give formulas of the same length and nesting.
 */
function rowFormulas(print: (row: number | string) => string, finish: (f: string) => string, what: string, firstRow: number, lastRow: number): (row: number) => string {
  let calls = 0;
  let pieces: { shown: string[]; final: string[] } | null = null;
  const checked = new Set<number>();
  return (row: number) => {
    if (++calls === 2) {
      const marked = print(ROW_MARK);
      const shown = marked.split(ROW_MARK);
      const final = finish(marked).split(ROW_MARK);
      const exact = [firstRow, lastRow].every((r) => shown.join(String(r)) === print(r) && final.join(String(r)) === finish(print(r)));
      if (exact) pieces = { shown, final };
    }
    if (pieces === null) {
      const f = print(row);
      checkLimits(f, what);
      return finish(f);
    }
    const digits = String(row).length;
    if (!checked.has(digits)) {
      checkLimits(pieces.shown.join(String(row)), what);
      checked.add(digits);
    }
    return pieces.final.join(String(row));
  };
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
    const display = (root: Node) => (row: number | string) =>
      new ExcelPrinter({ columns: options.columns, firstRow: options.firstRow, lastRow: options.lastRow, row }, useLet).formula(root);
    const finish = (f: string) => (options.form === "file" ? fileFormula(f) : f);
    let gradeOf: ((row: number) => string) | undefined;
    let scoreOf: ((row: number) => string) | undefined;
    return (row: number): Formulas => {
      if (!Number.isInteger(row) || row < options.firstRow || row > options.lastRow) {
        refuse("badOptions", `row ${row} is outside the rows ${options.firstRow}:${options.lastRow}`, `第 ${row} 行不在 ${options.firstRow}:${options.lastRow} 行范围内`);
      }
      gradeOf ??= rowFormulas(display(grade), finish, "grade", options.firstRow, options.lastRow);
      const out: Formulas = { ok: true, grade: gradeOf(row) };
      if (score) {
        scoreOf ??= rowFormulas(display(score), finish, "score", options.firstRow, options.lastRow);
        out.score = scoreOf(row);
      }
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

/**
 * The formulas of one row at a time, for callers that print many rows without holding them all
 * (`gradekit compile --rows 2:1048576`): the template is lowered and printed once, each row's
 * formulas are that text with the row's number filled in. A refusal (a formula over Excel's limits)
 * comes as a refusal for that row; the last row's formula is the longest.
 */
export function formulaRowPrinter(template: Template, options: Omit<FormulaOptions, "row">): Refusal | ((row: number) => Formulas | Refusal) {
  const p = formulaPrinter(template, options);
  if (typeof p !== "function") return p;
  return (row: number) => guard(() => p(row));
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
