/**
 * `gradekit form <template> --out form.xlsx [--rows N] [--lang en|zh-CN]`: a print-ready grading
 * form that grades itself. The layout is the forms model (`src/forms`); this file only draws it
 * with exceljs: values and formulas (no cached results, so Excel and LibreOffice compute them on
 * load), merges, styles, data validation, one conditional format per grade, frozen header rows,
 * A4 landscape page setup fitted to the page width with the header rows repeated, and the page
 * header/footer.
 */
import * as path from "path";
import type * as ExcelJS from "exceljs";
import { catalogue, tr, type Catalogue, type Lang } from "../../engine";
import { areaA1, formLayout, headerFooterString, isFormRefusal, DEFAULT_FORM_ROWS, MAX_FORM_ROWS, type Area, type FormLayout, type FormStyle } from "../../forms";
import { excel, writeXlsxOutput } from "../io";
import { errorsOf, type CliIo } from "../messages";
import { langOption, parseCommandArgs, splitPairs } from "./args";
import { issueLine, loadTemplate, parseParams } from "./template-source";

const OPTIONS = {
  template: { type: "string", short: "t" },
  out: { type: "string", short: "o" },
  rows: { type: "string" },
  lang: { type: "string" },
  param: { type: "string", multiple: true },
  quiet: { type: "boolean", short: "q" },
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

const argb = (hex: string) => "FF" + hex.replace(/^#/, "").toUpperCase();
const thin = (): Partial<ExcelJS.Border> => ({ style: "thin", color: { argb: "FF808080" } });

function cellsOf(a: Area): [number, number][] {
  const out: [number, number][] = [];
  for (let r = a.row; r < a.row + a.rows; r++) for (let c = a.col; c < a.col + a.cols; c++) out.push([r, c]);
  return out;
}

const H_ALIGN = { left: "left", center: "center", right: "right" } as const;
const V_ALIGN = { top: "top", center: "middle", bottom: "bottom" } as const;

/** The form layout as an exceljs workbook (one sheet). */
export function formWorkbook(layout: FormLayout): ExcelJS.Workbook {
  const wb = new (excel().Workbook)();
  wb.creator = "GradeKit";
  // Excel: compute every formula when the file is opened (the cells carry no cached results).
  wb.calcProperties = { fullCalcOnLoad: true };
  const first = layout.dataRows.first;
  const p = layout.print;
  const ws = wb.addWorksheet(layout.sheetName, {
    views: [{ state: "frozen", xSplit: layout.freeze.cols, ySplit: layout.freeze.rows, topLeftCell: `A${layout.freeze.rows + 1}`, activeCell: `A${first + 1}` }],
    pageSetup: {
      paperSize: 9, // A4
      orientation: p.orientation,
      fitToPage: true,
      fitToWidth: p.fitToWidth,
      fitToHeight: p.fitToHeight,
      horizontalCentered: p.centerHorizontally,
      margins: { ...p.margins },
      printArea: areaA1(p.area),
      printTitlesRow: `${p.titleRows.first + 1}:${p.titleRows.last + 1}`,
    },
    headerFooter: { oddHeader: headerFooterString(p.header), oddFooter: headerFooterString(p.footer) },
  });

  // exceljs leaves out a width of exactly 9 (its default; Excel's is 8.43): nudge it so it is written.
  layout.columns.forEach((c, i) => (ws.getColumn(i + 1).width = c.width === 9 ? 9.001 : c.width));
  for (const [r, h] of Object.entries(layout.rowHeights)) ws.getRow(Number(r) + 1).height = h;

  for (const c of layout.cells) {
    const cell = ws.getCell(c.row + 1, c.col + 1);
    cell.value = "formula" in c ? { formula: c.formula, date1904: false } : c.value;
  }

  // Styles: every entry's attributes merged per cell, then set once per cell.
  const merged = new Map<string, { style: FormStyle; border: Partial<ExcelJS.Borders> }>();
  const at = (r: number, c: number) => {
    const k = `${r},${c}`;
    let v = merged.get(k);
    if (!v) merged.set(k, (v = { style: {}, border: {} }));
    return v;
  };
  for (const { area, style } of layout.styles) {
    const { border, ...rest } = style;
    for (const [r, c] of cellsOf(area)) {
      const v = at(r, c);
      Object.assign(v.style, rest);
      if (border === "grid") Object.assign(v.border, { top: thin(), left: thin(), bottom: thin(), right: thin() });
      if (border === "bottom" && r === area.row + area.rows - 1) v.border.bottom = thin();
    }
  }
  for (const [k, { style: s, border }] of merged) {
    const [r, c] = k.split(",").map(Number);
    const cell = ws.getCell(r + 1, c + 1);
    const font: Partial<ExcelJS.Font> = {};
    if (s.bold) font.bold = true;
    if (s.italic) font.italic = true;
    if (s.size) font.size = s.size;
    if (s.color) font.color = { argb: argb(s.color) };
    if (Object.keys(font).length) cell.font = font;
    if (s.fill) cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(s.fill) }, bgColor: { argb: argb(s.fill) } };
    const alignment: Partial<ExcelJS.Alignment> = {};
    if (s.hAlign) alignment.horizontal = H_ALIGN[s.hAlign];
    if (s.vAlign) alignment.vertical = V_ALIGN[s.vAlign];
    if (s.wrap) alignment.wrapText = true;
    if (Object.keys(alignment).length) cell.alignment = alignment;
    if (s.numberFormat) cell.numFmt = s.numberFormat;
    if (Object.keys(border).length) cell.border = border;
  }

  for (const a of layout.merges) ws.mergeCells(a.row + 1, a.col + 1, a.row + a.rows, a.col + a.cols);

  const dv = (ws as unknown as { dataValidations: { add(address: string, v: ExcelJS.DataValidation): void } }).dataValidations;
  for (const v of layout.validations) {
    const common = {
      allowBlank: true,
      showInputMessage: true,
      promptTitle: v.prompt.title,
      prompt: v.prompt.message,
      showErrorMessage: true,
      errorStyle: "stop",
      errorTitle: v.error.title,
      error: v.error.message,
    };
    if (v.rule.kind === "list") {
      const formula = v.rule.source ? areaA1(v.rule.source, true) : `"${v.rule.items.join(",")}"`;
      dv.add(areaA1(v.area), { type: "list", formulae: [formula], ...common });
    } else {
      const { min, max } = v.rule;
      const rule: Pick<ExcelJS.DataValidation, "operator" | "formulae"> =
        min !== undefined && max !== undefined
          ? { operator: "between", formulae: [min, max] }
          : min !== undefined
            ? { operator: "greaterThanOrEqual", formulae: [min] }
            : max !== undefined
              ? { operator: "lessThanOrEqual", formulae: [max] }
              : { operator: "between", formulae: ["-1E+307", "1E+307"] };
      dv.add(areaA1(v.area), { type: "decimal", ...rule, ...common });
    }
  }

  layout.conditionalFormats.forEach((cf, i) => {
    if (cf.kind === "equals") {
      ws.addConditionalFormatting({
        ref: areaA1(cf.area),
        rules: [{ type: "cellIs", operator: "equal", formulae: [`"${cf.text.replace(/"/g, '""')}"`], priority: i + 1, style: { fill: { type: "pattern", pattern: "solid", bgColor: { argb: argb(cf.fill) } } } }],
      });
    } else {
      const topLeft = areaA1({ ...cf.area, rows: 1, cols: 1 });
      ws.addConditionalFormatting({
        ref: areaA1(cf.area),
        rules: [
          {
            type: "expression",
            formulae: [`ISERROR(${topLeft})`],
            priority: i + 1,
            style: { fill: { type: "pattern", pattern: "solid", bgColor: { argb: argb(cf.fill) } }, font: { color: { argb: argb(cf.fontColor) } } },
          },
        ],
      });
    }
  });
  return wb;
}

function parseRowsOption(v: unknown, lang: Lang): number {
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
  const rows = parseRowsOption(values.rows, lang);

  const loaded = loadTemplate(given[0], lang);
  if (!values.quiet) for (const w of loaded.warnings) io.err(issueLine(w, lang) + "\n");
  const params = parseParams(splitPairs(values.param as string[] | undefined), loaded.template, lang);
  const layout = formLayout(loaded.template, { rows, lang, params });
  if (isFormRefusal(layout)) throw failForm("refused", "unsupported", { id: loaded.template.id, reason: layout.reason });

  await writeXlsxOutput(out, formWorkbook(layout), lang, [given[0]]);
  if (!values.quiet) {
    for (const n of layout.notes) io.err(tr(n, lang) + "\n");
    io.err(msg("written", lang, { out, sheet: layout.sheetName, rows, first: layout.dataRows.first + 1, last: layout.dataRows.last + 1 }) + "\n");
  }
  return 0;
}

