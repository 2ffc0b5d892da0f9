/**
 * Computed measures (`template.measures`): named values built from fields, parameters and earlier
 * measures, added to the parsed table as number columns so that bands, conditions and scorecards
 * read them like fields. A row where a measure divides by zero is that row's error, naming the
 * measure (never Infinity or NaN passed on silently); a blank operand makes the measure blank.
 */
import type { Column, GradeError, NumberColumn } from "../input/table";
import type { Expr, Field, Measure, Template } from "../template/schema";
import { fmt, tr } from "../text/display";
import type { Lang } from "../text/lang";
import { msg } from "../text/messages";
import { compileCondition, compileExpr, numValue, showCell, type RowPred, type Scope } from "./expr";
import { round9 } from "./precision";

/** A measure seen as a (never required) number field. */
export function measureField(m: Measure): Field {
  return { key: m.key, label: m.label, type: "number", required: false, unit: m.unit, description: m.description };
}

/** Half away from zero at `d` decimals, on the 9-decimal value (Excel's ROUND). */
export function roundHalfAway(x: number, d: number): number {
  const f = 10 ** d;
  const y = round9(Math.abs(x) * f);
  return (Math.sign(x) * Math.round(y)) / f;
}

/** True where the expression divides by zero (a divisor that is 0, not blank), in the branch taken. */
export function compileDivZero(e: Expr, scope: Scope): RowPred {
  if (typeof e === "number" || "field" in e || "param" in e || "since" in e) return () => false;
  if ("if" in e) {
    const c = compileCondition(e.if, scope);
    const a = compileDivZero(e.then, scope);
    const b = compileDivZero(e.else, scope);
    return (i) => (c(i) ? a(i) : b(i));
  }
  const inner = e.args.map((x) => compileDivZero(x, scope));
  const divisors = "op" in e && e.op === "/" && e.args.length > 1 ? e.args.slice(1).map((x) => compileExpr(x, scope)) : [];
  return (i) => inner.some((p) => p(i)) || divisors.some((d) => d(i) === 0);
}

/**
 * Adds every measure's column to `columns` (in order); rows that divide by zero get an error
 * through `addError`.
 */
export function addMeasures(t: Template, scope: Scope & { columns: Map<string, Column> }, n: number, addError: (i: number, e: GradeError) => void): void {
  for (const m of t.measures ?? []) {
    const f = compileExpr(m.expr, scope);
    const div = compileDivZero(m.expr, scope);
    const v = new Float64Array(n);
    const blank = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      let x = f(i);
      if (div(i)) {
        x = NaN;
        addError(i, {
          type: "#VALUE!",
          code: "measureDivZero",
          field: m.key,
          message: {
            en: msg("measureDivZero", "en", { measure: tr(m.label, "en"), how: describeExpr(m.expr, scope, i, "en") }),
            zh: msg("measureDivZero", "zh-CN", { measure: tr(m.label, "zh-CN"), how: describeExpr(m.expr, scope, i, "zh-CN") }),
          },
        });
      } else if (x === x && m.round !== undefined) x = roundHalfAway(x, m.round);
      if (!Number.isFinite(x)) x = NaN;
      v[i] = x;
      blank[i] = x === x ? 0 : 1;
    }
    const col: NumberColumn = { type: "number", field: measureField(m), v, blank };
    scope.columns.set(m.key, col);
  }
}

const OP_WORDS: Record<string, string> = { "+": " + ", "-": " − ", "*": " × ", "/": " ÷ " };

/** How an expression was built in row i: "spend 1,200 + orders 3 × 10". */
export function describeExpr(e: Expr, scope: Scope, i: number, lang: Lang, nested = false): string {
  if (typeof e === "number") return fmt(e);
  if ("param" in e) return fmt(numValue(e, scope.params));
  if ("field" in e) {
    const col = scope.columns.get(e.field);
    return col ? `${tr(col.field.label, lang)} ${showCell(col, i, lang)}` : e.field;
  }
  if ("if" in e) return describeExpr(compileCondition(e.if, scope)(i) ? e.then : e.else, scope, i, lang, nested);
  if ("since" in e) {
    const col = scope.columns.get(e.since);
    const days = compileExpr(e, scope)(i);
    return `${col ? tr(col.field.label, lang) : e.since} → ${fmt(days)} ${e.unit}`;
  }
  const parts = e.args.map((x) => describeExpr(x, scope, i, lang, true));
  if ("op" in e) {
    const s = parts.length === 1 && e.op === "-" ? `−${parts[0]}` : parts.join(OP_WORDS[e.op]);
    return nested && parts.length > 1 ? `(${s})` : s;
  }
  return `${e.fn}(${parts.join(", ")})`;
}

/** Measure keys a part of a template reads directly (`{ field: key }` anywhere in it). */
export function measuresUsed(root: unknown, keys: ReadonlySet<string>, out: Set<string> = new Set()): Set<string> {
  if (Array.isArray(root)) root.forEach((x) => measuresUsed(x, keys, out));
  else if (root && typeof root === "object") {
    for (const [k, v] of Object.entries(root as Record<string, unknown>)) {
      if ((k === "field" || k === "groupBy") && typeof v === "string" && keys.has(v)) out.add(v);
      else if (typeof v === "object") measuresUsed(v, keys, out);
    }
  }
  return out;
}

/** The reason's note on the measures a row's grade used: "growth value 1,200 = spend 1,000 + …". */
export function measureNotes(t: Template, scope: Scope): ((i: number, lang: Lang) => string[]) | undefined {
  const list = t.measures ?? [];
  if (!list.length) return undefined;
  const used = measuresUsed([t.model, t.post ?? []], new Set(list.map((m) => m.key)));
  const shown = list.filter((m) => used.has(m.key));
  if (!shown.length) return undefined;
  return (i, lang) =>
    shown.map((m) => {
      const col = scope.columns.get(m.key)!;
      return msg("measureShown", lang, { measure: tr(m.label, lang), value: showCell(col, i, lang), how: describeExpr(m.expr, scope, i, lang) });
    });
}
