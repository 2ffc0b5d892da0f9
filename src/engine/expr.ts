/**
 * Conditions and expressions compiled to small closures over typed columns, plus their
 * descriptions for reasons. Data only: no template text is ever executed as code.
 */
import { fmt, round9, tr, type Lang } from "./i18n";
import { msg } from "./messages";
import type { CmpOp, Condition, Expr, Num } from "./schema";
import type { CategoryColumn, Column, NumberColumn } from "./table";
import { normalizeWord } from "./parse";

export type RowPred = (i: number) => boolean;
export type RowNum = (i: number) => number;

/** What compiled code can see: the parsed columns and the parameter values. */
export interface Scope {
  columns: ReadonlyMap<string, Column>;
  params: Readonly<Record<string, number>>;
}

/** Misuse of the engine (a template that did not pass the checker): an exception, not a value. */
export class TemplateError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "TemplateError";
  }
}

export function numValue(v: Num, params: Readonly<Record<string, number>>): number {
  if (typeof v === "number") return v;
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
    if (["true", "y", "是", "有", "1"].includes(w)) return 0;
    if (["false", "n", "否", "无", "0"].includes(w)) return 1;
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

/** Compiles a condition to a row predicate. */
export function compileCondition(c: Condition, scope: Scope): RowPred {
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
  if ("expr" in c) {
    const e = compileExpr(c.expr, scope);
    const t = numValue(c.value, scope.params);
    const cmp = compare(c.op, t);
    return (i) => cmp(round9(e(i)));
  }
  if ("op" in c) {
    const v = numberColumn(scope, c.field).v;
    const t = numValue(c.value, scope.params);
    switch (c.op) {
      case "<":
        return (i) => v[i] < t;
      case "<=":
        return (i) => v[i] <= t;
      case ">":
        return (i) => v[i] > t;
      case ">=":
        return (i) => v[i] >= t;
      case "=":
        return (i) => v[i] === t;
      case "!=":
        return (i) => v[i] === v[i] && v[i] !== t;
    }
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
  const col = scope.columns.get(c.field);
  if (!col) throw new TemplateError(`unknown field '${c.field}'`);
  const b = col.blank;
  return c.blank ? (i) => b[i] === 1 : (i) => b[i] === 0;
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

const OPS: Record<CmpOp, string> = { "<": "<", "<=": "≤", ">": ">", ">=": "≥", "=": "=", "!=": "≠" };
export function showOp(op: CmpOp): string {
  return OPS[op];
}

/** Fields an expression or condition reads. */
export function exprFields(e: Expr | Condition, out: Set<string> = new Set()): Set<string> {
  if (typeof e === "number") return out;
  if ("field" in e) out.add(e.field);
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
    return `${fmt(round9(v))} ${showOp(c.op)} ${fmt(numValue(c.value, scope.params))}`;
  }
  const col = scope.columns.get(c.field);
  if ("op" in c) {
    const unit = col?.type === "number" ? col.field.unit : undefined;
    return `${label(c.field)} ${col ? showCell(col, i, lang) : ""} ${showOp(c.op)} ${fmt(numValue(c.value, scope.params), unit)}`;
  }
  if ("is" in c || "in" in c) return msg("inList", lang, { field: label(c.field), value: col ? showCell(col, i, lang) : "" });
  return msg(c.blank ? "isBlank" : "notBlank", lang, { field: label(c.field) });
}
