/**
 * IR -> Excel formulas for one row.
 *
 * Row expressions read the row's cells (`B7`). Population aggregates evaluate the same row
 * expressions over the whole table (`$B$2:$B$101`) with array arithmetic inside SUMPRODUCT/MMULT,
 * which Excel (every version), LibreOffice and HyperFormula evaluate without array entry:
 * AND is `*`, OR is `(a+b>0)`, NOT is `(1-a)`, IF/MIN/MAX become arithmetic blends.
 *
 * Only functions that exist since Excel 2007 are used, so nothing needs an `_xlfn.` prefix in
 * an .xlsx file, except `LET` in the `excel` (365) target: see `fileFormula`.
 */
import type { Node } from "./ir";
import { refuse } from "./types";
import { WORD_STRIPPED } from "./words";
import { oddTextFormula, textMatchFormula } from "./excel-text";

/** Excel's limits on a cell formula. */
export const EXCEL_LIMITS = Object.freeze({ chars: 8192, nesting: 64, args: 255, stringChars: 255 });

interface Out {
  s: string;
  /** Precedence: 0 comparison, 1 &, 2 + -, 3 * /, 4 unary minus, 5 atom. */
  p: number;
  /** Array mode: a boolean array (needs `--` before SUMPRODUCT sums it). */
  bool?: boolean;
}

type Mode = "row" | "arr";

const atom = (s: string): Out => ({ s, p: 5 });

export interface ExcelLayout {
  columns: Readonly<Record<string, string>>;
  firstRow: number;
  lastRow: number;
  /** The row of the relative references (`B7`): a number, or a mark that the caller replaces by each row's number. */
  row: number | string;
}

export class ExcelPrinter {
  private phase: "count" | "print" = "print";
  private readonly defTexts = new Map<string, string>();
  private readonly order: string[] = [];
  private readonly names = new Map<string, string>();
  private readonly defs = new Map<string, Node>();
  private readonly tierPops = new Map<Node, Node>();

  constructor(
    private readonly layout: ExcelLayout,
    private readonly useLet: boolean,
  ) {}

  /** A whole formula (without `=`) for a root node. */
  formula(root: Node): string {
    if (!this.useLet) return this.row(root).s;
    // Count pass: shares print as sentinels; a share is named when its sentinel occurs twice or
    // more in the formula (each definition is printed once: named, or inline where used once).
    this.phase = "count";
    this.order.length = 0;
    this.defs.clear();
    this.defTexts.clear();
    this.names.clear();
    const texts = [this.row(root).s];
    for (const key of this.order) texts.push(this.defTexts.get(key)!);
    for (const key of this.order) {
      const mark = `\u0001${key}\u0002`;
      const count = texts.reduce((c, t) => c + t.split(mark).length - 1, 0);
      if (count >= 2) {
        const [id, mode] = key.split("|");
        this.names.set(key, `gk_${id}${mode === "arr" ? "_rows" : ""}`);
      }
    }
    this.phase = "print";
    const bindings: string[] = [];
    for (const key of this.order) {
      const name = this.names.get(key);
      if (!name) continue;
      // Print the definition itself (its own name is not bound while printing it).
      this.names.delete(key);
      const def = this.defs.get(key)!;
      bindings.push(name, (key.endsWith("|arr") ? this.arr(def) : this.row(def)).s);
      this.names.set(key, name);
    }
    const body = this.row(root).s;
    return bindings.length ? this.call("LET", [...bindings, body]).s : body;
  }

  // ---- helpers ------------------------------------------------------------------------------

  private cell(f: string): string {
    return `${this.col(f)}${this.layout.row}`;
  }

  private range(f: string): string {
    const c = this.col(f);
    return `$${c}$${this.layout.firstRow}:$${c}$${this.layout.lastRow}`;
  }

  private col(f: string): string {
    const c = this.layout.columns[f];
    if (c === undefined) refuse("badOptions", `no column for field '${f}'`, `字段“${f}”没有对应的列`);
    return c;
  }

  private call(fn: string, args: string[]): Out {
    if (args.length > EXCEL_LIMITS.args) {
      refuse("tooLong", `${fn} would need ${args.length} arguments (Excel allows ${EXCEL_LIMITS.args})`, `${fn} 需要 ${args.length} 个参数（Excel 最多 ${EXCEL_LIMITS.args} 个）`);
    }
    return atom(`${fn}(${args.join(",")})`);
  }

  private str(v: string): string {
    if (/[\u0000-\u001f\u007f]/.test(v)) {
      refuse("notExpressible", `the text ${JSON.stringify(v)} has a control character (tab, line break), which formulas here do not carry`, `文本 ${JSON.stringify(v)} 含有控制字符（制表符、换行），公式中无法使用`);
    }
    if (v.length > EXCEL_LIMITS.stringChars) {
      refuse("tooLong", `a text of ${v.length} characters is longer than Excel allows in a formula (${EXCEL_LIMITS.stringChars})`, `公式中的文本长 ${v.length} 个字符，超过 Excel 的上限（${EXCEL_LIMITS.stringChars}）`);
    }
    return `"${v.replace(/"/g, '""')}"`;
  }

  private number(v: number): Out {
    if (!Number.isFinite(v)) refuse("notExpressible", `the number ${v} cannot be written in a formula`, `数字 ${v} 无法写入公式`);
    const s = String(Object.is(v, -0) ? 0 : v);
    return { s, p: v < 0 ? 4 : 5 };
  }

  private wrap(o: Out, min: number): string {
    return o.p >= min ? o.s : `(${o.s})`;
  }

  private bin(a: Out, op: string, b: Out, p: number): Out {
    // Left-associative: the right operand needs a higher precedence (a-(b-c) keeps its parentheses).
    return { s: `${this.wrap(a, p)}${op}${this.wrap(b, p + 1)}`, p };
  }

  private arrayConst(items: string[], column: boolean): string {
    return `{${items.join(column ? ";" : ",")}}`;
  }

  private share(n: Extract<Node, { k: "share" }>, mode: Mode): Out {
    const key = `${n.id}|${mode}`;
    const bool = mode === "arr" ? this.isBoolArr(n.a) : undefined;
    if (this.phase === "count") {
      if (!this.defs.has(key)) {
        this.defs.set(key, n.a);
        this.defTexts.set(key, (mode === "arr" ? this.arr(n.a) : this.row(n.a)).s);
        this.order.push(key);
      }
      return { s: `\u0001${key}\u0002`, p: 5, bool };
    }
    const name = this.names.get(key);
    if (name) return { s: name, p: 5, bool };
    return mode === "arr" ? this.arr(n.a) : this.row(n.a);
  }

  /** Whether a node prints as a boolean array (so SUMPRODUCT needs `--`). */
  private isBoolArr(n: Node): boolean {
    switch (n.k) {
      case "isNum":
      case "blank":
      case "allBlank":
      case "cmp":
      case "or":
        return true;
      case "words":
        return n.words.length === 1;
      case "not":
        return n.a.k === "blank";
      case "share":
        return this.isBoolArr(n.a);
      default:
        return false;
    }
  }

  // ---- row mode -----------------------------------------------------------------------------

  row(n: Node): Out {
    switch (n.k) {
      case "num":
        return this.number(n.v);
      case "str":
        return atom(this.str(n.v));
      case "bool":
        return atom(n.v ? "TRUE()" : "FALSE()");
      case "val":
        return atom(this.cell(n.f));
      case "isNum":
        return this.call("ISNUMBER", [this.cell(n.f)]);
      case "blank":
        return { s: `TRIM(${this.cell(n.f)})=""`, p: 0 };
      case "allBlank":
        return { s: `TRIM(${n.fs.map((f) => this.cell(f)).join("&")})=""`, p: 0 };
      case "words": {
        const t = wordKey(this.cell(n.f));
        if (n.words.length === 1) return { s: `${t}=${this.str(n.words[0])}`, p: 0 };
        return this.call("OR", [`${t}=${this.arrayConst(n.words.map((w) => this.str(w)), false)}`]);
      }
      case "catIndex": {
        const { words, idx } = flatGroups(n.groups);
        const trimmed = `TRIM(${this.cell(n.f)})`;
        const t = wordKey(this.cell(n.f));
        const base = this.call("SUMPRODUCT", [`(${t}=${this.arrayConst(words.map((w) => this.str(w)), false)})*${this.arrayConst(idx, false)}`]);
        return n.blankIndex ? { s: `${base.s}+(${trimmed}="")*${n.blankIndex}`, p: 2 } : base;
      }
      case "textKey":
        return this.call("TRIM", [this.cell(n.f)]);
      case "textMatch":
        return textMatchFormula(n, this.cell(n.f), (w) => this.str(w), (fn, args) => this.call(fn, args));
      case "oddText":
        return oddTextFormula(this.cell(n.f), (items) => this.arrayConst(items, false), (fn, args) => this.call(fn, args));
      case "arith":
        return this.bin(this.row(n.a), n.op, this.row(n.b), n.op === "+" || n.op === "-" ? 2 : 3);
      case "neg":
        return { s: `-${this.wrap(this.row(n.a), 4)}`, p: 4 };
      case "round9":
        return this.call("ROUND", [this.row(n.a).s, "9"]);
      case "floor":
        // FLOOR(x,1), not INT: HyperFormula's INT truncates negative numbers towards zero.
        return this.call("FLOOR", [this.row(n.a).s, "1"]);
      case "abs":
        return this.call("ABS", [this.row(n.a).s]);
      case "minmax":
        return this.call(n.fn === "min" ? "MIN" : "MAX", n.args.map((a) => this.row(a).s));
      case "clamp":
        return this.call("MAX", ["0", this.call("MIN", [this.number(n.hi).s, this.row(n.a).s]).s]);
      case "cmp":
        return { s: `${this.wrap(this.row(n.a), 1)}${n.op}${this.wrap(this.row(n.b), 1)}`, p: 0 };
      case "and":
        return this.call("AND", n.args.map((a) => this.row(a).s));
      case "or":
        return this.call("OR", n.args.map((a) => this.row(a).s));
      case "not":
        if (n.a.k === "blank") return { s: `TRIM(${this.cell(n.a.f)})<>""`, p: 0 };
        return this.call("NOT", [this.row(n.a).s]);
      case "if":
        return this.call("IF", [this.row(n.c).s, this.row(n.t).s, this.row(n.e).s]);
      case "concat":
        return { s: n.args.map((a) => this.wrap(this.row(a), 2)).join("&"), p: 1 };
      case "choose":
        return this.call("CHOOSE", [this.row(n.idx).s, ...n.opts.map((o) => this.row(o).s)]);
      case "countTrue": {
        const a = this.wrap(this.row(n.a), 1);
        if (n.ts.length === 1) return { s: `--(${a}${n.op}${this.number(n.ts[0]).s})`, p: 4 };
        return this.call("SUMPRODUCT", [`--(${a}${n.op}${this.arrayConst(n.ts.map((t) => this.number(t).s), false)})`]);
      }
      case "err":
        return atom(n.e === "#N/A" ? "NA()" : "#VALUE!");
      case "textIn": {
        // ISTEXT and not blank, over each field's whole range; `TRIM` makes numbers text, ISTEXT does not.
        const terms = n.fs.map((f) => `ISTEXT(${this.range(f)})*(TRIM(${this.range(f)})<>"")`);
        return { s: `${this.call("SUMPRODUCT", [terms.join("+")]).s}>0`, p: 0 };
      }
      case "na":
        return atom("NA()");
      case "empty":
        return atom('""');
      case "relmax": {
        const v = this.row(n.v);
        const m = this.row(n.max);
        // A valid row with v > 0 makes max >= v > 0.
        return this.call("IF", [`${this.wrap(v, 1)}>0`, this.bin(this.bin(v, "/", m, 3), "*", this.number(n.points), 3).s, "0"]);
      }
      case "popMax": {
        const pop = this.arr(n.pop);
        const v = this.arr(n.v);
        return this.call("SUMPRODUCT", [this.call("MAX", [`${this.wrap(pop, 3)}*(${this.wrap(v, 1)}>0)*${this.wrap(v, 4)}`]).s]);
      }
      case "tier":
        return this.tier(n);
      case "popStat":
        return this.popStat(n);
      case "adjust": {
        const when = this.row(n.when).s;
        return n.kind === "floor"
          ? this.call("MIN", [this.row(n.idx).s, this.call("IF", [when, String(n.t), "999"]).s])
          : this.call("MAX", [this.row(n.idx).s, this.call("IF", [when, String(n.t), "0"]).s]);
      }
      case "sameGroup":
        return atom("TRUE()");
      case "share":
        return this.share(n, "row");
      case "meanOf": {
        // SUM and COUNT of cell references skip blank cells and cells of spaces.
        const cells = n.fs.map((f) => this.cell(f));
        return this.bin(this.call("SUM", cells), "/", this.call("COUNT", cells), 3);
      }
      case "countNum":
        return this.call("COUNT", n.fs.map((f) => this.cell(f)));
      case "popSum":
        return this.popSum(n);
      case "popMean": {
        // Sum over the population / its size (at least 1: an empty population is read by no row).
        const pop = this.arr(n.pop);
        const popNum = pop.bool ? `--${this.wrap(pop, 4)}` : pop.s;
        const sum = this.call("SUMPRODUCT", [popNum, this.arr(n.v).s]);
        return this.bin(sum, "/", this.call("MAX", ["1", this.call("SUMPRODUCT", [popNum]).s]), 3);
      }
      case "anyRow": {
        const c = this.arr(n.c);
        return { s: `${this.call("SUMPRODUCT", [c.bool ? `--${this.wrap(c, 4)}` : c.s]).s}>0`, p: 0 };
      }
    }
  }

  /**
   * Sum of the population's values (of this row's group; larger than this row's value with
   * `above`). The values are SUMPRODUCT's own argument, so text cells there count as 0 rather
   * than making the sum an error.
   */
  private popSum(n: Extract<Node, { k: "popSum" }>): Out {
    const terms: Out[] = [this.arr(n.pop)];
    if (n.group) terms.push(this.arr({ k: "sameGroup", group: n.group }));
    if (n.above) terms.push({ s: `${this.wrap(this.arr(n.v), 1)}>${this.wrap(this.row(n.v), 1)}`, p: 0, bool: true });
    const weights = terms.length === 1 ? (terms[0].bool ? `--${this.wrap(terms[0], 4)}` : terms[0].s) : terms.map((t) => this.wrap(t, 3)).join("*");
    return this.call("SUMPRODUCT", [weights, this.arr(n.v).s]);
  }

  /**
   * A population threshold: the mean as SUMPRODUCT(pop*v)/SUMPRODUCT(pop) (any Excel); a median or
   * percentile as PERCENTILE(IF(pop, v), p) (PERCENTILE is PERCENTILE.INC), which needs Excel 365's
   * array evaluation; so does a mean over a measure that may divide by zero in other rows.
   */
  private popStat(n: Extract<Node, { k: "popStat" }>): Out {
    const a: Node = n.group ? { k: "and", args: [n.pop, { k: "sameGroup", group: n.group }] } : n.pop;
    const pop = this.arr(a);
    const v = this.arr(n.v);
    if (n.stat === "mean" && !n.divides) {
      const count = this.isBoolArr(a) ? `--${this.wrap(pop, 4)}` : pop.s;
      const sum = this.call("SUMPRODUCT", [`${this.wrap(pop, 3)}*${this.wrap(v, 3)}`]);
      return this.bin(sum, "/", this.call("SUMPRODUCT", [count]), 3);
    }
    if (!this.useLet) {
      refuse(
        "notExpressible",
        `${n.stat === "mean" ? "a threshold at the mean of a measure that may divide by zero" : "a median or percentile threshold"} needs Excel 365 (array evaluation): compile for the excel target`,
        `${n.stat === "mean" ? "可能除以零的度量的平均值阈值" : "中位数或百分位阈值"}需要 Excel 365（数组运算）：请编译为 excel 目标`,
      );
    }
    const picked = this.call("IF", [pop.s, v.s]).s;
    return n.stat === "mean" ? this.call("AVERAGE", [picked]) : this.call("PERCENTILE", [picked, this.number(n.p).s]);
  }

  private tier(n: Extract<Node, { k: "tier" }>): Out {
    // The population (with the group test) is printed twice, as one shared value.
    let pop = this.tierPops.get(n);
    if (!pop) {
      const a: Node = n.group ? { k: "and", args: [n.pop, { k: "sameGroup", group: n.group }] } : n.pop;
      pop = { k: "share", id: `pop${this.tierPops.size + 1}`, a };
      this.tierPops.set(n, pop);
    }
    const popArr = this.arr(pop);
    const popNum = this.isBoolArr(pop) ? `--${this.wrap(this.arr(pop), 4)}` : this.arr(pop).s;
    const greater = this.call("SUMPRODUCT", [`${this.wrap(popArr, 3)}*(${this.wrap(this.arr(n.v), 1)}>${this.wrap(this.row(n.v), 1)})`]);
    const size = this.call("SUMPRODUCT", [popNum]);
    const cuts = this.arrayConst(["0", ...n.cuts.map((c) => this.number(c).s)], false);
    return this.call("MATCH", [`${greater.s}/${size.s}`, cuts, "1"]);
  }

  // ---- array mode (inside SUMPRODUCT / MAX / MMULT) -------------------------------------------

  arr(n: Node): Out {
    switch (n.k) {
      case "num":
        return this.number(n.v);
      case "bool":
        return atom(n.v ? "1" : "0");
      case "val":
        return atom(this.range(n.f));
      case "isNum":
        return { ...this.call("ISNUMBER", [this.range(n.f)]), bool: true };
      case "blank":
        return { s: `TRIM(${this.range(n.f)})=""`, p: 0, bool: true };
      case "allBlank":
        return { s: `TRIM(${n.fs.map((f) => this.range(f)).join("&")})=""`, p: 0, bool: true };
      case "words": {
        const t = wordKey(this.range(n.f));
        if (n.words.length === 1) return { s: `${t}=${this.str(n.words[0])}`, p: 0, bool: true };
        // n x k matches times a column of ones: 1 where the cell is one of the words (they are distinct).
        return this.call("MMULT", [`--(${t}=${this.arrayConst(n.words.map((w) => this.str(w)), false)})`, this.arrayConst(n.words.map(() => "1"), true)]);
      }
      case "catIndex": {
        const { words, idx } = flatGroups(n.groups);
        const trimmed = `TRIM(${this.range(n.f)})`;
        const t = wordKey(this.range(n.f));
        const base = this.call("MMULT", [`--(${t}=${this.arrayConst(words.map((w) => this.str(w)), false)})`, this.arrayConst(idx, true)]);
        return n.blankIndex ? { s: `${base.s}+(${trimmed}="")*${n.blankIndex}`, p: 2 } : base;
      }
      case "arith":
        return this.bin(this.arr(n.a), n.op, this.arr(n.b), n.op === "+" || n.op === "-" ? 2 : 3);
      case "neg":
        return { s: `-${this.wrap(this.arr(n.a), 4)}`, p: 4 };
      case "round9":
        return this.call("ROUND", [this.arr(n.a).s, "9"]);
      case "floor":
        return this.call("FLOOR", [this.arr(n.a).s, "1"]);
      case "abs":
        return this.call("ABS", [this.arr(n.a).s]);
      case "minmax":
        return n.args.map((a) => this.arr(a)).reduce((x, y) => this.blend({ s: `${this.wrap(x, 1)}${n.fn === "min" ? "<" : ">"}${this.wrap(y, 1)}`, p: 0 }, x, y));
      case "clamp": {
        const a = this.arr(n.a);
        const hi = this.number(n.hi);
        const inner = this.blend({ s: `${this.wrap(a, 1)}<${hi.s}`, p: 0 }, a, hi);
        return { s: `(${this.wrap(a, 1)}>0)*${this.wrap(inner, 3)}`, p: 3 };
      }
      case "cmp":
        return { s: `${this.wrap(this.arr(n.a), 1)}${n.op}${this.wrap(this.arr(n.b), 1)}`, p: 0, bool: true };
      case "and":
        return { s: n.args.map((a) => this.wrap(this.arr(a), 3)).join("*"), p: 3 };
      case "or":
        return { s: `${n.args.map((a) => this.wrap(this.arr(a), 2)).join("+")}>0`, p: 0, bool: true };
      case "not":
        if (n.a.k === "blank") return { s: `TRIM(${this.range(n.a.f)})<>""`, p: 0, bool: true };
        if (n.a.k === "isNum") return { s: `1-ISNUMBER(${this.range(n.a.f)})`, p: 2 };
        return { s: `1-${this.wrap(this.arr(n.a), 3)}`, p: 2 };
      case "if":
        return this.blend(this.arr(n.c), this.arr(n.t), this.arr(n.e));
      case "relmax": {
        const v = this.arr(n.v);
        const m = this.row(n.max);
        const denom = `(${this.wrap(m, 2)}+(${this.wrap(m, 1)}=0))`;
        return { s: `(${this.wrap(v, 1)}>0)*${this.wrap(v, 4)}/${denom}*${this.number(n.points).s}`, p: 3 };
      }
      case "popMax":
      case "popMean":
      case "anyRow":
      case "popStat":
        // Whole-table values: the same in every row.
        return this.row(n);
      case "sameGroup": {
        const g = n.group;
        if (g.k === "textKey") return { ...this.call("EXACT", [`TRIM(${this.range(g.f)})`, this.row(g).s]), bool: true };
        return { s: `${this.wrap(this.arr(g), 1)}=${this.wrap(this.row(g), 1)}`, p: 0, bool: true };
      }
      case "share":
        return this.share(n, "arr");
      default:
        return refuse(
          "notExpressible",
          `the value of other rows needed here (${n.k}) cannot be computed in a single Excel formula`,
          `此处需要的其他行的值（${n.k}）无法在单个 Excel 公式中计算`,
        );
    }
  }

  /** `IF(c, t, e)` over arrays: c*t+(1-c)*e (c is 0/1). */
  private blend(c: Out, t: Out, e: Out): Out {
    return { s: `${this.wrap(c, 3)}*${this.wrap(t, 3)}+(1-${this.wrap(c, 3)})*${this.wrap(e, 3)}`, p: 2 };
  }
}

function flatGroups(groups: readonly string[][]): { words: string[]; idx: string[] } {
  const words: string[] = [];
  const idx: string[] = [];
  groups.forEach((g, k) => g.forEach((w) => (words.push(w), idx.push(String(k + 1)))));
  if (words.length === 0) refuse("invalidTemplate", "a category field has no values", "类别字段没有可选值");
  return { words, idx };
}

/** Deepest nesting of function calls in a formula (string literals skipped). */
export function nestingDepth(formula: string): number {
  let depth = 0;
  let max = 0;
  const stack: boolean[] = [];
  let inStr = false;
  for (let i = 0; i < formula.length; i++) {
    const ch = formula[i];
    if (inStr) {
      if (ch === '"') {
        if (formula[i + 1] === '"') i++;
        else inStr = false;
      }
      continue;
    }
    if (ch === '"') inStr = true;
    else if (ch === "(") {
      const isCall = i > 0 && /[A-Za-z0-9_.]/.test(formula[i - 1]);
      stack.push(isCall);
      if (isCall) max = Math.max(max, ++depth);
    } else if (ch === ")") {
      if (stack.pop()) depth--;
    }
  }
  return max;
}

/** Checks a formula against Excel's limits (length, nesting). */
export function checkLimits(formula: string, what: string): void {
  if (formula.length + 1 > EXCEL_LIMITS.chars) {
    refuse(
      "tooLong",
      `the ${what} formula would have ${formula.length + 1} characters; Excel allows ${EXCEL_LIMITS.chars}`,
      `${what === "grade" ? "等级" : "得分"}公式将有 ${formula.length + 1} 个字符，超过 Excel 的上限 ${EXCEL_LIMITS.chars}`,
    );
  }
  const depth = nestingDepth(formula);
  if (depth > EXCEL_LIMITS.nesting) {
    refuse(
      "tooDeep",
      `the ${what} formula would nest ${depth} functions; Excel allows ${EXCEL_LIMITS.nesting}`,
      `${what === "grade" ? "等级" : "得分"}公式将嵌套 ${depth} 层函数，超过 Excel 的上限 ${EXCEL_LIMITS.nesting}`,
    );
  }
}

/** Functions that an .xlsx file stores with the `_xlfn.` prefix (newer than Excel 2007). */
const XLFN = [
  "LET",
  "LAMBDA",
  "XLOOKUP",
  "XMATCH",
  "IFS",
  "SWITCH",
  "MAXIFS",
  "MINIFS",
  "CONCAT",
  "TEXTJOIN",
  "FILTER",
  "SORT",
  "SORTBY",
  "UNIQUE",
  "SEQUENCE",
  "IFNA",
  "PERCENTRANK.INC",
  "PERCENTRANK.EXC",
  "PERCENTILE.INC",
  "PERCENTILE.EXC",
  "RANK.EQ",
  "RANK.AVG",
  "FLOOR.MATH",
  "CEILING.MATH",
  "STDEV.S",
  "STDEV.P",
];
const XLFN_RE = new RegExp(`(^|[^A-Za-z0-9_.])(${XLFN.map((f) => f.replace(/\./g, "\\.")).join("|")})\\(`, "g");

/**
 * A formula as typed in Excel -> as stored in an .xlsx file: functions newer than Excel 2007 get
 * their `_xlfn.` prefix and LET names their `_xlpm.` prefix (without them Excel and LibreOffice
 * show #NAME?). Text inside string literals is left alone. Compatible formulas come back unchanged.
 */
export function fileFormula(display: string): string {
  return display
    .split(/("(?:[^"]|"")*")/)
    .map((part, i) => {
      if (i % 2 === 1) return part;
      return part
        .replace(XLFN_RE, (_m, pre: string, fn: string) => `${pre}_xlfn.${fn}(`)
        .replace(/(^|[^A-Za-z0-9_.])(gk_[A-Za-z0-9_]+)/g, (_m, pre: string, name: string) => `${pre}_xlpm.${name}`);
    })
    .join("");
}

/** A cell as a word key: every space, `-` and `_` removed (`WORD_STRIPPED`; no TRIM needed), as `normalizeWord` does. */
function wordKey(cell: string): string {
  return WORD_STRIPPED.reduce((s, ch) => `SUBSTITUTE(${s},"${ch}","")`, cell);
}
