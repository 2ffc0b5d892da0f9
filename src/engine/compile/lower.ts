/**
 * Template -> IR, with the engine's semantics spelled out (see `kinds/`, `eval/expr.ts`,
 * `input/table.ts`). This part is kind-independent (fields, validity, conditions, expressions,
 * post adjustments); each kind lowers its own model (`kinds/<kind>/compile.ts`) through
 * `LowerContext`. The semantics:
 * - a row is "no data" when every field is blank; it is bad (`#VALUE!`) when a cell does not read
 *   (number fields: a number within min/max; category and yes/no fields: one of their words),
 *   when a required field is blank (also `requiredUnless`, `requireOneOf`);
 * - a comparison on a blank value is false; expressions over a blank value are NaN (0 points);
 * - computed values are compared after rounding to 9 decimals; `floor` floors the rounded value;
 * - populations (relative to max, percentile tiers) are the valid rows of the table.
 */
import { compileTemplate, type CompiledTemplate } from "../eval/grade";
import { normalizeWord } from "../input/parse";
import { kindOf } from "../kinds";
import type { Condition, Expr, Field, Measure, Num, PopStat, Template } from "../template/schema";
import { measureField } from "../eval/measures";
import { TemplateError } from "../template/template-error";
import { and, arith, cmp, FALSE, iff, NA, not, num, or, str, TRUE, type CmpOp, type Node } from "./ir";
import type { LowerContext } from "./lower-context";
import { refuse } from "./types";
import { isPopStat, statKey, statP } from "../eval/pop-stats";
import { valuesOf, wordGroups } from "./words";
import { lowerSince, lowerTextPattern, patternTextFields } from "./lower-dates-text";

export interface Lowered {
  template: Template;
  compiled: CompiledTemplate;
  /** Every field blank: the row has no data. */
  allBlank: Node;
  /** Every cell reads and the required ones are there. */
  valid: Node;
  /** Grade id of a valid row (may be `na`: the model gives no grade). */
  grade: Node;
  /** Score of a valid row, for templates that score. */
  score?: Node;
  fields: readonly Field[];
}

export interface LowerOptions {
  params?: Readonly<Record<string, number>>;
  /** Bands on a computed score counted in one pass (`SUMPRODUCT(--(s>{..}))`) instead of repeating the score per band. */
  compactBands: boolean;
}

export function lower(template: Template, opts: LowerOptions): Lowered {
  let compiled: CompiledTemplate;
  try {
    compiled = compileTemplate(template);
  } catch (e) {
    const why = e instanceof TemplateError ? e.message : String(e);
    refuse("invalidTemplate", `the template has problems: ${why}`, `模板有问题：${why}`);
  }
  const t = compiled.template;
  const params: Record<string, number> = { ...compiled.params };
  for (const [k, v] of Object.entries(opts.params ?? {})) {
    if (!(k in compiled.params)) refuse("badOptions", `template '${t.id}' has no parameter '${k}'`, `模板“${t.id}”没有参数“${k}”`);
    const def = t.params?.find((p) => p.key === k);
    if (typeof v !== "number" || !Number.isFinite(v) || (def && ((def.min !== undefined && v < def.min) || (def.max !== undefined && v > def.max)))) {
      refuse("badOptions", `parameter '${k}' must be a number within its range, got ${String(v)}`, `参数“${k}”必须是范围内的数字，实际为 ${String(v)}`);
    }
    params[k] = v;
  }
  return new Lowerer(t, compiled, params, opts).run();
}

/** The kind-independent lowering; a kind lowers its model through this (`LowerContext`). */
class Lowerer implements LowerContext {
  private readonly fields = new Map<string, Field>();
  private readonly idCounts = new Map<string, number>();
  private validNode?: Node;
  private readonly measures = new Map<string, Measure>();
  private readonly measureNodes = new Map<string, { v: Node; nan: Node }>();
  private readonly statNodes = new Map<string, Node>();
  private blankNode?: Node;

  constructor(
    private readonly t: Template,
    private readonly compiled: CompiledTemplate,
    private readonly params: Record<string, number>,
    private readonly opts: LowerOptions,
  ) {
    for (const f of t.fields) this.fields.set(f.key, f);
    for (const m of t.measures ?? []) {
      this.fields.set(m.key, measureField(m));
      this.measures.set(m.key, m);
    }
  }

  run(): Lowered {
    const t = this.t;
    const lowered = kindOf(t.model).lower(t.model, this);
    let grade: Node;
    let score: Node | undefined;
    let valid = this.valid();
    if ("invalid" in lowered && lowered.invalid) valid = { k: "share", id: "rowok", a: and(valid, not(lowered.invalid)) };
    if ("id" in lowered) {
      // The kind refuses post adjustments it cannot take; this guards a kind that forgets to.
      if ((t.post ?? []).length > 0) {
        refuse("notExpressible", `post adjustments on a ${t.model.kind} template cannot be compiled`, `${t.model.kind} 模板的后置调整无法编译`);
      }
      grade = lowered.id;
    } else {
      let idx = lowered.index;
      score = lowered.score;
      for (const a of t.post ?? []) {
        const isFloor = "floor" in a;
        const target = this.gradeNo(isFloor ? a.floor : a.cap);
        idx = { k: "adjust", idx, kind: isFloor ? "floor" : "cap", t: target, when: this.cond(a.when) };
      }
      grade = this.labels(idx);
    }
    return {
      template: t,
      compiled: this.compiled,
      allBlank: this.allBlank(),
      valid,
      grade,
      score,
      fields: t.fields,
    };
  }

  get template(): Template {
    return this.t;
  }

  get compactBands(): boolean {
    return this.opts.compactBands;
  }

  uniqueId(prefix: string): string {
    const n = (this.idCounts.get(prefix) ?? 0) + 1;
    this.idCounts.set(prefix, n);
    return `${prefix}${n}`;
  }

  // ---- fields -----------------------------------------------------------------------------

  field(key: string): Field {
    const f = this.fields.get(key);
    if (!f) refuse("invalidTemplate", `unknown field '${key}'`, `未知字段“${key}”`);
    return f;
  }

  /** Required in every row (no default, no exemption). */
  private strictlyRequired(f: Field): boolean {
    return f.required !== false && f.default === undefined && f.requiredUnless === undefined;
  }

  numDefault(f: Field): number | undefined {
    return typeof f.default === "number" ? f.default : undefined;
  }

  /** 0-based index of a category/yes-no field's default value, or -1. */
  private catDefault(f: Field): number {
    return typeof f.default === "string" ? valuesOf(f).indexOf(f.default) : -1;
  }

  /**
   * A computed measure's value (shared, so printed once) and where it is blank. `round` is Excel's
   * ROUND (half away from zero) on the 9-decimal value, as the engine does.
   */
  private measure(key: string): { v: Node; nan: Node } | undefined {
    const m = this.measures.get(key);
    if (!m) return undefined;
    let out = this.measureNodes.get(key);
    if (!out) {
      const e = this.expr(m.expr);
      let v = e.v;
      if (m.round !== undefined) {
        const f = num(10 ** m.round);
        const mag: Node = { k: "floor", a: arith("+", { k: "round9", a: arith("*", { k: "abs", a: v }, f) }, num(0.5)) };
        v = arith("/", iff(cmp("<", v, num(0)), { k: "neg", a: mag }, mag), f);
      }
      out = { v: { k: "share", id: `m_${key}`, a: v }, nan: e.nan };
      this.measureNodes.set(key, out);
    }
    return out;
  }

  /** True where an expression divides by zero (a divisor that is 0, not blank) in the branch taken. */
  private divZero(e: Expr): Node {
    if (typeof e === "number" || "field" in e || "param" in e || "since" in e) return FALSE;
    if ("if" in e) return iff(this.cond(e.if), this.divZero(e.then), this.divZero(e.else));
    const parts = e.args.map((x) => this.divZero(x));
    if ("op" in e && e.op === "/") {
      for (const d of e.args.slice(1)) {
        const x = this.expr(d);
        parts.push(iff(x.nan, FALSE, cmp("=", x.v, num(0))));
      }
    }
    return or(...parts);
  }

  /** A number field's value in a valid row. */
  readNum(key: string): Node {
    const mv = this.measure(key);
    if (mv) return mv.v;
    const f = this.field(key);
    const d = this.numDefault(f);
    const val: Node = { k: "val", f: key };
    return d !== undefined && !this.strictlyRequired(f) ? iff({ k: "isNum", f: key }, val, num(d)) : val;
  }

  /** True where a number field's value is NaN (blank) in a valid row. */
  nanOf(key: string): Node {
    const mv = this.measure(key);
    if (mv) return mv.nan;
    const f = this.field(key);
    if (this.strictlyRequired(f) || this.numDefault(f) !== undefined) return FALSE;
    // In a valid row the cell is a number or blank.
    return not({ k: "isNum", f: key });
  }

  words(key: string, indexes: number[]): Node {
    const f = this.field(key);
    const groups = wordGroups(f);
    const ws = indexes.flatMap((i) => groups[i] ?? []);
    const d = this.catDefault(f);
    const hit: Node = ws.length ? { k: "words", f: key, words: ws } : FALSE;
    return d >= 0 && indexes.includes(d) && !this.strictlyRequired(f) ? or({ k: "blank", f: key }, hit) : hit;
  }

  /** Index of a category value named in a condition (value, label or alias), as the engine resolves it. */
  private valueIndex(f: Field, word: string): number {
    const w = normalizeWord(word);
    if (f.type === "yesno") {
      if (["yes", "是", "true", "y", "有", "1"].includes(w)) return 0;
      if (["no", "否", "false", "n", "无", "0"].includes(w)) return 1;
    } else if (f.type === "category") {
      const cats = f.categories ?? [];
      let i = cats.findIndex((c) => normalizeWord(c.value) === w || normalizeWord(c.label.en) === w || normalizeWord(c.label.zh) === w);
      if (i < 0) i = cats.findIndex((c) => (c.aliases ?? []).some((a) => normalizeWord(a) === w));
      if (i >= 0) return i;
    } else {
      refuse(
        "notExpressible",
        `a condition compares the free-text field '${f.key}' with a word; only category and yes/no fields can be compared`,
        `条件将自由文本字段“${f.key}”与词语比较；只有类别和是/否字段可以比较`,
      );
    }
    refuse("invalidTemplate", `'${word}' is not a value of field '${f.key}'`, `“${word}”不是字段“${f.key}”的可选值`);
  }

  /** The cell reads as this field's type (number in range, a known word); blank is not OK here. */
  private cellOk(f: Field): Node {
    const key = f.key;
    switch (f.type) {
      case "number": {
        const parts: Node[] = [{ k: "isNum", f: key }];
        if (f.min !== undefined) parts.push(cmp(">=", { k: "val", f: key }, num(f.min)));
        if (f.max !== undefined) parts.push(cmp("<=", { k: "val", f: key }, num(f.max)));
        return and(...parts);
      }
      case "text":
        return not({ k: "blank", f: key });
      case "date":
        return lowerSince(this, key).ok;
      default: {
        const ws = wordGroups(f).flat();
        return ws.length ? { k: "words", f: key, words: ws } : FALSE;
      }
    }
  }

  private fieldOk(f: Field): Node {
    const ok = this.cellOk(f);
    const blank: Node = { k: "blank", f: f.key };
    if (this.strictlyRequired(f)) return ok;
    if (f.requiredUnless) return or(ok, and(blank, this.cond(f.requiredUnless)));
    return f.type === "text" ? TRUE : or(blank, ok);
  }

  private valid(): Node {
    if (!this.validNode) {
      const parts = this.t.fields.map((f) => this.fieldOk(f));
      for (const key of patternTextFields(this.t)) parts.push(not({ k: "oddText", f: key }));
      // A row where a measure divides by zero is bad (the engine's error naming the measure).
      for (const m of this.t.measures ?? []) parts.push(not(this.divZero(m.expr)));
      for (const group of this.t.requireOneOf ?? []) {
        const keys = group.filter((k) => this.fields.has(k));
        if (keys.length) parts.push(not(and(...keys.map((k): Node => ({ k: "blank", f: k })))));
      }
      this.validNode = { k: "share", id: "valid", a: and(...parts) };
    }
    return this.validNode;
  }

  private allBlank(): Node {
    this.blankNode ??= { k: "share", id: "blank", a: { k: "allBlank", fs: this.t.fields.map((f) => f.key) } };
    return this.blankNode;
  }

  /** The population: valid rows (and not "no data", when every field may be blank). */
  validPop(): Node {
    const anyRequired = this.t.fields.some((f) => this.strictlyRequired(f)) || (this.t.requireOneOf ?? []).length > 0;
    return anyRequired ? this.valid() : and(this.valid(), not(this.allBlank()));
  }

  // ---- conditions and expressions ---------------------------------------------------------

  num(v: Num): number {
    if (typeof v === "number") return v;
    if (isPopStat(v)) {
      refuse("notExpressible", `a population threshold (${v.stat} of '${v.field}') cannot be compiled here`, `此处无法编译总体阈值（“${v.field}”的 ${v.stat}）`);
    }
    const p = this.params[v.param];
    if (p === undefined) refuse("invalidTemplate", `unknown parameter '${v.param}'`, `未知参数“${v.param}”`);
    return p;
  }

  numNode(v: Num): Node {
    return isPopStat(v) ? this.stat(v) : num(this.num(v));
  }

  /** A population threshold over the valid rows with a value (in the row's group). */
  private stat(s: PopStat): Node {
    const key = statKey(s);
    let node = this.statNodes.get(key);
    if (!node) {
      const f = this.field(s.field);
      if (f.type !== "number") refuse("invalidTemplate", `field '${s.field}' is not a number field`, `字段“${s.field}”不是数字字段`);
      let pop = and(this.validPop(), not(this.nanOf(s.field)));
      let group: Node | undefined;
      if (s.groupBy) {
        const g = this.groupKey(s.groupBy);
        pop = and(pop, not(g.missing));
        group = g.key;
      }
      const id = this.uniqueId("stat");
      const p = statP(s);
      // `divides`: the value may be an error in other rows (a measure dividing by zero there).
      const m = this.measures.get(s.field);
      const divides = m !== undefined && JSON.stringify(m.expr).includes('"op":"/"');
      const a: Node = { k: "popStat", id, stat: p === undefined ? "mean" : "percentile", p: p ?? 0, pop, v: this.readNum(s.field), group, divides };
      node = { k: "share", id, a: { k: "round9", a } };
      this.statNodes.set(key, node);
    }
    return node;
  }

  /** Compares a value with a threshold; false where the value is blank or a group threshold has no group. */
  private cmpTo(op: string, x: Node, nan: Node, value: Num): Node {
    const c = cmp(this.op(op), x, this.numNode(value));
    const noGroup = isPopStat(value) && value.groupBy ? this.groupKey(value.groupBy).missing : FALSE;
    // IF, not AND: Excel's AND evaluates every argument, and a threshold over no rows is #DIV/0!.
    return iff(or(nan, noGroup), FALSE, c);
  }

  private op(op: string): CmpOp {
    return op === "!=" ? "<>" : (op as CmpOp);
  }

  cond(c: Condition): Node {
    if ("all" in c) return and(...c.all.map((x) => this.cond(x)));
    if ("any" in c) return or(...c.any.map((x) => this.cond(x)));
    if ("not" in c) return not(this.cond(c.not));
    if ("expr" in c) {
      // IF, not AND: Excel's AND evaluates every argument, and arithmetic on a cell of spaces is #VALUE!.
      const e = this.expr(c.expr);
      if (isPopStat(c.value)) return this.cmpTo(c.op, { k: "round9", a: e.v }, e.nan, c.value);
      return iff(e.nan, FALSE, cmp(this.op(c.op), { k: "round9", a: e.v }, num(this.num(c.value))));
    }
    if ("op" in c) {
      const f = this.field(c.field);
      if (f.type !== "number") refuse("invalidTemplate", `field '${c.field}' is not a number field`, `字段“${c.field}”不是数字字段`);
      if (isPopStat(c.value)) return this.cmpTo(c.op, this.readNum(c.field), this.nanOf(c.field), c.value);
      return and(not(this.nanOf(c.field)), cmp(this.op(c.op), this.readNum(c.field), num(this.num(c.value))));
    }
    if ("is" in c || "in" in c) {
      const f = this.field(c.field);
      const idx = ("is" in c ? [c.is] : c.in).map((w) => this.valueIndex(f, w));
      return this.words(c.field, [...new Set(idx)]);
    }
    const f = this.field(c.field);
    if (!("blank" in c)) return lowerTextPattern(this, f, c);
    const b: Node = { k: "blank", f: c.field };
    return c.blank ? b : not(b);
  }

  expr(e: Expr): { v: Node; nan: Node } {
    if (typeof e === "number") return { v: num(e), nan: FALSE };
    if ("param" in e) return { v: num(this.num(e)), nan: FALSE };
    if ("field" in e) {
      const f = this.field(e.field);
      if (f.type !== "number") refuse("invalidTemplate", `field '${e.field}' is not a number field`, `字段“${e.field}”不是数字字段`);
      return { v: this.readNum(e.field), nan: this.nanOf(e.field) };
    }
    if ("since" in e) return lowerSince(this, e.since, e.unit);
    if ("if" in e) {
      const c = this.cond(e.if);
      const a = this.expr(e.then);
      const b = this.expr(e.else);
      return { v: iff(c, a.v, b.v), nan: iff(c, a.nan, b.nan) };
    }
    const args = e.args.map((x) => this.expr(x));
    const nan = or(...args.map((a) => a.nan));
    const fold = (op: "+" | "-" | "*" | "/") => args.slice(1).reduce((s, a) => arith(op, s, a.v), args[0].v);
    if ("op" in e) {
      if (args.length === 1) return { v: e.op === "-" ? { k: "neg", a: args[0].v } : args[0].v, nan };
      return { v: fold(e.op), nan };
    }
    switch (e.fn) {
      case "min":
      case "max":
        return { v: args.length === 1 ? args[0].v : { k: "minmax", fn: e.fn, args: args.map((a) => a.v) }, nan };
      case "sum":
        return { v: fold("+"), nan };
      case "mean":
        return { v: arith("/", fold("+"), num(args.length)), nan };
      case "abs":
        return { v: { k: "abs", a: args[0].v }, nan };
      case "floor":
        return { v: { k: "floor", a: { k: "round9", a: args[0].v } }, nan };
    }
  }

  // ---- grades -------------------------------------------------------------------------------

  /** 1-based grade number of a grade id. */
  gradeNo(id: string): number {
    const k = this.compiled.gradeIndex.get(id);
    if (k === undefined) refuse("invalidTemplate", `unknown grade '${id}'`, `未知等级“${id}”`);
    return k + 1;
  }

  /** Grade numbers -> grade ids (pushed into branches where the numbers are constants). */
  private labels(idx: Node): Node {
    const ids = this.compiled.grades.map((g) => g.id);
    const go = (n: Node): Node => {
      if (n.k === "num") return ids[n.v - 1] !== undefined ? str(ids[n.v - 1]) : NA;
      if (n.k === "na") return n;
      if (n.k === "if") return iff(n.c, go(n.t), go(n.e));
      if (n.k === "choose" && n.opts.every((o) => o.k === "num" || o.k === "na")) return { k: "choose", idx: n.idx, opts: n.opts.map(go) };
      return { k: "choose", idx: n, opts: ids.map(str) };
    };
    return go(idx);
  }

  // ---- groups ------------------------------------------------------------------------------

  /** Group key of a row (category index or trimmed text), and whether the key is missing. */
  groupKey(key: string): { key: Node; missing: Node } {
    const f = this.field(key);
    if (f.type === "text") return { key: { k: "textKey", f: key }, missing: { k: "blank", f: key } };
    if (f.type === "number") {
      refuse("notExpressible", `grouping by the number field '${key}' cannot be compiled`, `无法编译按数字字段“${key}”分组`);
    }
    const d = this.catDefault(f);
    const node: Node = { k: "catIndex", f: key, groups: wordGroups(f), blankIndex: d >= 0 ? d + 1 : undefined };
    return { key: node, missing: d >= 0 ? FALSE : { k: "blank", f: key } };
  }
}
