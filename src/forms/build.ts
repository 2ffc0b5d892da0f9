/**
 * A form's description (`spec.ts`) laid out as a sheet (`SheetBuilder`, the engine's sheet model):
 * title, subtitle, notes, column groups and headers; the data rows with their formats, grade
 * (and score) formulas, validation and one colour rule per grade; the legend, notes and the
 * signature footer; frozen header rows and the print setup.
 */
import { area, compileTemplate, rowHeightFor, SheetBuilder, textWidth, wrappedLines, type Area, type CellStyle } from "../engine";
import { columnLetters, compileFormulaRows, isRefusal } from "../engine/compile";
import { gradeShown } from "./legend";
import { inlineListOk } from "./limits";
import { DEFAULT_ROW_HEIGHT, pageBreaks, pageHeight } from "./pages";
import { DATA_ROW_HEIGHT, FORM_ERROR_STYLE, GROUP_FILL, HEADER_FILL, MUTED, PORTRAIT_MAX_WIDTH, type FormSpec } from "./spec";
import type { FormLayout, FormPrint, FormRefusal } from "./types";
import { FORM_WORDS } from "./words";

/** The sheet builder with the form's own moves: merged, styled rows of text. */
class FormSheet extends SheetBuilder {
  /** Columns of the table, and their width in characters. */
  readonly width: number;
  readonly totalWidth: number;

  constructor(readonly spec: FormSpec) {
    super(spec.sheetName);
    this.width = spec.columns.length;
    this.totalWidth = spec.columns.reduce((s, c) => s + c.width, 0);
  }

  /** Width in characters of `cols` columns from `col`. */
  widthOf(col: number, cols: number): number {
    return this.spec.columns.slice(col, col + cols).reduce((s, c) => s + c.width, 0);
  }

  /** A text in a merged, styled area (the text in its top-left cell). */
  text(a: Area, value: string, style: CellStyle): this {
    return this.put(a.row, a.col, value).merge(a).style(a, style);
  }
}

/** Title, subtitle, notes, column groups and headers; returns the header row and the first row repeated on printed pages. */
function top(b: FormSheet): { headerRow: number; titleFirst: number } {
  const { spec, width, totalWidth } = b;
  let r = 0;
  b.text(area(r, 0, 1, width), spec.title, { bold: true, size: 16, hAlign: "center", vAlign: "center", wrap: true });
  b.rowHeight(r, rowHeightFor(wrappedLines(spec.title, totalWidth, 16), 16, 30));
  r++;
  b.text(area(r, 0, 1, width), spec.subtitle, { italic: true, size: 10, color: MUTED, hAlign: "center", vAlign: "center", wrap: true });
  b.rowHeight(r, rowHeightFor(wrappedLines(spec.subtitle, totalWidth, 10), 10, 18));
  r++;
  // Note (scope / how to fill in) and, on the right, the form number
  const rightCols = spec.noteRight ? Math.min(3, Math.floor(width / 2)) : 0;
  const leftCols = width - rightCols;
  b.text(area(r, 0, 1, leftCols), spec.noteLeft, { size: 9, hAlign: "left", vAlign: "center", wrap: true });
  let noteLines = wrappedLines(spec.noteLeft, b.widthOf(0, leftCols), 9);
  if (spec.noteRight && rightCols > 0) {
    b.text(area(r, leftCols, 1, rightCols), spec.noteRight, { bold: true, size: 10, hAlign: "right", vAlign: "center", wrap: true });
    noteLines = Math.max(noteLines, wrappedLines(spec.noteRight, b.widthOf(leftCols, rightCols), 10));
  }
  b.rowHeight(r, rowHeightFor(noteLines, 9, 18));
  r++;
  // Column groups
  const titleFirst = r;
  if (spec.groups) {
    let c = 0;
    for (const g of spec.groups) {
      b.put(r, c, g.label).merge(area(r, c, 1, g.cols));
      c += g.cols;
    }
    b.style(area(r, 0, 1, width), { bold: true, fill: GROUP_FILL, hAlign: "center", vAlign: "center", wrap: true, border: "grid" });
    b.rowHeight(r, 20);
    r++;
  }
  // Column headers
  spec.columns.forEach((c, i) => b.put(r, i, c.header));
  b.style(area(r, 0, 1, width), { bold: true, fill: HEADER_FILL, hAlign: "center", vAlign: "center", wrap: true, border: "grid" });
  b.rowHeight(r, rowHeightFor(Math.max(...spec.columns.map((c) => wrappedLines(c.header, c.width, 11, true))), 11, 30));
  return { headerRow: r, titleFirst };
}

interface DataColumns {
  fieldColumns: Record<string, number>;
  gradeColumn: number;
  scoreColumn?: number;
}

/** Excel text constant. */
const quoted = (s: string) => `"${s.replace(/"/g, '""')}"`;

/**
 * The grade formula of a cell showing `shown` instead of the grade ids where they differ (a
 * Chinese form's labels): a grade id becomes its label, "" (no data) and errors stay as they are.
 */
function shownGrades(ids: readonly string[], shown: readonly string[]): (formula: string) => string {
  if (ids.every((id, k) => id === shown[k])) return (f) => f;
  const idList = `{${ids.map(quoted).join(";")}}`;
  const shownList = `{${shown.map(quoted).join(";")}}`;
  return (f) => `IFERROR(INDEX(${shownList},MATCH(${f},${idList},0)),${f})`;
}

/** The data rows: grid, column formats, grade/score formulas, validation, grade colours. */
function data(b: FormSheet, headerRow: number, first: number, rows: number, params: Readonly<Record<string, number>> | undefined): DataColumns | FormRefusal {
  const { spec, width } = b;
  const last = first + rows - 1;
  const dataArea = (col: number) => area(first, col, rows, 1);
  b.style(area(first, 0, rows, width), { vAlign: "center", border: "grid" });
  for (let i = first; i <= last; i++) b.rowHeight(i, DATA_ROW_HEIGHT);
  const out: DataColumns = { fieldColumns: {}, gradeColumn: -1 };
  spec.columns.forEach((c, i) => {
    if (c.role === "field" && c.field) out.fieldColumns[c.field] = i;
    if (c.role === "grade") out.gradeColumn = i;
    if (c.role === "score") out.scoreColumn = i;
    const s: CellStyle = {};
    if (c.numberFormat) s.numberFormat = c.numberFormat;
    if (c.hAlign) s.hAlign = c.hAlign;
    if (c.role === "grade") Object.assign(s, { bold: true, hAlign: "center" });
    if (c.role === "score") s.hAlign = "center";
    if (c.role === "status") s.hAlign = "center";
    if (Object.keys(s).length) b.style(dataArea(i), s);
  });
  const { gradeColumn, scoreColumn } = out;

  // Formulas: the template compiled for these columns and rows.
  const letters: Record<string, string> = {};
  for (const [k, col] of Object.entries(out.fieldColumns)) letters[k] = columnLetters(col + 1);
  const compiled = compileFormulaRows(spec.template, { target: "excel-compat", columns: letters, firstRow: first + 1, lastRow: last + 1, params });
  if (isRefusal(compiled)) return { ok: false, code: compiled.code, reason: compiled.reason };
  const grades = compileTemplate(spec.template).grades;
  const shown = grades.map((g) => gradeShown(g, spec.lang));
  const gradeCell = shownGrades(grades.map((g) => g.id), shown);
  compiled.forEach((f, i) => {
    b.formula(first + i, gradeColumn, gradeCell(f.grade));
    if (scoreColumn !== undefined && f.score !== undefined) b.formula(first + i, scoreColumn, f.score);
  });

  // Lists that cannot be inline go right of the printed area (column width+1), one list per column.
  let listCol = width + 1;
  spec.columns.forEach((c, i) => {
    const v = c.validation;
    if (!v) return;
    let rule = v.rule;
    if (rule.kind === "list" && !inlineListOk(rule.items)) {
      b.put(headerRow, listCol, `${FORM_WORDS[spec.lang].listsHeader}: ${c.header}`);
      rule.items.forEach((item, k) => b.put(headerRow + 1 + k, listCol, item));
      rule = { kind: "list", items: rule.items, source: area(headerRow + 1, listCol, rule.items.length, 1) };
      b.style(area(headerRow, listCol, rule.items.length + 1, 1), { color: MUTED, size: 9 });
      listCol++;
    }
    b.validate({ area: dataArea(i), rule, prompt: v.prompt, error: v.error });
  });

  // Grade colours: one rule per grade, best grade first; then errors (#VALUE!, #N/A) in light red.
  grades.forEach((g, k) => b.conditional({ kind: "equals", area: dataArea(gradeColumn), text: shown[k], fill: g.color, grade: g.id }));
  const resultFirst = scoreColumn !== undefined && scoreColumn === gradeColumn - 1 ? scoreColumn : gradeColumn;
  b.conditional({ kind: "error", area: area(first, resultFirst, rows, gradeColumn - resultFirst + 1), ...FORM_ERROR_STYLE });
  if (scoreColumn !== undefined && resultFirst !== scoreColumn) b.conditional({ kind: "error", area: dataArea(scoreColumn), ...FORM_ERROR_STYLE });
  return out;
}

/** Legend, notes, signature lines and the form number from row `r`; returns the used height. */
function bottom(b: FormSheet, r: number): number {
  const { spec, width, totalWidth } = b;
  b.text(area(r, 0, 1, width), spec.legendTitle, { bold: true, vAlign: "center", wrap: true });
  b.rowHeight(r, rowHeightFor(wrappedLines(spec.legendTitle, totalWidth), 11, 20));
  r++;
  const textCols = Math.max(1, width - 1);
  for (const g of spec.legend) {
    b.put(r, 0, g.code).style(area(r, 0), { bold: true, fill: g.color, hAlign: "center", vAlign: "center", border: "grid" });
    // The cut-off or rule in its own cells (about half the width) when there is room, else before the text.
    const split = g.rule !== undefined && g.text !== "" && textCols >= 3;
    const ruleCols = split ? Math.ceil(textCols / 2) : 0;
    const text = g.rule !== undefined && !split ? [g.rule, g.text].filter(Boolean).join(spec.lang === "zh-CN" ? "。" : ". ") : g.text;
    let lines = 1;
    if (split) {
      b.text(area(r, 1, 1, ruleCols), g.rule!, { vAlign: "center", wrap: true, border: "grid" });
      lines = wrappedLines(g.rule!, b.widthOf(1, ruleCols));
    }
    if (width > 1) b.text(area(r, 1 + ruleCols, 1, textCols - ruleCols), text, { vAlign: "center", wrap: true, border: "grid" });
    lines = Math.max(lines, wrappedLines(text, b.widthOf(1 + ruleCols, textCols - ruleCols)));
    b.rowHeight(r, rowHeightFor(lines, 11, 18));
    r++;
  }
  for (const note of spec.extraNotes) {
    b.text(area(r, 0, 1, width), note, { size: 9, color: MUTED, vAlign: "center", wrap: true });
    b.rowHeight(r, rowHeightFor(wrappedLines(note, totalWidth, 9), 9, 16));
    r++;
  }
  r++;
  // Footer: 记录 / 审核 / 日期 with signature lines
  // Each label gets as many columns as it needs (right-aligned), its signature line the rest.
  const signature = (row: number, c0: number, cols: number, label: string) => {
    let k = 1;
    while (k < cols - 1 && b.widthOf(c0, k) < textWidth(label) * 1.1 + 2) k++;
    b.text(area(row, c0, 1, k), label, { bold: true, hAlign: "right", vAlign: "bottom" });
    if (cols > k) b.merge(area(row, c0 + k, 1, cols - k)).style(area(row, c0 + k, 1, cols - k), { border: "bottom" });
  };
  if (width >= 6) {
    const seg = Math.floor(width / 3);
    spec.footer.forEach((label, k) => signature(r, k * seg, k === 2 ? width - k * seg : seg, label));
    b.rowHeight(r, 28);
    r++;
  } else {
    for (const label of spec.footer) {
      signature(r, 0, width, label);
      b.rowHeight(r, 28);
      r++;
    }
  }
  if (spec.formNumber) {
    const cols = Math.min(3, width);
    b.text(area(r, width - cols, 1, cols), spec.formNumber, { bold: true, hAlign: "right", vAlign: "center" });
    b.rowHeight(r, 20);
    r++;
  }
  return r;
}

/** The form of `spec` with `rows` data rows; a refusal when the formula compiler refuses the template. */
export function buildForm(spec: FormSpec, rows: number, params: Readonly<Record<string, number>> | undefined): FormLayout | FormRefusal {
  const b = new FormSheet(spec);
  const { width, totalWidth } = b;
  const { headerRow, titleFirst } = top(b);
  const first = headerRow + 1;
  const last = first + rows - 1;
  const cols = data(b, headerRow, first, rows, params);
  if ("ok" in cols) return cols;
  const height = bottom(b, last + 2);

  const print: FormPrint = {
    paper: "A4",
    orientation: spec.kind === "mfq-102a" || totalWidth > PORTRAIT_MAX_WIDTH ? "landscape" : "portrait",
    fitToWidth: 1,
    fitToHeight: 0,
    titleRows: { first: titleFirst, last: headerRow },
    area: area(0, 0, height, width),
    header: spec.page.header,
    footer: spec.page.footer,
    margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.25, footer: 0.25 },
    centerHorizontally: true,
  };
  const sheet = b.freeze(headerRow + 1, 0).select(first, 0).print(print).done();
  const widths = spec.columns.map((c) => c.width);
  const rowHeight = (r: number) => sheet.rowHeights[r] ?? DEFAULT_ROW_HEIGHT;
  const breaks = pageBreaks({ height: rowHeight, titleFirst, headerRow, first, last, total: height, widths }, pageHeight(print, widths));
  if (breaks.length) print.rowBreaks = breaks;
  const notes = compileTemplate(spec.template).population ? [{ en: FORM_WORDS.en.populationNote, zh: FORM_WORDS["zh-CN"].populationNote }] : [];
  return {
    ...sheet,
    kind: spec.kind,
    templateId: spec.template.id,
    templateVersion: spec.template.version,
    lang: spec.lang,
    title: spec.title,
    formNumber: spec.formNumber,
    columns: spec.columns.map(({ header, role, field, width: w }) => (field !== undefined ? { header, role, field, width: w } : { header, role, width: w })),
    headerRow,
    dataRows: { first, last },
    ...cols,
    width,
    height,
    freeze: { rows: headerRow + 1, cols: 0 },
    print,
    notes,
  };
}
