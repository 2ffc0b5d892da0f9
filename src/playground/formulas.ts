/**
 * The playground's formula bar: a small formula language and its evaluation with the GK.* functions'
 * pure core (src/functions/core.ts), against the values of the in-memory workbook.
 *
 * Syntax (a subset of Excel's): `=GK.GRADE("sales-pipeline", C2:D2)`
 * - calls `NAME(arg, arg, ...)`, names with dots (GK.GRADE), nested calls as arguments;
 *   an empty argument (`GK.PERCENTILE_TIER(B2:B9,,{"A","B","C"})`) is omitted, as in Excel;
 * - numbers (`12`, `-3.5`, `1e3`, `20%`), strings (`"a ""quoted"" word"`), TRUE / FALSE;
 * - references: `B2`, `$B$2`, `B2:C9`, `B:B` (clipped to the used range), `Sheet1!B2`, `'My sheet'!B2:C3`;
 * - array constants: `{0.2,0.8}`, `{"A","B";"C","D"}` (`,` between columns, `;` between rows);
 * - operators on single values: `=` `<>` `<` `>` `<=` `>=`, `&`, `+` `-` `*` `/`, unary `-`, parentheses;
 * - a few worksheet functions besides GK.*: AND, OR, NOT, IF, COUNTA, ISBLANK, LEN (what GradeKit's
 *   own conditional formats use: `=AND($F2="",$G2<>"",$G2<>"no data")`).
 * A formula that is only a reference or a constant (`=B2`, `="x"`) gives its value(s).
 *
 * Pure: no DOM, no host. `evaluateFormula` gets a reader for ranges and the language; the result is a
 * matrix of cells (one cell, or an array that spills), errors as `FormulaErrorCell`. A context may
 * shift relative references (a conditional format's formula is written for its top-left cell).
 */
import { catalogue, isGradeKitError, type Catalogue, type Lang } from "../engine";
import { gradeCells, percentileTierCells, tierCells, type Cell } from "../functions/core";
import { excelErrorOf } from "../functions/office";

// ---------------------------------------------------------------------------------------------
// Syntax tree

export type Scalar = string | number | boolean;

export type Expr =
  | { kind: "number"; value: number }
  | { kind: "string"; value: string }
  | { kind: "bool"; value: boolean }
  | { kind: "ref"; sheet?: string; ref: string }
  | { kind: "array"; rows: Scalar[][] }
  | { kind: "call"; name: string; args: (Expr | null)[] }
  | { kind: "binary"; op: BinaryOp; left: Expr; right: Expr }
  | { kind: "neg"; expr: Expr };

export type BinaryOp = "=" | "<>" | "<" | ">" | "<=" | ">=" | "&" | "+" | "-" | "*" | "/";

/** A formula that cannot be read (Excel refuses to enter it: "There's a problem with this formula"). */
export class FormulaSyntaxError extends Error {
  constructor(
    message: string,
    /** 0-based position in the formula text (after the leading "="). */
    readonly at: number,
  ) {
    super(message);
    this.name = "FormulaSyntaxError";
  }
}

const REF_RE = /^\$?[A-Za-z]{1,3}\$?[0-9]{1,7}(?::\$?[A-Za-z]{1,3}\$?[0-9]{1,7})?|^\$?[A-Za-z]{1,3}:\$?[A-Za-z]{1,3}/;

/** Parses a formula (with or without its leading "="). Throws `FormulaSyntaxError`. */
export function parseFormula(text: string): Expr {
  let src = text.trim();
  if (src.startsWith("=")) src = src.slice(1);
  let i = 0;
  const fail = (message: string): never => {
    throw new FormulaSyntaxError(message, i);
  };
  const ws = () => {
    while (i < src.length && /\s/.test(src[i])) i++;
  };

  const parseString = (): string => {
    // at the opening quote
    i++;
    let out = "";
    for (;;) {
      if (i >= src.length) fail("a text in quotes is never closed");
      const ch = src[i];
      if (ch === '"') {
        if (src[i + 1] === '"') {
          out += '"';
          i += 2;
          continue;
        }
        i++;
        return out;
      }
      out += ch;
      i++;
    }
  };

  const parseNumber = (): number | null => {
    const m = /^(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?%?/.exec(src.slice(i));
    if (!m) return null;
    i += m[0].length;
    const pct = m[0].endsWith("%");
    const n = Number(pct ? m[0].slice(0, -1) : m[0]);
    return pct ? n / 100 : n;
  };

  const parseArrayItem = (): Scalar => {
    ws();
    if (src[i] === '"') return parseString();
    const sign = src[i] === "-" ? -1 : 1;
    if (src[i] === "-" || src[i] === "+") i++;
    const n = parseNumber();
    if (n !== null) return sign * n;
    const m = /^(TRUE|FALSE)\b/i.exec(src.slice(i));
    if (m) {
      i += m[0].length;
      return m[1].toUpperCase() === "TRUE";
    }
    return fail("an array constant holds only numbers, texts in quotes, TRUE or FALSE, e.g. {0.2,0.8}");
  };

  const parseArray = (): Expr => {
    i++; // {
    const rows: Scalar[][] = [[]];
    for (;;) {
      rows[rows.length - 1].push(parseArrayItem());
      ws();
      const ch = src[i];
      if (ch === ",") i++;
      else if (ch === ";") {
        i++;
        rows.push([]);
      } else if (ch === "}") {
        i++;
        break;
      } else fail("expected , ; or } in the array constant");
    }
    if (rows.some((r) => r.length !== rows[0].length)) fail("every row of an array constant needs the same number of items");
    return { kind: "array", rows };
  };

  const parseSheetPrefix = (): string | undefined => {
    if (src[i] === "'") {
      let j = i + 1;
      let name = "";
      while (j < src.length) {
        if (src[j] === "'") {
          if (src[j + 1] === "'") {
            name += "'";
            j += 2;
            continue;
          }
          break;
        }
        name += src[j++];
      }
      if (src[j] !== "'" || src[j + 1] !== "!") fail("a quoted sheet name must be followed by ! and a cell, e.g. 'My sheet'!A1");
      i = j + 2;
      return name;
    }
    const m = /^([^\s!(),;{}"'=+*/<>&^]+)!/.exec(src.slice(i));
    if (m) {
      i += m[0].length;
      return m[1];
    }
    return undefined;
  };

  const parsePrimary = (): Expr => {
    ws();
    const ch = src[i];
    if (ch === undefined) return fail("the formula ends too early");
    if (ch === '"') return { kind: "string", value: parseString() };
    if (ch === "{") return parseArray();
    if (ch === "(") {
      i++;
      const inner = parseExpr();
      ws();
      if (src[i] !== ")") fail("a ( is never closed: add )");
      i++;
      return inner;
    }
    if (ch === "-" || ch === "+") {
      i++;
      const operand = parsePrimary();
      return ch === "-" ? { kind: "neg", expr: operand } : operand;
    }
    if (/[0-9.]/.test(ch)) {
      const n = parseNumber();
      if (n === null) fail(`unexpected '${ch}'`);
      return { kind: "number", value: n as number };
    }
    const sheet = parseSheetPrefix();
    const rest = src.slice(i);
    if (sheet === undefined) {
      const call = /^([A-Za-z_][A-Za-z0-9_.]*)\s*\(/.exec(rest);
      if (call) {
        i += call[0].length;
        const args: (Expr | null)[] = [];
        ws();
        if (src[i] === ")") {
          i++;
          return { kind: "call", name: call[1].toUpperCase(), args };
        }
        for (;;) {
          ws();
          if (src[i] === "," || src[i] === ")") args.push(null);
          else args.push(parseExpr());
          ws();
          if (src[i] === ",") {
            i++;
            continue;
          }
          if (src[i] === ")") {
            i++;
            break;
          }
          fail(src[i] === undefined ? `${call[1]}( is never closed: add )` : `expected , or ) after an argument of ${call[1]}`);
        }
        return { kind: "call", name: call[1].toUpperCase(), args };
      }
      const bool = /^(TRUE|FALSE)\b(?!\s*[(!:])/i.exec(rest);
      if (bool) {
        i += bool[0].length;
        return { kind: "bool", value: bool[1].toUpperCase() === "TRUE" };
      }
    }
    const ref = REF_RE.exec(rest);
    if (ref && !/^[A-Za-z0-9_.(]/.test(rest.slice(ref[0].length))) {
      i += ref[0].length;
      return { kind: "ref", sheet, ref: ref[0].toUpperCase() };
    }
    return fail(sheet !== undefined ? `expected a cell or range after ${sheet}!` : `cannot read '${rest.slice(0, 12)}'`);
  };

  // Binary operators, loosest first: comparisons, &, + -, * /.
  const LEVELS: BinaryOp[][] = [["<=", ">=", "<>", "=", "<", ">"], ["&"], ["+", "-"], ["*", "/"]];
  const parseLevel = (level: number): Expr => {
    if (level === LEVELS.length) return parsePrimary();
    let left = parseLevel(level + 1);
    for (;;) {
      ws();
      const op = LEVELS[level].find((o) => src.startsWith(o, i));
      if (!op) return left;
      i += op.length;
      const right = parseLevel(level + 1);
      left = { kind: "binary", op, left, right };
    }
  };
  function parseExpr(): Expr {
    return parseLevel(0);
  }

  if (src.trim() === "") fail("the formula is empty");
  const expr = parseExpr();
  ws();
  if (i < src.length) fail(`unexpected '${src.slice(i, i + 12)}' after the end of the formula`);
  return expr;
}

// ---------------------------------------------------------------------------------------------
// Evaluation

/** An error value in a cell: Excel's code and the message a person sees (tooltip / formula bar). */
export class FormulaErrorCell {
  constructor(
    readonly code: string,
    readonly message: string,
  ) {}
  toString(): string {
    return this.code;
  }
}

export type ResultCell = Scalar | FormulaErrorCell;

export interface EvalContext {
  /** The sheet the formula is on (references without a sheet name are to this sheet). */
  sheet: string;
  /** The values of a range (A1 without sheet, e.g. "B2:C9" or "B:B"), as the workbook reports them ("" for empty). */
  read(sheet: string, ref: string): Scalar[][];
  /** Language of EXPLAIN's reasons and of error messages (Excel's display language). */
  lang: Lang;
  /** Moves relative references (not the `$` parts) by this many rows / columns. */
  shift?: { rows: number; columns: number };
}

/** `B2` moved by (1, 2) is `D3`; `$B2` is `$B3`; `$B$2` stays. Column/row-only refs move their part. */
export function shiftRef(ref: string, rows: number, columns: number): string {
  return ref.replace(/(\$?)([A-Z]{1,3})?(\$?)([0-9]{1,7})?/g, (all, cAbs: string, col: string | undefined, rAbs: string, row: string | undefined) => {
    if (!all) return all;
    let out = "";
    if (col !== undefined) {
      if (cAbs || columns === 0) out += cAbs + col;
      else {
        let n = 0;
        for (const ch of col) n = n * 26 + (ch.charCodeAt(0) - 64);
        n += columns;
        let letters = "";
        for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) letters = String.fromCharCode(65 + ((x - 1) % 26)) + letters;
        out += letters || "A";
      }
    } else out += cAbs;
    const rowAbsolute = rAbs !== "" || (col === undefined && cAbs !== ""); // "$2" (a row reference) is absolute
    if (row !== undefined) out += rowAbsolute || rows === 0 ? rAbs + row : String(Math.max(1, Number(row) + rows));
    else out += rAbs;
    return out;
  });
}

/** The GK.* functions the playground knows, with their argument counts. */
export const FUNCTIONS: Record<string, { min: number; max: number }> = {
  "GK.GRADE": { min: 2, max: 2 },
  "GK.SCORE": { min: 2, max: 2 },
  "GK.EXPLAIN": { min: 2, max: 2 },
  "GK.PERCENTILE_TIER": { min: 1, max: 6 },
  "GK.TIER": { min: 3, max: 4 },
  AND: { min: 1, max: 255 },
  OR: { min: 1, max: 255 },
  NOT: { min: 1, max: 1 },
  IF: { min: 2, max: 3 },
  COUNTA: { min: 1, max: 255 },
  ISBLANK: { min: 1, max: 1 },
  LEN: { min: 1, max: 1 },
};

const MESSAGES = {
  unknownFunction: {
    en: "unknown function {name}; the playground knows {names}",
    zh: "未知函数 {name}；演示环境支持 {names}",
  },
  argCount: {
    en: "{name} takes {range} arguments, got {n}",
    zh: "{name} 需要 {range} 个参数，实际为 {n} 个",
  },
  noSheet: { en: "no sheet named '{sheet}'", zh: "没有名为“{sheet}”的工作表" },
} as const satisfies Catalogue;

const message = catalogue(MESSAGES);

/** Thrown inside evaluation for a whole-formula error (becomes a 1x1 error result). */
class EvalError extends Error {
  constructor(readonly cell: FormulaErrorCell) {
    super(cell.message);
  }
}

/** Evaluates a parsed formula: a matrix of result cells (1x1 for a single value). Never throws for bad input. */
export function evaluateFormula(expr: Expr, ctx: EvalContext): ResultCell[][] {
  try {
    return evalExpr(expr, ctx);
  } catch (e) {
    if (e instanceof EvalError) return [[e.cell]];
    const fe = excelErrorOf(e, ctx.lang); // as Excel shows it: GradeKit's errors by class; anything else a bug, #VALUE!
    return [[new FormulaErrorCell(fe.code, fe.message)]];
  }
}

/** Parses and evaluates; a syntax error is returned as `{ syntaxError }`. */
export function computeFormula(text: string, ctx: EvalContext): { cells: ResultCell[][] } | { syntaxError: FormulaSyntaxError } {
  let expr: Expr;
  try {
    expr = parseFormula(text);
  } catch (e) {
    if (e instanceof FormulaSyntaxError) return { syntaxError: e };
    throw e;
  }
  return { cells: evaluateFormula(expr, ctx) };
}

function evalExpr(expr: Expr, ctx: EvalContext): ResultCell[][] {
  switch (expr.kind) {
    case "number":
    case "string":
    case "bool":
      return [[expr.value]];
    case "array":
      return expr.rows.map((r) => [...r]);
    case "ref": {
      const sheet = expr.sheet ?? ctx.sheet;
      const ref = ctx.shift ? shiftRef(expr.ref, ctx.shift.rows, ctx.shift.columns) : expr.ref;
      try {
        return ctx.read(sheet, ref);
      } catch {
        throw new EvalError(new FormulaErrorCell("#REF!", message("noSheet", ctx.lang, { sheet })));
      }
    }
    case "call":
      return evalCall(expr.name, expr.args, ctx);
    case "neg": {
      const v = single(evalExpr(expr.expr, ctx));
      if (v instanceof FormulaErrorCell) return [[v]];
      const n = toNumber(v);
      return [[n instanceof FormulaErrorCell ? n : -n]];
    }
    case "binary":
      return [[binary(expr.op, single(evalExpr(expr.left, ctx)), single(evalExpr(expr.right, ctx)))]];
  }
}

/** One value of a result (its top-left cell; Excel would intersect, the playground keeps it simple). */
function single(m: ResultCell[][]): ResultCell {
  return m[0]?.[0] ?? "";
}

const VALUE_ERROR = () => new FormulaErrorCell("#VALUE!", "a value is not a number");

function toNumber(v: Scalar): number | FormulaErrorCell {
  if (typeof v === "number") return v;
  if (typeof v === "boolean") return v ? 1 : 0;
  if (v === "") return 0;
  const n = Number(v.trim());
  return v.trim() !== "" && Number.isFinite(n) ? n : VALUE_ERROR();
}

function toText(v: Scalar): string {
  return typeof v === "boolean" ? (v ? "TRUE" : "FALSE") : String(v);
}

/** Excel's comparison order: numbers < text < booleans; text case-insensitively; blank is "" or 0. */
function compare(a: Scalar, b: Scalar): number {
  const rank = (v: Scalar) => (typeof v === "number" ? 0 : typeof v === "string" ? 1 : 2);
  if (a === "" && typeof b === "number") a = 0;
  if (b === "" && typeof a === "number") b = 0;
  if (a === "" && typeof b === "boolean") a = false;
  if (b === "" && typeof a === "boolean") b = false;
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

function binary(op: BinaryOp, a: ResultCell, b: ResultCell): ResultCell {
  if (a instanceof FormulaErrorCell) return a;
  if (b instanceof FormulaErrorCell) return b;
  switch (op) {
    case "=":
      return compare(a, b) === 0;
    case "<>":
      return compare(a, b) !== 0;
    case "<":
      return compare(a, b) < 0;
    case ">":
      return compare(a, b) > 0;
    case "<=":
      return compare(a, b) <= 0;
    case ">=":
      return compare(a, b) >= 0;
    case "&":
      return toText(a) + toText(b);
    default: {
      const x = toNumber(a);
      const y = toNumber(b);
      if (x instanceof FormulaErrorCell) return x;
      if (y instanceof FormulaErrorCell) return y;
      if (op === "+") return x + y;
      if (op === "-") return x - y;
      if (op === "*") return x * y;
      if (y === 0) return new FormulaErrorCell("#DIV/0!", "division by zero");
      return x / y;
    }
  }
}

/** TRUE/FALSE of a value for AND/OR/NOT/IF (blank cells are left out by the callers). */
function truth(v: ResultCell): boolean | FormulaErrorCell {
  if (v instanceof FormulaErrorCell) return v;
  if (typeof v === "boolean") return v;
  if (typeof v === "number") return v !== 0;
  const up = v.trim().toUpperCase();
  if (up === "TRUE") return true;
  if (up === "FALSE") return false;
  return VALUE_ERROR();
}

function evalLogical(name: string, args: (Expr | null)[], ctx: EvalContext): ResultCell[][] {
  switch (name) {
    case "AND":
    case "OR": {
      let any = false;
      let all = true;
      let seen = false;
      for (const a of args) {
        if (!a) continue;
        for (const row of evalExpr(a, ctx)) {
          for (const v of row) {
            if (v === "" && a.kind === "ref") continue; // blank cells do not count
            const t = truth(v);
            if (t instanceof FormulaErrorCell) return [[t]];
            seen = true;
            any ||= t;
            all &&= t;
          }
        }
      }
      if (!seen) return [[VALUE_ERROR()]];
      return [[name === "AND" ? all : any]];
    }
    case "NOT": {
      const t = truth(single(evalExpr(args[0] ?? { kind: "bool", value: false }, ctx)));
      return [[t instanceof FormulaErrorCell ? t : !t]];
    }
    case "IF": {
      const t = truth(single(evalExpr(args[0] ?? { kind: "bool", value: false }, ctx)));
      if (t instanceof FormulaErrorCell) return [[t]];
      const branch = t ? args[1] : args[2];
      if (branch === undefined) return [[false]];
      return branch ? evalExpr(branch, ctx) : [[0]];
    }
    case "COUNTA": {
      let n = 0;
      for (const a of args) {
        if (!a) continue;
        for (const row of evalExpr(a, ctx)) for (const v of row) if (!(v === "" && a.kind === "ref")) n++;
      }
      return [[n]];
    }
    case "ISBLANK":
      return [[single(evalExpr(args[0] ?? { kind: "string", value: "" }, ctx)) === ""]];
    case "LEN": {
      const v = single(evalExpr(args[0] ?? { kind: "string", value: "" }, ctx));
      return [[v instanceof FormulaErrorCell ? v : toText(v).length]];
    }
  }
  throw new Error(`no logical function ${name}`);
}

/** An argument as the custom functions runtime passes it: a matrix, or undefined when omitted. */
function argValue(arg: Expr | null | undefined, ctx: EvalContext): unknown[][] | undefined {
  if (!arg) return undefined;
  const m = evalExpr(arg, ctx);
  // error cells reach GK functions as error objects (allowErrorForDataTypeAny): { code: "#N/A" }
  return m.map((row) => row.map((v) => (v instanceof FormulaErrorCell ? { code: v.code, type: "Error", message: v.message } : v)));
}

/** A scalar parameter (template id, higher_is_better): a one-cell argument is its value. */
function scalarArg(arg: Expr | null | undefined, ctx: EvalContext): unknown {
  const m = argValue(arg, ctx);
  if (!m) return undefined;
  if (m.length === 1 && m[0].length === 1) {
    const v = m[0][0];
    if (v && typeof v === "object" && "code" in (v as object)) {
      const e = v as { code: string; message: string };
      throw new EvalError(new FormulaErrorCell(e.code, e.message));
    }
    return v;
  }
  return m;
}

/** GK.* cells as the playground shows them: error cells as Excel shows them, in the playground's language. */
function toResult(cells: Cell[][], lang: Lang): ResultCell[][] {
  return cells.map((row) =>
    row.map((v) => {
      if (!isGradeKitError(v)) return v;
      const e = excelErrorOf(v, lang);
      return new FormulaErrorCell(e.code, e.message);
    }),
  );
}

function evalCall(name: string, args: (Expr | null)[], ctx: EvalContext): ResultCell[][] {
  const spec = FUNCTIONS[name];
  if (!spec) {
    throw new EvalError(new FormulaErrorCell("#NAME?", message("unknownFunction", ctx.lang, { name, names: Object.keys(FUNCTIONS).join(", ") })));
  }
  if (args.length < spec.min || args.length > spec.max) {
    const range = spec.min === spec.max ? String(spec.min) : `${spec.min}–${spec.max}`;
    throw new EvalError(new FormulaErrorCell("#VALUE!", message("argCount", ctx.lang, { name, range, n: args.length })));
  }
  const lang = ctx.lang;
  if (!name.startsWith("GK.")) return evalLogical(name, args, ctx);
  switch (name) {
    case "GK.GRADE":
    case "GK.SCORE":
    case "GK.EXPLAIN": {
      const output = name === "GK.GRADE" ? "grade" : name === "GK.SCORE" ? "score" : "reason";
      return toResult(gradeCells(output, scalarArg(args[0], ctx), argValue(args[1], ctx), lang), lang);
    }
    case "GK.PERCENTILE_TIER":
      return toResult(
        percentileTierCells(
          argValue(args[0], ctx),
          argValue(args[1], ctx),
          argValue(args[2], ctx),
          argValue(args[3], ctx),
          argValue(args[4], ctx),
          argValue(args[5], ctx),
          lang,
        ),
        lang,
      );
    case "GK.TIER":
      return toResult(tierCells(argValue(args[0], ctx), argValue(args[1], ctx), argValue(args[2], ctx), scalarArg(args[3], ctx), lang), lang);
    default:
      throw new EvalError(new FormulaErrorCell("#NAME?", message("unknownFunction", lang, { name, names: Object.keys(FUNCTIONS).join(", ") })));
  }
}
