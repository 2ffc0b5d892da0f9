/**
 * `gradekit grade --orders`: the input is order lines (one row per order or bill); they are
 * aggregated per customer in one pass (engine `input/orders.ts`: only the customers' running
 * aggregates are kept) as the template's `orders` section declares, or as `--key` / `--agg`
 * give, then the customers are graded. Output: one row per customer — the key, each measure, then
 * `grade`, `score` (when the template scores) and `reason`. A line without a key is that line's
 * error (listed in the summary); a customer with an unreadable line is an error row naming it.
 */
import * as fs from "fs";
import * as path from "path";
import { catalogue, gradeTable, tr, type Catalogue, type Lang, type OrderMeasure } from "../engine";
import { neutralise } from "../engine";
import { customerTable, OrderAggregator, ordersOf, parseAgg, planOrders, type OrderTotals } from "../engine/input/orders";
import { isoOf, toSerial } from "../engine/review/dates";
import { cellText, delimiterOption, encodingOption, excel, formatOf, isMacroWorkbook, readCsvInput, readXlsxInput, sheetNameFor, writeCsvOutput, writeXlsxOutput, type CellValue } from "./io";
import { both, errorsOf, fail, type CliIo } from "./messages";
import { checkOutputTarget } from "./output-file";
import { langOption, parseCommandArgs, splitPairs } from "./commands/args";
import { issueLine, loadTemplate, parseParams } from "./commands/template-source";

const OPTIONS = {
  orders: { type: "boolean" },
  template: { type: "string", short: "t" },
  in: { type: "string", short: "i" },
  out: { type: "string", short: "o" },
  sheet: { type: "string" },
  key: { type: "string", short: "k" },
  agg: { type: "string", multiple: true },
  "as-of": { type: "string" },
  param: { type: "string", multiple: true },
  lang: { type: "string" },
  "no-bom": { type: "boolean" },
  quiet: { type: "boolean", short: "q" },
  force: { type: "boolean" },
  encoding: { type: "string" },
  delimiter: { type: "string" },
} as const;

const MESSAGES = {
  badAsOf: { en: "--as-of '{value}' is not a date (write it as YYYY-MM-DD)", zh: "--as-of “{value}”不是日期（请写成 YYYY-MM-DD）" },
  head: { en: "order lines: {lines} line(s) -> {customers} customer(s) by '{key}'", zh: "订单明细：{lines} 行 -> 按“{key}”汇总为 {customers} 个客户" },
  measures: { en: "measures: {list}", zh: "汇总指标：{list}" },
  asOf: { en: "as of {date} (days since are counted to this date)", zh: "基准日 {date}（距今天数计算到此日）" },
  asOfReason: { en: "as of {date}", zh: "基准日 {date}" },
  keyless: { en: "{n} line(s) without a customer key, not counted:", zh: "{n} 行没有客户键，未计入：" },
  graded: { en: "{n} customer(s): {graded} graded, {errors} with errors, {empty} without data", zh: "{n} 个客户：已定级 {graded}，有误 {errors}，无数据 {empty}" },
  errors: { en: "customers with errors:", zh: "有误的客户：" },
  written: { en: "written to {out}", zh: "已写入 {out}" },
} as const satisfies Catalogue;

const t = catalogue(MESSAGES);
const failOrders = errorsOf(MESSAGES);
const SHOWN = 5;

const isBlankCell = (v: CellValue | undefined) => v === null || v === undefined || (typeof v === "string" && v.trim() === "");

/** `--as-of YYYY-MM-DD` as an Excel serial; today (UTC) when absent. */
export function asOfSerial(value: string | undefined, now: Date = new Date()): number {
  if (value === undefined) return (toSerial(now) as { ok: true; serial: number }).serial;
  const d = toSerial(value);
  if (!d.ok || typeof value !== "string" || /^\d+(\.\d+)?$/.test(value.trim())) throw failOrders("badAsOf", "usage", { value });
  return d.serial;
}

/** `gradekit grade --orders ...` -> exit code. */
export async function ordersGradeCommand(argv: string[], io: CliIo, fallbackLang: Lang): Promise<number> {
  const { values } = parseCommandArgs("grade", argv, OPTIONS, fallbackLang);
  const lang = langOption(values.lang, fallbackLang);
  for (const opt of ["template", "in", "out"] as const) {
    if (typeof values[opt] !== "string" || values[opt] === "") throw fail("needOption", "usage", { option: `--${opt}`, cmd: "grade" });
  }
  const input = values.in as string;
  const output = values.out as string;
  const { template, warnings } = loadTemplate(values.template as string, lang);
  const params = parseParams(splitPairs(values.param as string[] | undefined), template);
  const aggs: OrderMeasure[] = ((values.agg as string[] | undefined) ?? []).map(parseAgg);
  const orders = ordersOf(template, { key: values.key as string | undefined, agg: aggs });
  const asOf = asOfSerial(values["as-of"] as string | undefined);

  const inFormat = formatOf(input);
  const outFormat = formatOf(output);
  if (!inFormat) throw fail("badFormat", "usage", { option: "--in", path: input });
  if (!outFormat || isMacroWorkbook(output) || (output === "-" && outFormat !== "csv")) throw fail("badFormat", "usage", { option: "--out", path: output });
  if (input !== "-" && !fs.existsSync(input)) throw fail("noFile", "notFound", { what: both("what_input"), path: input });
  const inputs = [input, values.template as string];
  checkOutputTarget(output, inputs, values.force === true);
  if (values.sheet !== undefined && inFormat !== "xlsx") throw fail("sheetCsv", "usage");
  const sheet =
    inFormat === "csv"
      ? await readCsvInput(input, lang, io.stdin, { encoding: encodingOption(values.encoding as string | undefined), delimiter: delimiterOption(values.delimiter as string | undefined) })
      : await readXlsxInput(input, values.sheet as string | undefined, lang);

  // One pass: the header is the first non-blank row; every later row is one order line.
  const rows = sheet.rows;
  const h = rows.findIndex((r) => r.some((v) => !isBlankCell(v)));
  if (h < 0) throw fail("emptyInput", "input", { path: input });
  const plan = planOrders(orders, rows[h].map((v) => cellText(v)));
  const agg = new OrderAggregator(plan);
  for (let r = h + 1; r < rows.length; r++) agg.add(rows[r], sheet.lines?.[r] ?? r + 1);
  const totals = agg.totals(asOf);

  const table = customerTable(totals, plan);
  const result = gradeTable(template, { columns: table.columns, rowCount: table.rowCount }, { params });
  const scores = result.scores !== null;
  const index = new Map(table.keys.map((k, i) => [k, i]));
  const asOfNote = totals.asOf !== undefined ? t("asOfReason", lang, { date: totals.asOf }) : "";
  const fieldCells = (c: OrderTotals["customers"][number]) =>
    plan.measures.map((m) => {
      const x = c.values[m.field];
      if (x === null) return "";
      return m.fn === "first" || m.fn === "last" ? isoOf(x) : String(x);
    });
  const header = [plan.keyHeader, ...plan.measures.map((m) => m.field), "grade", ...(scores ? ["score"] : []), "reason"];
  const records: string[][] = [header];
  const errorRows: { key: string; reason: string }[] = [];
  for (const c of totals.customers) {
    const i = index.get(c.key);
    let grade = "";
    let score = "";
    let reason: string;
    if (i === undefined) {
      reason = tr(c.error!, lang);
      errorRows.push({ key: c.key, reason });
    } else {
      const g = result.grade(i);
      grade = g === null ? "" : lang === "zh-CN" ? result.label(i, lang) : g;
      const s = result.status(i) === "graded" ? result.score(i) : null;
      score = s === null ? "" : String(s);
      reason = result.reason(i, lang);
      if (asOfNote) reason = reason ? `${reason}; ${asOfNote}` : asOfNote;
      if (result.status(i) === "error") errorRows.push({ key: c.key, reason });
    }
    records.push([c.key, ...fieldCells(c), grade, ...(scores ? [score] : []), reason]);
  }

  if (outFormat === "csv") {
    writeCsvOutput(output, records.map((r) => r.map((x) => neutralise(x))), { bom: values["no-bom"] !== true, lang, write: (s) => io.out(s), inputs });
  } else {
    const wb = new (excel().Workbook)();
    const base = input === "-" ? "orders" : path.basename(input, path.extname(input));
    const ws = wb.addWorksheet(sheetNameFor(`${base} customers`));
    records.forEach((r, k) => {
      const row = ws.getRow(k + 1);
      r.forEach((x, c) => {
        const numeric = k > 0 && c > 0 && x !== "" && /^-?\d+(\.\d+)?$/.test(x);
        row.getCell(c + 1).value = numeric ? Number(x) : x;
      });
      if (k === 0) row.font = { bold: true };
    });
    await writeXlsxOutput(output, wb, inputs);
  }

  if (values.quiet !== true) {
    const counts = result.counts();
    const lines: string[] = [];
    for (const w of warnings) lines.push(issueLine(w, lang));
    lines.push(t("head", lang, { lines: totals.lines, customers: totals.customers.length, key: plan.keyHeader }));
    lines.push(t("measures", lang, { list: plan.measures.map((m) => `${m.field} = ${m.fn}(${m.header})`).join(", ") }));
    if (totals.asOf !== undefined) lines.push(t("asOf", lang, { date: totals.asOf }));
    const graded = counts.grades.reduce((s, g) => s + g.count, 0);
    lines.push(t("graded", lang, { n: totals.customers.length, graded, errors: counts.errors + (totals.customers.length - table.rowCount), empty: counts.empty }));
    for (const g of counts.grades) if (g.count > 0) lines.push(`  ${lang === "zh-CN" ? tr(g.grade.label, lang) : g.grade.id}  ${g.count}`);
    if (totals.keylessCount > 0) {
      lines.push(t("keyless", lang, { n: totals.keylessCount }));
      for (const k of totals.keyless.slice(0, SHOWN)) lines.push("  " + tr(k.reason, lang));
    }
    if (errorRows.length > 0) {
      lines.push(t("errors", lang));
      for (const e of errorRows.slice(0, SHOWN)) lines.push(`  ${e.key}: ${e.reason}`);
    }
    if (output !== "-") lines.push(t("written", lang, { out: output }));
    io.err(lines.join("\n") + "\n");
  }
  return 0;
}
