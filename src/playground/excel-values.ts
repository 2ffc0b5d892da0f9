/**
 * Excel's value rules for the playground's formula engine (fast-formula-parser evaluates; these are the
 * rules it lacks or gets differently from Excel, and that GradeKit's formulas rely on):
 *
 * - values: numbers, texts, TRUE/FALSE, blank (`null`, an empty cell) and error values (`FormulaError`);
 * - coercion to a number (`toNumber`: TRUE 1, FALSE 0, blank 0, a text that is a number, else #VALUE!),
 *   to text (`toText`: numbers as General shows them in a formula, up to 15 significant digits) and to
 *   TRUE/FALSE (`toBool`);
 * - comparison (`compare`): numbers < texts < TRUE/FALSE, texts case-insensitively, a blank compares as
 *   0, "" or FALSE to the other side;
 * - arrays: operators and scalar functions work element by element on ranges and array constants
 *   (`broadcast`): a single value goes with every element, a single row with every row and a single
 *   column with every column; otherwise the result is as large as the larger operand and #N/A where
 *   one of them has no element (as Excel does).
 */
import FormulaParser, { FormulaError } from "fast-formula-parser";

/** One cell value. `null` is a blank cell. */
export type Value = number | string | boolean | null | FormulaError;
export type Matrix = Value[][];

/** fast-formula-parser's error values (the same instances it uses, so its own functions recognise them). */
export const ERRORS = FormulaParser.FormulaError;

export const isError = (v: unknown): v is FormulaError => v instanceof ERRORS;
export const isMatrix = (v: unknown): v is Matrix => Array.isArray(v);

/** An error value with a message (shown as the cell's tooltip). */
export function errorWith(code: string, message: string): FormulaError {
  return new ERRORS(code, message);
}

/** Excel's number from a text (what `="12"+1` reads): a plain or scientific number, optionally with %. */
function textNumber(s: string): number | undefined {
  const t = s.trim();
  const m = /^([+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)(%?)$/.exec(t);
  if (!m) return undefined;
  const n = Number(m[1]);
  return m[2] ? n / 100 : n;
}

export function toNumber(v: Value): number | FormulaError {
  if (typeof v === "number") return v;
  if (v === null) return 0;
  if (typeof v === "boolean") return v ? 1 : 0;
  if (isError(v)) return v;
  return textNumber(v) ?? ERRORS.VALUE;
}

/** A number as text the way Excel converts it in a formula (`=1/3&""` is 0.333333333333333). */
export function numberText(n: number): string {
  if (Number.isInteger(n) && Math.abs(n) < 1e15) return String(n);
  const p = Number(n.toPrecision(15));
  const abs = Math.abs(p);
  if (abs !== 0 && (abs >= 1e15 || abs < 1e-9)) {
    const [mant, exp] = p.toExponential().split("e");
    const e = Number(exp);
    return `${mant}E${e < 0 ? "-" : "+"}${String(Math.abs(e)).padStart(2, "0")}`;
  }
  return String(p);
}

export function toText(v: Value): string | FormulaError {
  if (typeof v === "string") return v;
  if (v === null) return "";
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (isError(v)) return v;
  return numberText(v);
}

/** TRUE/FALSE of a value (IF's condition, AND/OR/NOT). Texts other than TRUE/FALSE are #VALUE!. */
export function toBool(v: Value): boolean | FormulaError {
  if (typeof v === "boolean") return v;
  if (typeof v === "number") return v !== 0;
  if (v === null) return false;
  if (isError(v)) return v;
  const u = v.trim().toUpperCase();
  if (u === "TRUE") return true;
  if (u === "FALSE") return false;
  return ERRORS.VALUE;
}

const rank = (v: number | string | boolean) => (typeof v === "number" ? 0 : typeof v === "string" ? 1 : 2);

/** Excel's comparison of two non-error values: <0, 0, >0. */
export function compare(a: Exclude<Value, FormulaError>, b: Exclude<Value, FormulaError>): number {
  if (a === null && b === null) return 0;
  if (a === null) a = typeof b === "number" ? 0 : typeof b === "string" ? "" : false;
  if (b === null) b = typeof a === "number" ? 0 : typeof a === "string" ? "" : false;
  const ra = rank(a);
  const rb = rank(b);
  if (ra !== rb) return ra - rb;
  if (typeof a === "string") {
    const x = a.toLowerCase();
    const y = (b as string).toLowerCase();
    return x < y ? -1 : x > y ? 1 : 0;
  }
  const x = Number(a);
  const y = Number(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** A value or matrix as a matrix (a scalar is 1x1). */
export function asMatrix(v: Value | Matrix): Matrix {
  return isMatrix(v) ? v : [[v]];
}

/** The size of the element-wise result of `ms` (the largest rows and columns). */
function resultSize(ms: Matrix[]): { rows: number; cols: number } {
  let rows = 1;
  let cols = 1;
  for (const m of ms) {
    rows = Math.max(rows, m.length);
    cols = Math.max(cols, m[0]?.length ?? 0);
  }
  return { rows, cols };
}

/** Element (r, c) of `m` in a broadcast of size (rows, cols): single rows/columns repeat, beyond the edge is #N/A. */
function at(m: Matrix, r: number, c: number): Value {
  const rr = m.length === 1 ? 0 : r;
  const cc = (m[0]?.length ?? 0) === 1 ? 0 : c;
  const row = m[rr];
  if (!row || cc >= row.length) return ERRORS.NA;
  const v = row[cc];
  return v === undefined ? null : v;
}

/**
 * Applies `f` element by element. All scalars: a scalar. Any matrix: a matrix of the broadcast size.
 */
export function broadcast(args: (Value | Matrix)[], f: (...xs: Value[]) => Value): Value | Matrix {
  if (!args.some(isMatrix)) return f(...(args as Value[]));
  const ms = args.map(asMatrix);
  const { rows, cols } = resultSize(ms);
  const out: Matrix = [];
  for (let r = 0; r < rows; r++) {
    const row: Value[] = [];
    for (let c = 0; c < cols; c++) row.push(f(...ms.map((m) => at(m, r, c))));
    out.push(row);
  }
  return out;
}

/** Every element of a value or matrix, row by row. */
export function elements(v: Value | Matrix): Value[] {
  return isMatrix(v) ? v.flat() : [v];
}

// ---------------------------------------------------------------------------------------------
// Operators

function compareOp(op: string, a: Value, b: Value): Value {
  if (isError(a)) return a;
  if (isError(b)) return b;
  const c = compare(a, b);
  switch (op) {
    case "=":
      return c === 0;
    case "<>":
      return c !== 0;
    case "<":
      return c < 0;
    case ">":
      return c > 0;
    case "<=":
      return c <= 0;
    default:
      return c >= 0;
  }
}

function mathOp(op: string, a: Value, b: Value): Value {
  const x = toNumber(a);
  if (isError(x)) return x;
  const y = toNumber(b);
  if (isError(y)) return y;
  switch (op) {
    case "+":
      return x + y;
    case "-":
      return x - y;
    case "*":
      return x * y;
    case "/":
      return y === 0 ? ERRORS.DIV0 : x / y;
    default: {
      const p = x ** y;
      return Number.isFinite(p) ? p : ERRORS.NUM;
    }
  }
}

function concatOp(a: Value, b: Value): Value {
  const x = toText(a);
  if (isError(x)) return x;
  const y = toText(b);
  if (isError(y)) return y;
  return x + y;
}

/** A binary operator on values or arrays. */
export function infix(op: string, a: Value | Matrix, b: Value | Matrix): Value | Matrix {
  if (op === "&") return broadcast([a, b], concatOp);
  if (op === "=" || op === "<>" || op === "<" || op === ">" || op === "<=" || op === ">=")
    return broadcast([a, b], (x, y) => compareOp(op, x, y));
  return broadcast([a, b], (x, y) => mathOp(op, x, y));
}

/** Unary minus (each `-` negates, as a number) and plus (no change, as in Excel: `=+"a"` is "a"). */
export function prefix(ops: string[], v: Value | Matrix): Value | Matrix {
  let out = v;
  for (let i = ops.length - 1; i >= 0; i--) {
    if (ops[i] !== "-") continue;
    out = broadcast([out], (x) => {
      const n = toNumber(x);
      return isError(n) ? n : n === 0 ? 0 : -n;
    });
  }
  return out;
}

/** The percent operator: divides by 100. */
export function percent(v: Value | Matrix): Value | Matrix {
  return broadcast([v], (x) => {
    const n = toNumber(x);
    return isError(n) ? n : n / 100;
  });
}
