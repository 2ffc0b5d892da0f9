/**
 * IR -> one SQL query. Plain ANSI SQL plus the few functions DuckDB, PostgreSQL and Spark SQL all
 * have (CHR): CASE WHEN, window functions (RANK, COUNT OVER PARTITION BY) for
 * percentile tiers, and a one-row derived table of maxima for relative-to-max points.
 *
 * Columns: number fields are numeric columns (NULL = blank); category, yes/no and text fields
 * are text columns (NULL or spaces = blank).
 */
import { mayBeNa, type Node } from "./ir";
import type { Lowered } from "./lower";
import { refuse } from "./types";
import { WORD_STRIPPED } from "./words";

const MAIN = "t";
const SUB = "u";
const MAXIMA = "m";

export class SqlPrinter {
  private readonly maxima = new Map<string, string>();
  private readonly types = new Map<string, string>();

  constructor(
    private readonly lowered: Lowered,
    private readonly table: string,
    private readonly quoteStyle: "double" | "backtick",
  ) {
    for (const f of lowered.fields) this.types.set(f.key, f.type);
  }

  query(): string {
    const L = this.lowered;
    for (const f of L.fields) {
      if (/^(grade|score)$/i.test(f.key)) {
        refuse(
          "notExpressible",
          `the field '${f.key}' has the name of an output column (grade, score); rename the field`,
          `字段“${f.key}”与输出列（grade、score）同名；请重命名该字段`,
        );
      }
    }
    const blank = this.e(L.allBlank, MAIN);
    const valid = this.e(L.valid, MAIN);
    let grade = this.e(L.grade, MAIN);
    if (mayBeNa(L.grade)) grade = `COALESCE(${grade}, ${this.lit("#N/A")})`;
    const cols = [
      `  CASE\n    WHEN ${blank} THEN NULL\n    WHEN ${valid} THEN ${grade}\n    ELSE ${this.lit("#VALUE!")}\n  END AS ${this.q("grade")}`,
    ];
    if (L.score) {
      cols.push(`  CASE\n    WHEN ${blank} THEN NULL\n    WHEN ${valid} THEN ${this.e(L.score, MAIN)}\n  END AS ${this.q("score")}`);
    }
    const from = [`FROM ${this.tableName()} AS ${this.q(MAIN)}`];
    if (this.maxima.size) {
      const aggs = [...this.maxima].map(([id, expr]) => `    ${expr} AS ${this.q(id)}`).join(",\n");
      from.push(`CROSS JOIN (\n  SELECT\n${aggs}\n  FROM ${this.tableName()} AS ${this.q(SUB)}\n) AS ${this.q(MAXIMA)}`);
    }
    return `SELECT ${this.q(MAIN)}.*,\n${cols.join(",\n")}\n${from.join("\n")}`;
  }

  // ---- quoting ------------------------------------------------------------------------------

  q(id: string): string {
    return this.quoteStyle === "backtick" ? "`" + id.replace(/`/g, "``") + "`" : `"${id.replace(/"/g, '""')}"`;
  }

  private tableName(): string {
    const parts = this.table.split(".");
    if (parts.some((p) => p.trim() === "")) refuse("badOptions", `'${this.table}' is not a table name`, `“${this.table}”不是表名`);
    return parts.map((p) => this.q(p.trim())).join(".");
  }

  /**
   * A string literal. Quotes and backslashes are written as CHR(39) / CHR(92): Spark reads `''`
   * as two adjacent literals and `\` as an escape, PostgreSQL and DuckDB do not.
   */
  lit(s: string): string {
    if (!/['\\]/.test(s)) return `'${s}'`;
    const parts: string[] = [];
    let cur = "";
    for (const ch of s) {
      if (ch === "'" || ch === "\\") {
        if (cur) parts.push(`'${cur}'`);
        cur = "";
        parts.push(`CHR(${ch.charCodeAt(0)})`);
      } else cur += ch;
    }
    if (cur) parts.push(`'${cur}'`);
    return `(${parts.join(" || ")})`;
  }

  /** A word compared with LOWER(TRIM(cell)): lower-cased here when that is unambiguous. */
  private lowerLit(w: string): string {
    return /^[\x00-\x7f]*$/.test(w) || w.toLowerCase() === w.toUpperCase() ? this.lit(w.toLowerCase()) : `LOWER(${this.lit(w)})`;
  }

  private number(v: number): string {
    if (!Number.isFinite(v)) refuse("notExpressible", `the number ${v} cannot be written in SQL`, `数字 ${v} 无法写入 SQL`);
    const s = String(Object.is(v, -0) ? 0 : v);
    return v < 0 ? `(${s})` : s;
  }

  private col(f: string, alias: string): string {
    return `${this.q(alias)}.${this.q(f)}`;
  }

  private isTextColumn(f: string): boolean {
    return this.types.get(f) !== "number";
  }

  private blank(f: string, alias: string): string {
    const c = this.col(f, alias);
    return this.isTextColumn(f) ? `(${c} IS NULL OR TRIM(${c}) = '')` : `(${c} IS NULL)`;
  }

  /** The cell as a word key (lower case, every `WORD_STRIPPED` character removed) compared with the keys. */
  private inWords(f: string, words: readonly string[], alias: string): string {
    const c = this.col(f, alias);
    const key = WORD_STRIPPED.reduce((s, ch) => `REPLACE(${s}, ${this.lit(ch)}, '')`, c);
    return `LOWER(${key}) IN (${words.map((w) => this.lowerLit(w)).join(", ")})`;
  }

  // ---- expressions --------------------------------------------------------------------------

  /**
   * A population threshold: AVG, or PERCENTILE_CONT(p) WITHIN GROUP (DuckDB, PostgreSQL; not
   * SQLite), over the population in the one-row derived table; within groups the mean is a window
   * AVG partitioned by the group key, a median or percentile is refused.
   */
  private popStat(n: Extract<Node, { k: "popStat" }>, a: string): string {
    if (n.group) {
      if (n.stat !== "mean") {
        refuse(
          "notExpressible",
          "a median or percentile within groups cannot be compiled to SQL (PostgreSQL has no ordered-set window functions)",
          "组内中位数或百分位无法编译为 SQL（PostgreSQL 不支持有序集窗口函数）",
        );
      }
      return `(AVG(CASE WHEN ${this.e(n.pop, a)} THEN ${this.e(n.v, a)} END) OVER (PARTITION BY ${this.e(n.group, a)}))`;
    }
    if (!this.maxima.has(n.id)) {
      const pop = this.e(n.pop, SUB);
      const v = `CASE WHEN ${pop} THEN ${this.e(n.v, SUB)} END`;
      this.maxima.set(n.id, n.stat === "mean" ? `AVG(${v})` : `PERCENTILE_CONT(${this.number(n.p)}) WITHIN GROUP (ORDER BY ${v})`);
    }
    return `${this.q(MAXIMA)}.${this.q(n.id)}`;
  }

  e(n: Node, a: string): string {
    switch (n.k) {
      case "num":
        return this.number(n.v);
      case "str":
        return this.lit(n.v);
      case "bool":
        return n.v ? "TRUE" : "FALSE";
      case "val":
        return this.col(n.f, a);
      case "isNum":
        return `(${this.col(n.f, a)} IS NOT NULL)`;
      case "blank":
        return this.blank(n.f, a);
      case "allBlank":
        return `(${n.fs.map((f) => this.blank(f, a)).join(" AND ")})`;
      case "words":
        return `(${this.col(n.f, a)} IS NOT NULL AND ${this.inWords(n.f, n.words, a)})`;
      case "catIndex": {
        const whens = n.groups.map((g, k) => (g.length ? `WHEN ${this.inWords(n.f, g, a)} THEN ${k + 1}` : "")).filter(Boolean);
        if (n.blankIndex) whens.unshift(`WHEN ${this.blank(n.f, a)} THEN ${n.blankIndex}`);
        return `(CASE ${whens.join(" ")} ELSE 0 END)`;
      }
      case "textKey":
        return `TRIM(${this.col(n.f, a)})`;
      case "arith":
        // `* 1E0` keeps integer columns from integer division (PostgreSQL: 7 / 2 = 3).
        return n.op === "/" ? `(${this.e(n.a, a)} * 1E0 / ${this.e(n.b, a)})` : `(${this.e(n.a, a)} ${n.op} ${this.e(n.b, a)})`;
      case "neg":
        return `(-${this.e(n.a, a)})`;
      case "round9": {
        // The engine's round9: 9 decimals below 10^6, the value itself above.
        const x = this.e(n.a, a);
        return `(CASE WHEN ABS(${x}) >= 1000000 THEN ${x} ELSE ROUND(CAST(${x} AS DECIMAL(38, 12)), 9) END)`;
      }
      case "floor":
        return `FLOOR(${this.e(n.a, a)})`;
      case "abs":
        return `ABS(${this.e(n.a, a)})`;
      case "minmax": {
        // CASE, not LEAST/GREATEST (SQLite lacks them): the first argument not beaten by any later one.
        const xs = n.args.map((x) => this.e(x, a));
        if (xs.length === 1) return xs[0];
        const op = n.fn === "min" ? "<=" : ">=";
        const whens = xs.slice(0, -1).map((x, k) => `WHEN ${xs.slice(k + 1).map((y) => `${x} ${op} ${y}`).join(" AND ")} THEN ${x}`);
        return `(CASE ${whens.join(" ")} ELSE ${xs[xs.length - 1]} END)`;
      }
      case "clamp": {
        // The engine's clamp: 0 below (and for a blank/NULL value), `hi` above.
        const x = this.e(n.a, a);
        const hi = this.number(n.hi);
        return `(CASE WHEN ${x} > 0 THEN (CASE WHEN ${x} < ${hi} THEN ${x} ELSE ${hi} END) ELSE 0 END)`;
      }
      case "cmp":
        return `(${this.e(n.a, a)} ${n.op} ${this.e(n.b, a)})`;
      case "and":
        return `(${n.args.map((x) => this.e(x, a)).join(" AND ")})`;
      case "or":
        return `(${n.args.map((x) => this.e(x, a)).join(" OR ")})`;
      case "not":
        if (n.a.k === "isNum") return `(${this.col(n.a.f, a)} IS NULL)`;
        if (n.a.k === "blank" && !this.isTextColumn(n.a.f)) return `(${this.col(n.a.f, a)} IS NOT NULL)`;
        return `(NOT ${this.e(n.a, a)})`;
      case "if": {
        // Chains of IFs as one CASE.
        const whens: string[] = [];
        let cur: Node = n;
        while (cur.k === "if") {
          whens.push(`WHEN ${this.e(cur.c, a)} THEN ${this.e(cur.t, a)}`);
          cur = cur.e;
        }
        const last = cur.k === "na" ? "" : ` ELSE ${this.e(cur, a)}`;
        return `(CASE ${whens.join(" ")}${last} END)`;
      }
      case "concat":
        return `(${n.args.map((x) => this.e(x, a)).join(" || ")})`;
      case "choose":
        return `(CASE ${this.e(n.idx, a)} ${n.opts.map((o, k) => `WHEN ${k + 1} THEN ${this.e(o, a)}`).join(" ")} END)`;
      case "countTrue": {
        const x = this.e(n.a, a);
        return `(${n.ts.map((t) => `(CASE WHEN ${x} ${n.op} ${this.number(t)} THEN 1 ELSE 0 END)`).join(" + ")})`;
      }
      case "err":
        return this.lit(n.e);
      case "textIn":
        // Number columns are typed: they hold no text.
        return "FALSE";
      case "na":
      case "empty":
        return "NULL";
      case "relmax": {
        const v = this.e(n.v, a);
        const m = this.e(n.max, a);
        return `(CASE WHEN ${v} > 0 AND ${m} > 0 THEN ${v} * 1E0 / ${m} * ${this.number(n.points)} ELSE 0 END)`;
      }
      case "popMax": {
        if (!this.maxima.has(n.id)) {
          const v = this.e(n.v, SUB);
          this.maxima.set(n.id, `COALESCE(MAX(CASE WHEN ${this.e(n.pop, SUB)} AND ${v} > 0 THEN ${v} END), 0)`);
        }
        return `${this.q(MAXIMA)}.${this.q(n.id)}`;
      }
      case "popStat":
        return this.popStat(n, a);
      case "tier": {
        const key = n.group ? this.e(n.group, a) : "1";
        const part = `PARTITION BY CASE WHEN ${this.e(n.pop, a)} THEN ${key} END`;
        const greater = `(RANK() OVER (${part} ORDER BY ${this.e(n.v, a)} DESC) - 1)`;
        const size = `(COUNT(*) OVER (${part}))`;
        const whens = n.cuts.map((c, k) => `WHEN ${greater} < ${this.number(c)} * ${size} THEN ${k + 1}`);
        return `(CASE ${whens.join(" ")} ELSE ${n.cuts.length + 1} END)`;
      }
      case "adjust": {
        const idx = this.e(n.idx, a);
        const worse = n.kind === "floor" ? ">" : "<";
        return `(CASE WHEN ${this.e(n.when, a)} AND ${idx} ${worse} ${n.t} THEN ${n.t} ELSE ${idx} END)`;
      }
      case "share":
        return this.e(n.a, a);
      case "sameGroup":
        // Tiers partition by the group key instead.
        return "TRUE";
    }
  }
}
