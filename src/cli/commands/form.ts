/**
 * `gradekit form <template> --out form.xlsx [--rows N] [--lang en|zh-CN]`: a print-ready grading
 * form that grades itself. The layout is the forms model (`src/forms`); the xlsx drawer
 * (`../xlsx-draw.ts`) writes it: values and formulas (no cached results, so Excel and LibreOffice
 * compute them on load), merges, styles, data validation, one conditional format per grade, frozen
 * header rows, A4 page setup fitted to the page width with the header rows repeated, and the page
 * header/footer.
 */
import * as path from "path";
import type * as ExcelJS from "exceljs";
import { catalogue, tr, type Catalogue, type Lang } from "../../engine";
import { formLayout, isFormRefusal, DEFAULT_FORM_ROWS, MAX_FORM_ROWS, type FormLayout } from "../../forms";
import { writeXlsxOutput } from "../io";
import { checkOutputTarget } from "../output-file";
import { errorsOf, type CliIo } from "../messages";
import { drawXlsxSheet, newXlsxWorkbook } from "../xlsx-draw";
import { langOption, parseCommandArgs, splitPairs } from "./args";
import { issueLine, loadTemplate, parseParams } from "./template-source";

const OPTIONS = {
  template: { type: "string", short: "t" },
  out: { type: "string", short: "o" },
  rows: { type: "string" },
  lang: { type: "string" },
  param: { type: "string", multiple: true },
  quiet: { type: "boolean", short: "q" },
  force: { type: "boolean" },
} as const;

const FORM_MESSAGES = {
  needTemplate: { en: "give a template: gradekit form <template id|file.json> --out form.xlsx", zh: "请指定模板：gradekit form <模板ID|模板.json> --out 表单.xlsx" },
  twoTemplates: { en: "give one template, not '{a}' and '{b}'", zh: "只能指定一个模板，而不是“{a}”和“{b}”" },
  needOut: { en: "--out <file.xlsx> is required", zh: "需要 --out <文件.xlsx>" },
  outXlsx: { en: "--out '{path}' must be an .xlsx file", zh: "--out“{path}”必须是 .xlsx 文件" },
  badRows: { en: "--rows '{value}': give a whole number from 1 to {max}", zh: "--rows“{value}”：请填写 1 到 {max} 之间的整数" },
  refused: { en: "cannot make a form for '{id}': {reason}", zh: "无法为“{id}”生成表单：{reason}" },
  written: { en: "form written to {out}: sheet '{sheet}', {rows} rows to fill in (rows {first}-{last})", zh: "表单已写入 {out}：工作表“{sheet}”，可填写 {rows} 行（第 {first}-{last} 行）" },
} as const satisfies Catalogue;

const msg = catalogue(FORM_MESSAGES);
const failForm = errorsOf(FORM_MESSAGES);

/** The form layout as an exceljs workbook (one sheet). */
export function formWorkbook(layout: FormLayout): ExcelJS.Workbook {
  const wb = newXlsxWorkbook();
  drawXlsxSheet(wb, layout);
  return wb;
}

function parseRowsOption(v: unknown): number {
  if (v === undefined) return DEFAULT_FORM_ROWS;
  const s = String(v).trim();
  const n = /^\d+$/.test(s) ? Number(s) : NaN;
  if (!(n >= 1 && n <= MAX_FORM_ROWS)) throw failForm("badRows", "usage", { value: s, max: MAX_FORM_ROWS });
  return n;
}

/** `gradekit form <template> --out form.xlsx [--rows N] [--lang en|zh-CN] [--param k=v]` -> exit code. */
export async function formCommand(argv: string[], io: CliIo, fallbackLang: Lang): Promise<number> {
  const { values, positionals } = parseCommandArgs("form", argv, OPTIONS, fallbackLang, true);
  const lang = langOption(values.lang, fallbackLang);
  const given = [...positionals, ...(values.template !== undefined ? [String(values.template)] : [])];
  if (given.length === 0) throw failForm("needTemplate", "usage");
  if (given.length > 1) throw failForm("twoTemplates", "usage", { a: given[0], b: given[1] });
  const out = values.out as string | undefined;
  if (!out) throw failForm("needOut", "usage");
  if (path.extname(out).toLowerCase() !== ".xlsx") throw failForm("outXlsx", "usage", { path: out });
  const rows = parseRowsOption(values.rows);

  const loaded = loadTemplate(given[0], lang);
  checkOutputTarget(out, [given[0]], values.force === true);
  if (!values.quiet) for (const w of loaded.warnings) io.err(issueLine(w, lang) + "\n");
  const params = parseParams(splitPairs(values.param as string[] | undefined), loaded.template);
  const layout = formLayout(loaded.template, { rows, lang, params });
  if (isFormRefusal(layout)) throw failForm("refused", "unsupported", { id: loaded.template.id, reason: layout.reason });

  await writeXlsxOutput(out, formWorkbook(layout), [given[0]]);
  if (!values.quiet) {
    for (const n of layout.notes) io.err(tr(n, lang) + "\n");
    io.err(msg("written", lang, { out, sheet: layout.sheetName, rows, first: layout.dataRows.first + 1, last: layout.dataRows.last + 1 }) + "\n");
  }
  return 0;
}

