/**
 * `gradekit review`: compares two periods' grades (two CSV/xlsx files, e.g. two outputs of
 * `gradekit grade`): migration matrix, upgraded/downgraded/unchanged/new/lost customers,
 * duplicate keys and unknown grades. xlsx out: the same "GradeKit Review" sheet the add-in
 * writes (engine `reviewSheet` and `reviewLayout`, drawn by `../xlsx-draw.ts`); `--format csv`:
 * the matrix as `from,to,count` records.
 */
import * as path from "path";
import { catalogue, tr, type Catalogue, type Lang, type Template } from "../../engine";
import { comparePeriods, migrationRecords, reviewLayout, reviewSheet } from "../../engine/review";
import { neutralise, writeCsv } from "../../engine";
import { checkOutputTarget } from "../output-file";
import { withXlsxCharts } from "../xlsx-charts";
import { cellText, columnOf, formatOf, readCsvInput, readXlsxInput, writeCsvOutput, writeXlsxOutput, type CellValue, type InputSheet } from "../io";
import { errorsOf, fail, type CliIo } from "../messages";
import { drawXlsxSheet, newXlsxWorkbook } from "../xlsx-draw";
import { langOption, parseCommandArgs } from "./args";
import { supplyReviewCommand } from "./supply-review";
import { isTemplateRules, rulesOption, rulesReviewCommand } from "./rules-review";
import { issueLine, loadTemplate } from "./template-source";

const OPTIONS = {
  previous: { type: "string", short: "p" },
  current: { type: "string", short: "c" },
  key: { type: "string", short: "k" },
  template: { type: "string", short: "t" },
  "grade-column": { type: "string" },
  measure: { type: "string" },
  out: { type: "string", short: "o" },
  format: { type: "string" },
  lang: { type: "string" },
  quiet: { type: "boolean", short: "q" },
  force: { type: "boolean" },
} as const;

/** How many non-blank rows from the top may be looked at for the header row. */
const HEADER_SCAN = 20;

const REVIEW_MESSAGES = {
  noColumn: {
    en: "{file}: no column '{column}' in the first rows (headers: {headers}); use --key / --grade-column / --measure with a header or #N",
    zh: "{file}：前几行中没有“{column}”列（表头：{headers}）；请用 --key / --grade-column / --measure 指定表头或 #N",
  },
  badFormatOpt: { en: "--format must be csv or xlsx, not '{value}'", zh: "--format 只能是 csv 或 xlsx，而不是“{value}”" },
  needOut: { en: "--out <file.xlsx> is required (or use --format csv to print the matrix)", zh: "需要 --out <文件.xlsx>（或使用 --format csv 输出矩阵）" },
  outXlsx: { en: "--out '{path}' must be an .xlsx file for the review workbook (use --format csv for CSV)", zh: "--out“{path}”必须是 .xlsx 文件（CSV 请用 --format csv）" },
  summary: {
    en: "{prev}: {np} rows, {cur}: {nc} rows; upgraded {up}, downgraded {down}, unchanged {same}, new {added}, lost {lost}",
    zh: "{prev}：{np} 行，{cur}：{nc} 行；升级 {up}，降级 {down}，不变 {same}，新增 {added}，流失 {lost}",
  },
  order: { en: "grade order: {order}", zh: "等级顺序：{order}" },
  firstAppearance: { en: "first appearance (no --template)", zh: "按首次出现（未指定 --template）" },
  duplicates: { en: "duplicate keys, left out: {list}", zh: "重复的键（未计入）：{list}" },
  unknown: { en: "unknown grades, left out: {list}", zh: "未知等级（未计入）：{list}" },
  ungraded: { en: "{n} customer(s) without a grade in a period, left out", zh: "{n} 个客户在某一期没有等级，未计入" },
  blankKeys: { en: "{n} row(s) without a key, ignored", zh: "{n} 行没有键，已忽略" },
  badMeasure: { en: "{n} measure value(s) not a number, counted 0", zh: "{n} 个度量值不是数字，按 0 计" },
  written: { en: "review written to {out}", zh: "变动分析已写入 {out}" },
} as const satisfies Catalogue;

const t = catalogue(REVIEW_MESSAGES);
const failReview = errorsOf(REVIEW_MESSAGES);

const blank = (v: CellValue | undefined) => v === null || v === undefined || (typeof v === "string" && v.trim() === "");

interface PeriodTable {
  label: string;
  keys: CellValue[];
  grades: CellValue[];
  measure?: CellValue[];
  rows: number[];
}


/** The period's key/grade(/measure) columns: the header is the first of the top rows that holds the key and grade columns. */
function periodTable(sheet: InputSheet, file: string, spec: { key: string; grade: string; measure?: string; measureRequired: boolean }): PeriodTable {
  const rows = sheet.rows;
  let last = rows.length - 1;
  while (last >= 0 && (rows[last] ?? []).every(blank)) last--;
  let h = -1;
  let seen = 0;
  let firstHeaders: string[] = [];
  for (let r = 0; r <= last && seen < HEADER_SCAN; r++) {
    if ((rows[r] ?? []).every(blank)) continue;
    seen++;
    const headers = rows[r].map((v) => cellText(v));
    if (seen === 1) firstHeaders = headers;
    if (columnOf(headers, spec.key) >= 0 && columnOf(headers, spec.grade) >= 0) {
      h = r;
      break;
    }
  }
  const shown = firstHeaders.filter((x) => x).join(", ") || "-";
  if (h < 0) {
    const missing = firstHeaders.length && columnOf(firstHeaders, spec.key) >= 0 ? spec.grade : spec.key;
    throw failReview("noColumn", "input", { file, column: missing, headers: shown });
  }
  const headers = rows[h].map((v) => cellText(v));
  const kc = columnOf(headers, spec.key);
  const gc = columnOf(headers, spec.grade);
  const mc = spec.measure !== undefined ? columnOf(headers, spec.measure) : -1;
  if (spec.measure !== undefined && mc < 0 && spec.measureRequired) throw failReview("noColumn", "input", { file, column: spec.measure, headers: headers.join(", ") });
  const data = rows.slice(h + 1, last + 1);
  const out: PeriodTable = {
    label: file === "-" ? "stdin" : path.basename(file, path.extname(file)),
    keys: data.map((r) => r[kc] ?? null),
    grades: data.map((r) => r[gc] ?? null),
    rows: data.map((_, i) => h + 2 + i),
  };
  if (spec.measure !== undefined) out.measure = data.map((r) => (mc >= 0 ? r[mc] ?? null : null));
  return out;
}

async function readInput(file: string, lang: Lang, io: CliIo): Promise<InputSheet> {
  const f = formatOf(file);
  if (!f) throw fail("badFormat", "usage", { option: "--previous/--current", path: file });
  return f === "csv" ? readCsvInput(file, lang, io.stdin) : readXlsxInput(file, undefined, lang);
}

export async function reviewCommand(argv: string[], io: CliIo, fallbackLang: Lang): Promise<number> {
  const rules = rulesOption(argv);
  if (rules !== undefined && isTemplateRules(rules)) return rulesReviewCommand(argv, io, fallbackLang);
  if (argv.some((a) => a === "--rules" || a.startsWith("--rules="))) return supplyReviewCommand(argv, io, fallbackLang);
  const { values } = parseCommandArgs("review", argv, OPTIONS, fallbackLang);
  const lang = langOption(values.lang, fallbackLang);
  for (const o of ["previous", "current", "key"] as const) {
    if (typeof values[o] !== "string" || values[o] === "") throw fail("needOption", "usage", { option: `--${o}`, cmd: "review" });
  }
  const out = values.out as string | undefined;
  const fmtOpt = values.format as string | undefined;
  const format = fmtOpt !== undefined ? fmtOpt.toLowerCase() : out && formatOf(out) === "csv" ? "csv" : "xlsx";
  if (format !== "csv" && format !== "xlsx") throw failReview("badFormatOpt", "usage", { value: fmtOpt ?? "" });
  if (format === "xlsx") {
    if (!out) throw failReview("needOut", "usage");
    if (formatOf(out) !== "xlsx" || out === "-" || path.extname(out).toLowerCase() === ".xlsm") throw failReview("outXlsx", "usage", { path: out });
  }
  let template: Template | undefined;
  if (typeof values.template === "string") {
    const loaded = loadTemplate(values.template, lang);
    template = loaded.template;
    if (!values.quiet) for (const w of loaded.warnings) io.err(issueLine(w, lang) + "\n");
  }
  const spec = {
    key: values.key as string,
    grade: (values["grade-column"] as string | undefined) ?? "grade",
    measure: values.measure as string | undefined,
  };
  const prevFile = values.previous as string;
  const curFile = values.current as string;
  const inputs = [prevFile, curFile, values.template as string | undefined];
  if (out) checkOutputTarget(out, inputs, values.force === true);
  const prev = periodTable(await readInput(prevFile, lang, io), prevFile, { ...spec, measureRequired: false });
  const cur = periodTable(await readInput(curFile, lang, io), curFile, { ...spec, measureRequired: true });
  const c = comparePeriods(prev, cur, { template });

  if (format === "csv") {
    const records = migrationRecords(c).map((r) => r.map((x) => neutralise(x)));
    if (!out || out === "-") io.out(writeCsv(records));
    else writeCsvOutput(out, records, { bom: true, lang, inputs });
  } else {
    const layout = reviewLayout(reviewSheet(c, { lang, previous: prev.label, current: cur.label, template, measureName: spec.measure }));
    const wb = newXlsxWorkbook();
    drawXlsxSheet(wb, layout);
    await writeXlsxOutput(out!, wb, inputs, (bytes) => withXlsxCharts(bytes, [layout]));
  }

  if (!values.quiet) {
    const say = (s: string) => io.err(s + "\n");
    say(
      t("summary", lang, {
        prev: prev.label,
        np: prev.keys.length,
        cur: cur.label,
        nc: cur.keys.length,
        up: c.upgraded.length,
        down: c.downgraded.length,
        same: c.unchanged.length,
        added: c.added.length,
        lost: c.lost.length,
      }),
    );
    say(t("order", lang, { order: template ? c.grades.map((g) => (lang === "zh-CN" ? tr(g.label, lang) : g.id)).join(" > ") : t("firstAppearance", lang) + ": " + c.grades.map((g) => g.id).join(", ") }));
    const short = (xs: string[]) => (xs.length > 10 ? `${xs.slice(0, 10).join(", ")} … (${xs.length})` : xs.join(", "));
    if (c.duplicates.length) say(t("duplicates", lang, { list: short(c.duplicates.map((d) => d.key)) }));
    if (c.unknownGrades.length) say(t("unknown", lang, { list: short(c.unknownGrades.map((u) => `${u.grade} (${u.side})`)) }));
    if (c.ungraded.length) say(t("ungraded", lang, { n: c.ungraded.length }));
    if (c.blankKeys.length) say(t("blankKeys", lang, { n: c.blankKeys.length }));
    if (c.measureProblems.length) say(t("badMeasure", lang, { n: c.measureProblems.length }));
    if (format === "xlsx" || (out && out !== "-")) say(t("written", lang, { out: out! }));
  }
  return 0;
}
