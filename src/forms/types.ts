/**
 * The layout of a grading form: a sheet layout (the engine's sheet model: cells, formulas,
 * merges, styles, data validation, conditional formats, frozen rows, print setup) plus what the
 * form's own code needs to know about it (columns and their roles, data rows, grade column).
 * The CLI's xlsx drawer and the Office.js drawer both draw exactly this; neither decides anything
 * about the layout.
 *
 * Coordinates are zero-based sheet rows and columns (row 0 = Excel row 1, column 0 = A).
 */
import type { CellStyle, ConditionalFormat, Lang, PrintSetup, SheetCell, SheetLayout, Text, Validation } from "../engine";

export type { Area, HAlign, VAlign, ValidationRule, HeaderFooterText } from "../engine";
/** The form's names for the sheet model's types. */
export type FormCell = SheetCell;
export type FormStyle = CellStyle;
export type FormValidation = Validation;
export type FormConditionalFormat = ConditionalFormat;
/** A form's print setup always repeats its header rows. */
export type FormPrint = PrintSetup & { titleRows: { first: number; last: number } };

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

export interface FormLayout extends SheetLayout {
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
