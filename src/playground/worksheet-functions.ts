/**
 * The worksheet functions GradeKit's formulas use, registered with fast-formula-parser in place of its
 * own (which lack MIN, MAX, MATCH, CHOOSE, SUBSTITUTE and COUNTA, and do not work element by element on
 * arrays). Each is a standard Excel function with Excel's documented semantics, including Excel 365's
 * lifting: a function of single values given a range or an array constant returns an array
 * (`broadcast`). What each one does, where Excel's documentation leaves room:
 *
 * - IF(cond, then, [else]): cond as TRUE/FALSE (numbers: not 0; texts other than TRUE/FALSE #VALUE!);
 *   no else gives FALSE, an empty then/else 0; an array cond picks element by element.
 * - AND/OR: values in ranges and arrays count when TRUE/FALSE or numbers (texts and blanks are skipped);
 *   values given directly must be TRUE/FALSE, numbers or the texts TRUE/FALSE; nothing to count: #VALUE!.
 * - NOT, ISNUMBER, ISTEXT, ISBLANK, ISERROR, ABS, LEN, TRIM (removes spaces at both ends and repeated
 *   inner spaces, only the space character), EXACT (case-sensitive), SUBSTITUTE (all occurrences, or
 *   only the n-th): element by element.
 * - ROUND(x, n): half away from zero at 15 significant digits (`ROUND(1.005, 2)` is 1.01, as in Excel).
 *   FLOOR(x, s): down to a multiple of s (x < 0 with s > 0 goes away from zero; x > 0 with s < 0 #NUM!;
 *   s = 0 #DIV/0!).
 * - MIN/MAX: in ranges and arrays only numbers count; values given directly may be TRUE/FALSE or
 *   number texts; no number gives 0. SUMPRODUCT: arrays of one size (else #VALUE!), non-numbers count
 *   as 0. MMULT: columns of the first = rows of the second, every element a number (else #VALUE!).
 * - MATCH(x, row or column, [type 1 | 0 | -1]): 1 the last value <= x of x's kind before the first
 *   greater one (the ascending order Excel requires), 0 the first equal value (texts with * ? ~
 *   wildcards, case-insensitive), -1 the mirror of 1 for descending values; not found #N/A.
 * - CHOOSE(i, v1, ...): the i-th value (i truncated; outside 1..n #VALUE!).
 * - COUNTA: non-blank cells of ranges, every element of arrays, every value given directly. NA().
 */
import {
  ERRORS,
  broadcast,
  compare,
  elements,
  isError,
  isMatrix,
  toBool,
  toNumber,
  toText,
  type Matrix,
  type Value,
} from "./excel-values";

/** An argument as fast-formula-parser hands it to a function (a reference already read). */
export interface Arg {
  value: Value | Matrix;
  isRangeRef?: boolean;
  isCellRef?: boolean;
  omitted?: boolean;
}

type Result = Value | Matrix;

const isRef = (a: Arg) => Boolean(a.isRangeRef || a.isCellRef);

/** A function of single values, lifted over arrays. */
const lifted =
  (f: (...xs: Value[]) => Value) =>
  (...args: Arg[]): Result =>
    broadcast(
      args.map((a) => a.value),
      f,
    );

const numeric = (f: (n: number) => Value) =>
  lifted((x) => {
    const n = toNumber(x);
    return isError(n) ? n : f(n);
  });

const textual = (f: (s: string) => Value) =>
  lifted((x) => {
    const s = toText(x);
    return isError(s) ? s : f(s);
  });

/** Excel's 15 significant digits: removes binary noise before rounding (1.005*100 is 100.49999999999999). */
const digits15 = (x: number) => Number(x.toPrecision(15));

function round(x: number, n: number): number {
  const d = Math.trunc(n);
  const p = 10 ** Math.abs(d);
  const scaled = d >= 0 ? digits15(Math.abs(x) * p) : digits15(Math.abs(x) / p);
  const r = Math.round(scaled);
  const out = d >= 0 ? r / p : r * p;
  return x < 0 ? -out : out;
}

function floor(x: number, s: number): Value {
  if (s === 0) return x === 0 ? 0 : ERRORS.DIV0;
  if (x > 0 && s < 0) return ERRORS.NUM;
  return Math.floor(digits15(x / s)) * s;
}

function substitute(text: string, old: string, rep: string, instance: number | undefined): string {
  if (old === "") return text;
  if (instance === undefined) return text.split(old).join(rep);
  let from = 0;
  for (let k = 1; ; k++) {
    const at = text.indexOf(old, from);
    if (at < 0) return text;
    if (k === instance) return text.slice(0, at) + rep + text.slice(at + old.length);
    from = at + old.length;
  }
}

/** AND/OR: the TRUE/FALSE values the arguments give, or an error. */
function truths(args: Arg[]): boolean[] | Value {
  const out: boolean[] = [];
  for (const a of args) {
    if (a.omitted) continue;
    const many = isMatrix(a.value) || isRef(a);
    for (const v of elements(a.value)) {
      if (isError(v)) return v;
      if (many && (v === null || typeof v === "string")) continue;
      const b = toBool(v);
      if (isError(b)) return b;
      out.push(b);
    }
  }
  return out.length ? out : ERRORS.VALUE;
}

/** MIN/MAX: the numbers the arguments give, or an error. */
function numbers(args: Arg[]): number[] | Value {
  const out: number[] = [];
  for (const a of args) {
    const many = isMatrix(a.value) || isRef(a);
    for (const v of elements(a.value)) {
      if (isError(v)) return v;
      if (many) {
        if (typeof v === "number") out.push(v);
        continue;
      }
      const n = toNumber(v);
      if (isError(n)) return n;
      out.push(n);
    }
  }
  return out;
}

function sumproduct(...args: Arg[]): Result {
  const ms = args.map((a) => (isMatrix(a.value) ? a.value : [[a.value]]));
  const rows = ms[0].length;
  const cols = ms[0][0]?.length ?? 0;
  if (ms.some((m) => m.length !== rows || m.some((r) => r.length !== cols))) return ERRORS.VALUE;
  let sum = 0;
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      let p = 1;
      for (const m of ms) {
        const v = m[r][c];
        if (isError(v)) return v;
        p *= typeof v === "number" ? v : 0;
      }
      sum += p;
    }
  }
  return sum;
}

function mmult(a: Arg, b: Arg): Result {
  const x = isMatrix(a.value) ? a.value : [[a.value]];
  const y = isMatrix(b.value) ? b.value : [[b.value]];
  const n = x[0]?.length ?? 0;
  if (n !== y.length) return ERRORS.VALUE;
  for (const v of [...x.flat(), ...y.flat()]) {
    if (isError(v)) return v;
    if (typeof v !== "number") return ERRORS.VALUE;
  }
  const cols = y[0]?.length ?? 0;
  return x.map((row) =>
    Array.from({ length: cols }, (_, j) => row.reduce<number>((s, v, k) => s + (v as number) * (y[k][j] as number), 0)),
  );
}

/** A wildcard pattern (`*`, `?`, `~` escapes) as a case-insensitive whole-text regex. */
function wildcard(p: string): RegExp {
  let re = "";
  for (let i = 0; i < p.length; i++) {
    const ch = p[i];
    if (ch === "~" && i + 1 < p.length) re += p[++i].replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    else if (ch === "*") re += "[\\s\\S]*";
    else if (ch === "?") re += "[\\s\\S]";
    else re += ch.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  }
  return new RegExp(`^${re}$`, "i");
}

function matchIn(x: Value, list: Value[], type: number): Value {
  if (isError(x)) return x;
  if (x === null) return ERRORS.NA;
  const kind = typeof x;
  if (type === 0) {
    const re = typeof x === "string" && /[*?~]/.test(x) ? wildcard(x) : null;
    for (let i = 0; i < list.length; i++) {
      const v = list[i];
      if (v === null || isError(v) || typeof v !== kind) continue;
      if (re ? re.test(v as string) : compare(v, x) === 0) return i + 1;
    }
    return ERRORS.NA;
  }
  let found = -1;
  for (let i = 0; i < list.length; i++) {
    const v = list[i];
    if (v === null || isError(v) || typeof v !== kind) continue;
    const c = compare(v, x);
    if (type > 0 ? c > 0 : c < 0) break;
    found = i;
  }
  return found < 0 ? ERRORS.NA : found + 1;
}

function match(x: Arg, array: Arg, type?: Arg): Result {
  const m = isMatrix(array.value) ? array.value : [[array.value]];
  if (m.length > 1 && (m[0]?.length ?? 0) > 1) return ERRORS.NA;
  const list = m.flat();
  const t = type && !type.omitted ? toNumber(isMatrix(type.value) ? type.value[0][0] : type.value) : 1;
  if (isError(t)) return t;
  const mt = t > 0 ? 1 : t < 0 ? -1 : 0;
  return broadcast([x.value], (v) => matchIn(v, list, mt));
}

/** fast-formula-parser calls IF with itself first and the arguments unread (references as references). */
interface ParserContext {
  utils: { extractRefValue(arg: unknown): { val: unknown } };
}

function readRaw(ctx: ParserContext, arg: unknown): Value | Matrix {
  if (arg === null || arg === undefined) return null; // an empty argument
  return ctx.utils.extractRefValue(arg).val as Value | Matrix;
}

function ifFn(ctx: ParserContext, ...raw: unknown[]): Result {
  const cond = readRaw(ctx, raw[0]);
  const pick = (k: 1 | 2): Value | Matrix => (raw.length <= k ? false : raw[k] === null ? 0 : readRaw(ctx, raw[k]));
  const then = pick(1);
  const otherwise = pick(2);
  if (!isMatrix(cond)) {
    const b = toBool(cond);
    if (isError(b)) return b;
    return b ? then : otherwise;
  }
  return broadcast([cond, then, otherwise], (c, t, e) => {
    const b = toBool(c);
    return isError(b) ? b : b ? t : e;
  });
}

/** fast-formula-parser calls CHOOSE with itself first (the arguments read). */
function choose(_ctx: unknown, index: Arg, ...options: Arg[]): Result {
  const pickOne = (i: Value): number | Value => {
    const n = toNumber(i);
    if (isError(n)) return n;
    const k = Math.trunc(n);
    return k >= 1 && k <= options.length ? k : ERRORS.VALUE;
  };
  if (!isMatrix(index.value)) {
    const k = pickOne(index.value);
    if (typeof k !== "number") return k;
    const v = options[k - 1];
    return v.omitted ? 0 : v.value;
  }
  return broadcast([index.value, ...options.map((o) => o.value)], (i, ...vs) => {
    const k = pickOne(i);
    return typeof k === "number" ? vs[k - 1] : k;
  });
}

function counta(...args: Arg[]): Result {
  let n = 0;
  for (const a of args) {
    if (a.omitted) continue;
    if (isRef(a)) n += elements(a.value).filter((v) => v !== null).length;
    else n += elements(a.value).length;
  }
  return n;
}

function logical(name: "AND" | "OR") {
  return (...args: Arg[]): Result => {
    const t = truths(args);
    if (!Array.isArray(t)) return t;
    return name === "AND" ? t.every(Boolean) : t.some(Boolean);
  };
}

function extreme(name: "MIN" | "MAX") {
  return (...args: Arg[]): Result => {
    const ns = numbers(args);
    if (!Array.isArray(ns)) return ns;
    if (!ns.length) return 0;
    return name === "MIN" ? Math.min(...ns) : Math.max(...ns);
  };
}

/** The functions, by name, to register with fast-formula-parser (`functions` option). */
export const WORKSHEET_FUNCTIONS: Record<string, (...args: never[]) => unknown> = {
  IF: ifFn as (...args: never[]) => unknown,
  AND: logical("AND"),
  OR: logical("OR"),
  NOT: lifted((x) => {
    const b = toBool(x);
    return isError(b) ? b : !b;
  }),
  ISNUMBER: lifted((x) => typeof x === "number"),
  ISTEXT: lifted((x) => typeof x === "string"),
  ISBLANK: lifted((x) => x === null),
  ISERROR: lifted((x) => isError(x)),
  TRIM: textual((s) => s.replace(/^ +| +$/g, "").replace(/ {2,}/g, " ")),
  LEN: textual((s) => s.length),
  EXACT: lifted((a, b) => {
    const x = toText(a);
    if (isError(x)) return x;
    const y = toText(b);
    return isError(y) ? y : x === y;
  }),
  SUBSTITUTE: (...args: Arg[]): Result =>
    broadcast(
      args.map((a) => a.value),
      (t, o, r, n) => {
        const [text, old, rep] = [toText(t), toText(o), toText(r)];
        if (isError(text)) return text;
        if (isError(old)) return old;
        if (isError(rep)) return rep;
        if (args.length < 4 || args[3].omitted) return substitute(text, old, rep, undefined);
        const k = toNumber(n);
        if (isError(k)) return k;
        return Math.trunc(k) < 1 ? ERRORS.VALUE : substitute(text, old, rep, Math.trunc(k));
      },
    ),
  ROUND: lifted((x, n) => {
    const a = toNumber(x);
    if (isError(a)) return a;
    const d = toNumber(n);
    return isError(d) ? d : round(a, d);
  }),
  FLOOR: lifted((x, s) => {
    const a = toNumber(x);
    if (isError(a)) return a;
    const b = toNumber(s);
    return isError(b) ? b : floor(a, b);
  }),
  ABS: numeric(Math.abs),
  MIN: extreme("MIN"),
  MAX: extreme("MAX"),
  SUMPRODUCT: sumproduct,
  MMULT: mmult,
  MATCH: match,
  CHOOSE: choose as (...args: never[]) => unknown,
  COUNTA: counta,
  NA: () => ERRORS.NA,
};
