/**
 * The contract between the workbook adapter (`src/excel/`, the only Office.js code) and its users
 * (task pane, playground): `WorkbookActions` and every option and result type it speaks. Imports
 * nothing but the engine, so any module of the adapter can depend on it without a circle.
 * Components receive a `WorkbookActions` through a React context or hook and never call Office.js
 * themselves, so the same UI runs in Excel and on the in-memory host.
 */
import type { CheckIssue, DateReading, GradeInfo, HeaderMatch, Lang, OrderMeasure, Template, Text } from "../engine";
import type { Comparison, FollowUp } from "../engine/review";

// ---------------------------------------------------------------------------------------------
// the table

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

// ---------------------------------------------------------------------------------------------
// apply

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
  /**
   * With `portable`: number text the engine reads and the formulas cannot (`1,200`, `10万`; list
   * them first with `textNumbersIn`) is first rewritten as the engine's numbers, in the same undo
   * entry as the formulas. Without it such cells are refused by name (AdapterError "notPortable").
   * @default false
   */
  writeTextNumbers?: boolean;
  /** Colour grade cells with one conditional format per grade. @default true */
  colour?: boolean;
  /** Language of labels and reasons. @default "en" */
  lang?: Lang;
  /** Parameter overrides for the template. */
  params?: Record<string, number>;
  /** How dates are read: the as-of date, day/month order, columns of dates for elapsed-day fields. */
  dates?: DateReading;
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

// ---------------------------------------------------------------------------------------------
// undo

export interface UndoOptions {
  /** Set after the user confirmed putting the old contents back over cells edited since the apply. @default false */
  confirmEdits?: boolean;
}

/** A cell written by an apply that holds something else now. */
export interface EditedCell {
  /** e.g. `Data!F7` */
  address: string;
  /** What the cell holds now (its formula text or value; "" when cleared). */
  now: string;
}

export interface UndoResult {
  restored: boolean;
  /** The output area put back, e.g. `Data!F1:G16`. */
  address?: string;
  /** Cells edited since the apply (the first few named; `editedCount` all of them): undo did nothing and asks first. */
  edited?: EditedCell[];
  editedCount?: number;
  /** Sheets written for the apply (the summary) that undo deleted. */
  removedSheets?: string[];
  /** Applies still to undo after this one. */
  remaining?: number;
}

// ---------------------------------------------------------------------------------------------
// summary

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
  /**
   * The period the summary is of (`2026-11`): the summary goes to its own sheet
   * (`GradeKit Summary 2026-11`), so summaries of earlier periods stay. Without it: the
   * language's working summary sheet, replaced by the next summary without a period.
   */
  period?: string;
  /** Set after the user confirmed replacing the summary of the same period. */
  confirmReplace?: boolean;
  /** How dates are read (as in `ApplyOptions`). */
  dates?: DateReading;
}

export interface SummaryResult {
  /**
   * `needsConfirmation`: a summary of this period exists (`sheet`) and `confirmReplace` was not
   * set; nothing was written and `rows` is empty. Ask, then call again with `confirmReplace`.
   */
  status: "written" | "needsConfirmation";
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

// ---------------------------------------------------------------------------------------------
// period review (`review/`)

export interface SavePeriodOptions {
  template: Template;
  /** The graded table (as readSelection returned it). Without it: the table around the selection. */
  table?: TableInfo;
  /**
   * Column indexes are relative to the table's first column and may point past its last column
   * (the Grade/Score columns apply wrote to the right of the table).
   */
  keyColumn: number;
  /** Column holding the grades (ids or labels, as apply writes them). Without it the rows are graded now with `mapping`. */
  gradeColumn?: number;
  /** Column holding the scores (with `gradeColumn`). */
  scoreColumn?: number;
  /** Field -> column, to grade now when `gradeColumn` is not given. */
  mapping?: Record<string, number>;
  params?: Record<string, number>;
  /** A column saved as the Measure (revenue, quantity...) for the review's measure shares. */
  measureColumn?: number;
  /** Period label, e.g. `2024-03`. */
  period: string;
  /** Date of the period (Excel serial, ISO text or Date). @default today */
  date?: number | string | Date;
  /** Set after the user confirmed replacing the period's earlier rows. */
  confirmReplace?: boolean;
  /** Language of a new history sheet. @default "en" */
  lang?: Lang;
  onProgress?: (done: number, total: number) => void;
}

export type SavePeriodResult =
  | {
      status: "needsConfirmation";
      period: string;
      /** Rows already saved for this period (not superseded). */
      existingRows: number;
      sheet: string;
    }
  | {
      status: "saved";
      period: string;
      sheet: string;
      /** The appended rows, e.g. `'GradeKit History'!A12:I40`. */
      address: string;
      rowsSaved: number;
      /** Earlier rows of this period marked superseded. */
      replacedRows: number;
      /** Table rows without a key (not saved). */
      skippedNoKey: number;
      /** Rows saved without a grade (not graded) and with a grade the template does not know. */
      ungraded: number;
      unknownGrades: number;
      /** Keys appearing more than once (saved as they are; the review reports them). */
      duplicateKeys: string[];
    };

export interface SavedPeriod {
  period: string;
  /** ISO date of the first row of the period. */
  date: string;
  rows: number;
  supersededRows: number;
  templateIds: string[];
}

export interface ComparePeriodsOptions {
  previous: string;
  current: string;
  /** Grade order and labels. Default: the built-in template the periods were saved with, else first appearance. */
  template?: Template;
  lang?: Lang;
  /** Name shown for the Measure column. */
  measureName?: string;
  onProgress?: (done: number, total: number) => void;
}

export interface ComparePeriodsResult {
  sheet: string;
  comparison: Comparison;
  /** The templates the two periods were saved with (ids). */
  templateIds: string[];
  /** The grade order used: "template" or "firstAppearance". */
  order: "template" | "firstAppearance";
}

export interface PeriodTrendOptions {
  /** Saved periods to set side by side, oldest first. Default: every saved period by its date, oldest first. */
  periods?: string[];
  /** Grade order, labels and colours. Default: the built-in template the periods were saved with. */
  template?: Template;
  lang?: Lang;
}

export interface PeriodTrendResult {
  sheet: string;
  periods: string[];
  /** Grades as saved (template order first, then others in first appearance). */
  grades: string[];
  /** counts[p][g]: rows of period p saved with grade g. */
  counts: number[][];
  /** Rows of each period saved without a grade. */
  blanks: number[];
  chart: string;
}

export interface SupplyReviewOptions {
  /** One sheet per month, oldest first (the last is the reviewed month); `name` as the user calls the month (default: the sheet's name). */
  months: { sheet: string; name?: string }[];
  /** Header of the retailer key column (or `#N`, the N-th column of the used range). */
  key: string;
  /** Review parameters over the source's example defaults (`ranges`, `raiseShare`, …; checked: a holiday share above 30% is refused). */
  params?: Record<string, unknown>;
  /** The month after the reviewed one is a holiday month (its ceiling gets the holiday share). */
  holidayNext?: boolean;
  lang?: Lang;
}

export interface SupplyReviewResult {
  sheet: string;
  /** The reviewed month's name. */
  month: string;
  /** Every retailer of the reviewed month (and earlier months), in order of first appearance. */
  results: {
    key: string;
    status: "reviewed" | "bad";
    oldTier: number | null;
    newTier: number | null;
    change: number | null;
    ceiling: number | null;
    /** Names every step that applied, in the chosen language. */
    reason: string;
  }[];
  /** Each retailer in one class: bad input; else lost (no row for the month); else new (under 3 months); else by the change. */
  counts: { up: number; down: number; same: number; new: number; lost: number; bad: number };
  /** Rows without a key in each month (ignored). */
  blankKeys: number[];
  chart: string;
}

export interface FollowUpOptions {
  template: Template;
  table?: TableInfo;
  /** Grade column (relative to the table's first column; may be past its end). */
  gradeColumn: number;
  lastContactColumn: number;
  /** "Today" for the overdue flag (serial, ISO text or Date). @default the computer's calendar date */
  today?: number | string | Date;
  lang?: Lang;
  /** Zero-based sheet column of the first output column, or "right" (after the last header). */
  targetColumn?: number | "right";
  /** Set after the user confirmed replacing non-empty cells. */
  confirmOverwrite?: boolean;
}

export type FollowUpResult =
  | { status: "needsConfirmation"; cellsToReplace: number; address: string }
  | {
      status: "written";
      address: string;
      today: string;
      scheduled: number;
      overdue: number;
      noCadence: number;
      noDate: number;
      problems: { row: number; reason: string }[];
      rows: FollowUp[];
    };

// ---------------------------------------------------------------------------------------------
// workbook templates (`storage.ts`)

/** One save of a template: its version, when, and the change note. */
export interface TemplateSaveEntry {
  version: number;
  /** ISO 8601 time of the save. */
  savedAt: string;
  note: string;
}

/** A template saved in the workbook, with its save history (oldest first). */
export interface StoredTemplate {
  template: Template;
  history: TemplateSaveEntry[];
}

/** A template part that could not be read (damaged, hand-edited, from a newer GradeKit ...). */
export interface StoredTemplateProblem {
  /** The custom XML part's id. */
  partId: string;
  /** The template id, when it could be read. */
  templateId?: string;
  issues: CheckIssue[];
}

export interface WorkbookTemplates {
  /** One per template id (the highest version when a file holds several parts for one id). */
  templates: StoredTemplate[];
  problems: StoredTemplateProblem[];
}

export interface SaveTemplateOptions {
  /** Change note of this save (trimmed; at most `MAX_NOTE_CHARS`). */
  note?: string;
  /**
   * The stored version the edit started from: `null` = a new template (refused when the id is
   * already saved), a number = refused when the workbook now holds another version (someone saved
   * in between). Omitted: no check, the save simply follows the stored version.
   */
  baseVersion?: number | null;
  /** Time of the save. @default new Date() */
  now?: Date;
}

// ---------------------------------------------------------------------------------------------
// forms (`forms.ts`)

export interface InsertFormOptions {
  template: Template;
  /** Rows to fill in. @default 15 (DEFAULT_FORM_ROWS) */
  rows?: number;
  /** Language of the form's texts (the MF/Q 102/A form is Chinese whatever this says). @default "en" */
  lang?: Lang;
  params?: Record<string, number>;
}

export interface InsertFormResult {
  /** The new sheet's name (the layout's, with " (2)", " (3)"... when that name was taken). */
  sheet: string;
  /** The rows to fill in, e.g. `'客户分类等级划分表'!A6:I20`. */
  address: string;
  rows: number;
  /** False when Excel lacks the page layout API (ExcelApi 1.9): the form has no print setup. */
  printSetup: boolean;
  /** Notes for the user (e.g. grades that rank the form's rows against each other). */
  notes: Text[];
}

// ---------------------------------------------------------------------------------------------
// prepare to share (`share/`)

/** Portable formulas for Excel 2016+ and LibreOffice (`excel-compat`) or for Excel 365 (`excel`: with LET). */
export type ShareTarget = "excel-compat" | "excel";

export interface ShareOptions {
  /** @default "excel-compat" */
  target?: ShareTarget;
}

/** One `GK.*` formula and what a colleague without GradeKit would see instead. */
export interface ShareItem {
  /** The cell holding the formula, e.g. `Data!F2`. */
  address: string;
  /** The cells it fills (its spill area for a block), e.g. `Data!F2:F20`. */
  area: string;
  /** The formula as written. */
  formula: string;
  /** `GRADE`, `SCORE`, `EXPLAIN`, `TIER` or `PERCENTILE_TIER` (absent when the GK call is part of a larger formula). */
  fn?: string;
  /** The template's id (GRADE, SCORE, EXPLAIN). */
  template?: string;
  /** `formula`: portable formulas replace it; `value`: its current value(s) replace it. */
  becomes: "formula" | "value";
  /** The first replacement: a formula (with "=") or a value as text. */
  preview: string;
  /** Why it cannot become a formula (with `becomes: "value"`). */
  reason?: Text;
}

export interface ShareCheckResult {
  target: ShareTarget;
  /** Cells whose formula calls a GK function. */
  formulas: number;
  /** Cells written when converting (spill areas included). */
  cells: number;
  /** Items becoming portable formulas, and values. */
  toFormulas: number;
  toValues: number;
  /** Sheets holding GK formulas, in tab order. */
  sheets: string[];
  items: ShareItem[];
  /**
   * The items becoming formulas, as runs for a short list: formulas of one function and template
   * whose areas follow each other down a column (a scalar formula filled down) make one run.
   */
  formulaRuns: { area: string; formulas: number; fn?: string; template?: string }[];
  /** Template parts of the workbook that could not be read (their formulas count as unknown templates). */
  unreadableTemplates: number;
}

export interface ShareResult extends ShareCheckResult {
  /** True when anything was replaced (one undo step puts every formula back). */
  replaced: boolean;
}

// ---------------------------------------------------------------------------------------------
// the actions

/** Everything the UI can ask of the workbook. Every adapter provides every action. */
/** "My selection holds order lines": aggregate the selected lines per customer, grade the customers onto a new sheet. */
export interface OrderLinesOptions {
  template: Template;
  /** The table as `readSelection` returned it; without it, the table around the selection. */
  table?: TableInfo;
  /** The key column's header (else the template's `orders.key`). */
  key?: string;
  /** Measures replacing or adding to the template's (`parseAgg("total=sum(金额)")`). */
  agg?: OrderMeasure[];
  /** The date days-since measures count to (serial, ISO text or Date). @default today (UTC) */
  asOf?: number | string | Date;
  params?: Record<string, number>;
  lang?: Lang;
}

export interface OrderLinesResult {
  /** The new sheet holding one row per customer. */
  sheet: string;
  lines: number;
  customers: number;
  graded: number;
  /** Customers not graded (an unreadable line, a bad measure), with the reason. */
  errors: { key: string; reason: string }[];
  /** Lines without a key (the first few, by sheet row) and how many in all. */
  keyless: { line: number; reason: string }[];
  keylessCount: number;
  /** ISO as-of date, when a measure counts days. */
  asOf?: string;
}

/** Grades that remember over saved periods (templates with `review.hold` or `review.validity`). */
export interface HeldGradesOptions {
  template: Template;
  /** Saved periods, oldest first. @default every saved period, in order of first appearance */
  periods?: string[];
  lang?: Lang;
}

export interface HeldGradesResult {
  /** The new sheet: key, period, earned, held, periodsHeld, rule, reason (each customer's last period). */
  sheet: string;
  periods: string[];
  customers: number;
  /** Customers per rule in their last period (`keep`, `raise`, `hold`, `grace`, `lower`, `valid`, `renew`, `expire`, `missing`, ...). */
  rules: Record<string, number>;
  /** Customers seen before but missing from a period (their grade is carried). */
  missing: { period: string; keys: string[] }[];
}

export interface WorkbookActions {
  /** The selected table (or the current region around the active cell), matched to a template. */
  readSelection(template: Template): Promise<ReadTableResult>;
  /** Grades and writes; returns a confirmation request instead when target cells are not empty. */
  apply(options: ApplyOptions): Promise<ApplyResult>;
  /** Order lines in the selection -> customers graded on a new sheet. */
  gradeOrderLines(options: OrderLinesOptions): Promise<OrderLinesResult>;
  /** Applies the template's hold/validity rules over the saved periods onto a new sheet. */
  heldGrades(options: HeldGradesOptions): Promise<HeldGradesResult>;
  /**
   * Restores exactly what the last apply replaced (and deletes the summary sheet written for it);
   * the applies before it can be undone next, newest first (up to `UNDO_LEVELS` since the pane
   * opened). When cells it wrote were edited since, nothing is restored without `confirmEdits`:
   * the result names them.
   */
  undoLastApply(options?: UndoOptions): Promise<UndoResult>;
  /** True when there is an apply to undo in this workbook. */
  canUndo(): Promise<boolean>;
  /** Writes the summary sheet (of a period: its own sheet; asks before replacing one of the same period). */
  writeSummary(options: SummaryOptions): Promise<SummaryResult>;
  /** Selects a cell or range (e.g. a bad input cell from the result panel). */
  select(address: string): Promise<void>;
  /** Saves the table's grades as a period of the history table; asks first when the period exists. */
  savePeriod(options: SavePeriodOptions): Promise<SavePeriodResult>;
  /** The periods saved in the history table, in order of first appearance. */
  listPeriods(): Promise<SavedPeriod[]>;
  /** Compares two saved periods and writes the review sheet (migration matrix and lists). */
  comparePeriods(options: ComparePeriodsOptions): Promise<ComparePeriodsResult>;
  /** Writes the period comparison sheet (grades × saved periods, change between the last two, a chart). */
  periodTrend(options: PeriodTrendOptions): Promise<PeriodTrendResult>;
  /** The tobacco month-end supply review over month sheets (oldest first): writes the review sheet. */
  supplyReview(options: SupplyReviewOptions): Promise<SupplyReviewResult>;
  /** The workbook's worksheet names, in tab order. */
  listSheets(): Promise<string[]>;
  /** Writes next contact date / overdue / follow-up columns from the grades' cadences. */
  writeFollowUp(options: FollowUpOptions): Promise<FollowUpResult>;
  /** Custom templates saved in this workbook (custom XML parts), and parts that could not be read. */
  listTemplates(): Promise<WorkbookTemplates>;
  /** Saves a custom template in the workbook (version + 1, change note in its history); refuses one with checker errors. */
  saveTemplate(template: Template, options?: SaveTemplateOptions): Promise<StoredTemplate>;
  /** Deletes a custom template from the workbook; false when it was not there. */
  deleteTemplate(id: string): Promise<boolean>;
  /** Inserts a grading form (MF/Q 102/A for mfq-102a, a fill-in form for other templates) as a new sheet that grades itself. */
  insertForm(options: InsertFormOptions): Promise<InsertFormResult>;
  /** Read-only: every GK.* formula of the workbook and what it becomes for a colleague without GradeKit. */
  shareCheck(options?: ShareOptions): Promise<ShareCheckResult>;
  /** Replaces every GK.* formula by portable formulas where the template compiles, else by its current value; one undo step restores them. */
  prepareToShare(options?: ShareOptions): Promise<ShareResult>;
}
