/**
 * The sheet-layout model: everything a GradeKit sheet holds (cells and formulas, styles, number
 * formats, merges, column widths and row heights, frozen panes, conditional formats, data
 * validation, print setup, charts) as plain data. Builders (forms, review, reports) make it; two
 * drawers write it: Office.js (`src/excel/draw`) and .xlsx through exceljs (`src/cli/xlsx-draw.ts`).
 * Neither drawer decides anything about the layout.
 *
 * Coordinates are zero-based sheet rows and columns (row 0 = Excel row 1, column 0 = A).
 */

/** A rectangle of cells. */
export interface Area {
  row: number;
  col: number;
  rows: number;
  cols: number;
}

/** A constant a cell holds. In a block, `""` leaves the cell empty. */
export type CellValue = string | number | boolean;

/** One cell's content: a constant or a formula (without the leading `=`). */
export type SheetCell = { row: number; col: number; value: CellValue } | { row: number; col: number; formula: string };

/** A rectangle of constants from (`row`, `col`): a table's body, a list. Rows may be shorter than the widest (the rest is empty). */
export interface CellBlock {
  row: number;
  col: number;
  values: CellValue[][];
}

export type HAlign = "left" | "center" | "right";
export type VAlign = "top" | "center" | "bottom";

/** Cell formatting; later entries of `SheetLayout.styles` add to earlier ones. */
export interface CellStyle {
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
  /** Excel number format code (`0.0%`, `#,##0`, `@` for text). */
  numberFormat?: string;
  /** `grid`: thin lines around and between every cell of the area; `bottom`: a thin line under it (a signature line). */
  border?: "grid" | "bottom";
}

export interface StyledArea {
  area: Area;
  style: CellStyle;
}

export type ValidationRule =
  /** A drop-down of words. `source` absent: the words inline (`"a,b,c"`); present: the cells holding them. */
  | { kind: "list"; items: string[]; source?: Area }
  /** A number (decimal), inclusive bounds; neither bound: any number. */
  | { kind: "decimal"; min?: number; max?: number };

export interface Validation {
  area: Area;
  rule: ValidationRule;
  /** Input message shown when a cell is selected (title <= 32 characters, message <= 255). */
  prompt: { title: string; message: string };
  /** Stop alert shown for a value the rule refuses (title <= 32, message <= 255). */
  error: { title: string; message: string };
}

/**
 * A conditional format over a whole area (one rule per grade, never one per cell), in priority
 * order: the first entry of `SheetLayout.conditionalFormats` has the highest priority.
 * `equals`: the cell's value equals the text `text`; `error`: the cell shows an error value
 * (`ISERROR`).
 */
export type ConditionalFormat =
  | { kind: "equals"; area: Area; text: string; fill: string; fontColor?: string; grade?: string }
  | { kind: "error"; area: Area; fill: string; fontColor: string };

/** Header or footer: the three sections, with Excel's codes (`&P` page, `&N` pages, `&&` an ampersand). */
export interface HeaderFooterText {
  left: string;
  center: string;
  right: string;
}

export interface PrintSetup {
  paper: "A4";
  orientation: "landscape" | "portrait";
  /** Pages across (1: fit to the page width). */
  fitToWidth: number;
  /** Pages down; 0 = as many as needed. */
  fitToHeight: number;
  /** Rows repeated at the top of every printed page (zero-based, inclusive). */
  titleRows?: { first: number; last: number };
  /** Manual page breaks: zero-based rows that start a new printed page. */
  rowBreaks?: number[];
  area: Area;
  header: HeaderFooterText;
  footer: HeaderFooterText;
  /** Margins in inches. */
  margins: { left: number; right: number; top: number; bottom: number; header: number; footer: number };
  centerHorizontally: boolean;
}

export type ChartKind = "column" | "bar" | "line" | "pie";

export interface SheetChart {
  kind: ChartKind;
  /** The plotted cells: labels in the first column (or row), a header row (or column) on top. */
  source: Area;
  seriesBy: "columns" | "rows";
  title: string;
  legend: boolean;
  /** The cells the chart covers (its top-left and bottom-right corners). */
  at: Area;
}

/** Width of a column in characters (Excel's column width unit). */
export interface ColumnLayout {
  width: number;
}

export interface SheetLayout {
  /** A valid sheet name (<= 31 characters, none of `[]:*?/\`). */
  sheetName: string;
  /** Single cells; drawn after (over) the blocks. */
  cells: SheetCell[];
  blocks: CellBlock[];
  merges: Area[];
  styles: StyledArea[];
  /** Widths of columns 0, 1, ... */
  columns: ColumnLayout[];
  /** Row heights in points, by zero-based row. */
  rowHeights: Record<number, number>;
  validations: Validation[];
  conditionalFormats: ConditionalFormat[];
  /** Rows and columns kept in view when scrolling. */
  freeze?: { rows: number; cols: number };
  /** The cell selected when the sheet is shown. */
  select?: { row: number; col: number };
  /**
   * Columns fitted to the contents of this area by a drawer that measures text (Office.js
   * autofit, which then ignores their `columns` widths); a file drawer keeps `columns`.
   */
  fitColumns?: Area;
  print?: PrintSetup;
  charts: SheetChart[];
}
