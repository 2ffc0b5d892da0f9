/**
 * Column-at-a-time evaluation of conditions and expressions: each node is one tight loop over
 * typed arrays. This is the fast path for whole tables; `expr.ts` closures evaluate single rows
 * (explanations) with the same semantics (blank is NaN, comparisons with NaN are false).
 */
import { numValue, type Scope } from "./expr";
import { TemplateError } from "../template/template-error";
import { round9 } from "./precision";
import { asOfOf, categoryValueIndex, dateColumn } from "./expr";
import { patternValueSet, textPatternOf } from "./text-patterns";
import { elapsed } from "../input/dates";
import type { CmpOp, Condition, Expr } from "../template/schema";

/** Fills `out[i]` with 1 where `v[i] op t` (false for NaN). */
export function compareInto(v: Float64Array, op: CmpOp, t: number, out: Uint8Array): Uint8Array {
  const n = out.length;
  switch (op) {
    case "<":
      for (let i = 0; i < n; i++) out[i] = v[i] < t ? 1 : 0;
      break;
    case "<=":
      for (let i = 0; i < n; i++) out[i] = v[i] <= t ? 1 : 0;
      break;
    case ">":
      for (let i = 0; i < n; i++) out[i] = v[i] > t ? 1 : 0;
      break;
    case ">=":
      for (let i = 0; i < n; i++) out[i] = v[i] >= t ? 1 : 0;
      break;
    case "=":
      for (let i = 0; i < n; i++) out[i] = v[i] === t ? 1 : 0;
      break;
    case "!=":
      for (let i = 0; i < n; i++) out[i] = v[i] === v[i] && v[i] !== t ? 1 : 0;
      break;
  }
  return out;
}

/** Results of sub-expressions already computed for this table (common subexpressions). */
export type VectorMemo = Map<string, Float64Array>;

/** A 0/1 mask of the rows where the condition holds. */
export function conditionMask(c: Condition, scope: Scope, n: number, memo: VectorMemo = new Map()): Uint8Array {
  if ("all" in c || "any" in c) {
    const parts = "all" in c ? c.all : c.any;
    const out = conditionMask(parts[0], scope, n, memo);
    for (let k = 1; k < parts.length; k++) {
      const m = conditionMask(parts[k], scope, n, memo);
      if ("all" in c) for (let i = 0; i < n; i++) out[i] &= m[i];
      else for (let i = 0; i < n; i++) out[i] |= m[i];
    }
    return out;
  }
  if ("not" in c) {
    const m = conditionMask(c.not, scope, n, memo);
    for (let i = 0; i < n; i++) m[i] ^= 1;
    return m;
  }
  if ("expr" in c) {
    const e = exprVector(c.expr, scope, n, memo); // may be a column or memoised: never written
    const v = new Float64Array(n);
    for (let i = 0; i < n; i++) v[i] = round9(e[i]);
    return compareInto(v, c.op, numValue(c.value, scope.params), new Uint8Array(n));
  }
  const col = scope.columns.get(c.field);
  if (!col) throw new TemplateError(`unknown field '${c.field}'`);
  if ("op" in c) {
    if (col.type !== "number") throw new TemplateError(`field '${c.field}' is not a number field`);
    return compareInto(col.v, c.op, numValue(c.value, scope.params), new Uint8Array(n));
  }
  const out = new Uint8Array(n);
  if ("is" in c || "in" in c) {
    if (col.type !== "category") throw new TemplateError(`field '${c.field}' is not a category or yes/no field`);
    const set = new Uint8Array(col.values.length + 1);
    for (const w of "is" in c ? [c.is] : c.in) set[categoryValueIndex(col, w)] = 1;
    const v = col.v;
    for (let i = 0; i < n; i++) out[i] = v[i] >= 0 ? set[v[i]] : 0;
    return out;
  }
  const pattern = textPatternOf(c);
  if (pattern) {
    if (col.type !== "category") throw new TemplateError(`field '${c.field}' is not a text or category field`);
    const set = patternValueSet(col, pattern.mode, pattern.words);
    const v = col.v;
    for (let i = 0; i < n; i++) out[i] = v[i] >= 0 ? set[v[i]] : 0;
    return out;
  }
  const b = col.blank;
  if ("blank" in c && c.blank) out.set(b);
  else for (let i = 0; i < n; i++) out[i] = b[i] ^ 1;
  return out;
}

/**
 * The expression's value for every row (NaN where a field is blank). The result is shared (a
 * column itself, or a memoised sub-expression): callers must never write into it.
 */
export function exprVector(e: Expr, scope: Scope, n: number, memo: VectorMemo = new Map()): Float64Array {
  if (typeof e === "number") return new Float64Array(n).fill(e);
  if ("param" in e) return new Float64Array(n).fill(numValue(e, scope.params));
  if ("field" in e) {
    const col = scope.columns.get(e.field);
    if (!col || col.type !== "number") throw new TemplateError(`field '${e.field}' is not a number field`);
    return col.v;
  }
  const key = JSON.stringify(e);
  const known = memo.get(key);
  if (known) return known;
  const out = computeVector(e, scope, n, memo);
  memo.set(key, out);
  return out;
}

function computeVector(e: Exclude<Expr, number | { field: string } | { param: string }>, scope: Scope, n: number, memo: VectorMemo): Float64Array {
  if ("since" in e) {
    const v = dateColumn(scope, e.since).v;
    const to = asOfOf(scope);
    const out = new Float64Array(n);
    for (let i = 0; i < n; i++) out[i] = elapsed(v[i], to, e.unit);
    return out;
  }
  if ("if" in e) {
    const m = conditionMask(e.if, scope, n, memo);
    const a = exprVector(e.then, scope, n, memo);
    const b = exprVector(e.else, scope, n, memo);
    const out = new Float64Array(n);
    for (let i = 0; i < n; i++) out[i] = m[i] === 1 ? a[i] : b[i];
    return out;
  }
  const args = e.args.map((x) => exprVector(x, scope, n, memo));
  const out = new Float64Array(n);
  const first = args[0];
  if ("op" in e) {
    if (args.length === 1) {
      if (e.op === "-") for (let i = 0; i < n; i++) out[i] = -first[i];
      else out.set(first);
      return out;
    }
    out.set(first);
    for (let k = 1; k < args.length; k++) {
      const a = args[k];
      switch (e.op) {
        case "+":
          for (let i = 0; i < n; i++) out[i] += a[i];
          break;
        case "-":
          for (let i = 0; i < n; i++) out[i] -= a[i];
          break;
        case "*":
          for (let i = 0; i < n; i++) out[i] *= a[i];
          break;
        case "/":
          for (let i = 0; i < n; i++) out[i] /= a[i];
          break;
      }
    }
    return out;
  }
  switch (e.fn) {
    case "abs":
      for (let i = 0; i < n; i++) out[i] = Math.abs(first[i]);
      return out;
    case "floor":
      for (let i = 0; i < n; i++) out[i] = Math.floor(round9(first[i]));
      return out;
    case "min":
    case "max": {
      out.set(first);
      const isMin = e.fn === "min";
      for (let k = 1; k < args.length; k++) {
        const a = args[k];
        // Math.min/max semantics: NaN anywhere gives NaN.
        if (isMin) for (let i = 0; i < n; i++) out[i] = Math.min(out[i], a[i]);
        else for (let i = 0; i < n; i++) out[i] = Math.max(out[i], a[i]);
      }
      return out;
    }
    case "sum":
    case "mean": {
      out.set(first);
      for (let k = 1; k < args.length; k++) {
        const a = args[k];
        for (let i = 0; i < n; i++) out[i] += a[i];
      }
      if (e.fn === "mean") for (let i = 0; i < n; i++) out[i] /= args.length;
      return out;
    }
  }
}
