/**
 * The .xlsx drawer of the sheet-layout model (`src/engine/sheet`), through exceljs: values and
 * formulas (no cached results, so Excel and LibreOffice compute them on load), styles merged per
 * cell, merges, data validation, conditional formats (one per rule and area, in priority order),
 * frozen panes and the selected cell, column widths and row heights, A4 page setup and the page
 * header/footer. The CLI's `form` and `review` commands write their sheets with it.
 *
 * exceljs cannot write charts: a layout's charts are left out and counted in the result.
 * Columns to fit to their contents keep the layout's widths (a file cannot measure text).
 */
import type * as ExcelJS from "exceljs";
import { areaA1, cellA1, cellsOf, headerFooterString, type CellStyle, type SheetLayout, type Validation } from "../engine";
import { excel } from "./io";

const H_ALIGN = { left: "left", center: "center", right: "right" } as const;
const V_ALIGN = { top: "top", center: "middle", bottom: "bottom" } as const;

const argb = (hex: string) => "FF" + hex.replace(/^#/, "").toUpperCase();
const thin = (): Partial<ExcelJS.Border> => ({ style: "thin", color: { argb: "FF808080" } });
const solid = (hex: string): ExcelJS.Fill => ({ type: "pattern", pattern: "solid", fgColor: { argb: argb(hex) }, bgColor: { argb: argb(hex) } });

export interface XlsxDrawResult {
  worksheet: ExcelJS.Worksheet;
  /** Charts of the layout not written (exceljs has no charts). */
  chartsLeftOut: number;
}

/** A new workbook that Excel recalculates on opening (its formula cells carry no cached results). */
export function newXlsxWorkbook(): ExcelJS.Workbook {
  const wb = new (excel().Workbook)();
  wb.creator = "GradeKit";
  wb.calcProperties = { fullCalcOnLoad: true };
  return wb;
}

function sheetOptions(layout: SheetLayout): Partial<ExcelJS.AddWorksheetOptions> {
  const options: Partial<ExcelJS.AddWorksheetOptions> = {};
  const f = layout.freeze;
  const active = layout.select ? { activeCell: cellA1(layout.select.row, layout.select.col) } : {};
  if (f && (f.rows || f.cols)) options.views = [{ state: "frozen", xSplit: f.cols, ySplit: f.rows, topLeftCell: cellA1(f.rows, f.cols), ...active }];
  else if (layout.select) options.views = [{ state: "normal", ...active }];
  const p = layout.print;
  if (p) {
    options.pageSetup = {
      paperSize: 9, // A4
      orientation: p.orientation,
      fitToPage: true,
      fitToWidth: p.fitToWidth,
      fitToHeight: p.fitToHeight,
      horizontalCentered: p.centerHorizontally,
      margins: { ...p.margins },
      printArea: areaA1(p.area),
      ...(p.titleRows ? { printTitlesRow: `${p.titleRows.first + 1}:${p.titleRows.last + 1}` } : {}),
    };
    options.headerFooter = { oddHeader: headerFooterString(p.header), oddFooter: headerFooterString(p.footer) };
  }
  return options;
}

function writeCells(ws: ExcelJS.Worksheet, layout: SheetLayout): void {
  for (const b of layout.blocks) {
    b.values.forEach((row, i) => {
      const xr = ws.getRow(b.row + i + 1);
      row.forEach((v, j) => {
        if (v !== "") xr.getCell(b.col + j + 1).value = v;
      });
    });
  }
  for (const c of layout.cells) ws.getCell(c.row + 1, c.col + 1).value = "formula" in c ? { formula: c.formula, date1904: false } : c.value;
}

/** Styles: every entry's attributes merged per cell, then set once per cell. */
function writeStyles(ws: ExcelJS.Worksheet, layout: SheetLayout): void {
  const merged = new Map<string, { style: CellStyle; border: Partial<ExcelJS.Borders> }>();
  for (const { area, style } of layout.styles) {
    const { border, ...rest } = style;
    for (const [r, c] of cellsOf(area)) {
      const k = `${r},${c}`;
      let v = merged.get(k);
      if (!v) merged.set(k, (v = { style: {}, border: {} }));
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
    if (s.fill) cell.fill = solid(s.fill);
    const alignment: Partial<ExcelJS.Alignment> = {};
    if (s.hAlign) alignment.horizontal = H_ALIGN[s.hAlign];
    if (s.vAlign) alignment.vertical = V_ALIGN[s.vAlign];
    if (s.wrap) alignment.wrapText = true;
    if (Object.keys(alignment).length) cell.alignment = alignment;
    if (s.numberFormat) cell.numFmt = s.numberFormat;
    if (Object.keys(border).length) cell.border = border;
  }
}

function validationOf(v: Validation): ExcelJS.DataValidation {
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
  if (v.rule.kind === "list") return { type: "list", formulae: [v.rule.source ? areaA1(v.rule.source, true) : `"${v.rule.items.join(",")}"`], ...common };
  const { min, max } = v.rule;
  const rule: Pick<ExcelJS.DataValidation, "operator" | "formulae"> =
    min !== undefined && max !== undefined
      ? { operator: "between", formulae: [min, max] }
      : min !== undefined
        ? { operator: "greaterThanOrEqual", formulae: [min] }
        : max !== undefined
          ? { operator: "lessThanOrEqual", formulae: [max] }
          : { operator: "between", formulae: ["-1E+307", "1E+307"] };
  return { type: "decimal", ...rule, ...common };
}

function writeRules(ws: ExcelJS.Worksheet, layout: SheetLayout): void {
  const dv = (ws as unknown as { dataValidations: { add(address: string, v: ExcelJS.DataValidation): void } }).dataValidations;
  for (const v of layout.validations) dv.add(areaA1(v.area), validationOf(v));
  layout.conditionalFormats.forEach((cf, i) => {
    const font = cf.fontColor !== undefined ? { font: { color: { argb: argb(cf.fontColor) } } } : {};
    const style = { fill: { type: "pattern", pattern: "solid", bgColor: { argb: argb(cf.fill) } } as ExcelJS.Fill, ...font };
    const rule: ExcelJS.ConditionalFormattingRule =
      cf.kind === "equals"
        ? { type: "cellIs", operator: "equal", formulae: [`"${cf.text.replace(/"/g, '""')}"`], priority: i + 1, style }
        : { type: "expression", formulae: [`ISERROR(${cellA1(cf.area.row, cf.area.col)})`], priority: i + 1, style };
    ws.addConditionalFormatting({ ref: areaA1(cf.area), rules: [rule] });
  });
}

/** Adds the layout as a worksheet of `wb`. */
export function drawXlsxSheet(wb: ExcelJS.Workbook, layout: SheetLayout): XlsxDrawResult {
  const ws = wb.addWorksheet(layout.sheetName, sheetOptions(layout));
  // exceljs leaves out a width of exactly 9 (its default; Excel's is 8.43): nudge it so it is written.
  layout.columns.forEach((c, i) => (ws.getColumn(i + 1).width = c.width === 9 ? 9.001 : c.width));
  for (const [r, h] of Object.entries(layout.rowHeights)) ws.getRow(Number(r) + 1).height = h;
  writeCells(ws, layout);
  writeStyles(ws, layout);
  for (const a of layout.merges) ws.mergeCells(a.row + 1, a.col + 1, a.row + a.rows, a.col + a.cols);
  writeRules(ws, layout);
  // A manual break under sheet row n (1-based) starts the next page at zero-based row n.
  for (const r of layout.print?.rowBreaks ?? []) if (r > 0) ws.getRow(r).addPageBreak();
  return { worksheet: ws, chartsLeftOut: layout.charts.length };
}
