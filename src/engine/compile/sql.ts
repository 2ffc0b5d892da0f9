/**
 * IR -> one SQL query. Plain ANSI SQL plus the few functions DuckDB, PostgreSQL and Spark SQL all
 * have (CHR): CASE WHEN and window functions (RANK, COUNT/SUM/MAX ... OVER) for populations.
 *
 * Each value is computed once: a shared value used more than once (validity, score, rounded
 * score, adjusted grade number) and every window function becomes a column `gk_<id>` of a derived
 * table (`SELECT "t".*, grade, score FROM (SELECT "t".*, ... AS "gk_score" FROM (SELECT "t".*,
 * ... AS "gk_valid" FROM "input" AS "t") AS "t") AS "t"`), computed at the first stage where what
 * it reads exists; outer stages read the column. A window over another window's result
 * (cumulative shares) is an outer stage. SQLite has no LATERAL, so stages nest, not join.
 *
 * Columns: number fields are numeric columns (NULL = blank); category, yes/no and text fields
 * are text columns (NULL or spaces = blank).
 */
import { children, mayBeNa, type Node } from "./ir";
import type { Lowered } from "./lower";
import { refuse } from "./types";
import { spellingKeys, wordGroups, WORD_STRIPPED } from "./words";

const MAIN = "t";
/** Prefix of the computed columns (a field may not start with it). */
const PREFIX = "gk_";

interface Hoisted {
  ref: string;
  /** The first stage that may read it. */
  lvl: number;
}

export class SqlPrinter {
  private readonly types = new Map<string, string>();
  /** Computed columns per stage (stage k reads what stages < k computed). */
  private readonly stages: { name: string; text: string }[][] = [];
  private readonly hoisted = new Map<string, Hoisted>();
  private readonly uses = new Map<string, number>();
  private readonly inValidity = new Set<string>();
  /** The stage the text being printed needs (max over what it reads). */
  private level = 0;
  private windows = 0;
  private computed = 0;
  /**
   * Whole-table aggregates (maxima, means, "some row"), each over what the stages below `lvl`
   * computed (one common table expression per `lvl`).
   */
  private readonly aggregates: { name: string; text: string; lvl: number }[] = [];

  constructor(
    private readonly lowered: Lowered,
    private readonly table: string,
    private readonly quoteStyle: "double" | "backtick",
    private readonly keep?: readonly string[],
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
      if (f.key.toLowerCase().startsWith(PREFIX)) {
        refuse("notExpressible", `the field '${f.key}' starts with '${PREFIX}', the prefix of the query's computed columns; rename the field`, `字段“${f.key}”以查询计算列的前缀“${PREFIX}”开头；请重命名该字段`);
      }
    }
    this.countUses([L.allBlank, L.valid, L.valid, L.grade, L.score]);
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
    // Stages with computed columns, innermost first, each reading the one before (nested derived
    // tables all named "t", so a column is "t"."x" at every level); a stage with no computed
    // columns is left out (its inputs pass through).
    const stages: { lvl: number; cols: { name: string; text: string }[] }[] = [];
    this.stages.forEach((cols, lvl) => {
      if (cols?.length) stages.push({ lvl, cols });
    });
    // Whole-table aggregates: per level, one common table expression over the stages below that
    // level (what they read is computed once per row there too), cross-joined (one row) by name
    // wherever read, its columns never selected: no aggregate is a column of the output (a
    // constant column costs DuckDB as much as any other). Not scalar subqueries: node-sql-parser's
    // Trino grammar refuses them in a select list.
    const levels = [...new Set(this.aggregates.map((x) => x.lvl))].sort((x, y) => x - y);
    const joins = (text: string): string =>
      levels
        .map(aggTable)
        .filter((name) => text.includes(`${name}.`))
        .map((name) => ` CROSS JOIN ${name}`)
        .join("");
    const from = (k: number, depth: number): string => {
      if (k < 0) return this.tableName();
      const pad = "  ".repeat(depth);
      const computed = stages[k].cols.map((c) => `,\n${pad}    ${c.text} AS ${this.q(c.name)}`).join("");
      return `(\n${pad}  SELECT ${this.q(MAIN)}.*${computed}\n${pad}  FROM ${from(k - 1, depth + 1)} AS ${this.q(MAIN)}${joins(computed)}\n${pad})`;
    };
    const ctes = levels.map((lvl) => {
      const aggs = this.aggregates.filter((x) => x.lvl === lvl).map((x) => `    ${x.text} AS ${this.q(x.name)}`).join(",\n");
      const below = stages.filter((st) => st.lvl < lvl).length - 1;
      return `${aggTable(lvl)} AS (\n  SELECT\n${aggs}\n  FROM ${from(below, 1)} AS ${this.q(MAIN)}${joins(aggs)}\n)`;
    });
    const source = from(stages.length - 1, 0);
    const out = this.keep ? this.keep.map((c) => this.col(c, MAIN)).join(", ") : `${this.q(MAIN)}.*`;
    const withClause = ctes.length ? `WITH ${ctes.join(",\n")}\n` : "";
    const selected = cols.join(",\n");
    return `${withClause}SELECT ${out},\n${selected}\nFROM ${source} AS ${this.q(MAIN)}${joins(selected)}`;
  }

  // ---- computed columns ---------------------------------------------------------------------

  /**
   * How often each shared value, rounded value and adjusted grade number is printed (a value
   * printed once stays inline), and which values the validity reads (those stay inline: a
   * computed row value is guarded by the validity).
   */
  private countUses(roots: readonly (Node | undefined)[]): void {
    const bump = (key: string) => {
      const c = (this.uses.get(key) ?? 0) + 1;
      this.uses.set(key, c);
      return c;
    };
    const go = (n: Node, times: number) => {
      for (let k = 0; k < times; k++) {
        if (n.k === "share" && bump(n.id) > 1) return;
        if (n.k === "round9") bump(`x:${JSON.stringify(n)}`);
        if (n.k === "words") bump(`w:${n.f}`);
        if (n.k === "catIndex") for (const _ of n.groups) bump(`w:${n.f}`);
        // An adjustment prints its grade number twice.
        if (n.k === "adjust") for (const _ of [0, 1]) bump(`x:${JSON.stringify(n.idx)}`);
      }
      // Tiers, sums and adjustments print some of their parts twice.
      const twice = n.k === "tier" || n.k === "popSum" || n.k === "adjust";
      for (const ch of children(n)) go(ch, twice ? 2 : 1);
    };
    for (const r of roots) if (r) go(r, 1);
    const inValid = (n: Node) => {
      this.inValidity.add(JSON.stringify(n));
      for (const ch of children(n)) inValid(ch);
    };
    inValid(this.lowered.valid);
  }

  /** A row value printed more than once, computed once as a column (valid rows only). */
  private once(n: Node, a: string, print: () => string): string {
    const key = `x:${JSON.stringify(n)}`;
    if ((this.uses.get(key) ?? 0) < 2 || this.inValidity.has(key.slice(2))) return print();
    return this.hoist(key, `${PREFIX}x${++this.computed}`, () => `CASE WHEN ${this.e(this.lowered.valid, a)} THEN ${print()} END`);
  }

  /** Prints `make` and the stage it needs. */
  private measure(make: () => string): { s: string; l: number } {
    const saved = this.level;
    this.level = 0;
    const s = make();
    const l = this.level;
    this.level = Math.max(saved, l);
    return { s, l };
  }

  /** A column computed once at the first stage where what it reads exists; returns its reference. */
  private hoist(key: string, name: string, make: () => string): string {
    let h = this.hoisted.get(key);
    if (!h) {
      const { s, l } = this.measure(make);
      (this.stages[l] ??= []).push({ name, text: s });
      h = { ref: `${this.q(MAIN)}.${this.q(name)}`, lvl: l + 1 };
      this.hoisted.set(key, h);
    }
    this.level = Math.max(this.level, h.lvl);
    return h.ref;
  }

  /** A window function as a column (a window cannot read another window in the same SELECT). */
  private window(text: () => string, prefix = "w"): string {
    const { s, l } = this.measure(text);
    const key = `w:${s}`;
    if (!this.hoisted.has(key)) {
      const name = `${PREFIX}${prefix}${++this.windows}`;
      (this.stages[l] ??= []).push({ name, text: s });
      this.hoisted.set(key, { ref: `${this.q(MAIN)}.${this.q(name)}`, lvl: l + 1 });
    }
    const h = this.hoisted.get(key)!;
    this.level = Math.max(this.level, h.lvl);
    return h.ref;
  }

  /**
   * A whole-table aggregate (`MAX(...)`, `SUM(...)`) as a column of a one-row common table
   * expression over the stages that compute what it reads, read as `gk_agg2."gk_m1"` (the
   * reading SELECT cross-joins `gk_agg2`): no window over the whole table (which DuckDB
   * materialises). Its readers are placed after those stages (so no stage it reads can read it).
   */
  private aggregate(text: () => string): string {
    const { s, l } = this.measure(text);
    let found = this.aggregates.find((x) => x.text === s);
    if (!found) {
      found = { name: `${PREFIX}m${this.aggregates.length + 1}`, text: s, lvl: l };
      this.aggregates.push(found);
    }
    this.level = Math.max(this.level, found.lvl + 1);
    return `${aggTable(found.lvl)}.${this.q(found.name)}`;
  }

  /**
   * A window's partition or order key: a column as it is, anything else computed once as a
   * column (Trino's grammar in node-sql-parser takes only columns there; and it is computed once).
   */
  private keyColumn(text: () => string): string {
    const { s } = this.measure(text);
    return /^"[^"]*"\."[^"]*"$|^`[^`]*`\.`[^`]*`$/.test(s) ? s : this.window(text, "k");
  }

  private shareRef(n: Extract<Node, { k: "share" }>, a: string): string {
    if ((this.uses.get(n.id) ?? 0) < 2 && !this.hoisted.has(`s:${n.id}`)) return this.e(n.a, a);
    const rowValue = !["valid", "blank", "rowok"].includes(n.id) && !isCondition(n.a);
    return this.hoist(`s:${n.id}`, `${PREFIX}${n.id}`, () => {
      // A row value is computed for valid rows only (the query reads it nowhere else): no
      // arithmetic on bad rows' cells (PostgreSQL stops on a division by zero).
      const x = this.e(n.a, a);
      return rowValue ? `CASE WHEN ${this.e(this.lowered.valid, a)} THEN ${x} END` : x;
    });
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
    const field = this.lowered.fields.find((x) => x.key === f);
    const full = () => `LOWER(${WORD_STRIPPED.reduce((s, ch) => `REPLACE(${s}, ${this.lit(ch)}, '')`, c)})`;
    const hoisted = (this.uses.get(`w:${f}`) ?? 0) > 1;
    // A cell tested more than once (validity, conditions, caps) whose words are whole values:
    // the value's number (1, 2, ...; 0 for any other word) computed once as a column — a number
    // column is cheaper to carry than the word key — and tested with IN.
    const groups = field && hoisted ? wordGroups(field) : [];
    const picked = groups.map((g, k) => (g.some((w) => words.includes(w)) ? k + 1 : 0)).filter((k) => k > 0);
    const whole = picked.length > 0 && words.every((w) => picked.some((k) => groups[k - 1].includes(w))) && picked.every((k) => groups[k - 1].every((w) => words.includes(w)));
    if (whole) {
      const idx = this.hoist(`i:${f}`, `${PREFIX}cat${++this.computed}`, () => {
        const byKey = groups.flatMap((g, k) => g.map((w) => `WHEN ${this.lowerLit(w)} THEN ${k + 1}`));
        const slow = `(CASE ${full()} ${byKey.join(" ")} ELSE 0 END)`;
        // The template's own spellings looked up first (an exact comparison is several times
        // cheaper than three REPLACEs and a LOWER); any other text goes the long way.
        const known = spellingKeys(field).flatMap(([w, key]) => {
          const k = groups.findIndex((g) => g.includes(key));
          return k >= 0 ? [`WHEN ${this.lit(w)} THEN ${k + 1}`] : [];
        });
        return known.length ? `(CASE ${c} ${known.join(" ")} ELSE ${slow} END)` : slow;
      });
      return `${idx} IN (${picked.join(", ")})`;
    }
    const make = () => {
      const known = spellingKeys(field);
      return known.length ? `(CASE ${c} ${known.map(([w, k]) => `WHEN ${this.lit(w)} THEN ${this.lit(k)}`).join(" ")} ELSE ${full()} END)` : full();
    };
    // A cell's word key tested more than once is computed once.
    const key = hoisted ? this.hoist(`w:${f}`, `${PREFIX}key${++this.computed}`, make) : make();
    return `${key} IN (${words.map((w) => this.lowerLit(w)).join(", ")})`;
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
      const group = n.group;
      return this.window(() => `AVG(CASE WHEN ${this.e(n.pop, a)} THEN ${this.e(n.v, a)} END) OVER (PARTITION BY ${this.keyColumn(() => this.e(group, a))})`);
    }
    const v = () => `CASE WHEN ${this.e(n.pop, a)} THEN ${this.e(n.v, a)} END`;
    return this.aggregate(() => (n.stat === "mean" ? `AVG(${v()})` : `PERCENTILE_CONT(${this.number(n.p)}) WITHIN GROUP (ORDER BY ${v()})`));
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
      case "textMatch":
      case "oddText":
        return refuse(
          "notExpressible",
          `the text pattern on the free-text field '${n.f}' is not compiled to SQL: LOWER and TRIM differ between databases (SQLite lowers ASCII only) from the engine's case and width folding`,
          `自由文本字段“${n.f}”上的文本模式无法编译为 SQL：各数据库的 LOWER、TRIM 与引擎的大小写和全角/半角统一方式不同（SQLite 只转换 ASCII 字母）`,
        );
      case "arith":
        // `* 1E0` keeps integer columns from integer division (PostgreSQL: 7 / 2 = 3).
        return n.op === "/" ? `(${this.e(n.a, a)} * 1E0 / ${this.e(n.b, a)})` : `(${this.e(n.a, a)} ${n.op} ${this.e(n.b, a)})`;
      case "neg":
        return `(-${this.e(n.a, a)})`;
      case "round9":
        return this.once(n, a, () => {
          // The engine's round9: 9 decimals below 10^6, the value itself above.
          const x = this.e(n.a, a);
          // Below 10^6, 18 digits with 12 decimals hold the value (DuckDB: 64-bit decimals, fast).
          return `(CASE WHEN ABS(${x}) >= 1000000 THEN ${x} ELSE ROUND(CAST(${x} AS DECIMAL(18, 12)), 9) END)`;
        });
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
        // The operand without its outer parentheses (`CASE (x) WHEN` is valid SQL, but
        // node-sql-parser's Trino, BigQuery and Hive grammars refuse it; `CASE x WHEN` reads alike).
        return `(CASE ${unwrap(this.e(n.idx, a))} ${n.opts.map((o, k) => `WHEN ${k + 1} THEN ${this.e(o, a)}`).join(" ")} END)`;
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
      case "popMax":
        return this.aggregate(() => `COALESCE(MAX(CASE WHEN ${this.e(n.pop, a)} AND ${this.e(n.v, a)} > 0 THEN ${this.e(n.v, a)} END), 0)`);
      case "popStat":
        return this.popStat(n, a);
      case "tier": {
        const part = () => `PARTITION BY ${this.keyColumn(() => `CASE WHEN ${this.e(n.pop, a)} THEN ${n.group ? this.e(n.group, a) : "1"} END`)}`;
        const greater = `(${this.window(() => `RANK() OVER (${part()} ORDER BY ${this.keyColumn(() => this.e(n.v, a))} DESC)`)} - 1)`;
        const size = this.window(() => `COUNT(*) OVER (${part()})`);
        const whens = n.cuts.map((c, k) => `WHEN ${greater} < ${this.number(c)} * ${size} THEN ${k + 1}`);
        return `(CASE ${whens.join(" ")} ELSE ${n.cuts.length + 1} END)`;
      }
      case "popSum": {
        const key = () => this.keyColumn(() => `CASE WHEN ${this.e(n.pop, a)} THEN ${n.group ? this.e(n.group, a) : "1"} END`);
        const v = () => this.keyColumn(() => this.e(n.v, a));
        const summed = () => `CASE WHEN ${this.e(n.pop, a)} THEN ${this.e(n.v, a)} END`;
        if (!n.above) return this.window(() => `SUM(${summed()}) OVER (PARTITION BY ${key()})`);
        // The sum of the larger values: the running sum before the row, largest first, and its
        // smallest value among equal values (ties share the sum of the values above them).
        const running = () => this.window(() => `SUM(${summed()}) OVER (PARTITION BY ${key()} ORDER BY ${v()} DESC ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING)`);
        return this.window(() => `MIN(COALESCE(${running()}, 0)) OVER (PARTITION BY ${key()}, ${v()})`);
      }
      case "popMean": {
        const sum = this.aggregate(() => `SUM(CASE WHEN ${this.e(n.pop, a)} THEN ${this.e(n.v, a)} END)`);
        const count = this.aggregate(() => `COUNT(CASE WHEN ${this.e(n.pop, a)} THEN 1 END)`);
        return `(CASE WHEN ${count} > 0 THEN ${sum} * 1E0 / ${count} END)`;
      }
      case "anyRow":
        return `(${this.aggregate(() => `MAX(CASE WHEN ${this.e(n.c, a)} THEN 1 ELSE 0 END)`)} = 1)`;
      case "meanOf": {
        const sum = n.fs.map((f) => `COALESCE(${this.col(f, a)}, 0)`).join(" + ");
        return `((${sum}) * 1E0 / NULLIF(${this.e({ k: "countNum", fs: n.fs }, a)}, 0))`;
      }
      case "countNum":
        return `(${n.fs.map((f) => `(CASE WHEN ${this.col(f, a)} IS NOT NULL THEN 1 ELSE 0 END)`).join(" + ")})`;
      case "adjust": {
        // A grade number that is itself an adjustment of a computed one (two caps) is a CASE over
        // that column: printed twice rather than one more column and stage (up to two deep).
        const cheap = n.idx.k === "adjust" && adjustDepth(n.idx) <= 2;
        const idx = cheap ? this.e(n.idx, a) : this.once(n.idx, a, () => this.e(n.idx, a));
        const worse = n.kind === "floor" ? ">" : "<";
        return `(CASE WHEN ${this.e(n.when, a)} AND ${idx} ${worse} ${n.t} THEN ${n.t} ELSE ${idx} END)`;
      }
      case "share":
        return this.shareRef(n, a);
      case "sameGroup":
        // Tiers partition by the group key instead.
        return "TRUE";
    }
  }
}

/**
 * The common table expression holding the whole-table aggregates that read the stages below
 * `lvl`. Unquoted (node-sql-parser's BigQuery and Hive grammars refuse a quoted CTE name); the
 * `gk_` prefix is the query's own, so no field can clash with it.
 */
function aggTable(lvl: number): string {
  return `${PREFIX}agg${lvl}`;
}

/** How many adjustments are nested in `n` (itself included). */
function adjustDepth(n: Node): number {
  return n.k === "adjust" ? 1 + adjustDepth(n.idx) : 0;
}

/** Nodes that are conditions (true/false), not values. */
function isCondition(n: Node): boolean {
  return ["isNum", "blank", "allBlank", "words", "cmp", "and", "or", "not", "bool"].includes(n.k);
}

/** `(x)` -> `x` when the outer parentheses enclose the whole text. */
function unwrap(s: string): string {
  if (!s.startsWith("(") || !s.endsWith(")")) return s;
  let depth = 0;
  let inStr: string | undefined;
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    if (inStr) {
      if (ch === inStr) inStr = undefined;
      continue;
    }
    if (ch === "'" || ch === '"' || ch === "`") inStr = ch;
    else if (ch === "(") depth++;
    else if (ch === ")" && --depth === 0 && i < s.length - 1) return s;
  }
  return s.slice(1, -1);
}
