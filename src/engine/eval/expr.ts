/**
 * Conditions and expressions compiled to small closures over typed columns, plus their
 * descriptions for reasons. Data only: no template text is ever executed as code.
 */
import { fmt, tr } from "../text/display";
import { round9 } from "./precision";
import type { Lang } from "../text/lang";
import { msg } from "../text/messages";
import type { CmpOp, Condition, Expr, Num } from "../template/schema";
import type { CategoryColumn, Column, NumberColumn } from "../input/table";
import { TemplateError } from "../template/template-error";
import { normalizeWord, parseYesNo } from "../input/parse";
import { elapsed, isoOf } from "../input/dates";
import { patternValueSet, textPatternOf } from "./text-patterns";
import { isPopStat, statKey, statP } from "./pop-stats";

export type RowPred = (i: number) => boolean;
export type RowNum = (i: number) => number;

/** What compiled code can see: the parsed columns and the parameter values. */
export interface Scope {
  columns: ReadonlyMap<string, Column>;
  params: Readonly<Record<string, number>>;
  /** The as-of date (Excel serial) of `since` expressions; set when the table was read. */
  asOf?: number;
}

/** The column of a date field. */
export function dateColumn(scope: Scope, key: string): NumberColumn {
  const c = scope.columns.get(key);
  if (!c) throw new TemplateError(`unknown field '${key}'`);
  if (c.type !== "number" || c.field.type !== "date") throw new TemplateError(`field '${key}' is not a date field`);
  return c;
}

/** The as-of date of a scope (a table read without dates has none). */
export function asOfOf(scope: Scope): number {
  if (scope.asOf === undefined) throw new TemplateError("no as-of date for 'since'");
  return scope.asOf;
}

export function numValue(v: Num, params: Readonly<Record<string, number>>): number {
  if (typeof v === "number") return v;
  if (isPopStat(v)) {
    if (v.groupBy) throw new TemplateError(`a threshold within groups ('${v.stat}' of '${v.field}' by '${v.groupBy}') can only be used in a condition`);
    const x = params[statKey(v)];
    if (x === undefined) throw new TemplateError(`the ${v.stat} of '${v.field}' is not computed here`);
    return x;
  }
  const p = params[v.param];
  if (p === undefined) throw new TemplateError(`unknown parameter '${v.param}'`);
  return p;
}

function numberColumn(scope: Scope, key: string): NumberColumn {
  const c = scope.columns.get(key);
  if (!c) throw new TemplateError(`unknown field '${key}'`);
  if (c.type !== "number") throw new TemplateError(`field '${key}' is not a number field`);
  return c;
}

function categoryColumn(scope: Scope, key: string): CategoryColumn {
  const c = scope.columns.get(key);
  if (!c) throw new TemplateError(`unknown field '${key}'`);
  if (c.type !== "category") throw new TemplateError(`field '${key}' is not a category or yes/no field`);
  return c;
}

/** Index of a category value given by value, label or alias. */
export function categoryValueIndex(col: CategoryColumn, word: string): number {
  const w = normalizeWord(word);
  const i = col.values.findIndex((v, k) => normalizeWord(v) === w || normalizeWord(col.labels[k].en) === w || normalizeWord(col.labels[k].zh) === w);
  if (i >= 0) return i;
  const aliases = col.field.categories?.findIndex((c) => (c.aliases ?? []).some((a) => normalizeWord(a) === w)) ?? -1;
  if (aliases >= 0) return aliases;
  if (col.field.type === "yesno") {
    // The same words the data may use (and the checker accepts).
    const yn = parseYesNo(word);
    if (yn.ok) return yn.value ? 0 : 1;
  }
  throw new TemplateError(`'${word}' is not a value of field '${col.field.key}'`);
}

/** A comparison that is false for NaN (blank) on the left. */
export function compare(op: CmpOp, t: number): (x: number) => boolean {
  switch (op) {
    case "<":
      return (x) => x < t;
    case "<=":
      return (x) => x <= t;
    case ">":
      return (x) => x > t;
    case ">=":
      return (x) => x >= t;
    case "=":
      return (x) => x === t;
    case "!=":
      return (x) => x === x && x !== t;
  }
}

const f64 = new Float64Array(1);
const i64 = new BigInt64Array(f64.buffer);
/** The next double after x towards +Infinity (-1) or -Infinity (-1). */
function nextDouble(x: number, dir: 1 | -1): number {
  if (x !== x || x === dir * Infinity) return x;
  if (x === 0) return dir * Number.MIN_VALUE;
  f64[0] = x;
  i64[0] += (x > 0) === (dir > 0) ? 1n : -1n;
  return f64[0];
}

/**
 * A comparison as a closed interval [lo, hi]: `x < t` is `x <= nextDown(t)`, so every
 * comparison but `!=` is one shape, `lo <= x && x <= hi` (false for NaN, i.e. blank).
 */
export function compareInterval(op: CmpOp, t: number): [number, number] | undefined {
  switch (op) {
    case "<":
      return [-Infinity, nextDouble(t, -1)];
    case "<=":
      return [-Infinity, t];
    case ">":
      return [nextDouble(t, 1), Infinity];
    case ">=":
      return [t, Infinity];
    case "=":
      return [t, t];
    case "!=":
      return undefined;
  }
}

interface IntervalLeaf {
  v: Float64Array;
  lo: number;
  hi: number;
}

function intervalLeaf(c: Condition, scope: Scope): IntervalLeaf | undefined {
  if (!("op" in c) || !("field" in c)) return undefined;
  if (isPopStat(c.value) && c.value.groupBy) return undefined;
  const iv = compareInterval(c.op, numValue(c.value, scope.params));
  if (!iv) return undefined;
  return { v: numberColumn(scope, c.field).v, lo: iv[0], hi: iv[1] };
}

/** AND/OR of interval leaves, fused into one closure (the common shape of grading rules). */
function fusedLeaves(leaves: IntervalLeaf[], any: boolean): RowPred {
  const vs = leaves.map((l) => l.v);
  const los = Float64Array.from(leaves.map((l) => l.lo));
  const his = Float64Array.from(leaves.map((l) => l.hi));
  const m = leaves.length;
  if (m === 2) {
    const [v0, v1] = vs;
    const [lo0, lo1] = los;
    const [hi0, hi1] = his;
    return any
      ? (i) => {
          const a = v0[i];
          if (a >= lo0 && a <= hi0) return true;
          const b = v1[i];
          return b >= lo1 && b <= hi1;
        }
      : (i) => {
          const a = v0[i];
          if (!(a >= lo0 && a <= hi0)) return false;
          const b = v1[i];
          return b >= lo1 && b <= hi1;
        };
  }
  return any
    ? (i) => {
        for (let k = 0; k < m; k++) {
          const x = vs[k][i];
          if (x >= los[k] && x <= his[k]) return true;
        }
        return false;
      }
    : (i) => {
        for (let k = 0; k < m; k++) {
          const x = vs[k][i];
          if (!(x >= los[k] && x <= his[k])) return false;
        }
        return true;
      };
}

/** Compiles a condition to a row predicate. */
export function compileCondition(c: Condition, scope: Scope): RowPred {
  if ("all" in c || "any" in c) {
    const list = "all" in c ? c.all : c.any;
    const leaves = list.map((x) => intervalLeaf(x, scope));
    if (leaves.every((l): l is IntervalLeaf => l !== undefined)) return fusedLeaves(leaves, "any" in c);
  }
  if ("all" in c) {
    const parts = c.all.map((x) => compileCondition(x, scope));
    if (parts.length === 2) {
      const [a, b] = parts;
      return (i) => a(i) && b(i);
    }
    return (i) => parts.every((p) => p(i));
  }
  if ("any" in c) {
    const parts = c.any.map((x) => compileCondition(x, scope));
    if (parts.length === 2) {
      const [a, b] = parts;
      return (i) => a(i) || b(i);
    }
    return (i) => parts.some((p) => p(i));
  }
  if ("not" in c) {
    const p = compileCondition(c.not, scope);
    return (i) => !p(i);
  }
  if (("expr" in c || "op" in c) && isPopStat(c.value) && c.value.groupBy) {
    // A threshold within the row's group: compared with the group's value in that row.
    const x = "expr" in c ? compileExpr(c.expr, scope) : numberRead(numberColumn(scope, c.field).v);
    const g = numberColumn(scope, statKey(c.value)).v;
    const op = c.op;
    const r9 = "expr" in c;
    return (i) => compare(op, g[i])(r9 ? round9(x(i)) : x(i)) && g[i] === g[i];
  }
  if ("expr" in c) {
    const e = compileExpr(c.expr, scope);
    const t = numValue(c.value, scope.params);
    const cmp = compare(c.op, t);
    return (i) => cmp(round9(e(i)));
  }
  if ("op" in c) {
    const leaf = intervalLeaf(c, scope);
    if (leaf) {
      const { v, lo, hi } = leaf;
      return (i) => {
        const x = v[i];
        return x >= lo && x <= hi;
      };
    }
    const v = numberColumn(scope, c.field).v;
    const t = numValue(c.value, scope.params);
    return (i) => v[i] === v[i] && v[i] !== t;
  }
  if ("is" in c) {
    const col = categoryColumn(scope, c.field);
    const k = categoryValueIndex(col, c.is);
    const v = col.v;
    return (i) => v[i] === k;
  }
  if ("in" in c) {
    const col = categoryColumn(scope, c.field);
    const set = new Uint8Array(col.values.length);
    for (const w of c.in) set[categoryValueIndex(col, w)] = 1;
    const v = col.v;
    return (i) => v[i] >= 0 && set[v[i]] === 1;
  }
  const pattern = textPatternOf(c);
  if (pattern) {
    const col = categoryColumn(scope, c.field);
    const set = patternValueSet(col, pattern.mode, pattern.words);
    const v = col.v;
    return (i) => v[i] >= 0 && set[v[i]] === 1;
  }
  const col = scope.columns.get(c.field);
  if (!col) throw new TemplateError(`unknown field '${c.field}'`);
  const b = col.blank;
  return "blank" in c && c.blank ? (i) => b[i] === 1 : (i) => b[i] === 0;
}

/** Compiles an expression; a blank field makes it NaN. `floor` floors the 9-decimal value. */
export function compileExpr(e: Expr, scope: Scope): RowNum {
  if (typeof e === "number") return () => e;
  if ("field" in e) {
    const v = numberColumn(scope, e.field).v;
    return (i) => v[i];
  }
  if ("param" in e) {
    const p = numValue(e, scope.params);
    return () => p;
  }
  if ("since" in e) {
    const v = dateColumn(scope, e.since).v;
    const to = asOfOf(scope);
    const unit = e.unit;
    return (i) => elapsed(v[i], to, unit);
  }
  if ("if" in e) {
    const c = compileCondition(e.if, scope);
    const a = compileExpr(e.then, scope);
    const b = compileExpr(e.else, scope);
    return (i) => (c(i) ? a(i) : b(i));
  }
  const args = e.args.map((x) => compileExpr(x, scope));
  if ("op" in e) {
    const [a] = args;
    const rest = args.slice(1);
    if (args.length === 1) return e.op === "-" ? (i) => -a(i) : a;
    switch (e.op) {
      case "+":
        return (i) => args.reduce((s, f) => s + f(i), 0);
      case "*":
        return (i) => args.reduce((s, f) => s * f(i), 1);
      case "-":
        return (i) => rest.reduce((s, f) => s - f(i), a(i));
      case "/":
        return (i) => rest.reduce((s, f) => s / f(i), a(i));
    }
  }
  switch (e.fn) {
    case "min":
      return (i) => args.reduce((s, f) => Math.min(s, f(i)), Infinity);
    case "max":
      return (i) => args.reduce((s, f) => Math.max(s, f(i)), -Infinity);
    case "sum":
      return (i) => args.reduce((s, f) => s + f(i), 0);
    case "mean":
      return (i) => args.reduce((s, f) => s + f(i), 0) / args.length;
    case "abs":
      return (i) => Math.abs(args[0](i));
    case "floor":
      return (i) => Math.floor(round9(args[0](i)));
  }
}

const numberRead = (v: Float64Array): RowNum => (i) => v[i];

/** A threshold as a reason shows it: the number, or "mean of amount (1,234)" for a statistic. */
export function showNum(v: Num, scope: Scope, i: number, lang: Lang, unit?: Parameters<typeof fmt>[1]): string {
  if (!isPopStat(v)) return fmt(numValue(v, scope.params), unit);
  const col = scope.columns.get(v.field);
  const field = col ? tr(col.field.label, lang) : v.field;
  const gcol = v.groupBy ? scope.columns.get(v.groupBy) : undefined;
  const group = gcol ? msg("statGroup", lang, { group: showCell(gcol, i, lang) }) : "";
  const p = statP(v);
  const stat = msg(v.stat === "mean" ? "statMean" : v.stat === "median" ? "statMedian" : "statPercentile", lang, { field, group, p: fmt((p ?? 0) * 100) });
  const x = v.groupBy ? scope.columns.get(statKey(v))?.v[i] ?? NaN : numValue(v, scope.params);
  return msg("statShown", lang, { stat, value: fmt(x, col?.type === "number" ? col.field.unit : unit) });
}

const OPS: Record<CmpOp, string> = { "<": "<", "<=": "≤", ">": ">", ">=": "≥", "=": "=", "!=": "≠" };
export function showOp(op: CmpOp): string {
  return OPS[op];
}

/** Fields an expression or condition reads. */
export function exprFields(e: Expr | Condition, out: Set<string> = new Set()): Set<string> {
  if (typeof e === "number") return out;
  if ("field" in e) out.add(e.field);
  if ("since" in e) out.add(e.since);
  if ("all" in e) e.all.forEach((x) => exprFields(x, out));
  if ("any" in e) e.any.forEach((x) => exprFields(x, out));
  if ("not" in e) exprFields(e.not, out);
  if ("expr" in e) exprFields(e.expr, out);
  if ("if" in e) {
    exprFields(e.if, out);
    exprFields(e.then, out);
    exprFields(e.else, out);
  }
  if ("args" in e) e.args.forEach((x) => exprFields(x, out));
  return out;
}

/** Shows a field's value in row i. */
export function showCell(col: Column, i: number, lang: Lang): string {
  if (col.type === "number") {
    const x = col.v[i];
    if (x === x && col.field.type === "date") return isoOf(x);
    return x === x ? fmt(x, col.field.unit) : msg("blankValue", lang);
  }
  const k = col.v[i];
  return k >= 0 ? tr(col.labels[k], lang) : msg("blankValue", lang);
}

/**
 * Describes why a condition holds (or, with `all`, what it checked) for row i, e.g.
 * "expected months to close 2 ≤ 3". For `any`, only the branches that hold are shown.
 */
export function describeCondition(c: Condition, scope: Scope, i: number, lang: Lang): string {
  const label = (key: string) => {
    const col = scope.columns.get(key);
    return col ? tr(col.field.label, lang) : key;
  };
  if ("all" in c) return c.all.map((x) => describeCondition(x, scope, i, lang)).join(msg("and", lang));
  if ("any" in c) {
    const held = c.any.filter((x) => compileCondition(x, scope)(i));
    const shown = held.length ? held : c.any;
    return shown.map((x) => describeCondition(x, scope, i, lang)).join(msg("or", lang));
  }
  if ("not" in c) return msg("not", lang, { c: describeCondition(c.not, scope, i, lang) });
  if ("expr" in c) {
    const v = compileExpr(c.expr, scope)(i);
    const e = c.expr;
    if (typeof e === "object" && "since" in e) {
      const col = scope.columns.get(e.since);
      const d = col && col.type === "number" ? col.v[i] : NaN;
      const unit = msg(e.unit === "days" ? "sinceDays" : e.unit === "months" ? "sinceMonths" : "sinceYears", lang);
      const what = msg("since", lang, { unit, field: label(e.since), date: d === d ? isoOf(d) : msg("blankValue", lang), asOf: isoOf(asOfOf(scope)), value: fmt(v) });
      return `${what} ${showOp(c.op)} ${showNum(c.value, scope, i, lang)}`;
    }
    return `${fmt(round9(v))} ${showOp(c.op)} ${showNum(c.value, scope, i, lang)}`;
  }
  const col = scope.columns.get(c.field);
  if ("op" in c) {
    const unit = col?.type === "number" ? col.field.unit : undefined;
    return `${label(c.field)} ${col ? showCell(col, i, lang) : ""} ${showOp(c.op)} ${showNum(c.value, scope, i, lang, unit)}`;
  }
  if ("is" in c || "in" in c) return msg("inList", lang, { field: label(c.field), value: col ? showCell(col, i, lang) : "" });
  const pattern = textPatternOf(c);
  if (pattern) {
    const held = compileCondition(c, scope)(i);
    const words = pattern.words.map((w) => `“${w}”`).join(lang === "zh-CN" ? "、" : ", ");
    const key = held ? pattern.mode : (`${pattern.mode}Not` as const);
    return msg(key, lang, { field: label(c.field), value: col ? showCell(col, i, lang) : "", words });
  }
  if (!("blank" in c)) return "";
  return msg(c.blank ? "isBlank" : "notBlank", lang, { field: label(c.field) });
}
