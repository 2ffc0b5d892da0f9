/**
 * Insert form: a new worksheet holding a grading form (`src/forms`: the MF/Q 102/A form for
 * `mfq-102a`, a fill-in form for any other template), drawn with Office.js from the same layout
 * model the CLI writes to .xlsx. The form grades itself with portable formulas (no add-in needed
 * once it is inserted).
 *
 * One `Excel.run`. Syncs: 1 (sheet names) + 1 (sheet, widths, heights, texts) + one per block of
 * grade/score formulas (4 MB each; a 1000-row form of a long template needs a few) + 1 (merges,
 * formats, data validation, conditional formats, frozen rows) + 1 (print setup, ExcelApi 1.9).
 * Where the page layout API is missing (Excel 2016/2019 before 1.9) or refuses a setting, the form
 * stays inserted without (all of) its print setup and `printSetup` is false.
 */
import {
  excelColumnWidthToPoints,
  formLayout,
  isFormRefusal,
  type Area,
  type FormLayout,
  type FormStyle,
} from "../forms";
import { cellA1, columnLetters, sheetAddress } from "./address";
import { jsonBytes, PAYLOAD_BUDGET_BYTES } from "./batching";
import { formulaString, textCell } from "./cell-text";
import type { InsertFormOptions, InsertFormResult } from "./contract";
import { FormError } from "./errors";
import type { ExcelApi } from "./excel-api";

const H_ALIGN = { left: "Left", center: "Center", right: "Right" } as const;
const V_ALIGN = { top: "Top", center: "Center", bottom: "Bottom" } as const;
const BORDER_COLOR = "#808080";

/** The sheet name, or that name with " (2)", " (3)"... when taken (case-insensitive, <= 31 characters). */
export function uniqueSheetName(name: string, taken: readonly string[]): string {
  const used = new Set(taken.map((s) => s.toLowerCase()));
  if (!used.has(name.toLowerCase())) return name;
  for (let i = 2; ; i++) {
    const suffix = ` (${i})`;
    const candidate = [...name].slice(0, 31 - suffix.length).join("") + suffix;
    if (!used.has(candidate.toLowerCase())) return candidate;
  }
}

function rangeOf(ws: Excel.Worksheet, a: Area): Excel.Range {
  return ws.getRangeByIndexes(a.row, a.col, a.rows, a.cols);
}

/** Runs of consecutive rows with the same height: [firstRow, lastRow, height]. */
function heightRuns(heights: Record<number, number>): [number, number, number][] {
  const rows = Object.keys(heights).map(Number).sort((a, b) => a - b);
  const out: [number, number, number][] = [];
  for (const r of rows) {
    const last = out[out.length - 1];
    if (last && last[1] === r - 1 && last[2] === heights[r]) last[1] = r;
    else out.push([r, r, heights[r]]);
  }
  return out;
}

function applyStyle(range: Excel.Range, area: Area, s: FormStyle): void {
  const f = range.format;
  if (s.bold !== undefined) f.font.bold = s.bold;
  if (s.italic !== undefined) f.font.italic = s.italic;
  if (s.size !== undefined) f.font.size = s.size;
  if (s.color !== undefined) f.font.color = s.color;
  if (s.fill !== undefined) f.fill.color = s.fill;
  if (s.hAlign !== undefined) f.horizontalAlignment = H_ALIGN[s.hAlign];
  if (s.vAlign !== undefined) f.verticalAlignment = V_ALIGN[s.vAlign];
  if (s.wrap !== undefined) f.wrapText = s.wrap;
  if (s.numberFormat !== undefined) range.numberFormat = [[s.numberFormat]];
  if (s.border) {
    const edges: Excel.BorderIndex[] =
      s.border === "bottom"
        ? ["EdgeBottom" as Excel.BorderIndex]
        : ([
            "EdgeTop",
            "EdgeBottom",
            "EdgeLeft",
            "EdgeRight",
            ...(area.cols > 1 ? ["InsideVertical"] : []),
            ...(area.rows > 1 ? ["InsideHorizontal"] : []),
          ] as Excel.BorderIndex[]);
    for (const e of edges) {
      const b = f.borders.getItem(e);
      b.style = "Continuous";
      b.weight = "Thin";
      b.color = BORDER_COLOR;
    }
  }
}

/** What a constant cell gets through `Range.formulas`: numbers as they are, text guarded (a leading `=`, digits...). */
function constant(v: string | number, numberFormat?: string): string | number {
  return typeof v === "number" ? v : textCell(v, numberFormat);
}

/** The texts of the form (everything but the grade/score formulas): rows 0..height-1, null where nothing is written. */
function staticGrid(layout: FormLayout): { grid: (string | number | null)[][]; cols: number } {
  const cols = Math.max(layout.width, ...layout.cells.map((c) => c.col + 1));
  const grid: (string | number | null)[][] = Array.from({ length: layout.height }, () => new Array(cols).fill(null));
  for (const c of layout.cells) if (!("formula" in c)) grid[c.row][c.col] = constant(c.value);
  return { grid, cols };
}

/** The grade and score formulas by column, as `=...` strings, one per data row. */
function formulaColumns(layout: FormLayout): Map<number, string[]> {
  const out = new Map<number, string[]>();
  const { first, last } = layout.dataRows;
  for (const c of layout.cells) {
    if (!("formula" in c)) continue;
    let col = out.get(c.col);
    if (!col) out.set(c.col, (col = new Array(last - first + 1).fill("")));
    col[c.row - first] = `=${c.formula}`;
  }
  return out;
}

/**
 * Inserts the form of `template` as a new worksheet (activated, the first cell to fill selected).
 * Throws `FormError` when the template cannot be compiled to formulas (nothing is inserted).
 */
export async function insertForm(excel: ExcelApi, options: InsertFormOptions): Promise<InsertFormResult> {
  const layout = formLayout(options.template, { rows: options.rows, lang: options.lang, params: options.params });
  if (isFormRefusal(layout)) throw new FormError(layout);

  return excel.run(async (context) => {
    const sheets = context.workbook.worksheets;
    sheets.load("items/name");
    await context.sync();
    const name = uniqueSheetName(layout.sheetName, sheets.items.map((s) => s.name));

    // 1. The sheet, its column widths and row heights, and the texts.
    context.application.suspendApiCalculationUntilNextSync();
    context.application.suspendScreenUpdatingUntilNextSync();
    const ws = sheets.add(name);
    layout.columns.forEach((c, i) => {
      const letters = columnLetters(i);
      ws.getRange(`${letters}:${letters}`).format.columnWidth = excelColumnWidthToPoints(c.width);
    });
    for (const [r0, r1, h] of heightRuns(layout.rowHeights)) ws.getRange(`${r0 + 1}:${r1 + 1}`).format.rowHeight = h;
    // Number formats of the data columns first, so that text formats (`@`) hold before anything is typed.
    for (const { area, style } of layout.styles) if (style.numberFormat) rangeOf(ws, area).numberFormat = Array.from({ length: area.rows }, () => new Array(area.cols).fill(style.numberFormat));
    const { grid, cols } = staticGrid(layout);
    ws.getRangeByIndexes(0, 0, layout.height, cols).formulas = grid as unknown as string[][];
    await context.sync();

    // 2. Grade and score formulas, in blocks under the request size budget.
    const { first } = layout.dataRows;
    for (const [col, formulas] of formulaColumns(layout)) {
      const perRow = Math.max(1, jsonBytes(formulas[0]) + 8);
      const step = Math.max(1, Math.floor(PAYLOAD_BUDGET_BYTES / perRow));
      for (let i = 0; i < formulas.length; i += step) {
        const part = formulas.slice(i, i + step);
        context.application.suspendApiCalculationUntilNextSync();
        ws.getRangeByIndexes(first + i, col, part.length, 1).formulas = part.map((f) => [f]);
        await context.sync();
      }
    }

    // 3. Merges, formats, data validation, conditional formats, frozen header rows.
    context.application.suspendScreenUpdatingUntilNextSync();
    for (const a of layout.merges) rangeOf(ws, a).merge(false);
    for (const { area, style } of layout.styles) {
      const { numberFormat: _done, ...rest } = style;
      void _done;
      if (Object.keys(rest).length) applyStyle(rangeOf(ws, area), area, rest);
    }
    for (const v of layout.validations) {
      const dv = rangeOf(ws, v.area).dataValidation;
      if (v.rule.kind === "list") {
        const src = v.rule.source;
        dv.rule = { list: { inCellDropDown: true, source: src ? `=$${columnLetters(src.col)}$${src.row + 1}:$${columnLetters(src.col)}$${src.row + src.rows}` : v.rule.items.join(",") } };
      } else {
        const { min, max } = v.rule;
        dv.rule = {
          decimal:
            min !== undefined && max !== undefined
              ? { operator: "Between", formula1: min, formula2: max }
              : min !== undefined
                ? { operator: "GreaterThanOrEqualTo", formula1: min }
                : max !== undefined
                  ? { operator: "LessThanOrEqualTo", formula1: max }
                  : { operator: "Between", formula1: -1e307, formula2: 1e307 },
        };
      }
      dv.ignoreBlanks = true;
      dv.prompt = { showPrompt: true, title: v.prompt.title, message: v.prompt.message };
      dv.errorAlert = { showAlert: true, style: "Stop", title: v.error.title, message: v.error.message };
    }
    // Excel puts a new rule on top: add the last first, so the layout's first rule ends on top.
    for (const cf of [...layout.conditionalFormats].reverse()) {
      const range = rangeOf(ws, cf.area);
      if (cf.kind === "equals") {
        const f = range.conditionalFormats.add("CellValue");
        f.cellValue.format.fill.color = cf.fill;
        f.cellValue.rule = { formula1: `=${formulaString(cf.text)}`, operator: "EqualTo" };
        f.priority = 0;
      } else {
        const f = range.conditionalFormats.add("Custom");
        f.custom.rule.formula = `=ISERROR(${cellA1(cf.area.row, cf.area.col)})`;
        f.custom.format.fill.color = cf.fill;
        f.custom.format.font.color = cf.fontColor;
        f.priority = 0;
      }
    }
    if (layout.freeze.rows || layout.freeze.cols) {
      if (layout.freeze.cols) ws.freezePanes.freezeAt(ws.getRangeByIndexes(0, 0, layout.freeze.rows, layout.freeze.cols));
      else ws.freezePanes.freezeRows(layout.freeze.rows);
    }
    ws.activate();
    ws.getRangeByIndexes(first, 0, 1, 1).select();
    await context.sync();

    // 4. Print setup (ExcelApi 1.9).
    let printSetup = true;
    try {
      const p = layout.print;
      const pl = ws.pageLayout;
      pl.orientation = p.orientation === "landscape" ? "Landscape" : "Portrait";
      pl.paperSize = "A4";
      pl.zoom = { horizontalFitToPages: p.fitToWidth, verticalFitToPages: p.fitToHeight };
      pl.centerHorizontally = p.centerHorizontally;
      pl.leftMargin = p.margins.left * 72;
      pl.rightMargin = p.margins.right * 72;
      pl.topMargin = p.margins.top * 72;
      pl.bottomMargin = p.margins.bottom * 72;
      pl.headerMargin = p.margins.header * 72;
      pl.footerMargin = p.margins.footer * 72;
      pl.setPrintTitleRows(`$${p.titleRows.first + 1}:$${p.titleRows.last + 1}`);
      pl.setPrintArea(rangeOf(ws, p.area));
      const hf = pl.headersFooters.defaultForAllPages;
      hf.leftHeader = p.header.left;
      hf.centerHeader = p.header.center;
      hf.rightHeader = p.header.right;
      hf.leftFooter = p.footer.left;
      hf.centerFooter = p.footer.center;
      hf.rightFooter = p.footer.right;
      await context.sync();
    } catch {
      // The form is in place and usable; only its print setup is missing (ApiNotFound before
      // ExcelApi 1.9, or a setting this Excel refuses). Say so rather than fail the whole insert.
      printSetup = false;
    }

    const { last } = layout.dataRows;
    return {
      sheet: name,
      address: sheetAddress(name, { r0: first, c0: 0, r1: last, c1: layout.width - 1 }),
      rows: last - first + 1,
      printSetup,
      notes: layout.notes,
    };
  });
}
