/**
 * Order lines to customers: one pass over a table of order lines (one row per order or bill),
 * aggregating each line into its customer's running measures — count, sum, mean, min, max,
 * distinct count, first/last date, days since the first/last date. Memory grows with the
 * customers (and, for `distinct`, their distinct values), never with the lines: the CLI feeds
 * lines as it reads them and keeps nothing else.
 *
 * A line without a key belongs to no customer: it is that line's error (named by its line
 * number) and is counted in no customer. A line whose value cannot be read (a blank amount, a
 * date that does not exist) makes its customer's measures incomplete: that customer is an error
 * naming the first such line, never graded on a partial total.
 *
 * The plan (which column feeds which field) comes from the template's `orders` section, from a
 * mapping (`--key`, `--agg "field=fn(column)"`), or both (the mapping wins per field).
 */
import { GradeKitError } from "../text/error";
import { fillBoth, type Bilingual } from "../text/format";
import { round9 } from "../eval/precision";
import { daysBetween, isoOf, toSerial } from "../review/dates";
import { keyText } from "../review/compare";
import { isBlank, normalizeWord, parseNumber, showValue } from "./parse";
import { ORDER_FNS, type OrderFn, type OrderMeasure, type Orders, type Template, type Text } from "../template/schema";

export const ORDER_WORDS = {
  keyless: { en: "line {line}: no customer key in '{column}': not counted", zh: "第 {line} 行：“{column}”中没有客户键，未计入" },
  blank: { en: "line {line}: '{column}' is blank", zh: "第 {line} 行：“{column}”为空" },
  notNumber: { en: "line {line}: '{column}' is '{value}', not a number", zh: "第 {line} 行：“{column}”为“{value}”，不是数字" },
  notDate: { en: "line {line}: '{column}' is '{value}', not a date", zh: "第 {line} 行：“{column}”为“{value}”，不是日期" },
  more: { en: "{text} (and {n} more line(s) with errors)", zh: "{text}（另有 {n} 行有误）" },
  noColumn: {
    en: "order lines: no column '{column}' for {what} (headers: {headers})",
    zh: "订单明细：没有用于{what}的“{column}”列（表头：{headers}）",
  },
  what_key: { en: "the customer key", zh: "客户键" },
  what_field: { en: "field '{field}' ({fn})", zh: "字段“{field}”（{fn}）" },
  noKey: { en: "order lines need a key column: the template declares none; give --key COLUMN", zh: "订单明细需要客户键列：模板未声明；请用 --key 列名 指定" },
  noMeasures: { en: "order lines: no measures (the template declares none; give --agg field=fn(column))", zh: "订单明细：没有汇总指标（模板未声明；请用 --agg 字段=函数(列)）" },
  unfilled: {
    en: "order lines: required field(s) {fields} of template '{id}' are filled by no order measure",
    zh: "订单明细：模板“{id}”的必填字段 {fields} 没有对应的汇总指标",
  },
  notNumberField: { en: "order lines: '{field}' is not a number field of template '{id}'", zh: "订单明细：“{field}”不是模板“{id}”的数值字段" },
  badAgg: {
    en: "--agg '{item}': write it as field=fn(column), fn one of {fns} (count takes no column)",
    zh: "--agg “{item}”：请写成 字段=函数(列)，函数为 {fns} 之一（count 不需要列）",
  },
  needColumn: { en: "--agg '{item}': {fn} needs a column: {fn}(column)", zh: "--agg “{item}”：{fn} 需要指定列：{fn}(列)" },
} as const;

function word(key: keyof typeof ORDER_WORDS, args: Record<string, string | number> = {}): Bilingual {
  return fillBoth(ORDER_WORDS[key], args);
}

function orderError(code: keyof typeof ORDER_WORDS, errorClass: "usage" | "input" | "template", args: Record<string, string | number> = {}): GradeKitError {
  return GradeKitError.from(code, errorClass, ORDER_WORDS[code], args);
}

/** Which column feeds which field. `column` is -1 for `count`. */
export interface OrderPlan {
  key: number;
  keyHeader: string;
  measures: { field: string; fn: OrderFn; column: number; header: string }[];
}

/**
 * `field=fn(column)` (or `field=count`, `field=count()`) as a measure; a `usage` error naming the
 * item otherwise. The column may be a header or `#N`.
 *
 * @example parseAgg("totalAmount=sum(amount)") // { field: "totalAmount", fn: "sum", from: ["amount"] }
 */
export function parseAgg(item: string): OrderMeasure {
  const m = /^\s*([A-Za-z][A-Za-z0-9_]*)\s*=\s*([A-Za-z]+)\s*(?:\(\s*(.*?)\s*\))?\s*$/.exec(item);
  const fn = m ? (ORDER_FNS as readonly string[]).find((f) => f.toLowerCase() === m[2].toLowerCase()) : undefined;
  if (!m || !fn) throw orderError("badAgg", "usage", { item, fns: ORDER_FNS.join(", ") });
  const col = (m[3] ?? "").replace(/^(["'])(.*)\1$/, "$2");
  if (fn !== "count" && col === "") throw orderError("needColumn", "usage", { item, fn });
  return col === "" ? { field: m[1], fn: fn as OrderFn } : { field: m[1], fn: fn as OrderFn, from: [col] };
}

/** The template's order lines with a mapping laid over them: `key` replaces the key column, each `agg` replaces the measure of its field. */
export function ordersOf(template: Template, mapping: { key?: string; agg?: readonly OrderMeasure[] } = {}): Orders {
  const base = template.orders;
  const key = mapping.key !== undefined && mapping.key !== "" ? [mapping.key] : base?.key;
  if (!key) throw orderError("noKey", "usage");
  const measures = [...(base?.measures ?? [])];
  for (const a of mapping.agg ?? []) {
    const j = measures.findIndex((x) => x.field === a.field);
    if (j >= 0) measures[j] = a;
    else measures.push(a);
  }
  if (!measures.length) throw orderError("noMeasures", "usage");
  for (const x of measures) {
    const f = template.fields.find((y) => y.key === x.field);
    if (!f || f.type !== "number") throw orderError("notNumberField", "usage", { field: x.field, id: template.id });
  }
  const filled = new Set(measures.map((x) => x.field));
  const unfilled = template.fields.filter((f) => f.required !== false && f.default === undefined && !f.requiredUnless && !filled.has(f.key)).map((f) => f.key);
  if (unfilled.length) throw orderError("unfilled", "usage", { fields: unfilled.join(", "), id: template.id });
  return { key, measures };
}

/** Column of the first header name found (`#N` = the N-th column), -1 when none. */
function columnOf(headers: readonly string[], names: readonly string[]): number {
  const norm = headers.map((h) => normalizeWord(h));
  for (const n of names) {
    if (/^#\d+$/.test(n.trim())) {
      const c = Number(n.trim().slice(1)) - 1;
      if (c >= 0 && c < headers.length) return c;
      continue;
    }
    const c = norm.indexOf(normalizeWord(n));
    if (c >= 0 && norm[c] !== "") return c;
  }
  return -1;
}

/** An `input` error: no column for the key or a measure. */
function noColumn(column: string, what: Bilingual, headers: string): GradeKitError {
  return GradeKitError.from("noColumn", "input", ORDER_WORDS.noColumn, { column, headers, what: what.en }, { column, headers, what: what.zh });
}

/** Resolves the order-line columns in a header row; an `input` error names a column not found. */
export function planOrders(orders: Orders, headers: readonly string[]): OrderPlan {
  const shown = headers.filter((h) => h.trim() !== "").join(", ") || "-";
  const key = columnOf(headers, orders.key);
  if (key < 0) throw noColumn(orders.key[0], word("what_key"), shown);
  const measures = orders.measures.map((x) => {
    if (x.fn === "count") return { field: x.field, fn: x.fn, column: -1, header: "" };
    const names = x.from ?? [];
    const c = columnOf(headers, names);
    if (c < 0) throw noColumn(names[0] ?? "", word("what_field", { field: x.field, fn: x.fn }), shown);
    return { field: x.field, fn: x.fn, column: c, header: headers[c] };
  });
  return { key, keyHeader: headers[key], measures };
}

/** One customer's running aggregates. */
interface Acc {
  lines: number;
  /** Per measure: running sum (sum, mean), min/max, earliest/latest date serial. */
  acc: number[];
  /** Per measure: the distinct values seen (`distinct` only). */
  sets: (Set<string> | undefined)[];
  error?: Bilingual;
  errors: number;
}

/** A customer after the last line: its measures per field, or the error that keeps it from being graded. */
export interface OrderCustomer {
  key: string;
  /** Order lines counted. */
  lines: number;
  /** Field key -> aggregate (null when the customer has an error). */
  values: Record<string, number | null>;
  error: Text | null;
}

/** What a run of order lines gave. */
export interface OrderTotals {
  customers: OrderCustomer[];
  /** Lines added (blank lines are not added). */
  lines: number;
  /** Lines without a key: the first few, each with its message, and how many in all. */
  keyless: { line: number; reason: Text }[];
  keylessCount: number;
  /** The as-of date used by `daysSince*` (ISO), when a measure uses one. */
  asOf?: string;
}

const isDateFn = (fn: OrderFn) => fn === "first" || fn === "last" || fn === "daysSinceFirst" || fn === "daysSinceLast";
const isEarliest = (fn: OrderFn) => fn === "first" || fn === "daysSinceFirst" || fn === "min";

/** How many keyless lines are kept with their message. */
const KEYLESS_SHOWN = 20;

/**
 * Aggregates order lines one at a time (`add`), then gives one record per customer
 * (`totals`), customers in the order they first appear.
 */
export class OrderAggregator {
  private readonly byKey = new Map<string, Acc>();
  private readonly keyless: { line: number; reason: Text }[] = [];
  private keylessCount = 0;
  private lines = 0;

  constructor(readonly plan: OrderPlan) {}

  /** Adds one order line (`row` indexed like the header; `line` names it in messages). Blank lines are skipped. */
  add(row: ArrayLike<unknown>, line: number): void {
    const plan = this.plan;
    let any = false;
    for (let c = 0; c < row.length && !any; c++) any = !isBlank(row[c]);
    if (!any) return;
    this.lines++;
    const key = keyText(row[plan.key]);
    if (key === "") {
      if (this.keyless.length < KEYLESS_SHOWN) this.keyless.push({ line, reason: word("keyless", { line, column: plan.keyHeader }) });
      this.keylessCount++;
      return;
    }
    let a = this.byKey.get(key);
    if (!a) {
      a = { lines: 0, acc: plan.measures.map((m) => (m.fn === "max" || m.fn === "last" || m.fn === "daysSinceLast" ? -Infinity : isEarliest(m.fn) ? Infinity : 0)), sets: plan.measures.map((m) => (m.fn === "distinct" ? new Set<string>() : undefined)), errors: 0 };
      this.byKey.set(key, a);
    }
    a.lines++;
    if (a.error) {
      a.errors++;
      return; // its measures are no longer used: keep nothing more
    }
    for (let k = 0; k < plan.measures.length; k++) {
      const m = plan.measures[k];
      if (m.fn === "count") continue;
      const raw = row[m.column];
      if (isBlank(raw)) {
        a.error = word("blank", { line, column: m.header });
        break;
      }
      if (m.fn === "distinct") {
        a.sets[k]!.add(normalizeWord(keyText(raw)));
        continue;
      }
      let x: number;
      if (isDateFn(m.fn)) {
        const d = toSerial(raw);
        if (!d.ok) {
          a.error = word("notDate", { line, column: m.header, value: showValue(raw) });
          break;
        }
        x = d.serial;
      } else {
        const r = parseNumber(raw);
        if (!r.ok) {
          a.error = word("notNumber", { line, column: m.header, value: showValue(raw) });
          break;
        }
        x = r.value;
      }
      if (m.fn === "sum" || m.fn === "mean") a.acc[k] += x;
      else if (m.fn === "max" || m.fn === "last" || m.fn === "daysSinceLast") a.acc[k] = Math.max(a.acc[k], x);
      else a.acc[k] = Math.min(a.acc[k], x);
    }
    if (a.error) {
      a.errors++;
      a.sets = [];
    }
  }

  /** The customers' measures; `asOf` (an Excel serial) is the date `daysSince*` count to. */
  totals(asOf?: number): OrderTotals {
    const plan = this.plan;
    const usesAsOf = plan.measures.some((m) => m.fn === "daysSinceFirst" || m.fn === "daysSinceLast");
    if (usesAsOf && (asOf === undefined || !Number.isFinite(asOf))) throw new Error("order lines: an as-of date is needed for days-since measures");
    const customers: OrderCustomer[] = [];
    for (const [key, a] of this.byKey) {
      const values: Record<string, number | null> = {};
      if (a.error) {
        for (const m of plan.measures) values[m.field] = null;
        const error = a.errors > 1 ? fillBoth(ORDER_WORDS.more, { text: a.error.en, n: a.errors - 1 }, { text: a.error.zh, n: a.errors - 1 }) : a.error;
        customers.push({ key, lines: a.lines, values, error });
        continue;
      }
      plan.measures.forEach((m, k) => {
        const x = a.acc[k];
        switch (m.fn) {
          case "count":
            values[m.field] = a.lines;
            break;
          case "distinct":
            values[m.field] = a.sets[k]!.size;
            break;
          case "mean":
            values[m.field] = round9(x / a.lines);
            break;
          case "sum":
            values[m.field] = round9(x);
            break;
          case "daysSinceFirst":
          case "daysSinceLast":
            values[m.field] = daysBetween(x, asOf!);
            break;
          default:
            values[m.field] = x;
        }
      });
      customers.push({ key, lines: a.lines, values, error: null });
    }
    const out: OrderTotals = { customers, lines: this.lines, keyless: [...this.keyless], keylessCount: this.keylessCount };
    if (usesAsOf) out.asOf = isoOf(asOf!);
    return out;
  }
}

/** Aggregates a whole table of order lines at once (the task pane's selection; tests). `firstLine` numbers the first row. */
export function aggregateOrders(orders: Orders, headers: readonly string[], rows: readonly ArrayLike<unknown>[], opts: { asOf?: number; firstLine?: number } = {}): { plan: OrderPlan; totals: OrderTotals } {
  const plan = planOrders(orders, headers);
  const agg = new OrderAggregator(plan);
  const first = opts.firstLine ?? 2;
  rows.forEach((r, i) => agg.add(r, first + i));
  return { plan, totals: agg.totals(opts.asOf) };
}

/** The customers without errors as a table to grade (`gradeTable`'s columns form), in order. */
export function customerTable(totals: OrderTotals, plan: OrderPlan): { keys: string[]; columns: Record<string, (number | null)[]>; rowCount: number } {
  const good = totals.customers.filter((c) => c.error === null);
  const columns: Record<string, (number | null)[]> = {};
  for (const m of plan.measures) columns[m.field] = good.map((c) => c.values[m.field]);
  return { keys: good.map((c) => c.key), columns, rowCount: good.length };
}
