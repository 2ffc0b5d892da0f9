/** Public types of the template compilers (portable Excel formulas and SQL). */
import type { Text } from "../template/schema";

/**
 * A template (or an option) a target cannot express. The compilers return this instead of a
 * formula or query that would grade differently from the engine.
 */
export interface Refusal {
  ok: false;
  /** Stable code: `invalidTemplate`, `badOptions`, `notExpressible`, `tooLong`, `tooDeep`, ... */
  code: string;
  reason: Text;
}

export type FormulaTarget = "excel" | "excel-compat";

export interface FormulaOptions {
  /**
   * `excel-compat`: functions of Excel 2007+ only (IF, AND, OR, NOT, ISNUMBER, TRIM, ROUND,
   * FLOOR, MIN, MAX, ABS, CHOOSE, MATCH, MMULT, SUMPRODUCT, EXACT, NA); recalculates in Excel
   * 2016+, LibreOffice 7.4+ and HyperFormula. `excel`: the same formula, with values needed more
   * than once named by `LET` (Excel 365 / 2021+).
   */
  target: FormulaTarget;
  /** Column letter of every field (`{ closeMonths: "B", monthlyAmount: "C" }`). */
  columns: Readonly<Record<string, string>>;
  /** First and last data row of the table (population ranges are `$B$first:$B$last`). */
  firstRow: number;
  lastRow: number;
  /** The row to grade (between firstRow and lastRow). */
  row: number;
  /** Parameter values overriding the template's defaults. */
  params?: Readonly<Record<string, number>>;
  /**
   * `display` (default): the formula as typed in Excel, e.g. `LET(gk_x, ...)`.
   * `file`: as stored in an .xlsx file (`_xlfn.LET(_xlpm.gk_x, ...)`), for xlsx writers.
   */
  form?: "display" | "file";
}

export interface Formulas {
  ok: true;
  /** Formula (without the leading `=`) giving the grade: the grade id, "" for a row with no data, an error value for a bad row. */
  grade: string;
  /** Formula giving the score, for templates that score. */
  score?: string;
}

export interface SqlOptions {
  /** Table (or view) name; `schema.table` is quoted part by part. Default `input`. */
  table?: string;
  /** Identifier quotes: `"` (ANSI, default) or backticks (Spark SQL without ANSI identifiers). */
  quote?: "double" | "backtick";
  /** Parameter values overriding the template's defaults. */
  params?: Readonly<Record<string, number>>;
  /**
   * The table's columns to output before `grade` and `score`. Default: every column (`"t".*`),
   * which then also carries the query's computed `gk_*` columns (standard SQL cannot leave
   * columns out of `*`); naming the columns leaves them out.
   */
  columns?: readonly string[];
}

export function refusal(code: string, en: string, zh: string): Refusal {
  return { ok: false, code, reason: { en, zh } };
}

export function isRefusal(x: unknown): x is Refusal {
  return typeof x === "object" && x !== null && (x as { ok?: unknown }).ok === false;
}

/** Thrown inside the compilers, turned into a `Refusal` value at the API boundary. */
export class CompileRefusal extends Error {
  constructor(readonly refusal: Refusal) {
    super(refusal.reason.en);
    this.name = "CompileRefusal";
  }
}

export function refuse(code: string, en: string, zh: string): never {
  throw new CompileRefusal(refusal(code, en, zh));
}
