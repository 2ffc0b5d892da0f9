/**
 * The small expression language the compilers lower a template to, before printing it as Excel
 * formulas or SQL. It keeps the engine's semantics explicit: blanks are tested where the engine
 * would see NaN, populations are explicit aggregates, errors are explicit values.
 *
 * Row values are read from cells (Excel: `B2`; SQL: `"t"."closeMonths"`). Aggregates (`popMax`,
 * `tier`) look at every row of the table; their `pop`/`v`/`group` parts are row expressions that
 * the printer evaluates for every row (Excel: array arithmetic over `$B$2:$B$101` inside
 * SUMPRODUCT; SQL: window functions and a derived table).
 */

export type CmpOp = "<" | "<=" | ">" | ">=" | "=" | "<>";

export type Node =
  | { k: "num"; v: number }
  | { k: "str"; v: string }
  | { k: "bool"; v: boolean }
  /** A number field's cell, as it is (blank reads as 0 in Excel, NULL in SQL: guard with `blank`). */
  | { k: "val"; f: string }
  /** The cell holds a number (Excel ISNUMBER; SQL IS NOT NULL). */
  | { k: "isNum"; f: string }
  /** The cell is blank or white space. */
  | { k: "blank"; f: string }
  /** Every one of these cells is blank. */
  | { k: "allBlank"; fs: string[] }
  /** The trimmed cell equals one of the words, case-insensitively. */
  | { k: "words"; f: string; words: string[] }
  /** 1-based index of the word group the trimmed cell is in; `blankIndex` (or 0) when blank; 0 when none. */
  | { k: "catIndex"; f: string; groups: string[][]; blankIndex?: number }
  /** The trimmed text of a cell (a free-text group key, compared case-sensitively). */
  | { k: "textKey"; f: string }
  | { k: "arith"; op: "+" | "-" | "*" | "/"; a: Node; b: Node }
  | { k: "neg"; a: Node }
  /** Rounded to 9 decimals (the engine's `round9`, for comparisons). */
  | { k: "round9"; a: Node }
  | { k: "floor"; a: Node }
  | { k: "abs"; a: Node }
  | { k: "minmax"; fn: "min" | "max"; args: Node[] }
  /** `a > 0 ? min(a, hi) : 0`. */
  | { k: "clamp"; a: Node; hi: number }
  | { k: "cmp"; op: CmpOp; a: Node; b: Node }
  | { k: "and"; args: Node[] }
  | { k: "or"; args: Node[] }
  | { k: "not"; a: Node }
  | { k: "if"; c: Node; t: Node; e: Node }
  | { k: "concat"; args: Node[] }
  /** 1-based choice. */
  | { k: "choose"; idx: Node; opts: Node[] }
  /** How many thresholds `t` satisfy `a op t` (band counting). */
  | { k: "countTrue"; a: Node; op: CmpOp; ts: number[] }
  /** An error shown as the result (Excel error value; SQL the same text). */
  | { k: "err"; e: "#VALUE!" | "#N/A" }
  /** No value: Excel NA(), SQL NULL (made `#N/A` at the end). */
  | { k: "na" }
  /** The empty result of a row with no data: Excel "", SQL NULL. */
  | { k: "empty" }
  /** Relative-to-max points: `v > 0 ? v / max * points : 0` (max is a `popMax`, >= 0). */
  | { k: "relmax"; v: Node; max: Node; points: number }
  /**
   * A population threshold: the mean, or the `p` percentile (PERCENTILE.INC / PERCENTILE_CONT), of
   * `v` over the rows where `pop` holds (and whose `group` equals this row's), rounded to 9 decimals.
   */
  | { k: "popStat"; id: string; stat: "mean" | "percentile"; p: number; pop: Node; v: Node; group?: Node; divides: boolean }
  /** Largest positive `v` over the rows where `pop` holds; 0 when there is none. */
  | { k: "popMax"; id: string; pop: Node; v: Node }
  /**
   * 1-based percentile tier of this row's `v` among the rows where `pop` holds (and whose `group`
   * equals this row's): above = count(v' > v) / n; tier k = first k with above < cuts[k].
   */
  | { k: "tier"; pop: Node; v: Node; group?: Node; cuts: number[] }
  /**
   * Grade index after a post adjustment: floor (`min(idx, t)` when `when` holds) or cap
   * (`max(idx, t)` when it holds). Indexes are 1-based, best first.
   */
  | { k: "adjust"; idx: Node; kind: "floor" | "cap"; t: number; when: Node }
  /** Over rows (Excel array mode only): the row's group key equals this row's. */
  | { k: "sameGroup"; group: Node }
  /**
   * Some cell of these number fields, over all the rows, holds text that is not blank (`1,200`,
   * `10万`, `abc`). The engine reads some such text as numbers, the formulas cannot, so a result
   * that depends on other rows' values is an error then (Excel: array of ISTEXT; SQL columns are
   * typed, so never).
   */
  | { k: "textIn"; fs: string[] }
  /** A value worth naming (Excel 365 `LET`); printed inline elsewhere. */
  | { k: "share"; id: string; a: Node }
  /** Mean of the cells of these number fields that hold a number (the row's own cells); NaN when none does (guard with `countNum`). */
  | { k: "meanOf"; fs: string[] }
  /** How many of these number fields' cells hold a number (the row's own cells). */
  | { k: "countNum"; fs: string[] }
  /**
   * Sum of `v` over the rows where `pop` holds (and whose `group` equals this row's); with
   * `above`, only the rows whose `v` is greater than this row's `v` (cumulative shares).
   */
  | { k: "popSum"; pop: Node; v: Node; group?: Node; above?: boolean }
  /** Mean of `v` over the rows where `pop` holds (NaN / NULL when there is none). */
  | { k: "popMean"; id: string; pop: Node; v: Node }
  /** Some row of the table satisfies `c` (a whole-table test, e.g. "some row has a group"). */
  | { k: "anyRow"; id: string; c: Node }
  /**
   * The trimmed, lower-cased text of a free-text cell contains / starts with / ends with / equals
   * one of the words (already folded by `foldText`: lower case, ASCII forms, single spaces).
   */
  | { k: "textMatch"; f: string; mode: "contains" | "startsWith" | "endsWith" | "equalsAny"; words: string[] }
  /** The cell holds a character the engine folds and the formulas cannot (full-width forms, odd spaces, tabs). */
  | { k: "oddText"; f: string };

export const num = (v: number): Node => ({ k: "num", v: Object.is(v, -0) ? 0 : v });
export const str = (v: string): Node => ({ k: "str", v });
export const TRUE: Node = { k: "bool", v: true };
export const FALSE: Node = { k: "bool", v: false };
export const NA: Node = { k: "na" };

const isTrue = (n: Node) => n.k === "bool" && n.v;
const isFalse = (n: Node) => n.k === "bool" && !n.v;

export function and(...args: Node[]): Node {
  const flat: Node[] = [];
  for (const a of args) {
    if (isTrue(a)) continue;
    if (isFalse(a)) return FALSE;
    if (a.k === "and") flat.push(...a.args);
    else flat.push(a);
  }
  return flat.length === 0 ? TRUE : flat.length === 1 ? flat[0] : { k: "and", args: flat };
}

export function or(...args: Node[]): Node {
  const flat: Node[] = [];
  for (const a of args) {
    if (isFalse(a)) continue;
    if (isTrue(a)) return TRUE;
    if (a.k === "or") flat.push(...a.args);
    else flat.push(a);
  }
  return flat.length === 0 ? FALSE : flat.length === 1 ? flat[0] : { k: "or", args: flat };
}

export function not(a: Node): Node {
  if (a.k === "bool") return { k: "bool", v: !a.v };
  if (a.k === "not") return a.a;
  return { k: "not", a };
}

export function iff(c: Node, t: Node, e: Node): Node {
  if (isTrue(c)) return t;
  if (isFalse(c)) return e;
  if (sameNode(t, e)) return t;
  return { k: "if", c, t, e };
}

export const cmp = (op: CmpOp, a: Node, b: Node): Node => ({ k: "cmp", op, a, b });
export const arith = (op: "+" | "-" | "*" | "/", a: Node, b: Node): Node => ({ k: "arith", op, a, b });

/** Structural equality (used to fold `if(c, x, x)`). */
export function sameNode(a: Node, b: Node): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}

export function children(n: Node): Node[] {
  switch (n.k) {
    case "arith":
    case "cmp":
      return [n.a, n.b];
    case "neg":
    case "round9":
    case "floor":
    case "abs":
    case "clamp":
    case "not":
    case "share":
      return [n.a];
    case "minmax":
    case "and":
    case "or":
    case "concat":
      return n.args;
    case "if":
      return [n.c, n.t, n.e];
    case "choose":
      return [n.idx, ...n.opts];
    case "countTrue":
      return [n.a];
    case "relmax":
      return [n.v, n.max];
    case "popMax":
      return [n.pop, n.v];
    case "popStat":
      return n.group ? [n.pop, n.v, n.group] : [n.pop, n.v];
    case "tier":
      return n.group ? [n.pop, n.v, n.group] : [n.pop, n.v];
    case "adjust":
      return [n.idx, n.when];
    case "sameGroup":
      return [n.group];
    case "popSum":
      return n.group ? [n.pop, n.v, n.group] : [n.pop, n.v];
    case "popMean":
      return [n.pop, n.v];
    case "anyRow":
      return [n.c];
    default:
      return [];
  }
}

/**
 * The number fields whose values over other rows a result depends on: read (`val`, `isNum`)
 * inside a relative-to-max maximum or a percentile tier.
 */
export function populationFields(roots: readonly (Node | undefined)[], numberFields: ReadonlySet<string>): string[] {
  const out = new Set<string>();
  const seen = new Set<Node>();
  const go = (x: Node, inPop: boolean) => {
    if (seen.has(x) && !inPop) return;
    seen.add(x);
    if (inPop && (x.k === "val" || x.k === "isNum") && numberFields.has(x.f)) out.add(x.f);
    const pop = inPop || isAggregate(x);
    for (const c of children(x)) go(c, pop);
  };
  for (const r of roots) if (r) go(r, false);
  return [...out];
}

/** Nodes whose inner row expressions are evaluated over every row of the table. */
export function isAggregate(n: Node): boolean {
  return n.k === "popMax" || n.k === "tier" || n.k === "popSum" || n.k === "popMean" || n.k === "anyRow" || n.k === "popStat";
}

/** True when the value may be "no value" (`na`). */
export function mayBeNa(n: Node): boolean {
  let found = false;
  const go = (x: Node) => {
    if (found) return;
    if (x.k === "na") found = true;
    // Aggregates' inner row expressions are not the row's own value.
    if (isAggregate(x)) return;
    for (const c of children(x)) go(c);
  };
  go(n);
  return found;
}
