/**
 * Template -> IR, with the engine's semantics spelled out (see `kinds/*.ts`, `expr.ts`, `table.ts`):
 * - a row is "no data" when every field is blank; it is bad (`#VALUE!`) when a cell does not read
 *   (number fields: a number within min/max; category and yes/no fields: one of their words),
 *   when a required field is blank (also `requiredUnless`, `requireOneOf`);
 * - a comparison on a blank value is false; expressions over a blank value are NaN (0 points);
 * - computed values are compared after rounding to 9 decimals; `floor` floors the rounded value;
 * - populations (relative to max, percentile tiers) are the valid rows of the table.
 */
import { TemplateError } from "../eval/expr";
import { compileTemplate, type CompiledTemplate } from "../eval/grade";
import { normalizeWord } from "../input/parse";
import type { Band, CodePart, Condition, Criterion, Expr, Field, Num, Template } from "../template/schema";
import { and, arith, cmp, FALSE, iff, NA, not, num, or, str, TRUE, type CmpOp, type Node } from "./ir";
import { refuse } from "./types";

/** Yes/no words the formulas and SQL accept (case-insensitive; TRUE/FALSE and 1/0 cells read as these). */
export const YES_WORDS: readonly string[] = ["yes", "y", "true", "1", "是", "有"];
export const NO_WORDS: readonly string[] = ["no", "n", "false", "0", "否", "无"];

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

/** A word as Excel's TRIM leaves it (outer spaces removed, inner runs of spaces made one). */
function trimWord(w: string): string {
  return w.replace(/^ +| +$/g, "").replace(/ {2,}/g, " ");
}

/** Word groups per value of a category or yes/no field, deduplicated as the engine matches them (first wins). */
export function wordGroups(field: Field): string[][] {
  if (field.type === "yesno") return [[...YES_WORDS], [...NO_WORDS]];
  const seen = new Set<string>();
  return (field.categories ?? []).map((c) => {
    const out: string[] = [];
    for (const w of [c.value, c.label.en, c.label.zh, ...(c.aliases ?? [])]) {
      const k = normalizeWord(w);
      const t = trimWord(w);
      if (!k || !t || seen.has(k)) continue;
      seen.add(k);
      out.push(t);
    }
    return out;
  });
}

/** Canonical values of a category or yes/no field, in index order. */
function valuesOf(field: Field): string[] {
  return field.type === "yesno" ? ["yes", "no"] : (field.categories ?? []).map((c) => c.value);
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

class Lowerer {
  private readonly fields = new Map<string, Field>();
  private maxCount = 0;
  private validNode?: Node;
  private blankNode?: Node;
  private scoreNode?: Node;

  constructor(
    private readonly t: Template,
    private readonly compiled: CompiledTemplate,
    private readonly params: Record<string, number>,
    private readonly opts: LowerOptions,
  ) {
    for (const f of t.fields) this.fields.set(f.key, f);
  }

  run(): Lowered {
    const t = this.t;
    const model = t.model;
    let grade: Node;
    let score: Node | undefined;
    if (model.kind === "code") {
      if ((t.post ?? []).length > 0) {
        refuse("notExpressible", "post adjustments on a code template cannot be compiled", "组合编码模板的后置调整无法编译");
      }
      grade = this.code(model);
    } else {
      let idx: Node;
      switch (model.kind) {
        case "rules":
          idx = this.rules(model.rules, model.otherwise);
          break;
        case "bands": {
          const nan = this.nanOf(model.field);
          idx = iff(nan, NA, this.bandIndex({ k: "round9", a: this.readNum(model.field) }, model.bands, model.otherwise, false));
          break;
        }
        case "scorecard": {
          score = this.score(model.criteria);
          const g = model.grading;
          if (g.kind === "bands") {
            idx = this.bandIndex({ k: "round9", a: score }, g.bands, g.otherwise, true);
          } else {
            idx = { k: "tier", pop: this.validPop(), v: { k: "round9", a: score }, cuts: g.cuts };
          }
          break;
        }
        case "percentile":
          idx = this.tierOf(model.field, model.groupBy, model.cuts, FALSE);
          break;
      }
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
      valid: this.valid(),
      grade,
      score,
      fields: t.fields,
    };
  }

  // ---- fields -----------------------------------------------------------------------------

  private field(key: string): Field {
    const f = this.fields.get(key);
    if (!f) refuse("invalidTemplate", `unknown field '${key}'`, `未知字段“${key}”`);
    return f;
  }

  /** Required in every row (no default, no exemption). */
  private strictlyRequired(f: Field): boolean {
    return f.required !== false && f.default === undefined && f.requiredUnless === undefined;
  }

  private numDefault(f: Field): number | undefined {
    return typeof f.default === "number" ? f.default : undefined;
  }

  /** 0-based index of a category/yes-no field's default value, or -1. */
  private catDefault(f: Field): number {
    return typeof f.default === "string" ? valuesOf(f).indexOf(f.default) : -1;
  }

  /** A number field's value in a valid row. */
  private readNum(key: string): Node {
    const f = this.field(key);
    const d = this.numDefault(f);
    const val: Node = { k: "val", f: key };
    return d !== undefined && !this.strictlyRequired(f) ? iff({ k: "isNum", f: key }, val, num(d)) : val;
  }

  /** True where a number field's value is NaN (blank) in a valid row. */
  private nanOf(key: string): Node {
    const f = this.field(key);
    if (this.strictlyRequired(f) || this.numDefault(f) !== undefined) return FALSE;
    // In a valid row the cell is a number or blank.
    return not({ k: "isNum", f: key });
  }

  private words(key: string, indexes: number[]): Node {
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
  private validPop(): Node {
    const anyRequired = this.t.fields.some((f) => this.strictlyRequired(f)) || (this.t.requireOneOf ?? []).length > 0;
    return anyRequired ? this.valid() : and(this.valid(), not(this.allBlank()));
  }

  // ---- conditions and expressions ---------------------------------------------------------

  private numValue(v: Num): number {
    if (typeof v === "number") return v;
    const p = this.params[v.param];
    if (p === undefined) refuse("invalidTemplate", `unknown parameter '${v.param}'`, `未知参数“${v.param}”`);
    return p;
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
      return iff(e.nan, FALSE, cmp(this.op(c.op), { k: "round9", a: e.v }, num(this.numValue(c.value))));
    }
    if ("op" in c) {
      const f = this.field(c.field);
      if (f.type !== "number") refuse("invalidTemplate", `field '${c.field}' is not a number field`, `字段“${c.field}”不是数字字段`);
      return and(not(this.nanOf(c.field)), cmp(this.op(c.op), this.readNum(c.field), num(this.numValue(c.value))));
    }
    if ("is" in c || "in" in c) {
      const f = this.field(c.field);
      const idx = ("is" in c ? [c.is] : c.in).map((w) => this.valueIndex(f, w));
      return this.words(c.field, [...new Set(idx)]);
    }
    this.field(c.field);
    const b: Node = { k: "blank", f: c.field };
    return c.blank ? b : not(b);
  }

  expr(e: Expr): { v: Node; nan: Node } {
    if (typeof e === "number") return { v: num(e), nan: FALSE };
    if ("param" in e) return { v: num(this.numValue(e)), nan: FALSE };
    if ("field" in e) {
      const f = this.field(e.field);
      if (f.type !== "number") refuse("invalidTemplate", `field '${e.field}' is not a number field`, `字段“${e.field}”不是数字字段`);
      return { v: this.readNum(e.field), nan: this.nanOf(e.field) };
    }
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

  // ---- models -------------------------------------------------------------------------------

  /** 1-based grade number of a grade id. */
  private gradeNo(id: string): number {
    const k = this.compiled.gradeIndex.get(id);
    if (k === undefined) refuse("invalidTemplate", `unknown grade '${id}'`, `未知等级“${id}”`);
    return k + 1;
  }

  private rules(rules: readonly { grade: string; when: Condition }[], otherwise: string | undefined): Node {
    let out: Node = otherwise !== undefined ? num(this.gradeNo(otherwise)) : NA;
    for (let k = rules.length - 1; k >= 0; k--) out = iff(this.cond(rules[k].when), num(this.gradeNo(rules[k].grade)), out);
    return out;
  }

  /** First matching band of a (rounded) measure; counted in one pass when the bands allow it. */
  private bandIndex(m: Node, bands: readonly Band[], otherwise: string | undefined, computed: boolean): Node {
    const ts = bands.map((b) => this.numValue(b.value));
    const other = otherwise !== undefined ? num(this.gradeNo(otherwise)) : NA;
    if (computed && this.opts.compactBands && bands.length > 1 && monotone(bands, ts)) {
      // Satisfied bands form a suffix of the list: the first match is band K - c + 1.
      const byOp = new Map<CmpOp, number[]>();
      bands.forEach((b, k) => byOp.set(b.op, [...(byOp.get(b.op) ?? []), ts[k]]));
      let count: Node | undefined;
      for (const [op, list] of byOp) {
        const c: Node = { k: "countTrue", a: m, op, ts: list };
        count = count ? arith("+", count, c) : c;
      }
      const opts = [other, ...bands.map((b) => num(this.gradeNo(b.grade))).reverse()];
      return { k: "choose", idx: arith("+", count!, num(1)), opts };
    }
    let out = other;
    for (let k = bands.length - 1; k >= 0; k--) out = iff(cmp(bands[k].op, m, num(ts[k])), num(this.gradeNo(bands[k].grade)), out);
    return out;
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

  // ---- scorecards ---------------------------------------------------------------------------

  private score(criteria: readonly Criterion[]): Node {
    if (this.scoreNode) return this.scoreNode;
    const weighted = criteria.some((c) => c.weight !== undefined);
    let total: Node | undefined;
    for (const c of criteria) {
      const p = this.criterion(c);
      const term = weighted ? arith("*", num(c.weight ?? 0), p) : p;
      total = total ? arith("+", total, term) : term;
    }
    this.scoreNode = { k: "share", id: "score", a: total! };
    return this.scoreNode;
  }

  /** Points of an expression clamped to [0, P]; NaN gives 0. */
  private clamped(e: Expr, P: number): Node {
    if (typeof e === "number") return num(e > 0 ? (e < P ? e : P) : 0);
    const x = this.expr(e);
    return iff(x.nan, num(0), { k: "clamp", a: x.v, hi: P });
  }

  private criterion(c: Criterion): Node {
    const P = c.points;
    const s = c.scoring;
    switch (s.kind) {
      case "relativeToMax": {
        const id = `max${++this.maxCount}`;
        const v = this.readNum(s.field);
        const max: Node = { k: "share", id, a: { k: "popMax", id, pop: this.validPop(), v } };
        // A blank (NaN) value scores 0; the guard keeps a cell of spaces out of the arithmetic.
        return iff(this.nanOf(s.field), num(0), { k: "relmax", v, max, points: P });
      }
      case "steps": {
        const x = this.readNum(s.field);
        let out = this.clamped(s.otherwise, P);
        for (let k = s.steps.length - 1; k >= 0; k--) {
          const st = s.steps[k];
          out = iff(cmp(st.op, x, num(this.numValue(st.value))), this.clamped(st.points, P), out);
        }
        return iff(this.nanOf(s.field), num(0), out);
      }
      case "formula":
        return this.clamped(s.expr, P);
      case "map": {
        const f = this.field(s.field);
        const other = s.otherwise ?? 0;
        const values = valuesOf(f);
        const pts = values.map((v) => (Object.prototype.hasOwnProperty.call(s.points, v) ? s.points[v] : other));
        // A blank cell matches no word: `otherwise`, unless the field has a default (`words` adds blank).
        const byPoints = new Map<number, number[]>();
        pts.forEach((p, k) => {
          if (p !== other) byPoints.set(p, [...(byPoints.get(p) ?? []), k]);
        });
        let out: Node = num(other);
        for (const [p, idx] of [...byPoints].reverse()) {
          out = iff(this.words(s.field, idx), num(p), out);
        }
        return out;
      }
      case "input": {
        const f = this.field(s.field);
        const x = this.readNum(s.field);
        const d = this.numDefault(f);
        const inRange = (f.min ?? -Infinity) >= 0 && (f.max ?? Infinity) <= P && (d === undefined || (d >= 0 && d <= P));
        return iff(this.nanOf(s.field), num(0), inRange ? x : { k: "clamp", a: x, hi: P });
      }
    }
  }

  // ---- percentile tiers and codes ------------------------------------------------------------

  /** Group key of a row (category index or trimmed text), and whether the key is missing. */
  private groupKey(key: string): { key: Node; missing: Node } {
    const f = this.field(key);
    if (f.type === "text") return { key: { k: "textKey", f: key }, missing: { k: "blank", f: key } };
    if (f.type === "number") {
      refuse("notExpressible", `grouping by the number field '${key}' cannot be compiled`, `无法编译按数字字段“${key}”分组`);
    }
    const d = this.catDefault(f);
    const node: Node = { k: "catIndex", f: key, groups: wordGroups(f), blankIndex: d >= 0 ? d + 1 : undefined };
    return { key: node, missing: d >= 0 ? FALSE : { k: "blank", f: key } };
  }

  /** 1-based tier of a number field within its group, or `na` for rows outside the population. */
  private tierOf(field: string, groupBy: string | undefined, cuts: readonly number[], except: Node): Node {
    const nan = this.nanOf(field);
    const g = groupBy ? this.groupKey(groupBy) : undefined;
    const pop = and(this.validPop(), not(nan), not(except));
    const tier: Node = { k: "tier", pop, v: this.readNum(field), group: g?.key, cuts: [...cuts] };
    return iff(or(nan, g?.missing ?? FALSE), NA, tier);
  }

  private code(model: Extract<Template["model"], { kind: "code" }>): Node {
    const parts = model.parts.map((p) => this.codePart(p, model.parts));
    return parts.length === 1 ? parts[0] : { k: "concat", args: parts };
  }

  private codePart(part: CodePart, all: readonly CodePart[]): Node {
    if (part.kind === "flag") {
      // The engine's list of codes leaves out a flag whose condition names a category value when
      // that category's part shows another code; that only happens with an `except` on that part.
      const leaves = "all" in part.when ? part.when.all : [part.when];
      for (const leaf of leaves) {
        if (!("field" in leaf) || !("is" in leaf || "in" in leaf)) continue;
        if (all.some((q) => q.kind === "category" && q.field === leaf.field && q.except)) {
          refuse(
            "notExpressible",
            `the flag '${part.code}' depends on '${leaf.field}', whose code part has an exception: not compiled`,
            `标记“${part.code}”依赖于“${leaf.field}”，而该编码部分有例外规则：无法编译`,
          );
        }
      }
      return iff(this.cond(part.when), str(part.code), str(""));
    }
    const except = part.except ? this.cond(part.except.when) : FALSE;
    let body: Node;
    if (part.kind === "category") {
      const f = this.field(part.field);
      const values = valuesOf(f);
      const byCode = new Map<string, number[]>();
      values.forEach((v, k) => {
        const code = part.codes[v];
        if (code !== undefined) byCode.set(code, [...(byCode.get(code) ?? []), k]);
      });
      // A blank cell without a default matches no word: no code (`na`), as in the engine.
      let out: Node = NA;
      for (const [code, idx] of [...byCode].reverse()) out = iff(this.words(part.field, idx), str(code), out);
      body = out;
    } else {
      const tier = this.tierOf(part.field, part.groupBy, part.cuts, except);
      body = this.tierCodes(tier, part.codes);
    }
    return part.except ? iff(except, str(part.except.code), body) : body;
  }

  private tierCodes(n: Node, codes: readonly string[]): Node {
    if (n.k === "if") return iff(n.c, this.tierCodes(n.t, codes), this.tierCodes(n.e, codes));
    if (n.k === "na") return n;
    return { k: "choose", idx: n, opts: codes.map(str) };
  }
}

/** Whether a band matching implies the next one matching (then the matches are a suffix). */
function monotone(bands: readonly Band[], ts: readonly number[]): boolean {
  const up = (op: string) => op === ">" || op === ">=";
  const higher = up(bands[0].op);
  for (let k = 1; k < bands.length; k++) {
    const a = bands[k - 1];
    const b = bands[k];
    if (up(b.op) !== higher) return false;
    const strictlyNext = higher ? ts[k] < ts[k - 1] : ts[k] > ts[k - 1];
    const equalOk = ts[k] === ts[k - 1] && (b.op.endsWith("=") || !a.op.endsWith("="));
    if (!strictlyNext && !equalOk) return false;
  }
  return true;
}
