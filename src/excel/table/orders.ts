/**
 * "My selection holds order lines": the selected table is one row per order or bill. Its key and
 * measure columns (the template's `orders` section, or a mapping) are read through the one
 * selection route (`gradeSelection`, nothing graded per line), aggregated per customer by the
 * engine (`input/orders.ts`) and the customers graded; the result goes to a new sheet ("GradeKit
 * Customers" / "客户分级"): key, measures, grade, score (when the template scores), reason.
 * Lines without a key and customers with an unreadable line are reported (by sheet row).
 */
import { gradeTable, tr } from "../../engine";
import { customerTable, OrderAggregator, ordersOf, planOrders, type OrderPlan } from "../../engine/input/orders";
import { isoOf, toSerial } from "../../engine/review";
import type { OrderLinesOptions, OrderLinesResult } from "../contract";
import type { ExcelApi } from "../excel-api";
import { uniqueSheetName } from "../forms";
import { gradeSelection } from "./pipeline";

const SHEET = { en: "GradeKit Customers", "zh-CN": "客户分级" } as const;
const AS_OF = { en: "as of {date}", zh: "基准日 {date}" };

/** `asOf` as an Excel serial (today, UTC, when absent). */
function asOfSerial(v: OrderLinesOptions["asOf"]): number {
  const d = toSerial(v ?? new Date());
  if (!d.ok) throw new RangeError(`as-of date '${String(v)}' is not a date`);
  return d.serial;
}

/** Aggregates the selected order lines per customer, grades the customers, writes them to a new sheet. */
export async function gradeOrderLines(excel: ExcelApi, options: OrderLinesOptions): Promise<OrderLinesResult> {
  const lang = options.lang ?? "en";
  const orders = ordersOf(options.template, { key: options.key, agg: options.agg });
  const asOf = asOfSerial(options.asOf);
  return excel.run(async (context) => {
    let plan: OrderPlan | undefined;
    const sel = await gradeSelection(context, {
      template: options.template,
      table: options.table,
      extra: (table) => {
        plan = planOrders(orders, table.headers);
        return Object.fromEntries([["key", plan.key], ...plan.measures.filter((m) => m.column >= 0).map((m) => [m.field, m.column])]);
      },
    });
    const p = plan!;
    const agg = new OrderAggregator(p);
    const width = sel.table.columnCount;
    const firstRow = sel.table.rowIndex + (sel.table.hasHeader ? 2 : 1); // 1-based sheet row of the first line
    for (let i = 0; i < sel.table.rowCount; i++) {
      const row: unknown[] = new Array(width).fill(null);
      for (const [c, values] of sel.columns) row[c] = values[i];
      agg.add(row, firstRow + i);
    }
    const totals = agg.totals(asOf);
    const t = customerTable(totals, p);
    const result = gradeTable(options.template, { columns: t.columns, rowCount: t.rowCount }, { params: options.params });
    const scores = result.scores !== null;
    const index = new Map(t.keys.map((k, i) => [k, i]));
    const note = totals.asOf !== undefined ? (lang === "zh-CN" ? AS_OF.zh : AS_OF.en).replace("{date}", totals.asOf) : "";
    const head = [p.keyHeader, ...p.measures.map((m) => m.field), "grade", ...(scores ? ["score"] : []), "reason"];
    const cells: (string | number)[][] = [head];
    let graded = 0;
    const errors: { key: string; reason: string }[] = [];
    for (const c of totals.customers) {
      const i = index.get(c.key);
      const values = p.measures.map((m) => {
        const x = c.values[m.field];
        return x === null ? "" : m.fn === "first" || m.fn === "last" ? isoOf(x) : x;
      });
      if (i === undefined) {
        const reason = tr(c.error!, lang);
        errors.push({ key: c.key, reason });
        cells.push([c.key, ...values, "", ...(scores ? [""] : []), reason]);
        continue;
      }
      const g = result.grade(i);
      if (g !== null && result.status(i) === "graded") graded++;
      else if (result.status(i) === "error") errors.push({ key: c.key, reason: result.reason(i, lang) });
      const s = result.status(i) === "graded" ? result.score(i) : null;
      const reason = [result.reason(i, lang), note].filter((x) => x).join("; ");
      cells.push([c.key, ...values, g === null ? "" : lang === "zh-CN" ? result.label(i, lang) : g, ...(scores ? [s ?? ""] : []), reason]);
    }
    const sheets = context.workbook.worksheets;
    sheets.load("items/name");
    await context.sync();
    const name = uniqueSheetName(SHEET[lang], sheets.items.map((s) => s.name));
    const ws = sheets.add(name);
    const range = ws.getRangeByIndexes(0, 0, cells.length, head.length);
    range.numberFormat = cells.map((r) => r.map((x) => (typeof x === "number" ? "General" : "@")));
    range.values = cells;
    ws.getRangeByIndexes(0, 0, 1, head.length).format.font.bold = true;
    ws.activate();
    await context.sync();
    return {
      sheet: name,
      lines: totals.lines,
      customers: totals.customers.length,
      graded,
      errors,
      keyless: totals.keyless.map((k) => ({ line: k.line, reason: tr(k.reason, lang) })),
      keylessCount: totals.keylessCount,
      asOf: totals.asOf,
    };
  });
}
