/**
 * `gradekit compile`: a template as native Excel formulas (one line per row) or as one SQL query.
 *
 * Excel targets print, for each row FIRST..LAST, the grade formula and, for templates that score,
 * a tab and the score formula; each formula starts with `=`, so the lines paste into a sheet as
 * formulas (a tab moves to the next cell). SQL prints one query.
 */
import { type Catalogue, type GradeKitError, type Lang, type Template } from "../../engine";
import { columnLetters, columnNumber, compileSql, formulaRowPrinter, isRefusal, type FormulaTarget, type Formulas, type Refusal } from "../../engine/compile";
import { compileOrdersSql } from "../../engine/compile/orders-sql";
import { ordersOf, parseAgg } from "../../engine/input/orders";
import { errorsOf, fail, type CliIo } from "../messages";
import { langOption, parseCommandArgs, splitPairs } from "./args";
import { loadTemplate, parseParams } from "./template-source";

const OPTIONS = {
  template: { type: "string", short: "t" },
  target: { type: "string" },
  map: { type: "string", multiple: true },
  rows: { type: "string" },
  table: { type: "string" },
  quote: { type: "string" },
  param: { type: "string", multiple: true },
  lang: { type: "string" },
  orders: { type: "boolean" },
  key: { type: "string", short: "k" },
  agg: { type: "string", multiple: true },
} as const;

const TARGETS = ["excel", "excel-compat", "sql"] as const;
/** Formula lines written at a time. */
const LINES_PER_WRITE = 4096;
type Target = (typeof TARGETS)[number];

/** This command's own sentences (all of them errors). */
const COMPILE_MESSAGES = {
  needTarget: { en: "--target is required: excel, excel-compat or sql (run `gradekit help compile`)", zh: "缺少 --target：excel、excel-compat 或 sql（运行 `gradekit help compile` 查看用法）" },
  badTarget: { en: "--target must be excel, excel-compat or sql, not '{value}'", zh: "--target 只能是 excel、excel-compat 或 sql，而不是“{value}”" },
  sqlOnly: { en: "{option} applies to --target sql only", zh: "{option} 只适用于 --target sql" },
  excelOnly: { en: "{option} applies to the Excel targets only (excel, excel-compat)", zh: "{option} 只适用于 Excel 目标（excel、excel-compat）" },
  badMapItem: { en: "--map '{item}': write it as field=COLUMN (e.g. closeMonths=B)", zh: "--map “{item}”：请写成 字段=列（例如 closeMonths=B）" },
  badColumn: { en: "--map {field}={column}: '{column}' is not a column letter (A to XFD)", zh: "--map {field}={column}：“{column}”不是有效的列字母（A 到 XFD）" },
  sameColumn: { en: "--map: fields '{a}' and '{b}' are both in column {column}", zh: "--map：字段“{a}”和“{b}”都在 {column} 列" },
  tooManyColumns: { en: "the fields do not fit in the columns A to XFD", zh: "字段超出 A 到 XFD 列的范围" },
  badRows: { en: "--rows '{value}': write it as FIRST:LAST with 1 <= FIRST <= LAST <= 1048576 (e.g. 2:101)", zh: "--rows “{value}”：请写成 首行:末行，且 1 <= 首行 <= 末行 <= 1048576（例如 2:101）" },
  badQuote: { en: "--quote must be double or backtick, not '{value}'", zh: "--quote 只能是 double 或 backtick，而不是“{value}”" },
  refused: { en: "cannot compile '{id}' for {target}: {reason}", zh: "无法将“{id}”编译为 {target}：{reason}" },
} as const satisfies Catalogue;

const failCompile = errorsOf(COMPILE_MESSAGES);

/** `--map field=COLUMN,...` -> column letters per field; unmapped fields fill A, B, C... in template order. */
export function columnsFor(template: Template, items: string[]): Record<string, string> {
  const keys = template.fields.map((f) => f.key);
  const out: Record<string, string> = {};
  const owner = new Map<string, string>();
  for (const item of items) {
    const eq = item.indexOf("=");
    if (eq <= 0) throw failCompile("badMapItem", "usage", { item });
    const field = item.slice(0, eq).trim();
    const column = item.slice(eq + 1).trim().toUpperCase();
    if (!keys.includes(field)) throw fail("mapUnknownField", "usage", { field, template: template.id, fields: keys.join(", ") });
    if (!columnNumber(column)) throw failCompile("badColumn", "usage", { field, column });
    const other = owner.get(column);
    if (other !== undefined && other !== field) throw failCompile("sameColumn", "usage", { a: other, b: field, column });
    if (out[field] !== undefined) owner.delete(out[field]);
    out[field] = column;
    owner.set(column, field);
  }
  let next = 1;
  for (const key of keys) {
    if (out[key] !== undefined) continue;
    while (owner.has(columnLetters(next))) next++;
    if (next > 16384) throw failCompile("tooManyColumns", "unsupported");
    out[key] = columnLetters(next);
    owner.set(out[key], key);
  }
  return out;
}

/** `--rows FIRST:LAST` (or one row number). */
export function parseRows(value: string | undefined): { first: number; last: number } {
  if (value === undefined) return { first: 2, last: 2 };
  const m1 = /^\s*(\d+)\s*(?::\s*(\d+)\s*)?$/.exec(value);
  const first = m1 ? Number(m1[1]) : NaN;
  const last = m1 ? Number(m1[2] ?? m1[1]) : NaN;
  if (!(first >= 1 && last >= first && last <= 1_048_576)) throw failCompile("badRows", "usage", { value });
  return { first, last };
}


function refused(r: Refusal, id: string, target: Target): GradeKitError {
  return failCompile("refused", "unsupported", { id, target, reason: r.reason });
}

/** `gradekit compile --template <id|file> --target excel|excel-compat|sql [options]` -> exit code. */
export async function compileCommand(argv: string[], io: CliIo, fallbackLang: Lang): Promise<number> {
  const { values } = parseCommandArgs("compile", argv, OPTIONS, fallbackLang);
  const lang = langOption(values.lang, fallbackLang);
  if (values.template === undefined) throw fail("needOption", "usage", { option: "--template", cmd: "compile" });
  if (values.target === undefined) throw failCompile("needTarget", "usage");
  const target = String(values.target) as Target;
  if (!TARGETS.includes(target)) throw failCompile("badTarget", "usage", { value: String(values.target) });
  const isSql = target === "sql";
  for (const [opt, given, sqlOnly] of [
    ["--table", values.table !== undefined, true],
    ["--quote", values.quote !== undefined, true],
    ["--map", values.map !== undefined, false],
    ["--rows", values.rows !== undefined, false],
    ["--orders", values.orders !== undefined || values.key !== undefined || values.agg !== undefined, true],
  ] as const) {
    if (given && sqlOnly !== isSql) throw failCompile(sqlOnly ? "sqlOnly" : "excelOnly", "usage", { option: opt });
  }

  const { template } = loadTemplate(String(values.template), lang);
  const params = parseParams(splitPairs(values.param as string[] | undefined), template);

  if (isSql) {
    const quote = values.quote === undefined ? "double" : String(values.quote);
    if (quote !== "double" && quote !== "backtick") throw failCompile("badQuote", "usage", { value: quote });
    const table = values.table === undefined ? undefined : String(values.table);
    const sql = values.orders
      ? compileOrdersSql(template, ordersOf(template, { key: values.key as string | undefined, agg: ((values.agg as string[] | undefined) ?? []).map(parseAgg) }), { linesTable: table, quote, params })
      : compileSql(template, { table, quote, params });
    if (isRefusal(sql)) throw refused(sql, template.id, target);
    io.out(sql + "\n");
    return 0;
  }

  const columns = columnsFor(template, splitPairs(values.map as string[] | undefined));
  const { first, last } = parseRows(values.rows === undefined ? undefined : String(values.rows));
  const printer = formulaRowPrinter(template, { target: target as FormulaTarget, columns, firstRow: first, lastRow: last, params });
  if (isRefusal(printer)) throw refused(printer, template.id, target);
  // The last row's formulas are the longest: a refusal (Excel's limits) comes before any output.
  const lastRow = printer(last);
  if (isRefusal(lastRow)) throw refused(lastRow, template.id, target);
  const line = (f: Formulas) => (f.score !== undefined ? `=${f.grade}\t=${f.score}` : `=${f.grade}`);
  // Up to 1,048,575 lines (gigabytes for a population template): written in blocks, never held whole.
  const write = io.write ?? ((s: string) => Promise.resolve(io.out(s)));
  let block: string[] = [];
  for (let r = first; r <= last; r++) {
    const f = r === last ? lastRow : printer(r);
    if (isRefusal(f)) throw refused(f, template.id, target);
    block.push(line(f));
    if (block.length === LINES_PER_WRITE || r === last) {
      await write(block.join("\n") + "\n");
      block = [];
    }
  }
  return 0;
}
