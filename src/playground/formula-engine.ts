/**
 * The playground's formula engine: fast-formula-parser (MIT) parses and evaluates Excel formulas, with
 * Excel's array arithmetic for operators (`excel-values.ts`, installed as the parser's operator hooks),
 * the worksheet functions GradeKit's formulas use (`worksheet-functions.ts`) and the GK.* custom
 * functions (their pure core, `src/functions/core.ts`). `LET` (Excel 365's formulas) is expanded before
 * evaluation: every name replaced by its value in parentheses, which is LET's meaning for formulas
 * without volatile functions. `_xlfn.` / `_xlpm.` prefixes (the file form) are read too.
 *
 * Pure: the cells come from a `CellReader`; the result of one formula is a matrix (one cell, or an array
 * that spills), errors as `FormulaErrorCell` with a message. No DOM, no host.
 */
import FormulaParser, { type CellRef, type RangeRef } from "fast-formula-parser";
import Utils from "fast-formula-parser/grammar/utils";
import { isGradeKitError, type Lang } from "../engine";
import { gradeCells, percentileTierCells, tierCells, type Cell } from "../functions/core";
import { excelErrorOf } from "../functions/office";
import { ERRORS, errorWith, infix, isError, isMatrix, percent, prefix, type Matrix, type Value } from "./excel-values";
import { FormulaErrorCell, type ResultCell } from "./formulas";
import { expandLet } from "./let-expansion";
import { WORKSHEET_FUNCTIONS, type Arg } from "./worksheet-functions";

/** The cells a formula reads. Rows and columns are 0-based; `null` is a blank cell. */
export interface CellReader {
  /** undefined: no such sheet (#REF!). */
  cell(sheet: string, r: number, c: number): Value | undefined;
  /** The cells of a rectangle; a whole column (r1 = 1048575) is clipped to the sheet's used rows. */
  range(sheet: string, r0: number, c0: number, r1: number, c1: number): Matrix | undefined;
}

export type FormulaResult = { cells: ResultCell[][] } | { syntaxError: string };

/** Operator hooks with Excel's rules (fast-formula-parser's take the first element of an array). */
class ExcelOperators extends Utils {
  override _applyInfix(a: { val: unknown }, op: string, b: { val: unknown }): unknown {
    return infix(op, a.val as Value | Matrix, b.val as Value | Matrix);
  }
  override _applyPrefix(ops: string[], val: unknown): unknown {
    return prefix(ops, val as Value | Matrix);
  }
  override _applyPostfix(val: unknown): unknown {
    return percent(val as Value | Matrix);
  }
}

const MAX_ROW = 1048576;

/** A GK.* argument as the custom functions runtime passes it: blanks "", error cells as error objects. */
function gkArg(a: Arg | undefined): unknown[][] | undefined {
  if (!a || a.omitted) return undefined;
  const m = isMatrix(a.value) ? a.value : [[a.value]];
  return m.map((row) =>
    row.map((v) => (v === null ? "" : isError(v) ? { code: v.error, type: "Error", message: v.message } : v)),
  );
}

/** The one value of a scalar GK.* argument (a template id, higher_is_better); a one-cell error is the result. */
function gkScalar(a: Arg | undefined): unknown {
  const m = gkArg(a);
  if (!m) return undefined;
  return m.length === 1 && m[0].length === 1 ? m[0][0] : m;
}

function gkResult(cells: Cell[][], lang: Lang): Value | Matrix {
  const m: Matrix = cells.map((row) =>
    row.map((v) => {
      if (!isGradeKitError(v)) return v;
      const e = excelErrorOf(v, lang);
      return errorWith(e.code, e.message);
    }),
  );
  return m.length === 1 && m[0].length === 1 ? m[0][0] : m;
}

/** Runs a GK.* function; a GradeKit error for the whole call becomes one error cell, as in Excel. */
function gk(lang: () => Lang, run: (args: Arg[], lang: Lang) => Cell[][] | Value) {
  return (...args: Arg[]): Value | Matrix => {
    const l = lang();
    try {
      const out = run(args, l);
      return Array.isArray(out) ? gkResult(out, l) : out;
    } catch (e) {
      const fe = excelErrorOf(e, l); // GradeKit's errors by class; anything else a bug, #VALUE!
      return errorWith(fe.code, fe.message);
    }
  };
}

function gkFunctions(lang: () => Lang): Record<string, (...args: never[]) => unknown> {
  const grade = (output: "grade" | "score" | "reason") =>
    gk(lang, (a, l) => {
      const id = gkScalar(a[0]);
      if (!isMatrix(a[0]?.value) && isError(a[0]?.value)) return a[0].value; // a template id cell that is an error
      return gradeCells(output, id, gkArg(a[1]), l);
    });
  return {
    "GK.GRADE": grade("grade"),
    "GK.SCORE": grade("score"),
    "GK.EXPLAIN": grade("reason"),
    "GK.PERCENTILE_TIER": gk(lang, (a, l) =>
      percentileTierCells(gkArg(a[0]), gkArg(a[1]), gkArg(a[2]), gkArg(a[3]), gkArg(a[4]), gkArg(a[5]), l),
    ),
    "GK.TIER": gk(lang, (a, l) => tierCells(gkArg(a[0]), gkArg(a[1]), gkArg(a[2]), gkScalar(a[3]), l)),
  };
}

/** A parser result as result cells (blank is 0 at the top, as in Excel; errors with their message). */
function toCells(v: unknown): ResultCell[][] {
  const one = (x: unknown): ResultCell => {
    if (x === null || x === undefined) return 0;
    if (isError(x)) return new FormulaErrorCell(x.error, x.message || x.error);
    if (typeof x === "number") return Number.isFinite(x) ? x : new FormulaErrorCell("#NUM!", "#NUM!");
    return x as ResultCell;
  };
  if (Array.isArray(v)) return v.length && v[0]?.length ? v.map((row: unknown[]) => row.map(one)) : [[""]]; // blanks spill as 0, as in Excel
  return [[one(v)]];
}

/** Errors fast-formula-parser throws: a formula it cannot read (syntax) or a function it lacks (#NAME?). */
function thrown(e: unknown): FormulaResult {
  const err = e as { error?: string; message?: string; details?: unknown };
  const details = err?.details as { error?: string; message?: string; name?: string } | undefined;
  if (details && isError(details)) {
    return { cells: [[new FormulaErrorCell(details.error, details.message || details.error)]] };
  }
  if (details?.name && /Exception$/.test(details.name)) return { syntaxError: details.message ?? String(e) };
  return { cells: [[new FormulaErrorCell("#VALUE!", err?.message ?? String(e))]] };
}

/** Evaluates formulas against a reader; one parser per engine. */
export class FormulaEngine {
  private readonly parser: FormulaParser;

  constructor(
    private readonly reader: CellReader,
    /** Language of GK.EXPLAIN's reasons and of error messages (Excel's display language). */
    private readonly lang: () => Lang,
  ) {
    this.parser = new FormulaParser({
      functions: { ...WORKSHEET_FUNCTIONS, ...gkFunctions(lang) },
      onCell: (ref: CellRef) => {
        const v = this.reader.cell(ref.sheet ?? "", ref.row - 1, ref.col - 1);
        return v === undefined ? ERRORS.REF : v;
      },
      onRange: (ref: RangeRef) => {
        const r1 = ref.to.row >= MAX_ROW ? 1048575 : ref.to.row - 1;
        const m = this.reader.range(ref.sheet ?? "", ref.from.row - 1, ref.from.col - 1, r1, ref.to.col - 1);
        return m ?? [[ERRORS.REF]];
      },
      onVariable: () => null,
    });
    const ops = new ExcelOperators(this.parser);
    const p = this.parser as unknown as {
      utils: unknown;
      parser: { utils: unknown };
      retrieveRef(v: unknown): unknown;
      checkFormulaResult(v: unknown, allowArray: boolean): unknown;
    };
    p.utils = ops;
    p.parser.utils = ops;
    // A formula that is only a reference to an error cell (or to a sheet that does not exist) shows that
    // error; fast-formula-parser would show #VALUE!.
    const check = p.checkFormulaResult.bind(p);
    p.checkFormulaResult = (v, allowArray) => {
      if (v && typeof v === "object" && "ref" in v) {
        const read = p.retrieveRef(v);
        if (isError(read)) return read;
      }
      return check(v, allowArray);
    };
  }

  /** Evaluates `formula` (with or without "=") as if in cell (r, c) of `sheet`. Never throws for bad input. */
  evaluate(formula: string, sheet: string, r = 0, c = 0): FormulaResult {
    let text = formula.trim();
    if (text.startsWith("=")) text = text.slice(1);
    if (text.trim() === "") return { syntaxError: "the formula is empty" };
    let expanded: string;
    try {
      expanded = expandLet(text);
    } catch (e) {
      return { syntaxError: e instanceof Error ? e.message : String(e) };
    }
    try {
      return { cells: toCells(this.parser.parse(expanded, { sheet, row: r + 1, col: c + 1 }, true)) };
    } catch (e) {
      return thrown(e);
    }
  }
}
