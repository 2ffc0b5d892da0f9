/**
 * The contract between the workbook adapter (`src/excel/`, the only Office.js code) and its users
 * (task pane, playground). Components receive a `WorkbookActions` through a React context or
 * hook and never call Office.js themselves, so the same UI runs in Excel and on the in-memory host.
 */
import type { GradeInfo, HeaderMatch, Lang, Template } from "../engine";
import type {
  ComparePeriodsOptions,
  ComparePeriodsResult,
  FollowUpOptions,
  FollowUpResult,
  SavedPeriod,
  SavePeriodOptions,
  SavePeriodResult,
} from "./review";
import type { SaveTemplateOptions, StoredTemplate, WorkbookTemplates } from "./storage";
import type { InsertFormOptions, InsertFormResult } from "./forms";

/** A table found in the workbook: where it is and what its header row says. */
export interface TableInfo {
  sheet: string;
  /** Whole table including the header row, e.g. `Sheet1!A1:D120`. */
  address: string;
  /** Zero-based sheet row/column of the top-left cell of the table. */
  rowIndex: number;
  columnIndex: number;
  /** True when the first row was recognised as headers. */
  hasHeader: boolean;
  headers: string[];
  /** Data rows (without the header). */
  rowCount: number;
  columnCount: number;
}

/** The selected table read for a template: header matching and the data values. */
export interface ReadTableResult {
  table: TableInfo;
  /** Data rows, values only, as Excel gives them (numbers, strings, booleans; "" for empty). */
  rows: unknown[][];
  /** Headers matched to the template's fields, with near-miss suggestions. */
  match: HeaderMatch;
}

export interface ApplyOptions {
  template: Template;
  /**
   * The table to grade, as returned by `readSelection` (recommended: the selection may have moved
   * since). Without it, apply finds the table around the current selection again.
   */
  table?: TableInfo;
  /** Field key -> zero-based column index within the table. */
  mapping: Record<string, number>;
  /** Which columns to write. @default { grade: true, score: true when the template scores, reason: true } */
  outputs?: { grade?: boolean; score?: boolean; reason?: boolean };
  /**
   * Where the first output column goes: zero-based sheet column, or "right" = the first column
   * after the table. @default "right"
   */
  targetColumn?: number | "right";
  /**
   * Write the grade (and score) columns as native Excel formulas compiled from the template
   * (`excel-compat` target) instead of values, so they recalculate without the add-in when the
   * data changes. Reasons stay values. A template the compiler cannot express is refused.
   * @default false
   */
  portable?: boolean;
  /** Colour grade cells with one conditional format per grade. @default true */
  colour?: boolean;
  /** Language of labels and reasons. @default "en" */
  lang?: Lang;
  /** Parameter overrides for the template. */
  params?: Record<string, number>;
  /** Set after the user confirmed replacing non-empty target cells. @default false */
  confirmOverwrite?: boolean;
  /** Called after each block is written: rows done, total rows. */
  onProgress?: (done: number, total: number) => void;
  /** Stops between blocks; what was written stays and can be undone. */
  signal?: AbortSignal;
}

/** A row that could not be graded: where it is and why. */
export interface BadRow {
  /** Zero-based data row within the table. */
  row: number;
  /** Address of the first offending cell (or of the grade cell), e.g. `Sheet1!C7`. */
  address: string;
  reason: string;
}

export type ApplyResult =
  | {
      status: "needsConfirmation";
      /** Non-empty cells that would be replaced, and where. */
      cellsToReplace: number;
      address: string;
    }
  | {
      status: "applied" | "cancelled";
      /** The written output block, e.g. `Sheet1!E1:G120`. */
      address: string;
      rowsGraded: number;
      counts: { grade: GradeInfo; count: number }[];
      errors: number;
      empty: number;
      badRows: BadRow[];
    };

export interface SummaryOptions {
  template: Template;
  /** The table, as returned by `readSelection`. Without it: the table around the selection (or the last one used when the selection is on a summary sheet). */
  table?: TableInfo;
  mapping: Record<string, number>;
  /** Column (within the table) whose sum per grade is shown with its share. */
  measureColumn?: number;
  /** Column (within the table) for a group × grade cross-tab. */
  groupColumn?: number;
  lang?: Lang;
  params?: Record<string, number>;
}

export interface SummaryResult {
  sheet: string;
  /** Per grade: `share` is of the rows with data (graded + bad input); `measureShare` of the measure's total over those rows. */
  rows: { grade: string; label: string; count: number; share: number; measure?: number; measureShare?: number }[];
  /** Rows with data (graded + bad input). */
  total?: number;
  /** Rows with bad input (not graded). */
  errors?: number;
  /** Rows without data. */
  empty?: number;
  /** Sum of the measure over the rows with data. */
  measureTotal?: number;
  /** Group × grade counts, when a group column was given (groups in order of first appearance). */
  crossTab?: { groupHeader: string; groups: string[]; grades: string[]; counts: number[][]; errors: number[] };
  /** Name of the chart added to the summary sheet. */
  chart?: string;
}

/** Everything the UI can ask of the workbook. */
export interface WorkbookActions {
  /** The selected table (or the current region around the active cell), matched to a template. */
  readSelection(template: Template): Promise<ReadTableResult>;
  /** Grades and writes; returns a confirmation request instead when target cells are not empty. */
  apply(options: ApplyOptions): Promise<ApplyResult>;
  /** Restores exactly what the last apply replaced. */
  undoLastApply(): Promise<{ restored: boolean; address?: string }>;
  /** True when there is an apply to undo in this workbook. */
  canUndo(): Promise<boolean>;
  /** Writes (or replaces) the summary sheet. */
  writeSummary(options: SummaryOptions): Promise<SummaryResult>;
  /** Selects a cell or range (e.g. a bad input cell from the result panel). */
  select(address: string): Promise<void>;
  /** Saves the table's grades as a period of the history table; asks first when the period exists (`review.ts`). */
  savePeriod?(options: SavePeriodOptions): Promise<SavePeriodResult>;
  /** The periods saved in the history table, in order of first appearance. */
  listPeriods?(): Promise<SavedPeriod[]>;
  /** Compares two saved periods and writes the review sheet (migration matrix and lists). */
  comparePeriods?(options: ComparePeriodsOptions): Promise<ComparePeriodsResult>;
  /** Writes next contact date / overdue / follow-up columns from the grades' cadences. */
  writeFollowUp?(options: FollowUpOptions): Promise<FollowUpResult>;
  /** Custom templates saved in this workbook (custom XML parts, `storage.ts`), and parts that could not be read. */
  listTemplates?(): Promise<WorkbookTemplates>;
  /** Saves a custom template in the workbook (version + 1, change note in its history); refuses one with checker errors. */
  saveTemplate?(template: Template, options?: SaveTemplateOptions): Promise<StoredTemplate>;
  /** Deletes a custom template from the workbook; false when it was not there. */
  deleteTemplate?(id: string): Promise<boolean>;
  /** Inserts a grading form (MF/Q 102/A for mfq-102a, a fill-in form for other templates) as a new sheet that grades itself (`forms.ts`). */
  insertForm?(options: InsertFormOptions): Promise<InsertFormResult>;
}
