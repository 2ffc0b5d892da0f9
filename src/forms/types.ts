/**
 * The layout model of a grading form: everything a print-ready, self-grading sheet holds (cells,
 * formulas, merges, styles, data validation, conditional formats, frozen rows, print setup), as
 * plain data. The CLI's exceljs writer (`src/cli/commands/form.ts`) and the Office.js adapter
 * (`src/excel/forms.ts`) both draw exactly this; neither decides anything about the layout.
 *
 * Coordinates are zero-based sheet rows and columns (row 0 = Excel row 1, column 0 = A).
 */
import type { Lang, Text } from "../engine";

/** A rectangle of cells. */
export interface Area {
  row: number;
  col: number;
  rows: number;
  cols: number;
}

/** One cell's content: a constant or a formula (without the leading `=`). */
export type FormCell =
  | { row: number; col: number; value: string | number }
  | { row: number; col: number; formula: string };

export type HAlign = "left" | "center" | "right";
export type VAlign = "top" | "center" | "bottom";

/** Cell formatting; later entries of `FormLayout.styles` add to earlier ones. */
export interface FormStyle {
  bold?: boolean;
  italic?: boolean;
  /** Font size in points. */
  size?: number;
  /** Font colour `#RRGGBB`. */
  color?: string;
  /** Solid fill `#RRGGBB`. */
  fill?: string;
  hAlign?: HAlign;
  vAlign?: VAlign;
  wrap?: boolean;
  numberFormat?: string;
  /** `grid`: thin lines around and between every cell of the area; `bottom`: a thin line under it (a signature line). */
  border?: "grid" | "bottom";
}

export type ValidationRule =
  /** A drop-down of words. `source` absent: the words inline (`"a,b,c"`); present: the cells holding them. */
  | { kind: "list"; items: string[]; source?: Area }
  /** A number (decimal), inclusive bounds; neither bound: any number. */
  | { kind: "decimal"; min?: number; max?: number };

export interface FormValidation {
  area: Area;
  rule: ValidationRule;
  /** Input message shown when a cell is selected (title <= 32 characters, message <= 255). */
  prompt: { title: string; message: string };
  /** Stop alert shown for a value the rule refuses (title <= 32, message <= 255). */
  error: { title: string; message: string };
}

/**
 * A conditional format, in priority order (the first entry of `FormLayout.conditionalFormats` has
 * the highest priority). `equals`: the cell's value equals the text `text` (one rule per grade);
 * `error`: the cell shows an error value (`ISERROR`).
 */
export type FormConditionalFormat =
  | { kind: "equals"; area: Area; text: string; fill: string; grade: string }
  | { kind: "error"; area: Area; fill: string; fontColor: string };

/** Header or footer: the three sections, with Excel's codes (`&P` page, `&N` pages, `&&` an ampersand). */
export interface HeaderFooterText {
  left: string;
  center: string;
  right: string;
}

export interface FormPrint {
  paper: "A4";
  orientation: "landscape" | "portrait";
  /** Pages across (1: fit to the page width). */
  fitToWidth: number;
  /** Pages down; 0 = as many as needed. */
  fitToHeight: number;
  /** Rows repeated at the top of every printed page (zero-based, inclusive). */
  titleRows: { first: number; last: number };
  area: Area;
  header: HeaderFooterText;
  footer: HeaderFooterText;
  /** Margins in inches. */
  margins: { left: number; right: number; top: number; bottom: number; header: number; footer: number };
  centerHorizontally: boolean;
}

/** What a column of the form's table holds. */
export type ColumnRole = "text" | "status" | "field" | "score" | "grade" | "notes";

export interface FormColumn {
  header: string;
  role: ColumnRole;
  /** Field key, for `field` columns. */
  field?: string;
  /** Width in characters (Excel's column width unit). */
  width: number;
}

export interface FormLayout {
  /** `mfq-102a`: the source's paper form; `template`: the fill-in form of any template. */
  kind: "mfq-102a" | "template";
  templateId: string;
  templateVersion: number;
  lang: Lang;
  /** A valid sheet name (<= 31 characters, none of `[]:*?/\`); the adapter may add " (2)" when taken. */
  sheetName: string;
  title: string;
  /** The form number printed on the sheet and in the page header/footer (MF/Q 102/A), if any. */
  formNumber?: string;
  /** Columns of the table, from column 0. */
  columns: FormColumn[];
  /** Zero-based row of the column headers. */
  headerRow: number;
  /** Zero-based first and last data rows (the rows people fill in). */
  dataRows: { first: number; last: number };
  /** Column of each field, zero-based. */
  fieldColumns: Record<string, number>;
  gradeColumn: number;
  scoreColumn?: number;
  /** Used width and height (columns 0..width-1, rows 0..height-1). */
  width: number;
  height: number;
  cells: FormCell[];
  merges: Area[];
  styles: { area: Area; style: FormStyle }[];
  /** Row heights in points, by zero-based row. */
  rowHeights: Record<number, number>;
  validations: FormValidation[];
  conditionalFormats: FormConditionalFormat[];
  /** Rows (and columns) kept in view when scrolling. */
  freeze: { rows: number; cols: number };
  print: FormPrint;
  /** Notes for the person who asked for the form (e.g. grades that rank the form's rows against each other). */
  notes: Text[];
}

export interface FormOptions {
  /** Data rows to fill in. @default 20 */
  rows?: number;
  /** Language of the form's texts (the MF/Q 102/A form is Chinese whatever this says). @default "en" */
  lang?: Lang;
  /** Template parameter overrides (as for grading). */
  params?: Readonly<Record<string, number>>;
}

/** Why a form cannot be made: the compiler refused the template, or the options are wrong. */
export interface FormRefusal {
  ok: false;
  code: string;
  reason: Text;
}
